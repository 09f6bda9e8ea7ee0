// ExcelJS's private modules, which only tests load: they are the oracle the fast reader's own rules
// (src/adapters/xlsx: dates, built-in formats, defined names) are checked against.
declare module "exceljs/lib/utils/utils" {
  const utils: {
    isDateFmt(fmt: string | undefined): boolean;
    excelToDate(v: number, date1904?: boolean): Date;
    xmlDecode(text: string): string;
  };
  export = utils;
}
declare module "exceljs/lib/xlsx/defaultnumformats" {
  const formats: Record<string, ({ f?: string } & Record<string, string>) | undefined>;
  export = formats;
}
declare module "exceljs/lib/doc/defined-names" {
  class DefinedNames {
    model: { name: string | undefined; ranges: string[] }[];
  }
  export = DefinedNames;
}
declare module "exceljs/lib/xlsx/xform/book/defined-name-xform" {
  class DefinedNameXform {
    model: { name: string | undefined; ranges: string[]; localSheetId?: number };
    parseOpen(node: { name: string; attributes: Record<string, string | undefined> }): boolean;
    parseText(text: string): void;
    parseClose(name: string): boolean;
  }
  export = DefinedNameXform;
}
declare module "exceljs/lib/utils/col-cache" {
  const colCache: {
    n2l(n: number): string;
    decodeEx(value: string): Record<string, unknown>;
  };
  export = colCache;
}
