// What the scoring engine says about one answer: how it was scored (the explanation beside its
// points) and what is wrong with it (the issue). Both travel in the result JSON as {ja, en}.
import type { Bilingual } from "./format";

export const ENGINE_MESSAGES = {
  // ------------------------------------------------------------ points
  "engine.points": { ja: "{n}点", en: "{n} points" },
  "engine.points.one": { ja: "{n}点", en: "{n} point" },
  /** An answer and what it earned: 「ア 全域で実施：10点」. */
  "engine.answer-points": { ja: "{answer}：{points}", en: "{answer}: {points}" },
  "engine.none": { ja: "なし", en: "none" },
  /** An answer cell left blank, as a person reads it (the pane's lists and answer editors, the CLI's report). */
  "answer.blank": { ja: "（未回答）", en: "(blank)" },
  /** Between the items of a list in a sentence (see listOf). */
  "list.separator": { ja: "、", en: ", " },

  // ------------------------------------------------------------ explanations
  "engine.no-answer": { ja: "未回答：0点", en: "No answer: 0 points" },
  "engine.unreadable": { ja: "読めない回答：0点", en: "Unreadable answer: 0 points" },
  "engine.yes": { ja: "○（該当）：{points}", en: "Met: {points}" },
  "engine.no": { ja: "×（非該当）：{points}", en: "Not met: {points}" },
  "engine.multi-capped": {
    ja: "{chosen}：計{sum}点、上限{cap}点",
    en: "{chosen}: {sum} points, capped at {cap}",
  },
  "engine.points-entered": { ja: "入力された得点：{points}点", en: "Points entered: {points}" },
  "engine.points-entered-of": {
    ja: "入力された得点：{points}点（満点{max}点）",
    en: "Points entered: {points} of {max}",
  },
  /** Points known beforehand (a template's 前年度得点 column) instead of an evaluation. */
  "engine.points-given": { ja: "入力された得点：{points}点", en: "Points given: {points}" },
  "engine.points-out-of-range.why": { ja: "範囲外の得点：0点", en: "Points out of range: 0 points" },
  "engine.value-out-of-range.why": { ja: "範囲外の値：0点", en: "Value out of range: 0 points" },
  "engine.size-class-missing.why": { ja: "規模区分なし：判定不可", en: "No size class: not judged" },
  "engine.threshold-unknown.why": { ja: "閾値未設定：判定不可", en: "Threshold unknown: not judged" },
  "engine.cutoff-unknown.why": { ja: "境界値未設定：判定不可", en: "Cut-off unknown: not judged" },
  "engine.previous-missing.why": { ja: "前年度値なし：判定不可", en: "No previous value: not judged" },
  /** A value against the step it reached: 「62% ≥ 60%：10点」. */
  "engine.reached": { ja: "{value} {op} {threshold}：{points}", en: "{value} {op} {threshold}: {points}" },
  "engine.not-reached": {
    ja: "{value} は基準（{op} {threshold}）に届かず：{points}",
    en: "{value} does not reach {op} {threshold}: {points}",
  },
  "engine.band-reached": { ja: "{band}まで到達：{points}", en: "Reached {band}: {points}" },
  "engine.no-band": { ja: "どの段階にも該当せず：0点", en: "No band reached: 0 points" },
  "engine.change": { ja: "変化 {change}", en: "change {change}" },
  "engine.change-from-previous": {
    ja: "前年度 {previous} → {value}（{change}）",
    en: "{previous} → {value} ({change})",
  },
  "engine.prerequisite-unmet": {
    ja: "{explanation}。ただし前提（{ids}）を満たさないため0点",
    en: "{explanation}, but the prerequisite ({ids}) is not met: 0 points",
  },

  // ------------------------------------------------------------ ranges named in issues
  "engine.range.between": { ja: "{min}〜{max}点", en: "{min}–{max}" },
  "engine.range.at-least": { ja: "{min}点以上", en: "≥ {min}" },

  // ------------------------------------------------------------ issues: the answer
  "engine.missing": { ja: "回答がありません。入力してください。", en: "No answer. Please fill it in." },
  "engine.excel-error": {
    ja: "セルがエラー値 {error} です。式か参照先を直してください。",
    en: "The cell shows the error {error}. Fix the formula or what it refers to.",
  },
  "engine.date-not-number": {
    ja: "日付が入っています。数値を入力してください。",
    en: "The cell holds a date. Enter a number.",
  },
  "engine.not-yes-no": {
    ja: "「{value}」を○/×として読めません。○か×を入力してください。",
    en: 'Cannot read "{value}" as yes/no. Enter ○ or ×.',
  },
  "engine.rate-not-allowed": {
    ja: "「{value}」は率ですが、この指標は率ではありません。数値を入力してください。",
    en: '"{value}" is a percentage, but this indicator is not a rate. Enter a number.',
  },
  "engine.not-number": {
    ja: "「{value}」を数値として読めません。数値を入力してください。",
    en: 'Cannot read "{value}" as a number. Enter a number.',
  },
  "engine.not-option": {
    ja: "「{value}」は選択肢にありません。{options} から選んでください。",
    en: '"{value}" is not one of the options. Choose one of: {options}.',
  },
  "engine.not-option-in-list": {
    ja: "「{value}」は選択肢にありません。{options} から選び、「、」で区切ってください。",
    en: '"{value}" is not one of the options. Choose from {options}, separated by commas.',
  },
  "engine.not-options": { ja: "「{value}」を選択肢として読めません。", en: 'Cannot read "{value}" as options.' },
  "engine.not-band": {
    ja: "「{value}」を段階として読めません。なし、{options} から選んでください。",
    en: 'Cannot read "{value}" as a band. Choose none or one of: {options}.',
  },

  // ------------------------------------------------------------ issues: the rule
  "engine.points-out-of-range": {
    ja: "{points}点は範囲外です（{range}）。得点を確認してください。",
    en: "{points} is out of range ({range}). Check the points.",
  },
  "engine.value-out-of-range": {
    ja: "{value} は範囲外です（{min}〜{max}{unit}）。値を確認してください。",
    en: "{value} is out of range ({min}–{max}{unit}). Check the value.",
  },
  "engine.size-class-missing": {
    ja: "規模区分が未設定のため判定できません。規模区分（または被保険者数）を設定してください。",
    en: "No size class set, so the thresholds are unknown. Set the size class (or the insured count).",
  },
  "engine.threshold-unknown": {
    ja: "この年度の閾値が未公表のため判定できません。ルールブックに閾値を設定してください。",
    en: "This year's threshold is not published, so the value cannot be judged. Set it in the rulebook.",
  },
  "engine.cutoff-unknown": {
    ja: "この年度の{band}の境界値が未公表です。段階（{bands}）で回答してください。",
    en: "This year's cut-off for band {band} is not published. Answer with the band reached ({bands}) instead.",
  },
  "engine.previous-missing": {
    ja: "前年度の値がないため改善を判定できません。前年度値を入力してください。",
    en: "Last year's value is missing, so improvement cannot be judged. Enter last year's value.",
  },
  "engine.prerequisite-unmet.issue": {
    ja: "前提（{ids}）を満たさないため得点になりません。",
    en: "Scores only when {ids} is met.",
  },
  "engine.over-max": {
    ja: "{cells}: {group}の得点の合計 {sum}点が満点 {max}点を超えています。{max}点として計算しました。入力した得点を確認してください。",
    en: "{cells}: the points of {group} add up to {sum}, above the maximum of {max}; counted as {max}. Check the points entered.",
  },

  // ------------------------------------------------------------ where an issue is
  /** The indicator an issue is about: its id and name. */
  "engine.indicator": { ja: "{id} {name}", en: "{id} {name}" },
  /** A goal's code: 目標Ⅰ in Japanese, "Goal Ⅰ" in English. */
  "engine.code.goal": { ja: "目標{n}", en: "Goal {n}" },
  /** The long-term-care grants' short names as codes: 推進 (保険者機能強化推進交付金), 支援 (介護保険保険者努力支援交付金). */
  "engine.code.promotion": { ja: "推進", en: "Promotion" },
  "engine.code.support": { ja: "支援", en: "Support" },
  /** Groups' codes of the rulebooks: the outcome indicators, the NHI's common and insurer-specific indicators. */
  "engine.code.outcome": { ja: "成果", en: "Outcome" },
  "engine.code.common": { ja: "共通", en: "Common" },
  "engine.code.specific": { ja: "固有", en: "Specific" },
  "engine.code.implementation": { ja: "事業実施", en: "Implementation" },
  "engine.code.evaluation-bonus": { ja: "事業評価加点", en: "Evaluation bonus" },
  /** A cell and what it holds: 「回答!E12（P_I_1.a 計画）」. */
  "engine.cell-of": { ja: "{cell}（{what}）", en: "{cell} ({what})" },
  "engine.issue-at": { ja: "{where}: {message}", en: "{where}: {message}" },

  // ------------------------------------------------------------ size bands
  "engine.size-band": { ja: "規模区分: {label}", en: "Size band: {label}" },
  "engine.size-band-assumed": { ja: "規模区分: {label}（{assumed}）", en: "Size band: {label} ({assumed})" },
  "engine.bands-assumed": {
    ja: "規模区分は{year}の区分を流用した推定です",
    en: "size bands are an estimate that carries the {year} bands forward",
  },
} as const satisfies Record<string, Bilingual>;
