// Messages about files: what a path is, why a file cannot be used, why an output was refused. Each
// names the file and says what to do; none carries a library's text or an error code.
import type { Bilingual } from "./format";

export const FILE_MESSAGES = {
  // ------------------------------------------------------------ what the path is
  "file.not-found": {
    ja: "{file} がありません。パスとファイル名を確認してください。",
    en: "{file} does not exist. Check the path and the file name.",
  },
  "file.is-directory": {
    ja: "{file} はフォルダです。ファイルを指定してください。",
    en: "{file} is a folder. Give a file.",
  },
  "file.not-regular": {
    ja: "{file} は保存されたファイルではありません（{what}）。保存したファイルを指定してください。",
    en: "{file} is not a saved file (it is {what}). Give a saved file.",
  },
  "file.what.fifo": { ja: "名前付きパイプ", en: "a named pipe" },
  "file.what.socket": { ja: "ソケット", en: "a socket" },
  "file.what.device": { ja: "デバイス", en: "a device" },
  "file.what.other": { ja: "特殊なファイル", en: "a special file" },
  "file.dangling-link": {
    ja: "{file} はショートカット（リンク）ですが、リンク先のファイルがありません。",
    en: "{file} is a link whose target does not exist.",
  },
  "file.link-loop": {
    ja: "{file} のリンクが循環しています（リンク先をたどると元に戻ります）。",
    en: "{file} is a link that loops back on itself.",
  },
  "file.no-permission": {
    ja: "{file} を読む権限がありません。ファイルのアクセス権を確認してください。",
    en: "You do not have permission to read {file}. Check its access rights.",
  },
  "file.read-failed": {
    ja: "{file} を読めませんでした。ファイルがほかのプログラムで使われていないか確認し、もう一度実行してください。",
    en: "Could not read {file}. Check that no other program is using it and try again.",
  },
  "file.too-large": {
    ja: "{file} が大きすぎます（{size} MB、上限 {limit} MB）。正しいファイルか確認し、必要なら {flag} で上限を上げてください。",
    en: "{file} is too large ({size} MB, limit {limit} MB). Check that it is the right file; raise the limit with {flag} if needed.",
  },
  "file.too-large-fixed": {
    ja: "{file} が大きすぎます（{size} MB、上限 {limit} MB）。正しいファイルか確認してください。",
    en: "{file} is too large ({size} MB, limit {limit} MB). Check that it is the right file.",
  },
  "file.grew": {
    ja: "{file} が読んでいる間に大きくなりました。書き込みが終わってからもう一度実行してください。",
    en: "{file} grew while it was being read. Run again once it has been saved.",
  },
  "file.empty": {
    ja: "{file} は空のファイルです（0 バイト）。正しいファイルか確認してください。",
    en: "{file} is empty (0 bytes). Check that it is the right file.",
  },
  "file.timeout": {
    ja: "{file} の読み取りが {seconds} 秒で終わりませんでした。ファイルが大きすぎるか壊れています。必要なら {flag} で時間を延ばしてください。",
    en: "Reading {file} did not finish within {seconds} seconds: the file is too large or damaged. Allow more time with {flag} if needed.",
  },
  "file.timeout-fixed": {
    ja: "{file} の読み取りが {seconds} 秒で終わりませんでした。ファイルが大きすぎるか壊れています。",
    en: "Reading {file} did not finish within {seconds} seconds: the file is too large or damaged.",
  },
  "file.out-of-memory": {
    ja: "{file} を読むのにメモリが足りなくなりました。ファイルが大きすぎるか壊れています。",
    en: "Ran out of memory reading {file}: the file is too large or damaged.",
  },

  // ------------------------------------------------------------ workbooks
  "book.encrypted": {
    ja: "{file} はパスワードで保護されたブックです。Excel で開き、［ファイル］›［情報］›［ブックの保護］でパスワードを解除して、.xlsx 形式で保存し直してください。",
    en: "{file} is a password-protected workbook. Open it in Excel, remove the password (File › Info › Protect Workbook) and save it as .xlsx.",
  },
  "book.xls": {
    ja: "{file} は古い形式（.xls）のブックです。Excel で開き、［名前を付けて保存］で「Excel ブック (*.xlsx)」を選んで保存し直してください。",
    en: "{file} is a workbook in the old .xls format. Open it in Excel and use Save As › Excel Workbook (*.xlsx).",
  },
  "book.xlsb": {
    ja: "{file} はバイナリ形式（.xlsb）のブックです。Excel で開き、「Excel ブック (*.xlsx)」として保存し直してください。",
    en: "{file} is a binary workbook (.xlsb). Open it in Excel and save it as an Excel Workbook (*.xlsx).",
  },
  "book.ods": {
    ja: "{file} は OpenDocument 形式（.ods）の表計算ファイルです。Excel か LibreOffice で開き、.xlsx 形式で保存し直してください。",
    en: "{file} is an OpenDocument spreadsheet (.ods). Open it in Excel or LibreOffice and save it as .xlsx.",
  },
  "book.csv": {
    ja: "{file} は CSV（文字だけのファイル）で、ブックではありません。Excel で開き、.xlsx 形式で保存し直してください。",
    en: "{file} is a CSV text file, not a workbook. Open it in Excel and save it as .xlsx.",
  },
  "book.text": {
    ja: "{file} は文字だけのファイルで、Excel のブック（.xlsx）ではありません。正しい .xlsx ファイルを指定してください。",
    en: "{file} is a text file, not an Excel workbook (.xlsx). Give the right .xlsx file.",
  },
  "book.html": {
    ja: "{file} は Web ページ（HTML）で、Excel のブックではありません。Excel で開き、.xlsx 形式で保存し直してください。",
    en: "{file} is a web page (HTML), not an Excel workbook. Open it in Excel and save it as .xlsx.",
  },
  "book.pdf": {
    ja: "{file} は PDF で、Excel のブックではありません。正しい .xlsx ファイルを指定してください。",
    en: "{file} is a PDF, not an Excel workbook. Give the right .xlsx file.",
  },
  "book.word": {
    ja: "{file} は Word の文書で、Excel のブックではありません。",
    en: "{file} is a Word document, not an Excel workbook.",
  },
  "book.powerpoint": {
    ja: "{file} は PowerPoint のファイルで、Excel のブックではありません。",
    en: "{file} is a PowerPoint file, not an Excel workbook.",
  },
  "book.zip-not-workbook": {
    ja: "{file} は zip ファイルですが、Excel のブックではありません（ブックの部品がありません）。正しいファイルか確認してください。",
    en: "{file} is a zip archive but not an Excel workbook (it has no workbook part). Check that it is the right file.",
  },
  "book.unknown-format": {
    ja: "{file} は Excel のブック（.xlsx）ではありません。Excel で .xlsx 形式で保存し直してください。",
    en: "{file} is not an Excel workbook (.xlsx). Save it from Excel as .xlsx.",
  },
  "book.corrupt": {
    ja: "{file} は壊れています（{where}）。元のブックを Excel で開いて保存し直すか、提出元に再提出を依頼してください。",
    en: "{file} is damaged ({where}). Open the original in Excel and save it again, or ask for it to be sent again.",
  },
  "book.corrupt.directory": { ja: "ファイルの目次が読めません", en: "its table of contents cannot be read" },
  "book.corrupt.truncated": { ja: "ファイルが途中で切れています", en: "the file is cut short" },
  "book.corrupt.part": { ja: "部品 {part} が読めません", en: "part {part} cannot be read" },
  /** A worksheet's part with its sheet's name: 「xl/worksheets/sheet1.xml（シート「回答」）」. */
  "book.part-of-sheet": { ja: "{part}（シート「{sheet}」）", en: "{part} (the sheet “{sheet}”)" },
  "book.corrupt.size": {
    ja: "部品 {part} の大きさが記録と違います",
    en: "part {part} does not have the size its header records",
  },
  "book.corrupt.duplicate": { ja: "部品 {part} が2つあります", en: "part {part} appears twice" },
  "book.corrupt.method": {
    ja: "部品 {part} が対応していない方式で圧縮されています",
    en: "part {part} is compressed in a way workbooks do not use",
  },
  "book.unpacked-too-large": {
    ja: "{file} は展開すると上限の {limit} MB を超えます（中身が異常に大きいファイルです）。正しいファイルか確認し、必要なら --max-uncompressed-mb で上限を上げてください。",
    en: "{file} unpacks to more than the limit of {limit} MB (its contents are abnormally large). Check that it is the right file; raise the limit with --max-uncompressed-mb if needed.",
  },
  "book.unpacked-too-large-fixed": {
    ja: "{file} は展開すると上限の {limit} MB を超えます（中身が異常に大きいファイルです）。正しいファイルか確認してください。",
    en: "{file} unpacks to more than the limit of {limit} MB (its contents are abnormally large). Check that it is the right file.",
  },
  "book.too-many-parts": {
    ja: "{file} の部品が多すぎます（{n} 個、上限 {limit} 個）。正しいファイルか確認してください。",
    en: "{file} has too many parts ({n}, limit {limit}). Check that it is the right file.",
  },
  "book.unsafe-name": {
    ja: "{file} にはシート名または名前定義「{name}」があり、安全に読めません。Excel で名前を変えて保存し直してください。",
    en: "{file} has a sheet or defined name “{name}” that cannot be read safely. Rename it in Excel and save again.",
  },
  "book.name-range": {
    ja: "{file} の名前定義「{name}」の範囲（{ref}）がシートの外か、大きすぎます。［数式］›［名前の管理］で直すか削除してください。",
    en: "The defined name “{name}” in {file} refers to a range ({ref}) outside the sheet or too large. Fix or delete it (Formulas › Name Manager).",
  },
  "book.too-many-rows": {
    ja: "{file} のシート（{sheet}）の行が多すぎます（{rows} 行以上、上限 {limit} 行）。不要な行を削除するか、必要なら --max-rows で上限を上げてください。",
    en: "A sheet of {file} ({sheet}) has too many rows ({rows} or more, limit {limit}). Delete unused rows or raise the limit with --max-rows.",
  },
  "book.too-many-rows-fixed": {
    ja: "{file} のシート（{sheet}）の行が多すぎます（{rows} 行以上、上限 {limit} 行）。不要な行を削除してください。",
    en: "A sheet of {file} ({sheet}) has too many rows ({rows} or more, limit {limit}). Delete unused rows.",
  },
  "book.row-past-end": {
    ja: "{file} のシート（{sheet}）に、Excel の最後の行（1,048,576 行目）より後の行（{row} 行目）があります。Excel が保存したファイルではないか、壊れています。作った人に Excel で開いて保存し直してもらってください。",
    en: "A sheet of {file} ({sheet}) has a row ({row}) past Excel's last row (1,048,576): the file was not saved by Excel or is damaged. Ask whoever made it to open it in Excel and save it again.",
  },
  "book.validation-cells": {
    ja: "{file} のデータの入力規則が広すぎます（シート「{sheet}」まででセル {cells} 個、上限 {limit} 個）。［データ］›［データの入力規則］で、範囲を回答する行だけにしてください（列全体やシート全体にしない）。",
    en: "The data validation in {file} covers too many cells ({cells} up to sheet “{sheet}”, limit {limit}). Narrow it to the rows that are answered (Data › Data Validation), not whole columns or the whole sheet.",
  },
  "book.too-many-cells": {
    ja: "{file} のシート（{sheet}）のセルが多すぎます（{cells} 個以上、上限 {limit} 個）。不要な行や列を削除するか、必要なら --max-cells で上限を上げてください。",
    en: "A sheet of {file} ({sheet}) has too many cells ({cells} or more, limit {limit}). Delete unused rows and columns or raise the limit with --max-cells.",
  },
  "book.too-many-cells-fixed": {
    ja: "{file} のシート（{sheet}）のセルが多すぎます（{cells} 個以上、上限 {limit} 個）。不要な行や列を削除してください。",
    en: "A sheet of {file} ({sheet}) has too many cells ({cells} or more, limit {limit}). Delete unused rows and columns.",
  },

  "book.rulebook-unknown": {
    ja: "{file} が記録しているルールブック「{id}」は同梱されていません。ルールブックのファイルを --rulebook で指定してください。",
    en: "{file} records the rulebook “{id}”, which is not bundled. Give the rulebook file with --rulebook.",
  },
  "book.rulebook-missing": {
    ja: "{file} のルールブックが分かりません（ブックに記録がありません）。--rulebook でルールブックの ID かファイルを指定してください。",
    en: "The rulebook of {file} is unknown (the workbook does not record one). Give a rulebook id or file with --rulebook.",
  },

  // ------------------------------------------------------------ text files (JSON, CSV)
  "text.shift-jis": {
    ja: "{file} は Shift_JIS で保存されています。文字コードを UTF-8 にして保存し直してください（メモ帳なら［名前を付けて保存］の「文字コード」で UTF-8）。",
    en: "{file} is saved in Shift_JIS. Save it again as UTF-8 (in Notepad: Save As › Encoding › UTF-8).",
  },
  "text.not-utf8": {
    ja: "{file} は UTF-8 の文字ではありません。文字コードを UTF-8 にして保存し直してください。",
    en: "{file} is not UTF-8 text. Save it again as UTF-8.",
  },
  "text.binary": {
    ja: "{file} は文字のファイルではありません（{kind}）。正しいファイルか確認してください。",
    en: "{file} is not a text file ({kind}). Check that it is the right file.",
  },
  "text.kind.workbook": { ja: "Excel のブックのようです", en: "it looks like an Excel workbook" },
  "text.kind.binary": { ja: "バイナリファイルです", en: "it is a binary file" },
  "json.syntax": {
    ja: "{file} は JSON として読めません（{line} 行目 {column} 文字目付近）。テキストエディタで確認してください。",
    en: "{file} is not valid JSON (near line {line}, character {column}). Check it in a text editor.",
  },
  "json.syntax-end": {
    ja: "{file} は JSON として読めません（途中で終わっています）。ファイルが最後まで保存されているか確認してください。",
    en: "{file} is not valid JSON (it ends too early). Check that the file was saved completely.",
  },
  "json.too-deep": {
    ja: "{file} は入れ子が深すぎます（{depth} 段を超えています）。正しいファイルか確認してください。",
    en: "{file} is nested too deeply (more than {depth} levels). Check that it is the right file.",
  },
  "json.wrong-format": {
    ja: "{file} は{expected}ではありません。",
    en: "{file} is not {expected}.",
  },
  "json.whole-document": { ja: "文書全体", en: "the whole document" },
  // What a JSON document's field lacks (messages/zod.ts issueMessage).
  "json.missing": { ja: "{what}（項目がありません）", en: "{what} (the entry is missing)" },
  "json.need-type": { ja: "{type}が必要です", en: "{type} is needed" },
  "json.type.string": { ja: "文字列", en: "a text" },
  "json.type.number": { ja: "数値", en: "a number" },
  "json.type.int": { ja: "整数", en: "a whole number" },
  "json.type.boolean": { ja: "真偽値", en: "true or false" },
  "json.type.object": { ja: "オブジェクト", en: "an object" },
  "json.type.array": { ja: "配列", en: "a list" },
  "json.need-one-of": { ja: "{values} のいずれかが必要です", en: "one of {values} is needed" },
  "json.too-few": { ja: "{n} 件以上が必要です", en: "{n} or more entries are needed" },
  "json.too-short": { ja: "{n} 文字以上が必要です", en: "{n} or more characters are needed" },
  "json.too-small": { ja: "{n} 以上が必要です", en: "{n} or more is needed" },
  "json.too-many": { ja: "{n} 件以下にしてください", en: "at most {n} entries are allowed" },
  "json.too-long": { ja: "{n} 文字以下にしてください", en: "at most {n} characters are allowed" },
  "json.too-big": { ja: "{n} 以下が必要です", en: "{n} or less is needed" },
  "json.extra-keys": {
    ja: "余分な項目があります（{keys}）",
    en: "there are entries that do not belong here ({keys})",
  },
  "json.bad-key": { ja: "使えないキーです", en: "this key cannot be used" },
  "json.need-value": { ja: "値が必要です", en: "a value is needed" },
  "json.bad-form": { ja: "値の形式が正しくありません", en: "the value is not in a form that is allowed" },
  "json.bad-format": { ja: "書式が正しくありません", en: "the value is not written in the right format" },
  "json.multiple-of": { ja: "{n} の倍数が必要です", en: "a multiple of {n} is needed" },
  "json.bad-value": { ja: "値が正しくありません", en: "the value is not valid" },
  "json.invalid": {
    ja: "{file} は{expected}ではありません: {where} — {problem}",
    en: "{file} is not {expected}: {where} — {problem}",
  },

  // ------------------------------------------------------------ outputs
  "out.is-input": {
    ja: "{out} は入力ファイル {input} と同じファイルです（リンクを含む）。入力は上書きしません。別の名前を指定してください。",
    en: "{out} is the same file as the input {input} (links included). Inputs are never overwritten; give another name.",
  },
  "out.exists": {
    ja: "{out} は既にあります。別の名前にするか、置き換えてよければ --force を付けてください。",
    en: "{out} already exists. Give another name, or add --force to replace it.",
  },
  "out.same-twice": {
    ja: "{out} が出力先として2回指定されています。出力ごとに別の名前を指定してください。",
    en: "{out} is given as the destination twice. Give each output its own name.",
  },
  "out.folder-missing": {
    ja: "{out} を保存するフォルダ {folder} がありません。",
    en: "The folder {folder} for {out} does not exist.",
  },
  "out.is-directory": {
    ja: "{out} はフォルダです。保存するファイル名を指定してください。",
    en: "{out} is a folder. Give a file name to save to.",
  },
  "out.not-regular": {
    ja: "{out} は保存できる普通のファイルではありません（{what}）。別の名前を指定してください。",
    en: "{out} is not an ordinary file that can be saved over (it is {what}). Give another name.",
  },
  "out.write-failed": {
    ja: "{out} を保存できませんでした（{why}）。既にあったファイルはそのままです。",
    en: "Could not save {out} ({why}). Any file that was there is unchanged.",
  },
  "out.why.no-space": { ja: "ディスクの空きが足りません", en: "the disk is full" },
  "out.why.no-permission": {
    ja: "このフォルダに書き込む権限がありません",
    en: "you may not write to that folder",
  },
  "out.why.read-only": { ja: "読み取り専用の場所です", en: "the location is read-only" },
  "out.why.too-long": { ja: "名前が長すぎます", en: "the name is too long" },
  "out.why.other": { ja: "書き込み中に問題が起きました", en: "writing failed" },
} as const satisfies Record<string, Bilingual>;
