// styles.xml, as far as values need it: cellXfs → numFmtId → format code (custom, else built in).
import { builtinNumFmt } from "./builtin-formats";
import { attr, scanXml } from "./xml";

export class Styles {
  /** Per cellXfs index: null = no such style; undefined = a style without a number format. */
  private readonly fmts: (string | undefined)[] = [];

  constructor(xml: string | undefined) {
    if (xml === undefined) return;
    const custom = new Map<number, string>();
    const xfNumFmtIds: number[] = [];
    let inCellXfs = false;
    scanXml(xml, {
      open: (name, attrs) => {
        if (name === "numFmt") {
          const id = parseInt(attr(attrs, "numFmtId") ?? "", 10);
          const code = attr(attrs, "formatCode");
          if (code !== undefined) custom.set(id, code.replace(/[\\](.)/g, "$1"));
        } else if (name === "cellXfs") {
          inCellXfs = true;
        } else if (name === "xf" && inCellXfs) {
          xfNumFmtIds.push(parseInt(attr(attrs, "numFmtId") ?? "", 10));
        }
      },
      close: (name) => {
        if (name === "cellXfs") inCellXfs = false;
      },
      text: () => undefined,
    });
    this.fmts = xfNumFmtIds.map((id) => (id ? custom.get(id) || builtinNumFmt(id) || undefined : undefined));
  }

  /** The number format of style `id` as ExcelJS gives it (style 0 or an unknown id: none). */
  numFmt(id: number | undefined): string | undefined {
    if (!id) return undefined;
    return this.fmts[id];
  }
}
