// What the rulebook check says, by JSON path (rb.*). The 配点表 reader's wording of the same
// problems about its cells lives with the rest of its messages in score-table.ts (table.*).
import type { Bilingual } from "./format";

export const RULEBOOK_MESSAGES = {
  "rb.schema": { ja: "{problem}", en: "{problem}" },
  /** Where a problem is: the JSON path, and the id of the indicator or group it lies in. */
  "rb.where-id": { ja: "{path}（{id}）", en: "{path} ({id})" },
  "rb.id-twice": {
    ja: "ID「{id}」が2回使われています（{other} でも使用）。",
    en: 'id "{id}" is used twice (also at {other})',
  },
  "rb.floor-above-max": {
    ja: "下限 {min} が満点 {max} を上回っています。",
    en: "floor {min} is above the maximum {max}",
  },
  "rb.min-above-max": {
    ja: "下限 {min} が上限 {max} を上回っています。",
    en: "minimum {min} is above the maximum {max}",
  },
  "rb.negative-max": {
    ja: "満点・上限 {max} がマイナスです。マイナス評価の区分なら下限（min）も書いてください。",
    en: "the maximum {max} is negative; a minus-points item also needs its floor (min)",
  },
  "rb.too-deep": {
    ja: "区分「{id}」の入れ子が深すぎます（{depth} 段まで）。",
    en: 'group "{id}" is nested too deeply (at most {depth} levels)',
  },
  "rb.unreachable-max": {
    ja: "区分「{id}」は配下の配点をすべて得ても {reach} 点で、満点 {max} 点に届きません。",
    en: 'group "{id}" can reach only {reach} of its published maximum {max}',
  },
  "rb.code-twice": { ja: "コード「{code}」が重複しています。", en: 'code "{code}" appears twice' },
  "rb.numeric-needs-steps": {
    ja: "数値の指標「{id}」に閾値（steps か stepsBySize）がありません。",
    en: 'numeric indicator "{id}" needs steps or stepsBySize',
  },
  "rb.unknown-size-class": { ja: "規模区分「{size}」がありません。", en: 'unknown size class "{size}"' },
  "rb.cutoffs-count": {
    ja: "境界値が {has} 個あります。段階ごとに1つ、{n} 個にしてください。",
    en: "needs {n} cut-offs (one per band), has {has}",
  },
  "rb.cap-negative": { ja: "上限は0以上にしてください。", en: "cap must not be negative" },
  "rb.requires-self": { ja: "前提に自分自身（{id}）は指定できません。", en: '"{id}" cannot require itself' },
  "rb.requires-unknown": {
    ja: "前提の「{id}」という指標・小項目がありません。",
    en: 'requires unknown indicator "{id}"',
  },
  "rb.answer-from-unknown": {
    ja: "回答元の「{id}」という指標がありません。",
    en: 'the answer source (answerFrom) names an unknown indicator "{id}"',
  },
  "rb.answer-from-kind": {
    ja: "回答元「{id}」の種類（{kind}）がこの指標（{own}）と違います。",
    en: 'the answer source (answerFrom) "{id}" is of another kind ({kind}) than this indicator ({own})',
  },
  "rb.answer-from-linked": {
    ja: "回答元「{id}」も別の指標から回答を取っています。元の指標を指定してください。",
    en: 'the answer source (answerFrom) "{id}" itself takes its answer from another indicator; give the original',
  },
  "rb.requires-cycle": { ja: "前提が循環しています: {cycle}", en: "prerequisites form a cycle: {cycle}" },
  "rb.previous-unknown-group": { ja: "「{id}」という区分がありません。", en: 'unknown group "{id}"' },
  "rb.total-no-max": {
    ja: "最上位の区分に満点がありません（得点率は到達できる最大点で計算します）。",
    en: "the total has no published maximum; rates use the reachable maximum",
  },
} as const satisfies Record<string, Bilingual>;
