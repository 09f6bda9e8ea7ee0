// What Saiten says about what it found inside a workbook or a national tally: where the answers are
// (or are not), cells it will not read or write, and why a tally cannot be read.
import type { Bilingual } from "./format";

export const INPUT_MESSAGES = {
  "book.corrupt.content": { ja: "中身の形式が正しくありません", en: "its content is malformed" },

  // ------------------------------------------------------------ a scoring run
  "run.no-answers": {
    ja: "回答が見つかりません。「回答」シート（見出し「指標ID」「回答」）も、このルールブックの指標を指す回答セルの割り当て（名前定義）もありません。saiten template で様式を作るか、アドインで回答セルを割り当ててください。（シート: {sheets}）",
    en: "No answers found: there is neither an answer sheet (回答, with the headers 指標ID and 回答) nor a mapping of answer cells to this rulebook's indicators. Create the form with saiten template, or map the answer cells in the add-in. (Sheets: {sheets})",
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

  // ------------------------------------------------------------ the answer template
  "template.id-twice": {
    ja: "{cell}: 指標ID「{id}」が2回あります（{first}行目と{second}行目）。1行にしてください。",
    en: "{cell}: the indicator id “{id}” appears twice (rows {first} and {second}). Keep one row.",
  },
  "template.id-unknown": {
    ja: "{cell}: 指標ID「{id}」はこのルールブックにありません。ルールブックか指標IDを確認してください。",
    en: "{cell}: the indicator id “{id}” is not in this rulebook. Check the rulebook or the id.",
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
    ja: "表題から年度が分かりません。--year で年度を指定してください。",
    en: "The fiscal year cannot be told from the title. Give it with --year.",
  },
  "tally.year-differs": {
    ja: "{file} は {year} 年度の全国集計です（指定: {given} 年度）。",
    en: "{file} is the tally of fiscal year {year} (asked for {given}).",
  },
  "tally.year-option": { ja: "--year {value} は年度ではありません。", en: "--year {value} is not a fiscal year." },
  "tally.json-format": {
    ja: "{file} は全国集計の JSON（saiten.tally/1）ではありません。全国集計の .xlsx を saiten tally import で読み直してください。",
    en: "{file} is not a national tally JSON (saiten.tally/1). Read the tally .xlsx again with saiten tally import.",
  },
  "tally.insurer-missing": {
    ja: "{file} に保険者番号 {insurer} の行（総合計のある行）がありません。",
    en: "{file} has no row (with a grand total) for the insurer {insurer}.",
  },
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
    ja: "{file}: {id}（{year}年度）市町村 {municipalities}、合計のない行（広域連合など） {skipped}、小項目列 {items}、合計列 {totals}",
    en: "{file}: {id} (FY{year}) municipalities {municipalities}, rows without a total (unions etc.) {skipped}, sub-item columns {items}, total columns {totals}",
  },
  "tally.low-score": {
    ja: "著しく得点の低い市町村の基準 {line} 点未満: {n} 団体",
    en: "Low-score line, below {line} points: {n} municipalities",
  },
  "tally.problems": { ja: "問題 {n} 件: {kinds}", en: "{n} problems: {kinds}" },
  "tally.problems-more": { ja: "…ほか {n} 件（JSON の problems）", en: "…and {n} more (problems in the JSON)" },
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
  "tally.p.stats": {
    ja: "{cell}: {id} の {key} は {value} ですが、各行から計算すると {computed} です。",
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
  "tally.duplicate-code": {
    ja: "保険者番号 {code} の行が複数あります（{cells}）。--insurer ではこの番号を使えません。",
    en: "Several rows carry the insurer number {code} ({cells}); --insurer cannot use this number.",
  },
} as const satisfies Record<string, Bilingual>;
