/** Something the fast reader does not handle the way ExcelJS does: the caller falls back to ExcelJS. */
export class Unsupported extends Error {
  constructor(message: string) {
    super(`xlsx-reader: unsupported: ${message}`);
    this.name = "Unsupported";
  }
}
