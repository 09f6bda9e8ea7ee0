// What the 配点表 reader says about a workbook (table.*). Sheet names, headers and the words a
// cell may hold are the workbook's own, so the English keeps them as written (配点, 種類, 「以上」);
// a rulebook author reads the English around them.
import type { Bilingual } from "./format";

export const SCORE_TABLE_MESSAGES = {
  // ------------------------------------------------------------ whom a problem is about
  "table.about-indicator": { ja: "指標「{id}」: {problem}", en: "Indicator “{id}”: {problem}" },
  "table.about-group": { ja: "区分「{id}」: {problem}", en: "Group “{id}”: {problem}" },
  "table.about-indicator-in": {
    ja: "「{id}」の{header}の{problem}",
    en: "Indicator “{id}”, {header}: {problem}",
  },
  "table.about-group-in": {
    ja: "区分「{id}」の{header}の{problem}",
    en: "Group “{id}”, {header}: {problem}",
  },
  /** A problem with one part of a cell (an option, a step, an id in a list). */
  "table.in-cell": { ja: "{header}の{problem}", en: "{header}: {problem}" },
  /** The rulebook check's problems, pinned to an indicator's or a group's row. */
  "table.check-indicator": { ja: "指標「{id}」: {problem}", en: "Indicator “{id}”: {problem}" },
  "table.check-group": { ja: "区分「{id}」: {problem}", en: "Group “{id}”: {problem}" },

  // ------------------------------------------------------------ the kinds, as 種類 names them
  "table.kind.yesno": { ja: "はい・いいえ", en: "はい・いいえ (yes/no)" },
  "table.kind.choice": { ja: "択一", en: "択一 (single choice)" },
  "table.kind.multi": { ja: "複数選択", en: "複数選択 (multiple choice)" },
  "table.kind.numeric": { ja: "数値", en: "数値 (numeric)" },
  "table.kind.rankBand": { ja: "順位帯", en: "順位帯 (rank band)" },
  "table.kind.improvement": { ja: "改善", en: "改善 (improvement)" },
  "table.kind.points": { ja: "得点入力", en: "得点入力 (points entered)" },

  // ------------------------------------------------------------ sheets and headers
  "table.no-sheet": { ja: "シート「{sheet}」がありません。", en: "There is no “{sheet}” sheet." },
  "table.empty-sheet": {
    ja: "シート「{sheet}」が空です。1行目に見出しを入力してください。",
    en: "The “{sheet}” sheet is empty. Enter the headers in its first row.",
  },
  "table.unknown-header": {
    ja: "見出し「{header}」は使いません（この列は読み込みません）。",
    en: "The header “{header}” is not one of the table's headers; this column is not read.",
  },
  "table.header-twice": {
    ja: "見出し「{header}」が2つあります。1つにしてください。",
    en: "The header “{header}” appears twice. Keep one.",
  },
  "table.missing-header": {
    ja: "見出し「{header}」の列がありません。見出し行に「{header}」を追加してください。",
    en: "There is no “{header}” column. Add “{header}” to the header row.",
  },

  // ------------------------------------------------------------ one cell
  "table.required": { ja: "{header}を入力してください。", en: "Enter {header}." },
  "table.required-one-of": {
    ja: "{header}を入力してください。（{words}）",
    en: "Enter {header}: one of {words}.",
  },
  "table.not-number": {
    ja: "{header}「{text}」を数値として読めません。数値を入力してください。",
    en: "{header} “{text}” is not a number. Enter a number.",
  },
  "table.not-integer": {
    ja: "{header}「{text}」は整数で入力してください。",
    en: "{header} “{text}” must be a whole number.",
  },
  "table.below-min": {
    ja: "{header}「{text}」は{min}以上にしてください。",
    en: "{header} “{text}” must be {min} or more.",
  },
  "table.above-max": {
    ja: "{header}「{text}」は{max}以下にしてください。",
    en: "{header} “{text}” must be {max} or less.",
  },
  "table.out-of-range": {
    ja: "{header}「{text}」は{min}以上{max}以下にしてください。",
    en: "{header} “{text}” must be from {min} to {max}.",
  },
  "table.not-share": {
    ja: "{header}「{text}」は 0〜1 の割合か、45% のように % を付けて入力してください。",
    en: "{header} “{text}” must be a share from 0 to 1, or a percentage with % such as 45%.",
  },
  "table.unknown-word": {
    ja: "{header}「{text}」は使えません。{words}のいずれかを入力してください。",
    en: "{header} “{text}” is not allowed. Enter one of {words}.",
  },
  "table.unknown-word-for-kind": {
    ja: "{header}「{text}」は使えません。種類が「{kind}」の指標の{header}は{words}のいずれかを入力してください。",
    en: "{header} “{text}” is not allowed. For a {kind} indicator, enter one of {words}.",
  },
  "table.pair-missing-ja": {
    ja: "{headerEn}だけでなく{header}も入力してください。",
    en: "{headerEn} is filled in; enter {header} too.",
  },
  "table.note-line-unmatched": {
    ja: "{line}行目に対応する{header}の行がありません。",
    en: "Line {line} has no matching line in {header}.",
  },
  "table.bad-range": {
    ja: "{header}「{text}」は「0〜100」「0〜」「〜100」のように書いてください。",
    en: "{header} “{text}”: write it as “0〜100”, “0〜” or “〜100”.",
  },

  // ------------------------------------------------------------ ids
  "table.bad-id": { ja: "ID「{id}」は使えません。{why}。", en: "The ID “{id}” cannot be used: {why}." },
  "table.id-why.ascii": {
    ja: "半角英数字と「_」「.」だけを使い、先頭は数字以外にしてください",
    en: "use only ASCII letters, digits, “_” and “.”, and do not start with a digit",
  },
  "table.id-why.cell-like": {
    ja: "セル番地（A1 など）と紛らわしいため使えません。別のIDにしてください",
    en: "it could be taken for a cell address (such as A1); use another ID",
  },
  "table.id-why.too-long": { ja: "200文字以内にしてください", en: "keep it to 200 characters or fewer" },
  "table.id-twice-at": {
    ja: "ID「{id}」が重複しています（{other} と同じ）。別のIDにしてください。",
    en: "The ID “{id}” is used twice (also at {other}). Use another ID.",
  },

  // ------------------------------------------------------------ the 指標 sheet
  "table.column-not-for-kind": {
    ja: "種類が「{kind}」の指標では「{header}」の列は使いません（読み込みません）。",
    en: "A {kind} indicator does not use the “{header}” column; it is not read.",
  },
  "table.kind-needs": {
    ja: "種類が「{kind}」の指標は{header}を入力してください。",
    en: "A {kind} indicator needs {header}.",
  },
  "table.kind-needs-example": {
    ja: "種類が「{kind}」の指標は{header}を入力してください。（例: {example}）",
    en: "A {kind} indicator needs {header} (e.g. {example}).",
  },
  "table.kind-needs-one-of": {
    ja: "種類が「{kind}」の指標は{header}を入力してください。（{words}）",
    en: "A {kind} indicator needs {header}: one of {words}.",
  },
  "table.kind-needs-with-measure": {
    ja: "種類が「{kind}」の指標は{header}を入力してください。（閾値や測定名を書くときは必要です）",
    en: "A {kind} indicator needs {header} when 閾値 or 測定名 is filled in.",
  },
  "table.direction-mismatch": {
    ja: "閾値の「{steps}」が方向「{stated}」と合いません。",
    en: "閾値 says “{steps}” but 方向 says “{stated}”.",
  },
  "table.direction-required": {
    ja: "方向（「以上」か「以下」）を入力してください。",
    en: "Enter 方向 (“以上” or “以下”).",
  },
  "table.no-indicators": { ja: "指標が1行もありません。", en: "The 指標 sheet has no indicators." },

  // ------------------------------------------------------------ 選択肢・段階 and 閾値 cells
  "table.brackets": {
    ja: "「{item}」: [ ] は項目の末尾に1組だけ書けます（名称に [ を含めるときは \\[ と書きます）。",
    en: "“{item}”: only one [ ] may be written, at the end of the item (write \\[ for a [ in a name).",
  },
  "table.bad-attr": {
    ja: "「{item}」: 「{attr}」は使えません。[ ] の中には {allowed} を書けます。",
    en: "“{item}”: “{attr}” is not allowed. Inside [ ] you may write {allowed}.",
  },
  "table.attr-twice": {
    ja: "「{item}」: {key} が2回書かれています。",
    en: "“{item}”: {key} is written twice.",
  },
  "table.bad-attr-value": {
    ja: "「{item}」: {key}「{text}」は{want}で書いてください。",
    en: "“{item}”: write {key} “{text}” as {want}.",
  },
  "table.want.count": { ja: "0以上の整数", en: "a whole number, 0 or more" },
  "table.want.share": {
    ja: "0〜1 の割合か 45% の形",
    en: "a share from 0 to 1, or a percentage such as 45%",
  },
  "table.want.number": { ja: "数値", en: "a number" },
  "table.want.top": { ja: "30% や 0.3 の形", en: "a share such as 30% or 0.3" },
  "table.bad-sub-id": {
    ja: "「{item}」: 小項目のID「{id}」は使えません。{why}。",
    en: "“{item}”: the sub-item ID “{id}” cannot be used: {why}.",
  },
  "table.en-needs-name": {
    ja: "「{item}」: 英=… を書くときは 名称=… も書いてください。",
    en: "“{item}”: with 英=…, write 名称=… too.",
  },
  "table.no-points": {
    ja: "「{item}」に「=配点」がありません（例: {example}）。",
    en: "“{item}” has no points: end it with “=” and the points (e.g. {example}).",
  },
  "table.no-points-comma": {
    ja: "「{item}」に「=配点」がありません（例: {example}）。（数値に桁区切りの「,」は使えません）",
    en: "“{item}” has no points: end it with “=” and the points (e.g. {example}). Numbers cannot have “,” thousands separators.",
  },
  "table.points-not-number": {
    ja: "「{item}」: 配点「{text}」を数値として読めません。",
    en: "“{item}”: the points “{text}” are not a number.",
  },
  "table.no-code": {
    ja: "「{item}」にコードがありません（例: ア 全域で実施=10）。",
    en: "“{item}” has no code (e.g. ア 全域で実施=10).",
  },
  "table.en-needs-label": {
    ja: "「{item}」: 英=… を書くときはコードの後に名称も書いてください。",
    en: "“{item}”: with 英=…, write a name after the code too.",
  },
  "table.code-too-long": {
    ja: "コード「{code}」が長すぎます。コードと名称の間に空白を入れてください（例: ア 全域で実施=10）。",
    en: "The code “{code}” is too long. Put a space between the code and the name (e.g. ア 全域で実施=10).",
  },
  "table.size-twice": {
    ja: "{header}に規模区分「{size}」が2回あります。",
    en: "{header} names the size class “{size}” twice.",
  },
  "table.threshold-not-number": {
    ja: "「{item}」: 閾値「{text}」を数値として読めません（不明なときは ?=10 のように書きます）。",
    en: "“{item}”: the threshold “{text}” is not a number (when it is unknown, write ? as in ?=10).",
  },
  "table.mixed-directions": {
    ja: "「以上」と「以下」が混ざっています。どちらかにそろえてください。",
    en: "Both “以上” and “以下” are used. Use one of them throughout.",
  },
  "table.cutoff-not-number": {
    ja: "「{item}」: 順位帯の閾値は段階の順に数値だけを書きます（例: 2; 4; 6; 9、不明は ?）。",
    en: "“{item}”: rank-band thresholds are numbers only, one per band in order (e.g. 2; 4; 6; 9, and ? when unknown).",
  },
  "table.bound-twice": {
    ja: "「{item}」: 下限と上限は1つずつです。",
    en: "“{item}”: write at most one lower and one upper bound.",
  },
  "table.bad-improvement": {
    ja: "「{item}」: 改善幅を「1以上」「0超」「0超1未満」「それ以外」のように書いてください。",
    en: "“{item}”: write the improvement like “1以上”, “0超”, “0超1未満” or “それ以外”.",
  },

  // ------------------------------------------------------------ the 区分 sheet and the tree
  "table.group-id-required": { ja: "区分のIDを入力してください。", en: "Enter the group's ID." },
  "table.no-root": {
    ja: "最上位の区分（親IDが空欄の行）がありません。合計にあたる区分を1行作り、親IDを空欄にしてください。",
    en: "There is no top group (a row with 親ID blank). Add one row for the total and leave its 親ID blank.",
  },
  "table.extra-root": {
    ja: "親IDが空欄の区分が複数あります（最上位は「{root}」の1つだけです）。親IDを入力してください。",
    en: "More than one group has 親ID blank (only “{root}” can be the top). Enter 親ID.",
  },
  "table.parent-is-indicator": {
    ja: "親ID「{id}」は指標です。親IDには区分のIDを入力してください。",
    en: "親ID “{id}” is an indicator. Enter the ID of a group in 親ID.",
  },
  "table.unknown-parent": {
    ja: "親ID「{id}」という区分がありません。",
    en: "There is no group with the ID “{id}” given in 親ID.",
  },
  "table.parent-cycle": {
    ja: "親IDをたどると元の区分に戻ってしまいます（循環）。親IDを見直してください。",
    en: "Following 親ID leads back to this group (a cycle). Check 親ID.",
  },
  "table.unknown-group": {
    ja: "区分ID「{id}」という区分が「{sheet}」シートにありません。",
    en: "There is no group with the 区分ID “{id}” on the “{sheet}” sheet.",
  },
  "table.path-mismatch": {
    ja: "区分ID「{path}」の経路が区分シートの親IDと合いません（実際は {actual}）。",
    en: "The path in 区分ID “{path}” does not follow 親ID on the 区分 sheet (which gives {actual}).",
  },
  "table.empty-group": {
    ja: "この区分には指標がありません。指標シートの区分IDでこの区分（またはその下の区分）を指定するか、行を削除してください。",
    en: "This group has no indicators. Name it (or a group below it) in 区分ID on the 指標 sheet, or delete the row.",
  },

  // ------------------------------------------------------------ the 規模区分 sheet
  "table.size-field-required": {
    ja: "規模区分の{header}を入力してください。",
    en: "Enter the size class's {header}.",
  },
  "table.size-id-twice": {
    ja: "規模区分ID「{id}」が2つあります。",
    en: "The size class ID “{id}” appears twice.",
  },
  "table.size-basis-required": {
    ja: "規模区分があるときは「規模区分の基準」の行（例: 人口）を入力してください。",
    en: "With size classes, enter a “規模区分の基準” row (e.g. 人口).",
  },
  "table.size-basis-without-classes": {
    ja: "規模区分の基準があるのに「{sheet}」シートに区分がありません。",
    en: "規模区分の基準 is given but the “{sheet}” sheet has no size classes.",
  },
  "table.size-assumed-without-classes": {
    ja: "規模区分の流用元年度があるのに「{sheet}」シートに区分がありません。",
    en: "規模区分の流用元年度 is given but the “{sheet}” sheet has no size classes.",
  },

  // ------------------------------------------------------------ the ルールブック sheet
  "table.key-twice": {
    ja: "「{key}」の行が2つあります。1つにしてください。",
    en: "There are two “{key}” rows. Keep one.",
  },
  "table.key-blank": {
    ja: "A列（項目）が空欄の行は読み込みません。",
    en: "Rows with column A (項目) blank are not read.",
  },
  "table.unknown-key": {
    ja: "項目「{key}」は使いません（この行は読み込みません）。",
    en: "The item “{key}” is not one the sheet uses; this row is not read.",
  },
  "table.key-missing": {
    ja: "「{key}」の行がありません。A列に「{key}」、B列に値を入力してください。",
    en: "There is no “{key}” row. Enter “{key}” in column A and its value in column B.",
  },
  "table.bad-year": {
    ja: "年度「{text}」を読めません。2026 や 令和8年度 のように入力してください。",
    en: "The fiscal year “{text}” cannot be read. Enter it like 2026 or 令和8年度.",
  },
  "table.bad-format": {
    ja: "形式「{text}」は読めません。{format} にしてください。",
    en: "The format “{text}” cannot be read. Make it {format}.",
  },
  "table.bad-rulebook-id": {
    ja: "ID「{id}」は使えません。半角英数字と「.」「_」「-」だけを使ってください。",
    en: "The ID “{id}” cannot be used. Use only ASCII letters, digits, “.”, “_” and “-”.",
  },
  "table.bad-version": {
    ja: "版「{text}」は 1.0.0 のような形にしてください（セルの書式は文字列に）。",
    en: "版 “{text}” must look like 1.0.0 (format the cell as text).",
  },
  "table.previous-groups-row": {
    ja: "前年度の区分の行は、B列に今年度の区分ID、C列に前年度の区分IDを入力してください。",
    en: "A 前年度の区分 row needs this year's group ID in column B and last year's in column C.",
  },
  "table.no-sources": {
    ja: "出典がありません。「出典ID」「題名」などの見出し行を作り、その下に出典を1件以上入力してください。",
    en: "There are no sources. Make a header row with “出典ID”, “題名” and so on, and enter at least one source below it.",
  },

  // ------------------------------------------------------------ the rulebook check, about cells
  "table.id-twice": {
    ja: "ID「{id}」が重複しています（選択肢などの小項目IDを含む）。別のIDにしてください。",
    en: "The ID “{id}” is used twice (sub-item IDs of options included). Use another ID.",
  },
  "table.unreachable-max": {
    ja: "配下の配点をすべて得ても {reach} 点で、満点 {max} 点に届きません。配点か満点を見直してください。",
    en: "All the points below add up to only {reach}, short of the maximum {max}. Check the points or the maximum.",
  },
  "table.numeric-needs-steps": { ja: "閾値を入力してください。", en: "Enter the thresholds." },
  "table.unknown-size-class": {
    ja: "規模区分「{size}」が「{sheet}」シートにありません。",
    en: "The size class “{size}” is not on the “{sheet}” sheet.",
  },
  "table.cutoffs-count": {
    ja: "閾値の数（{has}）が段階の数（{n}）と合いません。段階ごとに1つずつ書いてください。",
    en: "There are {has} thresholds for {n} bands. Write one per band.",
  },
  "table.answer-from-kind": {
    ja: "回答元「{id}」の種類は「{kindWord}」です。同じ種類（{ownWord}）の指標を指定してください。",
    en: "The answer source “{id}” is a {kindWord} indicator, but this one is {ownWord}. Name an indicator of the same kind.",
  },
  "table.other": {
    ja: "ルールブックの検査で問題があります（{path}）: {problem}",
    en: "The rulebook check found a problem ({path}): {problem}",
  },
} as const satisfies Record<string, Bilingual>;
