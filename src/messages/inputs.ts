// What Saiten says about what it found inside a workbook or a national tally: where the answers are
// (or are not), cells it will not read or write, and why a tally cannot be read.
import type { Bilingual } from "./format";

export const INPUT_MESSAGES = {
  "book.corrupt.content": { ja: "中身の形式が正しくありません", en: "its content is malformed" },

  // ------------------------------------------------------------ a scoring run
  "run.no-answers": {
    ja: "回答が見つかりません。「回答」シート（見出し「指標ID」「回答」）も、このルールブックの指標を指す回答セルの割り当て（名前定義）もありません。標準の回答様式を作るか（アドインの「回答様式を作る」、コマンドでは saiten template）、アドインの「様式の割り当て」で回答セルを割り当ててください。（シート: {sheets}）",
    en: "No answers found: there is neither an answer sheet (回答, with the headers 指標ID and 回答) nor a mapping of answer cells to this rulebook's indicators. Create the standard form (the add-in's “Create answer sheets”, or saiten template on the command line), or map the answer cells in the add-in's “Answer cells”. (Sheets: {sheets})",
  },
  "run.answer-headers": {
    ja: "「回答」シートに、見出し「指標ID」と「回答」が並ぶ行がありません（上から 40 行を見ました）。標準様式の見出しの文字を変えないでください。",
    en: "The answer sheet (回答) has no row with the headers 指標ID and 回答 (the first 40 rows were searched). Keep the standard form's headers as they are.",
  },
  "run.protected": {
    ja: "シート「{sheet}」が保護されています。［校閲］→［シート保護の解除］をしてから、もう一度採点してください。",
    en: "The sheet “{sheet}” is protected. Unprotect it (Review › Unprotect Sheet) and score again.",
  },
  "workbook.sheet-missing": { ja: "シート「{sheet}」がありません。", en: "There is no sheet “{sheet}”." },
  "workbook.formula": {
    ja: "{cell} は数式のセルです。上書きしません。",
    en: "{cell} holds a formula; it is never overwritten.",
  },
  // Answer cells mapped by name (saiten.a.<id>) that cannot be read.
  "run.map.sheet-missing": {
    ja: "名前が指すシートがありません。割り当てを直してください。",
    en: "The sheet this name points to is missing. Fix the mapping.",
  },
  "run.map.invalid-ref": {
    ja: "名前の参照先が正しくありません。割り当てを直してください。",
    en: "The name does not point to a cell. Fix the mapping.",
  },
  "run.map.merged": {
    ja: "回答セルが結合セルです。結合を解除するか左上のセルに割り当ててください。",
    en: "The answer cell is merged. Unmerge it or map the top-left cell.",
  },
  "run.map.outside-used": {
    ja: "回答セルが使用範囲の外です。割り当てが正しいか確認してください。",
    en: "The answer cell is outside the used range. Check the mapping.",
  },
  // A result cell left alone (the result JSON keeps the Japanese; shells say it in their language).
  "run.conflict.formula": {
    ja: "数式のセルなので書き込みませんでした。",
    en: "a formula cell, so nothing was written there.",
  },
  "run.conflict.not-ours": {
    ja: "Saiten が書いていない値が入っているので書き込みませんでした。",
    en: "holds a value Saiten did not write, so nothing was written there.",
  },

  // ------------------------------------------------------------ Excel, in the add-in
  "excel.api-missing": {
    ja: "この Excel では使えない機能が必要でした。Office を更新するか、情報システムの担当者に確認してください。",
    en: "This needs a feature this Excel does not have. Update Office or ask your IT staff.",
  },
  "excel.cell-edit": {
    ja: "セルを編集中です。Enter か Esc で編集を終えてから、もう一度お試しください。",
    en: "A cell is being edited. Finish with Enter or Esc, then try again.",
  },
  "excel.protected": {
    ja: "保護されたシートには書き込めません。［校閲］→［シート保護の解除］をしてから、もう一度お試しください。",
    en: "A protected sheet cannot be written to. Unprotect it (Review › Unprotect Sheet), then try again.",
  },
  "excel.not-found": {
    ja: "シートまたは名前が見つかりません。ブックの構成を確認してください。",
    en: "A sheet or a name was not found. Check the workbook's sheets and names.",
  },
  "excel.failed": {
    ja: "Excel での処理に失敗しました。もう一度お試しください。",
    en: "Excel could not do it. Try again.",
  },
  "excel.limit-reached": {
    ja: "Excel が一度に処理できる量を超えました。ほかのブックを閉じるか、少し待ってから、もう一度お試しください。",
    en: "Excel was asked to do more than it can at once. Close other workbooks or wait a moment, then try again.",
  },
  "excel.timeout": {
    ja: "Excel から応答がありません。しばらく待ってから、もう一度お試しください。",
    en: "Excel is not responding. Wait a moment, then try again.",
  },

  // ------------------------------------------------------------ the pane's session
  // The pane's last-year file, checked against this year's rulebook (years and titles, no ids).
  "session.previous-same-year": {
    ja: "{file} は {year} のファイルで、今年度（{current}）と同じ年度です。前年度として比べられません。{wanted} のファイルを選んでください。",
    en: "{file} is a {year} file, the same year as this one ({current}), and cannot be compared as last year. Choose the {wanted} file.",
  },
  "session.previous-later-year": {
    ja: "{file} は {year} のファイルで、今年度（{current}）より後です。前年度として比べられません。{wanted} のファイルを選んでください。",
    en: "{file} is a {year} file, later than this year ({current}), and cannot be compared as last year. Choose the {wanted} file.",
  },
  "session.previous-other-scheme": {
    ja: "{file} は別の交付金（{title}）のファイルです。前年度として比べられません。同じ交付金の {wanted} のファイルを選んでください。",
    en: "{file} belongs to another grant ({title}) and cannot be compared as last year. Choose the {wanted} file of the same grant.",
  },
  "session.previous-other-entity": {
    ja: "{file} は別の種類の団体（{title}）のファイルです。前年度として比べられません。",
    en: "{file} is for another kind of entity ({title}) and cannot be compared as last year.",
  },
  "session.rulebook-missing": {
    ja: "ルールブック「{id}」がありません。一覧から選び直してください。",
    en: "There is no rulebook “{id}”. Choose one from the list again.",
  },
  "session.answer-sheet-exists": {
    ja: "「{sheet}」シートは既にあります。新しいブックで作るか、シート名を変えてから作成してください。",
    en: "There is already a “{sheet}” sheet. Create the sheets in a new workbook, or rename that sheet first.",
  },
  "session.answer-cells-unknown": {
    ja: "回答セルが分からない指標があります（{ids}）。回答セルを割り当ててから反映してください。",
    en: "Some indicators have no known answer cell ({ids}). Map their answer cells, then apply.",
  },
  "session.formula-cell": {
    ja: "{cell}（{id}）は数式のセルです。数式を直接直してください。",
    en: "{cell} ({id}) holds a formula. Change the formula itself.",
  },
  "session.tally-rulebook-missing": {
    ja: "{file} を読むルールブック {id} がありません。",
    en: "There is no rulebook {id} to read {file} with.",
  },
  "session.choose-tally": { ja: "全国集計を先に選んでください。", en: "Choose a national tally first." },
  "session.insurer-not-in-tally": {
    ja: "全国集計に保険者番号 {code} の行がありません。番号か市町村名を選び直してください。",
    en: "The national tally has no row for the insurer number {code}. Choose the number or the name again.",
  },
  "session.previous-rulebook-unknown": {
    ja: "{file} のルールブックが分かりません。前年度の回答ブック（回答シートのあるもの）か、全国集計を選んでください。",
    en: "The rulebook of {file} is unknown. Choose last year's answer workbook (one with the 回答 sheet) or a national tally.",
  },
  "session.read-cancelled": {
    ja: "{file} の読み込みを中止しました。前の状態のままです。",
    en: "Stopped reading {file}. Nothing has changed.",
  },
  "session.read-failed": {
    ja: "{file} を読めませんでした。もう一度選んでください。",
    en: "Could not read {file}. Choose it again.",
  },

  // ------------------------------------------------------------ a shared form-map file
  "formmap.not-json": {
    ja: "割り当てファイルを JSON として読めません。Saiten で書き出したファイルを選んでください。",
    en: "The map file cannot be read as JSON. Choose a file Saiten exported.",
  },
  "formmap.wrong-format": {
    ja: "このファイルは割り当てファイル（{format}）ではありません。Saiten で保存した割り当てファイルを選んでください。",
    en: "This file is not a form map ({format}). Choose a form map saved by Saiten.",
  },
  "formmap.entry-incomplete": {
    ja: "割り当てファイルの {n} 件目に指標IDか回答セルがありません。",
    en: "Entry {n} of the map file has no indicator ID or no answer cell.",
  },
  "formmap.unknown-indicator": {
    ja: "割り当てファイルの指標「{id}」はルールブック {rulebook} にありません。",
    en: "The indicator “{id}” of the map file is not in the rulebook {rulebook}.",
  },
  "formmap.not-a-cell": {
    ja: "「{id}」の回答セル「{cell}」はセル番地ではありません。",
    en: "The answer cell “{cell}” of “{id}” is not a cell address.",
  },

  // ------------------------------------------------------------ the answer template
  "template.id-twice": {
    ja: "{cell}: 指標ID「{id}」が2回あります（{first}行目と{second}行目）。1行にしてください。",
    en: "{cell}: the indicator id “{id}” appears twice (rows {first} and {second}). Keep one row.",
  },
  "template.id-unknown": {
    ja: "{cell}: 指標ID「{id}」はこのルールブックにありません。ルールブックか指標IDを確認してください。",
    en: "{cell}: the indicator id “{id}” is not in this rulebook. Check the rulebook or the id.",
  },
  "template.size-not-positive": {
    ja: "{cell}: 規模の数値（{value}）は正の数にしてください。規模区分は使わずに採点しました。",
    en: "{cell}: the size ({value}) must be a positive number. Scored without a size band.",
  },
  "template.answer-merged": {
    ja: "{cell}（{id}）: 回答セルが結合セルの中にあります（結合の左上は {master}）。この指標は採点していません。結合を解除して、この指標の回答を入力してください。",
    en: "{cell} ({id}): the answer cell lies inside merged cells (the merge starts at {master}). This indicator was not scored. Unmerge the cells and enter its own answer.",
  },

  // ------------------------------------------------------------ the national tally
  "tally.no-sheet": { ja: "全国集計のシートがありません。", en: "There is no tally sheet." },
  "tally.sheet-unreadable": { ja: "シート {sheet} を読めません。", en: "The sheet {sheet} cannot be read." },
  "tally.no-points-row": {
    ja: "「配点」の行が見つかりません（1〜20行目）。全国集計のブックではないようです。",
    en: "No 配点 row in rows 1–20: this does not look like a national tally.",
  },
  "tally.no-id-columns": {
    ja: "保険者番号・市町村名の列が見つかりません。",
    en: "No 保険者番号 or 市町村名 column was found.",
  },
  "tally.no-item-columns": {
    ja: "小項目の列（配点と枝のある列）が見つかりません。",
    en: "No sub-item columns (with a 配点 and a branch) were found.",
  },
  "tally.no-rows": { ja: "総合計が数値の行がありません。", en: "No row has a numeric grand total." },
  "tally.no-rulebook": {
    ja: "{year} 年度の全国集計を読むルールブック（kaigo-municipal-fy{year}）がありません。",
    en: "There is no rulebook to read a tally of fiscal year {year} (kaigo-municipal-fy{year}).",
  },
  "tally.no-year": {
    ja: "表題から年度が分かりません。表題に年度のある全国集計を使うか、コマンドでは --year で年度を指定してください。",
    en: "The fiscal year cannot be told from the title. Use a national tally whose title gives the year, or give the year with --year on the command line.",
  },
  "tally.year-differs": {
    ja: "{file} は {year} 年度の全国集計です（指定: {given} 年度）。",
    en: "{file} is the tally of fiscal year {year} (asked for {given}).",
  },
  "tally.year-option": { ja: "--year「{value}」は年度ではありません。", en: "--year “{value}” is not a fiscal year." },
  "tally.json-format": {
    ja: "{file} は全国集計の JSON（saiten.tally/1）ではありません。全国集計の .xlsx を saiten tally import で読み直してください。",
    en: "{file} is not a national tally JSON (saiten.tally/1). Read the tally .xlsx again with saiten tally import.",
  },
  "tally.insurer-missing": {
    ja: "{file} に保険者番号 {insurer} の行（総合計のある行）がありません。",
    en: "{file} has no row (with a grand total) for the insurer {insurer}.",
  },
  /** A row of the tally named in a message: 「12（011002 札幌市）」. */
  "tally.insurer-row": { ja: "{row}（{code} {name}）", en: "{row} ({code} {name})" },
  "tally.insurer-code-twice": {
    ja: "{file} には保険者番号 {insurer} の行が複数あります（{rows} 行目）。全国集計を確認してください。",
    en: "{file} has several rows with the insurer number {insurer} (rows {rows}). Check the tally.",
  },
  "tally.insurer-name-twice": {
    ja: "{file} には「{insurer}」という名前の行が複数あります（{rows} 行目）。保険者番号で指定してください。",
    en: "{file} has several rows named “{insurer}” (rows {rows}). Give the insurer number instead.",
  },
  "tally.no-rulebook-id": {
    ja: "{file}: ルールブック {id} がありません。",
    en: "{file}: there is no rulebook {id}.",
  },
  "tally.benchmarks-unmatched": {
    ja: "{file} の項目は {id} の指標と一致しません。同じ交付金のルールブックを指定してください。",
    en: "The items of {file} do not match the indicators of {id}. Give a rulebook of the same grant.",
  },
  "tally.benchmarks-applied": {
    ja: "全国の該当率・平均: {label}、{n} 市町村（{matched}/{of} 箇所）",
    en: "National shares and means: {label}, {n} municipalities ({matched}/{of} places)",
  },
  "tally.imported": {
    ja: "{file}: {rulebook}（{id}）市町村 {municipalities}、合計のない行（広域連合など） {skipped}、小項目列 {items}、合計列 {totals}",
    en: "{file}: {rulebook} ({id}) municipalities {municipalities}, rows without a total (unions etc.) {skipped}, sub-item columns {items}, total columns {totals}",
  },
  "tally.low-score": {
    ja: "著しく得点の低い市町村の基準 {line} 点未満: {n} 団体",
    en: "Low-score line, below {line} points: {n} municipalities",
  },
  "tally.problems": { ja: "問題 {n} 件: {kinds}", en: "{n} problems: {kinds}" },
  // What each kind of problem is called in that count ("{kind} {n}").
  "tally.kind.unknown_column": { ja: "ルールブックにない列", en: "columns not in the rulebook" },
  "tally.kind.missing_column": { ja: "見つからない列", en: "missing columns" },
  "tally.kind.duplicate_column": { ja: "重なった列", en: "duplicate columns" },
  "tally.kind.points_mismatch": { ja: "ルールブックと違う配点", en: "points unlike the rulebook's" },
  "tally.kind.sum_mismatch": { ja: "合計の合わない行", en: "rows whose items do not add up" },
  "tally.kind.stats_mismatch": { ja: "合わない全国の値", en: "national figures that disagree" },
  "tally.kind.missing_header": { ja: "見つからない見出し", en: "missing headings" },
  "tally.kind.code_not_text": { ja: "数値で入った保険者番号", en: "insurer numbers stored as numbers" },
  "tally.kind.duplicate_code": { ja: "重なった保険者番号", en: "duplicate insurer numbers" },
  "tally.kind.item_not_number": { ja: "数値でない得点", en: "points that are not numbers" },
  "tally.kind.item_out_of_range": { ja: "配点の範囲外の得点", en: "points outside the item's range" },
  "tally.kind.item_as_text": { ja: "文字で入った得点", en: "points written as text" },
  "tally.kind.count": { ja: "{kind} {n}", en: "{kind} {n}" },
  "tally.problems-more": { ja: "…ほか {n} 件（すべて --out の JSON にあります）", en: "…and {n} more (all are in the --out JSON)" },
  "tally.no-problems": { ja: "問題はありません。", en: "No problems." },
  "tally.p.title-year": {
    ja: "表題の年度（{title}）と指定の年度（{given}）が違います。",
    en: "The title's fiscal year ({title}) differs from the one given ({given}).",
  },
  "tally.p.no-code-column": { ja: "ID 列「保険者番号」が見つかりません。", en: "The ID column 保険者番号 is missing." },
  "tally.p.no-name-column": { ja: "ID 列「市町村名」が見つかりません。", en: "The ID column 市町村名 is missing." },
  "tally.p.unknown-item-column": {
    ja: "{letter} 列（{header}）はルールブック {id} のどの小項目にも当たりません。",
    en: "Column {letter} ({header}) matches no sub-item of the rulebook {id}.",
  },
  "tally.p.unknown-total-column": {
    ja: "{letter} 列（{header}）はルールブック {id} のどの合計にも当たりません。",
    en: "Column {letter} ({header}) matches no total of the rulebook {id}.",
  },
  "tally.p.duplicate-column": {
    ja: "{letter} 列は {first} 列と同じ {id} に当たります。最初の列を使います。",
    en: "Column {letter} matches {id}, as column {first} does; the first is used.",
  },
  "tally.p.points": {
    ja: "{cell}: {id} の配点 {points} はルールブックの {expected} と違います。",
    en: "{cell}: the 配点 of {id}, {points}, differs from the rulebook's {expected}.",
  },
  "tally.p.missing-column": {
    ja: "ルールブックの小項目 {id} を載せた列がありません。",
    en: "No column carries the rulebook's sub-item {id}.",
  },
  "tally.p.no-total-column": {
    ja: "総合計（推進・支援合計）の列が見つかりません。最後の合計列を総合計とみなしません。",
    en: "The grand-total column (推進・支援合計) is missing; the last total column is not taken for it.",
  },
  "tally.p.code-number": {
    ja: "{cell}: 保険者番号が数値です。6桁に0を補いました（{code}）。",
    en: "{cell}: the insurer number is stored as a number; padded to six digits ({code}).",
  },
  "tally.p.sum": {
    ja: "{cell}: {name}（{code}）の {id} は {actual} ですが、小項目の合計は {expected} です。",
    en: "{cell}: {name} ({code}) has {actual} for {id}, but its items add up to {expected}.",
  },
  "tally.stat.points": { ja: "配点", en: "points" },
  "tally.stat.sum": { ja: "全国合計", en: "national sum" },
  "tally.stat.mean": { ja: "平均点", en: "mean" },
  "tally.stat.item-mean": { ja: "項目平均", en: "item mean" },
  "tally.stat.mean-rate": { ja: "平均得点率", en: "mean rate" },
  "tally.stat.median": { ja: "中央値", en: "median" },
  "tally.stat.sd": { ja: "標準偏差", en: "standard deviation" },
  "tally.stat.hit-count": { ja: "該当市町村数", en: "number of municipalities with points" },
  "tally.stat.hit-rate": { ja: "該当率", en: "share of municipalities with points" },
  "tally.p.stats": {
    ja: "{cell}: {id} の{key}は {value} ですが、各行から計算すると {computed} です。",
    en: "{cell}: the {key} of {id} reads {value}, but the rows give {computed}.",
  },
  "tally.item-not-number": {
    ja: "{cell}: 小項目の得点「{value}」が数値ではありません（0 点として集計）。",
    en: "{cell}: the item's points “{value}” are not a number (counted as 0).",
  },
  "tally.item-out-of-range": {
    ja: "{cell}: 小項目の得点 {value} が 0〜配点 {points} の範囲の外です（0 点として集計）。",
    en: "{cell}: the item's points {value} lie outside 0–{points} (its 配点); counted as 0.",
  },
  "tally.item-as-text": {
    ja: "{cell}: 小項目の得点が文字「{value}」で入っています（{n} として読みました）。",
    en: "{cell}: the item's points are text “{value}” (read as {n}).",
  },
  // The tally a rulebook's national figures came from, as messages and notes name it.
  "tally.label": { ja: "全国集計 {year}（{source}）", en: "national tally {year} ({source})" },
  "tally.label.year": { ja: "{year}年度", en: "{year}" },
  "tally.label.no-year": { ja: "年度不明", en: "year unknown" },
  "tally.benchmarks-note": {
    ja: "全国の該当率・平均は {label} の {n} 市町村から計算（{matched}/{of} 箇所）。",
    en: "National shares and means computed from {n} municipalities of the {label}; {matched} of {of} figures.",
  },
  "tally.duplicate-code": {
    ja: "保険者番号 {code} の行が複数あります（{cells}）。この番号では保険者を選べません。市町村名で選んでください。",
    en: "Several rows carry the insurer number {code} ({cells}), so this number cannot select an insurer. Select it by the municipality's name.",
  },
} as const satisfies Record<string, Bilingual>;
