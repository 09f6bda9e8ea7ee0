// A report saved as a file where Excel cannot open a new workbook: the browser's download, from memory.
import { download, XLSX_TYPE } from "../download";

export function saveBytes(bytes: Uint8Array, fileName: string): void {
  download(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }), fileName);
}
