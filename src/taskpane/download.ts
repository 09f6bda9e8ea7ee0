// Bytes or text offered as a file download, from memory (a Blob and a temporary <a download>): a
// form map's JSON, or a check report saved as a file where Excel cannot open a new workbook.

/** How long a download's object URL lives after the click: revoking at once can cancel the download,
 *  and a large workbook may take a while to start. */
export const REVOKE_AFTER_MS = 10_000;

/** Starts the browser's download of `blob` as `fileName`. */
export function download(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement("a");
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  doc.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

/** A workbook's bytes offered as an .xlsx download. */
export function downloadWorkbook(bytes: Uint8Array, fileName: string): void {
  const type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  download(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), fileName);
}
