// Internal ExcelJS modules the fast reader reuses so that its answers match ExcelJS exactly
// (date detection and conversion, built-in number formats, defined-name normalisation).
declare module "exceljs/lib/utils/utils" {
  const utils: {
    isDateFmt(fmt: string | undefined): boolean;
    excelToDate(v: number, date1904?: boolean): Date;
    xmlDecode(text: string): string;
  };
  export = utils;
}
declare module "exceljs/lib/xlsx/defaultnumformats" {
  const formats: Record<string, { f?: string } | undefined>;
  export = formats;
}
declare module "exceljs/lib/doc/defined-names" {
  class DefinedNames {
    model: { name: string; ranges: string[] }[];
  }
  export = DefinedNames;
}
declare module "exceljs/lib/xlsx/xform/book/defined-name-xform" {
  class DefinedNamesXform {
    model: { name: string; ranges: string[]; localSheetId?: number };
    parseOpen(node: { name: string; attributes: Record<string, string> }): boolean;
    parseText(text: string): void;
    parseClose(name: string): boolean;
  }
  export = DefinedNamesXform;
}
declare module "exceljs/lib/utils/col-cache" {
  const colCache: {
    decodeEx(value: string): { dimensions?: string };
  };
  export = colCache;
}
