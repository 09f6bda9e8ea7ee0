// styles.xml, as far as values need it: cellXfs → numFmtId → format code (custom, else built in).
import { builtinNumFmt } from "./builtin-formats";
import { attr, scanned, type XmlHandler } from "./xml";

/** The custom number formats and each cellXfs entry's format id (a class: see XmlHandler). */
class StylesHandler implements XmlHandler {
  readonly custom = new Map<number, string>();
  readonly xfNumFmtIds: number[] = [];
  private inCellXfs = false;
  open(name: string, attrs: string): void {
    if (name === "numFmt") {
      const id = parseInt(attr(attrs, "numFmtId") ?? "", 10);
      const code = attr(attrs, "formatCode");
      if (code !== undefined) this.custom.set(id, code.replace(/[\\](.)/g, "$1"));
    } else if (name === "cellXfs") {
      this.inCellXfs = true;
    } else if (name === "xf" && this.inCellXfs) {
      this.xfNumFmtIds.push(parseInt(attr(attrs, "numFmtId") ?? "", 10));
    }
  }
  close(name: string): void {
    if (name === "cellXfs") this.inCellXfs = false;
  }
  text(): void {}
}

export class Styles {
  /** Per cellXfs index: null = no such style; undefined = a style without a number format. */
  private readonly fmts: (string | undefined)[] = [];

  constructor(xml: string | undefined) {
    if (xml === undefined) return;
    const { custom, xfNumFmtIds } = scanned(xml, new StylesHandler());
    const fmts: (string | undefined)[] = [];
    for (const id of xfNumFmtIds) fmts.push(id ? custom.get(id) || builtinNumFmt(id) || undefined : undefined);
    this.fmts = fmts;
  }

  /** The number format of style `id` as ExcelJS gives it (style 0 or an unknown id: none). */
  numFmt(id: number | undefined): string | undefined {
    if (!id) return undefined;
    return this.fmts[id];
  }
}
