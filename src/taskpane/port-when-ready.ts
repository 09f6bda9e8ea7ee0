// The workbook before Office.js is ready: the pane paints first (Office.js's own start-up takes about
// a second on a slow PC), and whatever it asks of the workbook meanwhile waits for the real port.
import type { ReadRequest, ReadResult, WorkbookPort, WriteRequest } from "../workbook/port";

export class PortWhenReady implements WorkbookPort {
  private port: WorkbookPort | null = null;
  private readonly waiting: Promise<WorkbookPort>;
  private resolve!: (port: WorkbookPort) => void;

  constructor() {
    this.waiting = new Promise((resolve) => (this.resolve = resolve));
  }

  /** The workbook is there: calls waiting so far and every later one go to it. */
  ready(port: WorkbookPort): void {
    this.port = port;
    this.resolve(port);
  }

  get roundTrips(): number {
    return this.port?.roundTrips ?? 0;
  }

  async read(req: ReadRequest): Promise<ReadResult> {
    return (this.port ?? (await this.waiting)).read(req);
  }

  async write(req: WriteRequest): Promise<void> {
    return (this.port ?? (await this.waiting)).write(req);
  }

  async select(ref: string): Promise<void> {
    return (this.port ?? (await this.waiting)).select(ref);
  }

  async selection(): Promise<string | null> {
    return (this.port ?? (await this.waiting)).selection();
  }
}
