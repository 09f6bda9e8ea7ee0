// Every string of the pane, in Japanese and English. Engine and rulebook texts carry their own {ja, en}.
// Placeholders are {name}; translate() fills them.

export type Lang = "ja" | "en";
export type Vars = Record<string, string | number>;

const messages = {
  "app.title": { ja: "採点 Saiten", en: "Saiten scoring" },
  "language.name": { ja: "日本語", en: "English" },
  "language.switchTo": { ja: "日本語に切り替え", en: "Switch to English" },
  dismiss: { ja: "閉じる", en: "Dismiss" },
  more: { ja: "さらに表示（残り{n}件）", en: "Show more ({n} left)" },
  "start.hint": {
    ja: "ルールブックを選んで「採点」を押してください。",
    en: "Choose a rulebook and press Score.",
  },

  "rulebook.label": { ja: "ルールブック（年度）", en: "Rulebook (fiscal year)" },
  "rulebook.choose": { ja: "ルールブックを選んでください", en: "Choose a rulebook" },
  "rulebook.noneAvailable": {
    ja: "使えるルールブックがありません。アドインを更新してください。",
    en: "No rulebook is available. Update the add-in.",
  },
  "level.item": { ja: "指標ごとに採点", en: "Scored per indicator" },
  "level.group": { ja: "区分ごとの得点入力", en: "Points entered per group" },
  "level.mixed": { ja: "指標ごと＋得点入力", en: "Per indicator and points entered" },
  "points.max": { ja: "満点 {max}点", en: "max {max} points" },
  "points.unit": { ja: "{n}点", en: "{n} pts" },
  "points.unitOnly": { ja: "点", en: " pts" },
  "rate.pp": { ja: "{n}ポイント", en: "{n} pp" },
  "unit.points": { ja: "点", en: "pts" },
  "unit.persons": { ja: "人", en: "persons" },
  "unit.yen": { ja: "円", en: "yen" },

  "run.button": { ja: "採点", en: "Score" },
  "run.done": {
    ja: "採点しました。合計 {points} / {max}点、得点率 {rate}。",
    en: "Scored: {points} of {max} points, {rate}.",
  },
  "run.running": { ja: "採点中…", en: "Scoring…" },
  "template.button": { ja: "回答様式を作る", en: "Create answer sheets" },
  "progress.label": { ja: "進行状況", en: "Progress" },
  "step.start": { ja: "開始しています…", en: "Starting…" },
  "step.read": { ja: "回答を読み取っています…", en: "Reading the answers…" },
  "step.score": { ja: "採点しています…", en: "Scoring…" },
  "step.write": { ja: "結果を書き込んでいます…", en: "Writing the results…" },
  "error.title": { ja: "できませんでした", en: "That did not work" },

  "compat.title": {
    ja: "この Excel では一部の機能が使えません",
    en: "Some features are not available in this version of Excel",
  },
  "compat.answerDropdowns": {
    ja: "「回答様式を作る」で、回答セルに選択肢のドロップダウンが付きません。選択肢の記号（ア、イ…）か文言を入力してください。",
    en: "Create answer sheets adds no dropdown lists to the answer cells: type the option's code or text.",
  },
  "compat.mergedCellCheck": {
    ja: "割り当てた回答セルが結合セルでも警告が出ません。結合セルは左上のセルに割り当ててください。",
    en: "No warning appears when a mapped answer cell is merged: map a merged cell by its top-left cell.",
  },
  "compat.rest": {
    ja: "採点、結果の書き込み、試算などほかの機能は使えます。Office 2021（LTSC 2021）以降の Excel ではすべての機能が使えます。",
    en: "Scoring, writing the results, what-ifs and everything else work. Excel from Office 2021 (LTSC 2021) on has every feature.",
  },

  "notice.marked": {
    ja: "{n}行に印をつけました。直したら「印を消す」で消せます。",
    en: "Marked {n} rows. Use Clear marks when done.",
  },
  "notice.cleared": { ja: "印を消しました。", en: "Marks cleared." },
  "notice.applied": {
    ja: "{n}セルに反映し、採点し直しました。",
    en: "Wrote {n} cells and scored again.",
  },
  "notice.previous": {
    ja: "前年度のブック「{file}」（{total}点）を読み込み、比較しました。",
    en: "Loaded last year's workbook “{file}” ({total} points) and compared.",
  },
  "notice.tally": {
    ja: "全国集計「{file}」（{n}市町村）を読み込みました。",
    en: "Read the national tally “{file}” ({n} municipalities).",
  },
  "notice.tallyPrevious": {
    ja: "{name}の前年度（{total}点）と比べました。",
    en: "Compared with last year's row of {name} ({total} points).",
  },
  "notice.template": {
    ja: "回答シートを作りました。回答を入力して「採点」を押してください。",
    en: "Answer sheets created. Fill in the answers, then press Score.",
  },

  "tab.label": { ja: "表示", en: "Views" },
  "tab.results": { ja: "結果", en: "Results" },
  "tab.whatif": { ja: "試算", en: "What-if" },
  "tab.gain": { ja: "伸ばせる項目", en: "Where to gain" },
  "tab.formmap": { ja: "様式の割り当て", en: "Answer cells" },
  "tab.formmapHint": {
    ja: "標準の回答シートがないブックは、先に回答セルを割り当ててください。",
    en: "A workbook without the standard answer sheet needs its answer cells mapped first.",
  },
  "tab.formmapOpen": { ja: "様式の割り当てを開く", en: "Open Answer cells" },
  "tab.notScored": {
    ja: "「採点」を押すと、ここに表示されます。",
    en: "Press Score to see this.",
  },

  "total.heading": { ja: "合計得点", en: "Total" },
  "total.rate": { ja: "得点率", en: "Rate" },
  "total.previous": { ja: "前年度", en: "Last year" },
  "total.national": { ja: "全国平均", en: "National average" },
  "source.template": { ja: "標準様式から読み取り", en: "Read from the standard sheet" },
  "source.names": { ja: "名前定義から読み取り", en: "Read from defined names" },
  "previous.history": { ja: "前年度: 採点履歴", en: "Last year: history" },
  "previous.column": { ja: "前年度: 前年度得点列", en: "Last year: points column" },
  "previous.file": { ja: "前年度: 指定したブック", en: "Last year: chosen workbook" },
  "previous.tally": { ja: "前年度: 全国集計", en: "Last year: national tally" },
  "previous.none": { ja: "前年度なし", en: "No last year" },
  written: { ja: "{n}セルに結果を書き込み", en: "{n} result cells written" },
  "conflicts.title": {
    ja: "{n}セルは書き込みませんでした（数式などがあるため）",
    en: "{n} cells left alone (formulas or other content)",
  },
  "previous.hint": {
    ja: "前年度と比べるには、前年度の回答ブックか全国集計（厚生労働省の .xlsx、または saiten tally import の .json）を選んでください。",
    en: "To compare with last year, choose last year's workbook or the national tally (MHLW's .xlsx, or the .json of saiten tally import).",
  },
  "previous.choose": { ja: "前年度のブック・全国集計を選ぶ", en: "Choose last year's workbook or tally" },
  "previous.replace": { ja: "別の前年度ファイルを選ぶ", en: "Choose another last-year file" },

  "tally.heading": { ja: "全国集計{year}", en: "National tally{year}" },
  "tally.year": { ja: "（{year}年度）", en: " (FY{year})" },
  "tally.file": { ja: "{file}・{n}市町村", en: "{file} · {n} municipalities" },
  "tally.problems": {
    ja: "・読み取りの注意 {n}件（saiten tally import で一覧できます）",
    en: " · {n} reading problems (listed by saiten tally import)",
  },
  "tally.insurer": { ja: "前年度にする保険者", en: "Insurer to compare with" },
  "tally.insurerHint": { ja: "保険者番号か市町村名で検索", en: "Search by insurer number or name" },
  "tally.insurerPlaceholder": { ja: "例: 011002、札幌市", en: "e.g. 011002 or a name" },
  "tally.noMatch": { ja: "該当する保険者はありません。", en: "No insurer matches." },
  "tally.chosen": { ja: "前年度: {name} {total}点", en: "Last year: {name}, {total} points" },
  "tally.rank": { ja: "・全国 {rank}位/{of}", en: " · rank {rank} of {of}" },
  "tally.bandRank": { ja: "・規模別 {rank}位/{of}", en: " · {rank} of {of} in its size band" },
  "tally.choose": {
    ja: "保険者を選ぶと、その行を前年度として比べます。",
    en: "Choose an insurer to compare with its row.",
  },
  "tally.lowLine": {
    ja: "著しく得点の低い基準（平均得点率−2×標準偏差）: {line}点未満 {n}団体",
    en: "Low-score line (mean rate − 2 SD): below {line} points, {n} municipalities",
  },
  "tally.belowLine": {
    ja: "{name}は前年度、この基準（{line}点）を下回っていました。",
    en: "Last year {name} was below this line ({line} points).",
  },
  "tally.figures": {
    ja: "全国の該当率・平均にこの集計を使う",
    en: "Use this tally for national shares and averages",
  },

  "groups.heading": { ja: "区分別の得点", en: "Points by group" },
  "bars.current": { ja: "今年度", en: "This year" },
  "bars.previous": { ja: "前年度", en: "Last year" },
  "bars.national": { ja: "全国平均", en: "National average" },
  "group.previous": { ja: "前年度 {n}", en: "Last year {n}" },
  "group.national": { ja: "全国平均 {n}", en: "National avg {n}" },
  "trend.up": { ja: "改善", en: "improved" },
  "trend.down": { ja: "悪化", en: "worse" },
  "trend.same": { ja: "変化なし", en: "unchanged" },
  "trend.none": { ja: "比較なし", en: "no comparison" },
  "judgement.met": { ja: "達成", en: "Met" },
  "judgement.notMet": { ja: "未達成", en: "Not met" },

  "issues.heading": { ja: "確認事項", en: "To check" },
  "issues.counts": { ja: "誤り {errors}件・注意 {warnings}件", en: "Errors {errors} · warnings {warnings}" },
  "issues.showInfo": { ja: "参考情報も表示（{n}件）", en: "Show notes too ({n})" },
  "issues.none": { ja: "確認事項はありません。", en: "Nothing to check." },
  "issues.select": { ja: "{cell} を選択", en: "Select {cell}" },
  "severity.error": { ja: "誤り", en: "Error" },
  "severity.warning": { ja: "注意", en: "Warning" },
  "severity.info": { ja: "参考", en: "Note" },

  "lost.heading": { ja: "前年度より下がった指標（{n}件）", en: "Indicators that lost points ({n})" },
  "lost.none": { ja: "前年度より下がった指標はありません。", en: "No indicator lost points." },
  "lost.mark": { ja: "印をつける", en: "Mark rows" },
  "lost.clear": { ja: "印を消す", en: "Clear marks" },
  "lost.detail": { ja: "前年度 {before}点 → {after}点", en: "{before} → {after} points" },
  "lost.answer": { ja: "回答 {before} → {after}", en: "answer {before} → {after}" },

  "whatif.heading": { ja: "回答を変えて試算", en: "Try other answers" },
  "whatif.apply": { ja: "ブックに反映（{n}件）", en: "Apply to workbook ({n})" },
  "whatif.clear": { ja: "変更を取り消す", en: "Undo changes" },
  "delta.points": { ja: "合計", en: "Total" },
  "delta.rate": { ja: "得点率", en: "Rate" },
  "delta.grant": { ja: "交付見込額", en: "Est. grant" },
  "delta.grantMissing": { ja: "条件を入力", en: "Enter inputs" },

  "scenario.none": {
    ja: "回答を変えると、シナリオとして保存されます。",
    en: "Change an answer to start a scenario.",
  },
  "scenario.current": { ja: "シナリオ", en: "Scenario" },
  "scenario.name": { ja: "シナリオ名", en: "Scenario name" },
  "scenario.add": { ja: "追加", en: "Add" },
  "scenario.copy": { ja: "複製", en: "Copy" },
  "scenario.delete": { ja: "削除", en: "Delete" },
  "scenario.deleteNamed": { ja: "「{name}」を削除", en: "Delete “{name}”" },
  "scenario.defaultName": { ja: "シナリオ{n}", en: "Scenario {n}" },
  "scenario.unnamed": { ja: "（名前なし）", en: "(untitled)" },

  "table.caption": { ja: "シナリオの比較", en: "Scenarios compared" },
  "table.scenario": { ja: "シナリオ", en: "Scenario" },
  "table.total": { ja: "合計", en: "Total" },
  "table.delta": { ja: "差", en: "Δ" },
  "table.rate": { ja: "得点率", en: "Rate" },
  "table.grant": { ja: "交付額", en: "Grant" },
  "table.workbook": { ja: "現在のブック", en: "Workbook now" },

  "grant.heading": { ja: "交付額の試算条件", en: "Grant estimate inputs" },
  "grant.insured": { ja: "被保険者数", en: "Insured persons" },
  "grant.mode": { ja: "計算方法", en: "Method" },
  "grant.mode.perPoint": { ja: "1点・1人あたりの単価", en: "Yen per point per insured person" },
  "grant.mode.pool": { ja: "予算総額と全国の合計から", en: "From the budget and national total" },
  "grant.yenPerPoint": { ja: "単価（1点×1人あたり）", en: "Yen per point × person" },
  "grant.budget": { ja: "予算総額", en: "Budget" },
  "grant.nationalWeight": { ja: "全国の Σ（得点×被保険者数）", en: "National Σ (points × insured)" },
  "grant.nationalWeightHint": {
    ja: "自団体の現在の得点を含めた値を入力してください。",
    en: "Include your own current points.",
  },
  "grant.invalid": { ja: "0以上の数値を入力してください。", en: "Enter a number of 0 or more." },
  "grant.formula.perPoint": {
    ja: "見込額 ＝ 得点 × 被保険者数 × 単価",
    en: "Estimate = points × insured × yen",
  },
  "grant.formula.pool": {
    ja: "見込額 ＝ 予算 × (得点×被保険者数) ÷ 全国の Σ",
    en: "Estimate = budget × (points × insured) ÷ national Σ",
  },

  "answers.heading": { ja: "回答", en: "Answers" },
  "answers.search": { ja: "指標を検索", en: "Find an indicator" },
  "answers.searchHint": { ja: "コード・名前・ID", en: "Code, name or ID" },
  "answers.changedOnly": { ja: "変更したものだけ表示（{n}件）", en: "Changed only ({n})" },
  "answers.changedCount": { ja: "（変更 {n}件）", en: "({n} changed)" },
  "answers.noMatch": { ja: "該当する指標はありません。", en: "No indicator matches." },

  "editor.yes": { ja: "該当", en: "yes" },
  "editor.no": { ja: "非該当", en: "no" },
  "editor.none": { ja: "なし", en: "none" },
  "editor.blank": { ja: "（未回答）", en: "(no answer)" },
  "editor.measured": { ja: "実数 {value}", en: "Value {value}" },
  "editor.linked": { ja: "{to} と同じ回答", en: "Same answer as {to}" },
  "editor.numberInvalid": { ja: "数値を入力してください。", en: "Enter a number." },
  "editor.pointsInvalid": { ja: "範囲内の得点を入力してください。", en: "Enter points within the range." },
  "editor.pointsRange": { ja: "{min}〜{max}点", en: "{min}–{max} points" },
  "editor.previousValue": { ja: "前年度 {value}", en: "Last year {value}" },
  "editor.reset": { ja: "元に戻す", en: "Reset" },
  "editor.resetOne": { ja: "{name} を元に戻す", en: "Reset {name}" },

  "apply.title": { ja: "「{name}」をブックに反映", en: "Apply “{name}” to the workbook" },
  "apply.previewing": { ja: "変わるセルを確認しています…", en: "Checking which cells change…" },
  "apply.nothing": {
    ja: "変わるセルはありません。回答はすでに同じです。",
    en: "No cell would change; the answers are already the same.",
  },
  "apply.intro": {
    ja: "次の{n}セルの回答を書き換えます。よろしければ「反映する」を押してください。",
    en: "These {n} answer cells will change. Press Apply to write them.",
  },
  "apply.tableCaption": { ja: "書き換えるセル", en: "Cells to change" },
  "apply.cell": { ja: "セル", en: "Cell" },
  "apply.indicator": { ja: "指標", en: "Indicator" },
  "apply.change": { ja: "変更前 → 変更後", en: "Before → after" },
  "apply.cancel": { ja: "やめる", en: "Cancel" },
  "apply.confirm": { ja: "反映する", en: "Apply" },

  "gain.heading": { ja: "得点を伸ばせる項目", en: "Where to gain points" },
  "gain.intro": {
    ja: "まだ得点になっていない回答を、増える点数の大きい順に示します。「追加」で「{name}」に入ります。",
    en: "Answers not yet scoring, by the points they would add. Add puts one into “{name}”.",
  },
  "gain.sort": { ja: "並べ替え", en: "Sort by" },
  "gain.sort.points": { ja: "増える点数の大きい順", en: "Points gained" },
  "gain.sort.share": { ja: "全国で多く達成している順", en: "Most achieved nationally" },
  "gain.none": { ja: "これ以上得点を伸ばせる回答はありません。", en: "No answer would add points." },
  "gain.points": { ja: "+{n}点", en: "+{n} pts" },
  "gain.share": { ja: "全国の達成 {share}", en: "Met nationally {share}" },
  "gain.count": { ja: "（{n}/{of}）", en: " ({n}/{of})" },
  "gain.sourceTally": {
    ja: "全国の達成は {label}・{n}市町村から。",
    en: "National shares from {label}, {n} municipalities.",
  },
  "gain.sourceRulebook": {
    ja: "全国の達成はルールブックの値です。全国集計を選ぶと最新の分布に置き換わります。",
    en: "National shares are the rulebook's; choose a national tally for its full distribution.",
  },
  "gain.add": { ja: "追加", en: "Add" },
  "gain.addNamed": { ja: "{name} をシナリオに追加", en: "Add {name} to the scenario" },
  "gain.added": { ja: "{name} をシナリオに追加しました。", en: "Added {name} to the scenario." },

  "formmap.heading": { ja: "様式の割り当て", en: "Answer cells" },
  "formmap.intro": {
    ja: "標準の回答シートを使わないブックでは、指標ごとに回答セルを割り当てると採点できます。割り当てはブックの名前定義として保存されます。",
    en: "For a workbook without the standard answer sheet, map each indicator to its answer cell to score it. The map is kept in the workbook as defined names.",
  },
  "formmap.loading": { ja: "割り当てを読み込んでいます…", en: "Loading the map…" },
  "formmap.answerCell": { ja: "回答セル", en: "Answer cell" },
  "formmap.pointsCell": { ja: "得点セル", en: "Points cell" },
  "formmap.select": { ja: "{cell} をシートで選択", en: "Select {cell} in the sheet" },
  "formmap.rescore": {
    ja: "「採点」を押すと、新しい割り当てで採点します。",
    en: "Press Score to score with the new map.",
  },

  "formmap.current.heading": { ja: "現在の割り当て", en: "Current map" },
  "formmap.current.counts": {
    ja: "割り当て済み {mapped}件・未割り当て {unmapped}件",
    en: "{mapped} mapped · {unmapped} not mapped",
  },
  "formmap.current.none": { ja: "まだ割り当てはありません。", en: "Nothing is mapped yet." },
  "formmap.remove": { ja: "外す", en: "Remove" },
  "formmap.removeNamed": { ja: "{name} の割り当てを外す", en: "Remove the cells of {name}" },
  "formmap.removed": { ja: "{name} の割り当てを外しました。", en: "Removed the cells of {name}." },

  "formmap.detect.heading": { ja: "自動検出", en: "Detect" },
  "formmap.detect.intro": {
    ja: "表示中のシートから指標のID・別名・名前を探し、その右のセルを回答セルとして提案します。確かめてから保存してください。",
    en: "Finds indicator IDs, aliases and names in the visible sheets and proposes the cell to their right as the answer cell. Check before saving.",
  },
  "formmap.detect.button": { ja: "自動検出", en: "Detect" },
  "formmap.detect.running": { ja: "検出しています…", en: "Detecting…" },
  "formmap.detect.none": {
    ja: "指標の見出しが見つかりませんでした。手動で割り当ててください。",
    en: "No indicator label was found. Map the cells by hand.",
  },
  "formmap.detect.found": {
    ja: "{n}件見つかりました。確かめて、保存するものを選んでください。",
    en: "Found {n}. Check them and choose which to save.",
  },
  "formmap.detect.list": { ja: "検出した回答セル", en: "Detected answer cells" },
  "formmap.detect.all": { ja: "すべて選ぶ（{n}/{of}件）", en: "Select all ({n} of {of})" },
  "formmap.detect.label": { ja: "「{text}」", en: "“{text}”" },
  "formmap.detect.current": { ja: "現在 {cell}", en: "now {cell}" },
  "formmap.detect.save": { ja: "選んだ割り当てを保存", en: "Save the selected" },
  "formmap.matched.id": { ja: "IDで一致", en: "matched by ID" },
  "formmap.matched.alias": { ja: "別名で一致", en: "matched by alias" },
  "formmap.matched.name": { ja: "名前で一致", en: "matched by name" },
  "formmap.saved": { ja: "{n}件の割り当てを保存しました。", en: "Saved {n} answer cells." },

  "formmap.manual.heading": { ja: "手動で割り当て", en: "Map by hand" },
  "formmap.manual.intro": {
    ja: "指標を選び、シートでセルを選択してからボタンを押してください。",
    en: "Choose an indicator, select a cell in the sheet, then press a button.",
  },
  "formmap.manual.indicator": { ja: "指標", en: "Indicator" },
  "formmap.manual.placeholder": { ja: "IDまたは名前で検索", en: "Search by ID or name" },
  "formmap.manual.unmapped": { ja: "まだ割り当てていません。", en: "Not mapped yet." },
  "formmap.manual.answer": {
    ja: "選択中のセルを回答セルにする",
    en: "Use the selected cell as the answer cell",
  },
  "formmap.manual.points": {
    ja: "選択中のセルを得点セルにする",
    en: "Use the selected cell as the points cell",
  },
  "formmap.manual.noSelection": {
    ja: "シートでセルを選択してから、もう一度押してください。",
    en: "Select a cell in the sheet first, then press again.",
  },
  "formmap.manual.needAnswer": {
    ja: "{name} にはまだ回答セルがありません。先に回答セルを割り当ててください。",
    en: "{name} has no answer cell yet. Map the answer cell first.",
  },
  "formmap.manual.savedAnswer": {
    ja: "{name} の回答セルを {cell} にしました。",
    en: "{name}: answer cell set to {cell}.",
  },
  "formmap.manual.savedPoints": {
    ja: "{name} の得点セルを {cell} にしました。",
    en: "{name}: points cell set to {cell}.",
  },

  "formmap.share.heading": { ja: "共有", en: "Share" },
  "formmap.share.intro": {
    ja: "割り当てをファイルに書き出すと、同じ様式を使うほかの団体のブックで読み込めます。",
    en: "Export the map to a file to import it into other workbooks on the same form.",
  },
  "formmap.export": { ja: "書き出し", en: "Export" },
  "formmap.import": { ja: "読み込み", en: "Import" },
  "formmap.importFile": { ja: "割り当てファイル（JSON）", en: "Map file (JSON)" },
  "formmap.exported": { ja: "{file} を書き出しました。", en: "Exported {file}." },
  "formmap.imported": { ja: "{n}件の割り当てを読み込みました。", en: "Imported {n} answer cells." },
  "formmap.readFailed": {
    ja: "ファイルを読めませんでした。もう一度選んでください。",
    en: "Could not read the file. Choose it again.",
  },
} as const satisfies Record<string, { ja: string; en: string }>;

export type MessageKey = keyof typeof messages;

export const MESSAGES: Readonly<Record<MessageKey, { ja: string; en: string }>> = messages;

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const m = messages[key];
  const text: string = m[lang] || m.ja;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (all, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : all,
  );
}

/** The placeholders a message uses, e.g. ["n"]. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}
