// pako ships no typings; only what zip.ts uses is declared, rather than adding @types/pako for it.
declare module "pako" {
  export class Inflate {
    constructor(options?: { raw?: boolean; chunkSize?: number });
    onData: (chunk: Uint8Array) => void;
    onEnd: (status: number) => void;
    push(data: Uint8Array, mode: boolean): boolean;
  }
}
