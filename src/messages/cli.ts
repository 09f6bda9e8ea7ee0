// What the command line says: argument problems, what a command did, the review's table.
import type { Bilingual } from "./format";

export const CLI_MESSAGES = {
  "cli.in-file": { ja: "{file}: {detail}", en: "{file}: {detail}" },
  "cli.unexpected": {
    ja: "予期しない問題で処理を中止しました。入力ファイルは変更していません。同じ操作で繰り返し起きる場合は、使ったファイルとコマンドを添えて担当者に連絡してください（SAITEN_DEBUG=1 で詳しい情報を表示します）。",
    en: "Stopped on an unexpected problem. The input files were not changed. If it happens again, send the files and the command to your support contact (SAITEN_DEBUG=1 shows details).",
  },
  "cli.usage": {
    ja: "コマンドの指定が正しくありません。saiten --help で使い方を確認してください。",
    en: "The command line is not valid. See saiten --help.",
  },
  "cli.unknown-option": {
    ja: "{option} というオプションはありません。saiten --help で確認してください。",
    en: "There is no option {option}. See saiten --help.",
  },
  "cli.unknown-command": {
    ja: "{command} というコマンドはありません。saiten --help で一覧を確認してください。",
    en: "There is no command {command}. See saiten --help for the list.",
  },
  "cli.missing-argument": {
    ja: "{argument}を指定してください。",
    en: "Give the {argument}.",
  },
  "cli.option-missing-value": {
    ja: "{option} の後に値を指定してください。",
    en: "Give a value after {option}.",
  },
  "cli.option-required": { ja: "{option} を指定してください。", en: "Give {option}." },
  "cli.too-many-arguments": {
    ja: "指定が多すぎます。ファイル名に空白があるときは \"…\" で囲んでください。",
    en: "Too many arguments. Put file names with spaces in quotes.",
  },
  "cli.invalid-argument": { ja: "{option} の値が正しくありません。", en: "The value of {option} is not valid." },
  "cli.lang": { ja: "--lang は ja か en です（「{value}」）。", en: "--lang takes ja or en (not “{value}”)." },
  "cli.option-positive": {
    ja: "{flag}「{value}」は正の数にしてください。",
    en: "{flag} “{value}” must be a positive number.",
  },
  "cli.option-positive-integer": {
    ja: "{flag}「{value}」は正の整数にしてください。",
    en: "{flag} “{value}” must be a positive whole number.",
  },
  "cli.option-non-negative": {
    ja: "{flag}「{value}」は0以上の整数にしてください。",
    en: "{flag} “{value}” must be a whole number, 0 or more.",
  },
  "cli.previous-either": {
    ja: "--previous と --previous-tally はどちらか一方にしてください。",
    en: "Give either --previous or --previous-tally, not both.",
  },
  "cli.fiscal-year": { ja: "{year}年度", en: "FY{year}" },
  "cli.severity.error": { ja: "[エラー]", en: "[error]" },
  "cli.severity.warning": { ja: "[警告]", en: "[warning]" },
  "cli.written": { ja: "出力: {out}", en: "Written: {out}" },

  // ------------------------------------------------------------ score
  "cli.level.item": { ja: "指標ごと", en: "per indicator" },
  "cli.level.group": { ja: "区分ごと", en: "per group" },
  "cli.level.mixed": { ja: "指標と区分", en: "mixed" },
  "score.size-class-unknown": {
    ja: "--size-class「{value}」はルールブック {id} の規模区分にありません。次のいずれかを指定してください: {classes}",
    en: "--size-class “{value}” is not a size class of the rulebook {id}. Give one of: {classes}",
  },
  "score.size-class-choice": { ja: "{name}（{id}）", en: "{name} ({id})" },
  "score.size-class-none": {
    ja: "ルールブック {id} には規模区分がないため、--size-class は使えません。",
    en: "The rulebook {id} has no size classes, so --size-class cannot be used.",
  },
  "score.tally-needs-insurer": {
    ja: "--previous-tally には --insurer <保険者番号> も指定してください。",
    en: "--previous-tally needs --insurer <insurer number> too.",
  },
  /** A result cell left alone; the reason is run.conflict.*. */
  "score.conflict": { ja: "[警告] {cell}: {reason}", en: "[warning] {cell}: {reason}" },
  "score.written": { ja: "{out} に得点を書き込みました。", en: "Points written to {out}." },
  // The terminal table of saiten score: column heads, the total row, the sections below it.
  "score.table.rulebook": {
    ja: "{title}（{id}、{year}年度、版 {version}）",
    en: "{title} ({id}, FY{year}, version {version})",
  },
  "score.table.more": { ja: "…ほか {n} 件", en: "…and {n} more" },
  "score.table.group": { ja: "区分", en: "Group" },
  "score.table.points": { ja: "得点", en: "Points" },
  "score.table.max": { ja: "満点", en: "Max" },
  "score.table.rate": { ja: "得点率", en: "Rate" },
  "score.table.previous": { ja: "前年度", en: "Previous" },
  "score.table.change": { ja: "差", en: "Change" },
  "score.table.trend": { ja: "傾向", en: "Trend" },
  "score.table.judgement": { ja: "判定", en: "Judgement" },
  "score.table.mean": { ja: "全国平均", en: "National mean" },
  "score.table.total": { ja: "合計", en: "Total" },
  "score.table.met": { ja: "達成", en: "Met" },
  "score.table.not-met": { ja: "未達成", en: "Not met" },
  "score.table.lost": { ja: "得点が下がった指標:", en: "Indicators that lost points:" },
  "score.table.issues": { ja: "確認事項: {n}", en: "Issues: {n}" },
  "score.table.no-issues": { ja: "確認事項: なし", en: "Issues: none" },

  // ------------------------------------------------------------ last year
  "previous.other-scheme": {
    ja: "{file} は別の交付金（ルールブック {id}）のものです。前年度として比べられません。同じ交付金の前年度のファイルを指定してください。",
    en: "{file} belongs to another grant (rulebook {id}) and cannot be compared as last year. Give last year's file of the same grant.",
  },
  "previous.other-entity": {
    ja: "{file} は別の種類の団体（ルールブック {id}、例: 都道府県分と市町村分）のものです。前年度として比べられません。",
    en: "{file} is for another kind of entity (rulebook {id}, e.g. prefectural vs municipal) and cannot be compared as last year.",
  },
  "previous.same-year": {
    ja: "注意: 前年度として指定した {file} は今年度と同じ {year} 年度のものです。",
    en: "Note: {file}, given as last year, is of the same fiscal year ({year}) as this year.",
  },
  "previous.later-year": {
    ja: "注意: 前年度として指定した {file} は {year} 年度で、今年度（{current} 年度）より後です。",
    en: "Note: {file}, given as last year, is of fiscal year {year}, later than this year ({current}).",
  },

  // ------------------------------------------------------------ formats named in messages
  "format.result": {
    ja: "「saiten score --json」の出力（saiten.result/1）",
    en: "the output of saiten score --json (saiten.result/1)",
  },
  "format.review": {
    ja: "「saiten review --json」の出力（saiten.review/1）",
    en: "the output of saiten review --json (saiten.review/1)",
  },
  "format.tally": { ja: "全国集計の JSON（saiten.tally/1）", en: "a national tally JSON (saiten.tally/1)" },
  "format.rulebook": { ja: "ルールブック（saiten.rulebook/1）", en: "a rulebook (saiten.rulebook/1)" },

  // ------------------------------------------------------------ rulebooks and the template
  "template.written": {
    ja: "{out}: {id} の回答ブックを作りました（「{sheet}」シートの回答列に入力してください）。",
    en: "{out}: answer workbook for {id} created (fill in the answer column of the “{sheet}” sheet).",
  },
  "rulebook.unknown-id": {
    ja: "ルールブック「{id}」は同梱されていません。saiten rulebooks で一覧を確認するか、ルールブックのファイル（.json か配点表 .xlsx）を指定してください。",
    en: "There is no bundled rulebook “{id}”. See saiten rulebooks for the list, or give a rulebook file (.json, or a score table .xlsx: 配点表).",
  },
  "rulebook.invalid": {
    ja: "{file} はルールブックとして使えません（エラー {n} 件。最初: {where}: {problem}）。saiten rulebook check {file} で全部を確認できます。",
    en: "{file} cannot be used as a rulebook (errors: {n}; the first: {where}: {problem}). saiten rulebook check {file} lists them all.",
  },
  "rulebook.table-invalid": {
    ja: "{file} の配点表にエラーがあります（{n} 件。最初: {where}: {problem}）。saiten rulebook check {file} で全部を確認できます。",
    en: "The score table (配点表) {file} has errors ({n} in all). The first, at {where}: {problem} saiten rulebook check {file} lists them all.",
  },
  "rulebook.check-failed": { ja: "{file}: エラーが {n} 件あります。", en: "{file}: {n} errors." },
  "rulebook.check-failed.one": { ja: "{file}: エラーが 1 件あります。", en: "{file}: 1 error." },
  "rulebook.check-ok": { ja: "{file}: OK（{id}、警告 {warnings} 件）", en: "{file}: OK ({id}, {warnings} warnings)" },
  "rulebook.import-failed": {
    ja: "{file}: 配点表にエラーがあるためルールブックを作れませんでした。",
    en: "{file}: the score table (配点表) has errors, so no rulebook was made.",
  },
  "rulebook.imported": { ja: "{out}: {id} を書き出しました。", en: "{out}: {id} written." },
  "rulebook.exported": { ja: "{out}: {id} の配点表を書き出しました。", en: "{out}: wrote the score table (配点表) of {id}." },

  // ------------------------------------------------------------ review
  "review.no-inputs": {
    ja: "回答ブックのフォルダかファイルを指定してください。",
    en: "Give a folder or files of answer workbooks.",
  },
  "review.nothing": {
    ja: "{inputs} に読むファイルがありません（サブフォルダの中は見ません）。",
    en: "There is nothing to read in {inputs} (subfolders are not searched).",
  },
  "review.folder-unreadable": {
    ja: "フォルダ {folder} の中を読めません。アクセス権を確認してください。",
    en: "Cannot list the folder {folder}. Check its access rights.",
  },
  "review.subfolders": {
    ja: "注意: サブフォルダ {n} 個の中は見ていません。",
    en: "Note: {n} subfolders were not searched.",
  },
  "review.score-failed": {
    ja: "{file} を採点できませんでした。Excel で開いて保存し直してから、もう一度試してください。",
    en: "{file} could not be scored. Open it in Excel, save it again and retry.",
  },
  "review.crashed": {
    ja: "{file} の処理が異常終了しました。ファイルが壊れている可能性があります。Excel で開いて保存し直し、もう一度試してください。",
    en: "Processing {file} stopped abnormally; the file may be damaged. Open it in Excel, save it again and retry.",
  },
  // What one workbook of a review says.
  "review.wrong-rulebook": {
    ja: "このブックは別の年度・交付金の様式（ルールブック {id}）です。この審査は「{title}」で採点します。その様式で回答したブックを提出してもらってください。",
    en: "This workbook is in the form of another year or grant (rulebook {id}). This review scores with “{title}”: ask for a workbook answered in that form.",
  },
  "review.blank-form": {
    ja: "回答が1つも入力されていません（空の様式）。",
    en: "No answer has been filled in (blank form).",
  },
  "review.unreadable": { ja: "読めませんでした", en: "Could not be read" },
  "review.mismatch": {
    ja: "{cell}（{what}）: 記載の得点 {reported} が再計算の {computed} と一致しません。",
    en: "{cell} ({what}): reports {reported} points, recomputed {computed}.",
  },
  /** A reported figure that is text, quoted. */
  "review.reported-text": { ja: "「{text}」", en: '"{text}"' },
  "review.total": { ja: "合計", en: "total" },
  // What a kind of problem is called in the summary workbook and the list of files not scored.
  "review.kind.not-xlsx": { ja: "xlsx 形式ではない", en: "not an .xlsx workbook" },
  "review.kind.corrupt": { ja: "壊れている", en: "damaged" },
  "review.kind.encrypted": { ja: "パスワード付き", en: "password-protected" },
  "review.kind.too-large": { ja: "大きすぎる", en: "too large" },
  "review.kind.too-many-rows": { ja: "行が多すぎる", en: "too many rows" },
  "review.kind.too-many-cells": { ja: "セルが多すぎる", en: "too many cells" },
  "review.kind.defined-name": { ja: "名前の定義の範囲", en: "a defined name's range" },
  "review.kind.empty": { ja: "空のファイル", en: "empty file" },
  "review.kind.unsupported": { ja: "対応していない形式", en: "unsupported kind of file" },
  "review.kind.link": { ja: "リンク切れ", en: "broken link" },
  "review.kind.unreadable": { ja: "読み込めない", en: "cannot be read" },
  "review.kind.timeout": { ja: "時間切れ", en: "took too long" },
  "review.kind.no-answers": { ja: "回答がない", en: "no answers" },
  "review.kind.wrong-rulebook": { ja: "別の年度・交付金の様式", en: "a form of another year or grant" },
  "review.kind.failed": { ja: "採点できない", en: "could not be scored" },
  "review.kind.missing": { ja: "未回答", en: "no answer" },
  "review.kind.invalid": { ja: "読み取れない回答", en: "answer not understood" },
  "review.kind.excel-error": { ja: "Excel のエラー値", en: "Excel error value" },
  "review.kind.date-not-number": { ja: "数値の代わりに日付", en: "a date instead of a number" },
  "review.kind.out-of-range": { ja: "範囲外の値", en: "value out of range" },
  "review.kind.threshold-unknown": { ja: "基準値が不明", en: "threshold not known" },
  "review.kind.size-class-missing": { ja: "規模区分がない", en: "no size class" },
  "review.kind.previous-missing": { ja: "前年度がない", en: "no previous year" },
  "review.kind.prerequisite-unmet": { ja: "前提を満たさない", en: "prerequisite not met" },
  "review.kind.output-conflict": { ja: "書き込み先のセル", en: "output cell in use" },
  "review.kind.mismatch": { ja: "得点の不一致", en: "points differ" },
  "review.kind.duplicate": { ja: "同じ市町村", en: "same municipality" },
  "review.severity.error": { ja: "エラー", en: "Error" },
  "review.severity.warning": { ja: "警告", en: "Warning" },
  "review.severity.info": { ja: "情報", en: "Note" },
  "review.same-entity": {
    ja: "同じ市町村（{key}）のファイルが{n}つあります: {files}。統合せずにすべて集計しています。",
    en: "{n} files are of the same municipality ({key}): {files}. All are counted; none is merged.",
  },
  "review.empty-book": {
    ja: "空のブックです。回答がありません（「回答」シートも回答セルの割り当てもありません）。",
    en: "The workbook is empty: no answer sheet (回答) and no mapped answer cells.",
  },
  "review.no-answers": {
    ja: "{detail}（既存の様式なら、ブックを開いてアドインの「様式の割り当て」で回答セルを割り当てて保存するか、コマンドでは --map で割り当てファイルを指定できます）",
    en: "{detail} (for an existing form, open the workbook and map its answer cells in the add-in's “Answer cells”, then save it; on the command line, give a form map with --map)",
  },
  "review.csv-headers": {
    ja: "{option} {file}: 1行目に市町村コード（または市町村名）と{value}の列見出しが要ります（例: 市町村コード,市町村名,{value}。英語の code,name,{header} でも読めます）。",
    en: "{option} {file}: the first line needs the headers code (or name) and {header}, the {value} (e.g. code,name,{header}; the form's Japanese headers also work).",
  },
  "review.csv-number": {
    ja: "{option} {file}: {row} 行目の{value}「{text}」は数値ではありません。",
    en: "{option} {file}: the {value} on line {row} (“{text}”) is not a number.",
  },
  "review.csv-unreadable": {
    ja: "{option} {file}: {row} 行目あたりから CSV として読めません（「\"」（二重引用符）が閉じていない、引用符の直後に文字が続くなど）。表計算ソフトで開いて CSV（コンマ区切り）で保存し直してください。",
    en: "{option} {file}: cannot be read as CSV from around line {row} (a double quote (\") never closed, or text right after a closing quote). Open it in a spreadsheet program and save it again as CSV (comma delimited).",
  },
  "review.csv-value.insured": { ja: "被保険者数", en: "number of insured persons" },
  "review.csv-value.cap": { ja: "上限額", en: "cap" },
  "review.csv-no-key": {
    ja: "{option} {file}: {row} 行目に code も name もありません。",
    en: "{option} {file}: line {row} has neither code nor name.",
  },
  "review.map-invalid": {
    ja: "--map {file} は割り当てファイルとして使えません: {problem}",
    en: "--map {file} cannot be used as a form map: {problem}",
  },
  "review.previous-format": {
    ja: "{file} は saiten review --json の出力（saiten.review/1）でも、前年度のフォルダでもありません。",
    en: "{file} is neither the output of saiten review --json (saiten.review/1) nor a folder of last year's workbooks.",
  },
  "review.previous-label": { ja: "前年度", en: "Last year" },
  "review.assumed-bands": {
    ja: "{bands}（一覧の規模区分・規模区分内順位）。",
    en: "Note: {bands} (the size classes and ranks within them in the list).",
  },
  "review.written": { ja: "出力: {files}", en: "Written: {files}" },
  "review.table.rulebook": {
    ja: "ルールブック: {title}（{id}、{year}年度、版 {version}）",
    en: "Rulebook: {title} ({id}, FY{year}, version {version})",
  },
  "review.progress-bar": { ja: "採点", en: "Scoring" },
  "review.table.files": { ja: "ファイル     {n} 件", en: "Files        {n}" },
  "review.table.scored": { ja: "  採点済     {n} 件", en: "  scored     {n}" },
  "review.table.failed": { ja: "  失敗       {n} 件", en: "  failed     {n}" },
  "review.table.mean": { ja: "平均得点率   {rate}", en: "Mean rate    {rate}" },
  "review.table.range": { ja: "（最高 {max} / 最低 {min}）", en: " (highest {max} / lowest {min})" },
  "review.table.below": { ja: "前年度比 未達成 {n} 団体", en: "Below last year {n}" },
  "review.table.issues": { ja: "確認事項     {n} 件", en: "Issues       {n}" },
  "review.table.mismatches": {
    ja: "自己申告との不一致 {n} 件",
    en: "Figures that disagree with the workbook's own: {n}",
  },
  "review.table.duplicates": {
    ja: "同じ団体のファイルが複数: {n} 組",
    en: "Several files from the same entity: {n}",
  },
  "review.table.allocation": {
    ja: "按分: 予算 {budget} 円、配分 {paid} 円",
    en: "Allocation: budget {budget} yen, paid {paid} yen",
  },
  "review.table.failed-files": { ja: "採点できなかったファイル:", en: "Files that could not be scored:" },
} as const satisfies Record<string, Bilingual>;
