// What the task pane says: its headings, buttons, notices and hints (pane.*). The components ask for
// them by the names after "pane." through taskpane/i18n.ts; engine and rulebook texts carry their own.
import type { Bilingual } from "./format";

export const PANE_MESSAGES = {
  "pane.app.title": { ja: "採点 Saiten", en: "Saiten scoring" },
  "pane.language.name": { ja: "日本語", en: "English" },
  "pane.language.switchTo": { ja: "日本語に切り替え", en: "Switch to English" },
  "pane.dismiss": { ja: "閉じる", en: "Dismiss" },
  "pane.more": { ja: "さらに表示（残り{n}件）", en: "Show more ({n} left)" },
  "pane.start.hint": {
    ja: "ルールブックを選んで「採点」を押してください。",
    en: "Choose a rulebook and press Score.",
  },

  "pane.rulebook.label": { ja: "ルールブック（年度）", en: "Rulebook (fiscal year)" },
  "pane.rulebook.choose": { ja: "ルールブックを選んでください", en: "Choose a rulebook" },
  "pane.rulebook.noneAvailable": {
    ja: "使えるルールブックがありません。アドインを更新してください。",
    en: "No rulebook is available. Update the add-in.",
  },
  "pane.level.item": { ja: "指標ごとに採点", en: "Scored per indicator" },
  "pane.level.group": { ja: "区分ごとの得点入力", en: "Points entered per group" },
  "pane.level.mixed": { ja: "指標ごと＋得点入力", en: "Per indicator and points entered" },
  "pane.points.max": { ja: "満点 {max}点", en: "max {max} points" },
  "pane.points.unit": { ja: "{n}点", en: "{n} pts" },
  "pane.points.unitOnly": { ja: "点", en: " pts" },
  "pane.rate.pp": { ja: "{n}ポイント", en: "{n} pp" },
  "pane.unit.points": { ja: "点", en: "pts" },
  "pane.unit.persons": { ja: "人", en: "persons" },
  "pane.unit.yen": { ja: "円", en: "yen" },

  "pane.run.button": { ja: "採点", en: "Score" },
  "pane.run.done": {
    ja: "採点しました。合計 {points} / {max}点、得点率 {rate}。",
    en: "Scored: {points} of {max} points, {rate}.",
  },
  "pane.run.running": { ja: "採点中…", en: "Scoring…" },
  "pane.template.button": { ja: "回答様式を作る", en: "Create answer sheets" },
  "pane.progress.label": { ja: "進行状況", en: "Progress" },
  "pane.step.start": { ja: "開始しています…", en: "Starting…" },
  "pane.step.read": { ja: "回答を読み取っています…", en: "Reading the answers…" },
  "pane.step.score": { ja: "採点しています…", en: "Scoring…" },
  "pane.step.write": { ja: "結果を書き込んでいます…", en: "Writing the results…" },
  "pane.error.title": { ja: "できませんでした", en: "That did not work" },
  "pane.unexpected": {
    ja: "予期しない問題で、この操作を終えられませんでした。もう一度お試しください。繰り返し起きる場合は、作業ウィンドウを開き直すか、担当者に連絡してください。",
    en: "This could not be finished because of an unexpected problem. Try again; if it keeps happening, reopen the task pane or contact your support person.",
  },

  "pane.compat.title": {
    ja: "この Excel では一部の機能が使えません",
    en: "Some features are not available in this version of Excel",
  },
  "pane.compat.answerDropdowns": {
    ja: "「回答様式を作る」で、回答セルに選択肢のドロップダウンが付きません。選択肢の記号（ア、イ…）か文言を入力してください。",
    en: "Create answer sheets adds no dropdown lists to the answer cells: type the option's code or text.",
  },
  "pane.compat.mergedCellCheck": {
    ja: "割り当てた回答セルが結合セルでも警告が出ません。結合セルは左上のセルに割り当ててください。",
    en: "No warning appears when a mapped answer cell is merged: map a merged cell by its top-left cell.",
  },
  "pane.compat.rest": {
    ja: "採点、結果の書き込み、試算などほかの機能は使えます。Office 2021（LTSC 2021）以降の Excel ではすべての機能が使えます。",
    en: "Scoring, writing the results, what-ifs and everything else work. Excel from Office 2021 (LTSC 2021) on has every feature.",
  },

  "pane.notice.marked": {
    ja: "{n}行に印をつけました。直したら「印を消す」で消せます。",
    en: "Marked {n} rows. Use Clear marks when done.",
  },
  "pane.notice.cleared": { ja: "印を消しました。", en: "Marks cleared." },
  "pane.notice.applied": {
    ja: "{n}セルに反映し、採点し直しました。",
    en: "Wrote {n} cells and scored again.",
  },
  "pane.notice.previous": {
    ja: "前年度のブック「{file}」（{total}点）を読み込み、比較しました。",
    en: "Loaded last year's workbook “{file}” ({total} points) and compared.",
  },
  "pane.notice.tally": {
    ja: "全国集計「{file}」（{n}市町村）を読み込みました。",
    en: "Read the national tally “{file}” ({n} municipalities).",
  },
  "pane.notice.tallyPrevious": {
    ja: "{name}の前年度（{total}点）と比べました。",
    en: "Compared with last year's row of {name} ({total} points).",
  },
  "pane.notice.template": {
    ja: "回答シートを作りました。回答を入力して「採点」を押してください。",
    en: "Answer sheets created. Fill in the answers, then press Score.",
  },

  "pane.tab.label": { ja: "表示", en: "Views" },
  "pane.tab.results": { ja: "結果", en: "Results" },
  "pane.tab.whatif": { ja: "試算", en: "What-if" },
  "pane.tab.gain": { ja: "伸ばせる項目", en: "Where to gain" },
  "pane.tab.formmap": { ja: "様式の割り当て", en: "Answer cells" },
  "pane.tab.review": { ja: "審査", en: "Review" },

  "pane.check.heading": { ja: "開いているブックを確認", en: "Check the open workbook" },
  "pane.check.hint": {
    ja: "提出されたブックを、何も書き込まずに採点します。記載された得点と回答から計算した得点の違いを一覧にします。",
    en: "Scores the submitted workbook without writing anything to it, and lists every figure it reports that differs from what its answers score.",
  },
  "pane.check.button": { ja: "確認（書き込みなし）", en: "Check (read only)" },
  "pane.check.running": { ja: "確認中…", en: "Checking…" },
  "pane.check.openWorkbook": { ja: "開いているブック", en: "Open workbook" },
  "pane.check.total": {
    ja: "再計算した合計 {points} / {max}点、得点率 {rate}",
    en: "Recomputed total {points} of {max} points, {rate}",
  },
  "pane.check.previous": {
    ja: "前年度 {rate}（差 {change}）",
    en: "Last year {rate} (change {change})",
  },
  "pane.check.failed": { ja: "このブックは採点できませんでした: {reason}", en: "This workbook could not be scored: {reason}" },
  "pane.check.mismatches": { ja: "記載と再計算の違い（{n}件）", en: "Reported figures that differ ({n})" },
  "pane.check.noMismatch": {
    ja: "記載された得点はすべて再計算と一致しています（空欄は比べていません）。",
    en: "Every reported figure matches the recomputed one (blank cells are not compared).",
  },
  "pane.check.cell": { ja: "セル", en: "Cell" },
  "pane.check.target": { ja: "対象", en: "Item" },
  "pane.check.reported": { ja: "記載値", en: "Reported" },
  "pane.check.computed": { ja: "再計算値", en: "Computed" },
  "pane.check.total.target": { ja: "合計", en: "Total" },
  "pane.check.report": { ja: "報告を新しいブックに書き出す", en: "Write the report to a new workbook" },
  "pane.check.download": { ja: "報告をファイルに保存", en: "Save the report as a file" },
  "pane.check.downloadHint": {
    ja: "この Excel は版が古く新しいブックを開けないため、報告はファイルとして保存します。確認したブックには書き込みません。",
    en: "This version of Excel is too old to open a new workbook, so the report is saved as a file. Nothing is written to the checked workbook.",
  },
  "pane.check.written": { ja: "報告を新しいブックに書き出しました（{sheets}）。", en: "The report was written to a new workbook ({sheets})." },

  "pane.batch.heading": { ja: "提出ブックの一括審査", en: "Review many submitted workbooks" },
  "pane.batch.hint": {
    ja: "市町村から提出されたブックをまとめて選ぶと、このパソコンの中で読み取り・採点します（ファイルはどこにも送りません）。",
    en: "Choose the workbooks the municipalities submitted: they are read and scored on this computer (nothing is sent anywhere).",
  },
  "pane.batch.files": { ja: "ファイルを選ぶ", en: "Choose files" },
  "pane.batch.folder": { ja: "フォルダを選ぶ", en: "Choose a folder" },
  "pane.batch.progress": { ja: "{done} / {total} 件", en: "{done} of {total}" },
  "pane.batch.left": { ja: "残り約 {time}", en: "About {time} left" },
  "pane.batch.seconds": { ja: "{n}秒", en: "{n} s" },
  "pane.batch.minutes": { ja: "{m}分{s}秒", en: "{m} min {s} s" },
  "pane.batch.cancel": { ja: "中止", en: "Cancel" },
  "pane.batch.cancelled": {
    ja: "中止しました（{done} / {total} 件まで）。集計はしていません。",
    en: "Cancelled after {done} of {total}. No summary was made.",
  },
  "pane.batch.done": {
    ja: "{total} 件を審査しました: 採点 {scored} 件、読めない・採点できない {failed} 件。",
    en: "Reviewed {total}: {scored} scored, {failed} could not be read or scored.",
  },
  "pane.batch.subfolders": {
    ja: "サブフォルダ {n} 個の中は読んでいません。",
    en: "{n} subfolders were not entered.",
  },
  "pane.batch.failures": { ja: "読めない・採点できないファイル（{n}件）", en: "Files that could not be read or scored ({n})" },
  "pane.batch.write": { ja: "集計を新しいブックに書き出す", en: "Write the summary to a new workbook" },
  "pane.batch.writeSheets": { ja: "集計をこのブックのシートに追加", en: "Add the summary as sheets of this workbook" },
  "pane.batch.sheetsHint": {
    ja: "この Excel は版が古く新しいブックを開けないため、集計は開いているブックに新しいシートとして追加します（色分けは付きません）。",
    en: "This version of Excel is too old to open a new workbook: the summary is added as new sheets of the open workbook (without colour scales).",
  },
  "pane.batch.written": { ja: "集計を書き出しました（{sheets}）。", en: "The summary was written ({sheets})." },

  "pane.glance.heading": { ja: "都道府県の概況", en: "The prefecture at a glance" },
  "pane.glance.mean": {
    ja: "平均得点率 {rate}（{n}市町村）",
    en: "Mean rate {rate} ({n} municipalities)",
  },
  "pane.glance.meanPrevious": {
    ja: "前年度 {rate}（{n}市町村）、差 {change}",
    en: "last year {rate} ({n} municipalities), change {change}",
  },
  "pane.glance.noPrevious": { ja: "前年度の得点率が分かりません。", en: "Last year's rates are not known." },
  "pane.glance.line": {
    ja: "全国の「平均得点率−2SD」（{rate}、{points}点）を下回る市町村: {n}",
    en: "Municipalities below the national “mean rate − 2 SD” ({rate}, {points} points): {n}",
  },
  "pane.glance.noLine": {
    ja: "全国の平均と標準偏差が分からないため「平均得点率−2SD」は判定していません（全国集計を読み込むと判定します）。",
    en: "The national mean and standard deviation are not known, so the “mean rate − 2 SD” line is not judged (load a national tally to judge it).",
  },
  "pane.glance.indicators": { ja: "指標別の該当率（都道府県内と全国）", en: "Share that met each indicator (prefecture and nation)" },
  "pane.glance.indicator": { ja: "指標", en: "Indicator" },
  "pane.glance.share": { ja: "県内", en: "Prefecture" },
  "pane.glance.national": { ja: "全国", en: "Nation" },
  "pane.glance.difference": { ja: "差", en: "Difference" },
  "pane.glance.municipalities": { ja: "市町村の順位", en: "Ranks of the municipalities" },
  "pane.glance.name": { ja: "市町村", en: "Municipality" },
  "pane.glance.rate": { ja: "得点率", en: "Rate" },
  "pane.glance.rank": { ja: "県内順位", en: "Rank in prefecture" },
  "pane.glance.nationalRank": { ja: "全国順位（全国集計）", en: "National rank (tally)" },
  "pane.glance.rankOf": { ja: "{rank} / {of}", en: "{rank} of {of}" },
  "pane.glance.below": { ja: "−2SD未満", en: "below −2 SD" },
  "pane.tab.formmapHint": {
    ja: "標準の回答シートがないブックは、先に回答セルを割り当ててください。",
    en: "A workbook without the standard answer sheet needs its answer cells mapped first.",
  },
  "pane.tab.formmapOpen": { ja: "様式の割り当てを開く", en: "Open Answer cells" },
  "pane.tab.notScored": {
    ja: "「採点」を押すと、ここに表示されます。",
    en: "Press Score to see this.",
  },

  "pane.total.heading": { ja: "合計得点", en: "Total" },
  "pane.total.rate": { ja: "得点率", en: "Rate" },
  "pane.total.previous": { ja: "前年度", en: "Last year" },
  "pane.total.national": { ja: "全国平均", en: "National average" },
  "pane.source.template": { ja: "標準様式から読み取り", en: "Read from the standard sheet" },
  "pane.source.names": { ja: "名前定義から読み取り", en: "Read from defined names" },
  "pane.previous.history": { ja: "前年度: 採点履歴", en: "Last year: history" },
  "pane.previous.column": { ja: "前年度: 前年度得点列", en: "Last year: points column" },
  "pane.previous.file": { ja: "前年度: 指定したブック", en: "Last year: chosen workbook" },
  "pane.previous.tally": { ja: "前年度: 全国集計", en: "Last year: national tally" },
  "pane.previous.none": { ja: "前年度なし", en: "No last year" },
  "pane.written": { ja: "{n}セルに結果を書き込み", en: "{n} result cells written" },
  "pane.conflicts.title": {
    ja: "{n}セルは書き込みませんでした（数式などがあるため）",
    en: "{n} cells left alone (formulas or other content)",
  },
  "pane.previous.hint": {
    ja: "前年度と比べるには、前年度の回答ブックか全国集計（厚生労働省が公表する Excel ファイル、またはそれを変換したファイル）を選んでください。",
    en: "To compare with last year, choose last year's workbook or the national tally (the Excel file MHLW publishes, or a file converted from it).",
  },
  "pane.previous.choose": { ja: "前年度のブック・全国集計を選ぶ", en: "Choose last year's workbook or tally" },
  "pane.previous.replace": { ja: "別の前年度ファイルを選ぶ", en: "Choose another last-year file" },

  "pane.tally.heading": { ja: "全国集計{year}", en: "National tally{year}" },
  "pane.tally.year": { ja: "（{year}年度）", en: " (FY{year})" },
  "pane.tally.file": { ja: "{file}・{n}市町村", en: "{file} · {n} municipalities" },
  "pane.tally.problems": {
    ja: "・読み取りの注意 {n}件（読めなかった列や合計の合わない行があります）",
    en: " · {n} reading problems (columns that could not be read or rows whose sums disagree)",
  },
  "pane.tally.insurer": { ja: "前年度にする保険者", en: "Insurer to compare with" },
  "pane.tally.insurerHint": { ja: "保険者番号か市町村名で検索", en: "Search by insurer number or name" },
  "pane.tally.insurerPlaceholder": { ja: "例: 011002、札幌市", en: "e.g. 011002 or a name" },
  "pane.tally.noMatch": { ja: "該当する保険者はありません。", en: "No insurer matches." },
  "pane.tally.chosen": { ja: "前年度: {name} {total}点", en: "Last year: {name}, {total} points" },
  "pane.tally.rank": { ja: "・全国 {rank}位/{of}", en: " · rank {rank} of {of}" },
  "pane.tally.bandRank": { ja: "・規模別 {rank}位/{of}", en: " · {rank} of {of} in its size band" },
  "pane.tally.choose": {
    ja: "保険者を選ぶと、その行を前年度として比べます。",
    en: "Choose an insurer to compare with its row.",
  },
  "pane.tally.lowLine": {
    ja: "著しく得点の低い基準（平均得点率−2×標準偏差）: {line}点未満 {n}団体",
    en: "Low-score line (mean rate − 2 SD): below {line} points, {n} municipalities",
  },
  "pane.tally.belowLine": {
    ja: "{name}は前年度、この基準（{line}点）を下回っていました。",
    en: "Last year {name} was below this line ({line} points).",
  },
  "pane.tally.figures": {
    ja: "全国の該当率・平均にこの集計を使う",
    en: "Use this tally for national shares and averages",
  },

  "pane.groups.heading": { ja: "区分別の得点", en: "Points by group" },
  "pane.bars.current": { ja: "今年度", en: "This year" },
  "pane.bars.previous": { ja: "前年度", en: "Last year" },
  "pane.bars.national": { ja: "全国平均", en: "National average" },
  "pane.group.previous": { ja: "前年度 {n}", en: "Last year {n}" },
  "pane.group.national": { ja: "全国平均 {n}", en: "National avg {n}" },
  "pane.trend.up": { ja: "改善", en: "improved" },
  "pane.trend.down": { ja: "悪化", en: "worse" },
  "pane.trend.same": { ja: "変化なし", en: "unchanged" },
  "pane.trend.none": { ja: "比較なし", en: "no comparison" },
  "pane.judgement.met": { ja: "達成", en: "Met" },
  "pane.judgement.notMet": { ja: "未達成", en: "Not met" },

  "pane.issues.heading": { ja: "確認事項", en: "To check" },
  "pane.issues.counts": { ja: "誤り {errors}件・注意 {warnings}件", en: "Errors {errors} · warnings {warnings}" },
  "pane.issues.showInfo": { ja: "参考情報も表示（{n}件）", en: "Show notes too ({n})" },
  "pane.issues.none": { ja: "確認事項はありません。", en: "Nothing to check." },
  "pane.issues.select": { ja: "{cell} を選択", en: "Select {cell}" },
  "pane.severity.error": { ja: "誤り", en: "Error" },
  "pane.severity.warning": { ja: "注意", en: "Warning" },
  "pane.severity.info": { ja: "参考", en: "Note" },

  "pane.lost.heading": { ja: "前年度より下がった指標（{n}件）", en: "Indicators that lost points ({n})" },
  "pane.lost.none": { ja: "前年度より下がった指標はありません。", en: "No indicator lost points." },
  "pane.lost.mark": { ja: "印をつける", en: "Mark rows" },
  "pane.lost.clear": { ja: "印を消す", en: "Clear marks" },
  "pane.lost.detail": { ja: "前年度 {before}点 → {after}点", en: "{before} → {after} points" },
  "pane.lost.answer": { ja: "回答 {before} → {after}", en: "answer {before} → {after}" },

  "pane.whatif.heading": { ja: "回答を変えて試算", en: "Try other answers" },
  "pane.whatif.apply": { ja: "ブックに反映（{n}件）", en: "Apply to workbook ({n})" },
  "pane.whatif.clear": { ja: "変更を取り消す", en: "Undo changes" },
  "pane.delta.points": { ja: "合計", en: "Total" },
  "pane.delta.rate": { ja: "得点率", en: "Rate" },
  "pane.delta.grant": { ja: "交付見込額", en: "Est. grant" },
  "pane.delta.grantMissing": { ja: "条件を入力", en: "Enter inputs" },

  "pane.scenario.none": {
    ja: "回答を変えると、シナリオとして保存されます。",
    en: "Change an answer to start a scenario.",
  },
  "pane.scenario.current": { ja: "シナリオ", en: "Scenario" },
  "pane.scenario.name": { ja: "シナリオ名", en: "Scenario name" },
  "pane.scenario.add": { ja: "追加", en: "Add" },
  "pane.scenario.copy": { ja: "複製", en: "Copy" },
  "pane.scenario.delete": { ja: "削除", en: "Delete" },
  "pane.scenario.deleteNamed": { ja: "「{name}」を削除", en: "Delete “{name}”" },
  "pane.scenario.defaultName": { ja: "シナリオ{n}", en: "Scenario {n}" },
  "pane.scenario.unnamed": { ja: "（名前なし）", en: "(untitled)" },

  "pane.table.caption": { ja: "シナリオの比較", en: "Scenarios compared" },
  "pane.table.scenario": { ja: "シナリオ", en: "Scenario" },
  "pane.table.total": { ja: "合計", en: "Total" },
  "pane.table.delta": { ja: "差", en: "Δ" },
  "pane.table.rate": { ja: "得点率", en: "Rate" },
  "pane.table.grant": { ja: "交付額", en: "Grant" },
  "pane.table.workbook": { ja: "現在のブック", en: "Workbook now" },

  "pane.grant.heading": { ja: "交付額の試算条件", en: "Grant estimate inputs" },
  "pane.grant.insured": { ja: "被保険者数", en: "Insured persons" },
  "pane.grant.mode": { ja: "計算方法", en: "Method" },
  "pane.grant.mode.perPoint": { ja: "1点・1人あたりの単価", en: "Yen per point per insured person" },
  "pane.grant.mode.pool": { ja: "予算総額と全国の合計から", en: "From the budget and national total" },
  "pane.grant.yenPerPoint": { ja: "単価（1点×1人あたり）", en: "Yen per point × person" },
  "pane.grant.budget": { ja: "予算総額", en: "Budget" },
  "pane.grant.nationalWeight": {
    ja: "全国の「得点×被保険者数」の合計",
    en: "National total of points × insured",
  },
  "pane.grant.nationalWeightHint": {
    ja: "自団体の現在の得点を含めた値を入力してください。",
    en: "Include your own current points.",
  },
  "pane.grant.invalid": { ja: "0以上の数値を入力してください。", en: "Enter a number of 0 or more." },
  "pane.grant.formula.perPoint": {
    ja: "見込額 ＝ 得点 × 被保険者数 × 単価",
    en: "Estimate = points × insured × yen",
  },
  "pane.grant.formula.pool": {
    ja: "見込額 ＝ 予算 × (得点×被保険者数) ÷ 全国の合計",
    en: "Estimate = budget × (points × insured) ÷ the national total",
  },

  "pane.answers.heading": { ja: "回答", en: "Answers" },
  "pane.answers.search": { ja: "指標を検索", en: "Find an indicator" },
  "pane.answers.searchHint": { ja: "コード・名前・ID", en: "Code, name or ID" },
  "pane.answers.changedOnly": { ja: "変更したものだけ表示（{n}件）", en: "Changed only ({n})" },
  "pane.answers.changedCount": { ja: "（変更 {n}件）", en: "({n} changed)" },
  "pane.answers.noMatch": { ja: "該当する指標はありません。", en: "No indicator matches." },

  "pane.editor.yes": { ja: "該当", en: "yes" },
  "pane.editor.no": { ja: "非該当", en: "no" },
  "pane.editor.measured": { ja: "実数 {value}", en: "Value {value}" },
  "pane.editor.linked": { ja: "{to} と同じ回答", en: "Same answer as {to}" },
  "pane.editor.numberInvalid": { ja: "数値を入力してください。", en: "Enter a number." },
  "pane.editor.pointsInvalid": { ja: "範囲内の得点を入力してください。", en: "Enter points within the range." },
  "pane.editor.pointsRange": { ja: "{min}〜{max}点", en: "{min}–{max} points" },
  "pane.editor.previousValue": { ja: "前年度 {value}", en: "Last year {value}" },
  "pane.editor.reset": { ja: "元に戻す", en: "Reset" },
  "pane.editor.resetOne": { ja: "{name} を元に戻す", en: "Reset {name}" },

  "pane.apply.title": { ja: "「{name}」をブックに反映", en: "Apply “{name}” to the workbook" },
  "pane.apply.previewing": { ja: "変わるセルを確認しています…", en: "Checking which cells change…" },
  "pane.apply.nothing": {
    ja: "変わるセルはありません。回答はすでに同じです。",
    en: "No cell would change; the answers are already the same.",
  },
  "pane.apply.intro": {
    ja: "次の{n}セルの回答を書き換えます。よろしければ「反映する」を押してください。",
    en: "These {n} answer cells will change. Press Apply to write them.",
  },
  "pane.apply.tableCaption": { ja: "書き換えるセル", en: "Cells to change" },
  "pane.apply.cell": { ja: "セル", en: "Cell" },
  "pane.apply.indicator": { ja: "指標", en: "Indicator" },
  "pane.apply.change": { ja: "変更前 → 変更後", en: "Before → after" },
  "pane.apply.cancel": { ja: "やめる", en: "Cancel" },
  "pane.apply.confirm": { ja: "反映する", en: "Apply" },

  "pane.gain.heading": { ja: "得点を伸ばせる項目", en: "Where to gain points" },
  "pane.gain.intro": {
    ja: "まだ得点になっていない回答を、増える点数の大きい順に示します。「追加」で「{name}」に入ります。",
    en: "Answers not yet scoring, by the points they would add. Add puts one into “{name}”.",
  },
  "pane.gain.sort": { ja: "並べ替え", en: "Sort by" },
  "pane.gain.sort.points": { ja: "増える点数の大きい順", en: "Points gained" },
  "pane.gain.sort.share": { ja: "全国で多く達成している順", en: "Most achieved nationally" },
  "pane.gain.none": { ja: "これ以上得点を伸ばせる回答はありません。", en: "No answer would add points." },
  "pane.gain.points": { ja: "+{n}点", en: "+{n} pts" },
  "pane.gain.target.improve": { ja: "改善 {change}", en: "improve by {change}" },
  "pane.gain.target.full": { ja: "満点 {max}点", en: "full {max} points" },
  "pane.gain.share": { ja: "全国の達成 {share}", en: "Met nationally {share}" },
  "pane.gain.count": { ja: "（{n}/{of}）", en: " ({n}/{of})" },
  "pane.gain.sourceTally": {
    ja: "全国の達成は {label}・{n}市町村から。",
    en: "National shares from {label}, {n} municipalities.",
  },
  "pane.gain.sourceRulebook": {
    ja: "全国の達成はルールブックの値です。全国集計を選ぶと最新の分布に置き換わります。",
    en: "National shares are the rulebook's; choose a national tally for its full distribution.",
  },
  "pane.gain.add": { ja: "追加", en: "Add" },
  "pane.gain.addNamed": { ja: "{name} をシナリオに追加", en: "Add {name} to the scenario" },
  "pane.gain.added": { ja: "{name} をシナリオに追加しました。", en: "Added {name} to the scenario." },

  "pane.formmap.heading": { ja: "様式の割り当て", en: "Answer cells" },
  "pane.formmap.intro": {
    ja: "標準の回答シートを使わないブックでは、指標ごとに回答セルを割り当てると採点できます。割り当てはブックの名前定義として保存されます。",
    en: "For a workbook without the standard answer sheet, map each indicator to its answer cell to score it. The map is kept in the workbook as defined names.",
  },
  "pane.formmap.loading": { ja: "割り当てを読み込んでいます…", en: "Loading the map…" },
  "pane.formmap.answerCell": { ja: "回答セル", en: "Answer cell" },
  "pane.formmap.pointsCell": { ja: "得点セル", en: "Points cell" },
  "pane.formmap.select": { ja: "{cell} をシートで選択", en: "Select {cell} in the sheet" },
  "pane.formmap.rescore": {
    ja: "「採点」を押すと、新しい割り当てで採点します。",
    en: "Press Score to score with the new map.",
  },

  "pane.formmap.current.heading": { ja: "現在の割り当て", en: "Current map" },
  "pane.formmap.current.counts": {
    ja: "割り当て済み {mapped}件・未割り当て {unmapped}件",
    en: "{mapped} mapped · {unmapped} not mapped",
  },
  "pane.formmap.current.none": { ja: "まだ割り当てはありません。", en: "Nothing is mapped yet." },
  "pane.formmap.remove": { ja: "外す", en: "Remove" },
  "pane.formmap.removeNamed": { ja: "{name} の割り当てを外す", en: "Remove the cells of {name}" },
  "pane.formmap.removed": { ja: "{name} の割り当てを外しました。", en: "Removed the cells of {name}." },

  "pane.formmap.detect.heading": { ja: "自動検出", en: "Detect" },
  "pane.formmap.detect.intro": {
    ja: "表示中のシートから指標のID・別名・名前を探し、その右のセルを回答セルとして提案します。確かめてから保存してください。",
    en: "Finds indicator IDs, aliases and names in the visible sheets and proposes the cell to their right as the answer cell. Check before saving.",
  },
  "pane.formmap.detect.button": { ja: "自動検出", en: "Detect" },
  "pane.formmap.detect.running": { ja: "検出しています…", en: "Detecting…" },
  "pane.formmap.detect.none": {
    ja: "指標の見出しが見つかりませんでした。手動で割り当ててください。",
    en: "No indicator label was found. Map the cells by hand.",
  },
  "pane.formmap.detect.found": {
    ja: "{n}件見つかりました。確かめて、保存するものを選んでください。",
    en: "Found {n}. Check them and choose which to save.",
  },
  "pane.formmap.detect.list": { ja: "検出した回答セル", en: "Detected answer cells" },
  "pane.formmap.detect.all": { ja: "すべて選ぶ（{n}/{of}件）", en: "Select all ({n} of {of})" },
  "pane.formmap.detect.label": { ja: "「{text}」", en: "“{text}”" },
  "pane.formmap.detect.current": { ja: "現在 {cell}", en: "now {cell}" },
  "pane.formmap.detect.save": { ja: "選んだ割り当てを保存", en: "Save the selected" },
  "pane.formmap.matched.id": { ja: "IDで一致", en: "matched by ID" },
  "pane.formmap.matched.alias": { ja: "別名で一致", en: "matched by alias" },
  "pane.formmap.matched.name": { ja: "名前で一致", en: "matched by name" },
  "pane.formmap.saved": { ja: "{n}件の割り当てを保存しました。", en: "Saved {n} answer cells." },

  "pane.formmap.manual.heading": { ja: "手動で割り当て", en: "Map by hand" },
  "pane.formmap.manual.intro": {
    ja: "指標を選び、シートでセルを選択してからボタンを押してください。",
    en: "Choose an indicator, select a cell in the sheet, then press a button.",
  },
  "pane.formmap.manual.indicator": { ja: "指標", en: "Indicator" },
  "pane.formmap.manual.placeholder": { ja: "IDまたは名前で検索", en: "Search by ID or name" },
  "pane.formmap.manual.unmapped": { ja: "まだ割り当てていません。", en: "Not mapped yet." },
  "pane.formmap.manual.answer": {
    ja: "選択中のセルを回答セルにする",
    en: "Use the selected cell as the answer cell",
  },
  "pane.formmap.manual.points": {
    ja: "選択中のセルを得点セルにする",
    en: "Use the selected cell as the points cell",
  },
  "pane.formmap.manual.noSelection": {
    ja: "シートでセルを選択してから、もう一度押してください。",
    en: "Select a cell in the sheet first, then press again.",
  },
  "pane.formmap.manual.needAnswer": {
    ja: "{name} にはまだ回答セルがありません。先に回答セルを割り当ててください。",
    en: "{name} has no answer cell yet. Map the answer cell first.",
  },
  "pane.formmap.manual.savedAnswer": {
    ja: "{name} の回答セルを {cell} にしました。",
    en: "{name}: answer cell set to {cell}.",
  },
  "pane.formmap.manual.savedPoints": {
    ja: "{name} の得点セルを {cell} にしました。",
    en: "{name}: points cell set to {cell}.",
  },

  "pane.formmap.share.heading": { ja: "共有", en: "Share" },
  "pane.formmap.share.intro": {
    ja: "割り当てをファイルに書き出すと、同じ様式を使うほかの団体のブックで読み込めます。",
    en: "Export the map to a file to import it into other workbooks on the same form.",
  },
  "pane.formmap.export": { ja: "書き出し", en: "Export" },
  "pane.formmap.import": { ja: "読み込み", en: "Import" },
  "pane.formmap.importFile": { ja: "割り当てファイル（JSON）", en: "Map file (JSON)" },
  "pane.formmap.exported": { ja: "{file} を書き出しました。", en: "Exported {file}." },
  "pane.formmap.imported": { ja: "{n}件の割り当てを読み込みました。", en: "Imported {n} answer cells." },
  "pane.formmap.readFailed": {
    ja: "ファイルを読めませんでした。もう一度選んでください。",
    en: "Could not read the file. Choose it again.",
  },
  "pane.view.loading": { ja: "表示を準備しています…", en: "Preparing the view…" },
  "pane.read.label": { ja: "{file} を読んでいます", en: "Reading {file}" },
  "pane.read.open": { ja: "ファイルを開いています…", en: "Opening the file…" },
  "pane.read.rows": { ja: "{n}行を読みました…", en: "{n} rows read…" },
  "pane.read.score": { ja: "前年度の回答を採点しています…", en: "Scoring last year's answers…" },
  "pane.read.cancel": { ja: "読み込みを中止", en: "Stop reading" },

  // ---- which rules: the rulebook the workbook records, and runs that write nothing
  "pane.recorded.chosen": {
    ja: "このブックは {title} の様式です。そのルールブックを選びました。",
    en: "This workbook is a {title} form; its rulebook is chosen.",
  },
  "pane.recorded.other": {
    ja: "このブックは {title} の様式です。別のルールブックで採点するときは、書き込む前に確かめます。",
    en: "This workbook is a {title} form. Scoring it under another rulebook asks before anything is written.",
  },
  "pane.recorded.unknown": {
    ja: "このブックが記録しているルールブック（{id}）はこのアドインにありません。年度と交付金を確かめて選んでください。",
    en: "The rulebook this workbook records ({id}) is not in this add-in. Check the year and the grant and choose one.",
  },
  "pane.notWritten.title": { ja: "ブックには書き込んでいません", en: "Nothing was written to the workbook" },
  "pane.notWritten.other-scheme": {
    ja: "このブックは {recorded} のものです。別の交付金のルール（{chosen}）では採点結果を書き込めません。結果は参考として表示しています。",
    en: "This workbook belongs to {recorded}. Results under another grant's rules ({chosen}) are not written; they are shown for reference only.",
  },
  "pane.notWritten.other-year": {
    ja: "このブックは {recorded} のものです。{chosen} のルールで採点した結果を書き込みますか。",
    en: "This workbook belongs to {recorded}. Write the results scored under {chosen}?",
  },
  "pane.notWritten.unmatched": {
    ja: "回答の指標の多くが {chosen} にありません（一致 {matched}件、不一致 {unknown}件）。別のルールブックの様式と思われるため、書き込みませんでした。",
    en: "Most answered indicators are not in {chosen} ({matched} matched, {unknown} not). The form seems to be another rulebook's, so nothing was written.",
  },
  "pane.notWritten.writeAnyway": { ja: "このルールで書き込む", en: "Write with these rules" },
  "pane.notWritten.useRecorded": { ja: "{title} に戻す", en: "Go back to {title}" },

  // ---- last year, checked
  "pane.previous.otherEntity": {
    ja: "注意: {file} は別の市町村（{who}）のファイルです。比べてはいますが、自分の団体の前年度か確かめてください。",
    en: "Note: {file} is another municipality's ({who}). It is compared, but check that it is your own last year.",
  },

  // ---- live results and the compact summary
  "pane.summary.label": { ja: "採点の要約", en: "Score summary" },
  "pane.summary.total": { ja: "合計", en: "Total" },
  "pane.summary.change": { ja: "前年度比", en: "vs last year" },
  "pane.summary.written": { ja: "ブックの結果は最新", en: "Workbook results up to date" },
  "pane.summary.stale": {
    ja: "シートの回答が変わりました。表示は最新、ブックの結果は古いままです。「採点」で書き込みます。",
    en: "Answers changed in the sheet. The figures shown are current; the workbook's results are out of date until you press Score.",
  },
  "pane.summary.staleShort": { ja: "ブックの結果は古い", en: "Workbook results out of date" },
  "pane.summary.readOnly": { ja: "参考表示（書き込みなし）", en: "For reference (not written)" },
  "pane.live.updating": { ja: "回答の変更を読み取り中…", en: "Reading the changed answers…" },
  "pane.live.updated": {
    ja: "シートの変更を反映しました: 合計 {points} / {max}点。ブックの結果は古いままです。",
    en: "Sheet changes read: {points} of {max} points. The workbook's results are out of date.",
  },

  // ---- the selected cell
  "pane.selected.heading": { ja: "選択中の指標", en: "Selected indicator" },
  "pane.selected.answer": { ja: "回答", en: "Answer" },
  "pane.selected.points": { ja: "得点", en: "Points" },
  "pane.selected.national": { ja: "全国の達成", en: "Achieved nationally" },
  "pane.selected.options": { ja: "選択肢と配点", en: "Options and points" },
  "pane.selected.better": { ja: "点が増える回答", en: "Answers that score more" },
  "pane.selected.whatIf": { ja: "試算に加える", en: "Try in what-if" },
  "pane.selected.none": { ja: "未回答", en: "No answer" },
  "pane.details": { ja: "詳細（指標ID など）", en: "Details (indicator id etc.)" },


  // ---- the form map of a workbook on the standard answer sheet
  "pane.formmap.template": {
    ja: "このブックは標準の回答シート（{sheet}）で {n}件の指標に回答セルがあります。割り当ては要りません。",
    en: "This workbook's standard answer sheet ({sheet}) gives {n} indicators their answer cells: no mapping is needed.",
  },

  // ---- where to gain, in two lists
  "pane.gain.actions": { ja: "取組で得られる点（体制・取組）", en: "Points from actions (set-up and measures)" },
  "pane.gain.results": { ja: "実績・順位で決まる点（活動・成果）", en: "Points that depend on results and rank (outcomes)" },
} as const satisfies Record<string, Bilingual>;
