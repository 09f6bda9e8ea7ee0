// What `saiten --help` says of each command and option, in the user's language (the words commander
// adds, Usage/Options/default, are put in Japanese by cli/main.ts). Only --lang's own line is in both
// languages: it is how a reader of the other one finds theirs.
import type { Bilingual } from "./format";

export const HELP_MESSAGES = {
  "help.saiten": {
    ja: "採点 Saiten — 評価指標の回答ブックを採点する",
    en: "Saiten — scores the answer workbooks of incentive-grant indicators",
  },

  // ------------------------------------------------------------ options several commands share
  "help.rulebook": { ja: "ルールブック（ID かファイル）", en: "The rulebook (an id or a file)" },
  "help.json": { ja: "JSON で出力", en: "Output JSON" },
  "help.force": { ja: "既存の出力ファイルを置き換える", en: "Replace an existing output file" },
  "help.out-file": { ja: "出力ファイル", en: "Output file" },
  "help.max-file-mb": { ja: "1ファイルの上限 MB（既定 {n}）", en: "Largest file in MB (by default {n})" },
  "help.max-uncompressed-mb": {
    ja: "展開後の上限 MB（既定 {n}）",
    en: "Largest size once unpacked, in MB (by default {n})",
  },
  "help.max-rows": { ja: "1シートの行数の上限（既定 {n}）", en: "Most rows in a sheet (by default {n})" },
  "help.max-cells": { ja: "1シートのセル数の上限（既定 {n}）", en: "Most cells in a sheet (by default {n})" },
  "help.timeout-s": { ja: "1ファイルの時間の上限 秒（既定 {n}）", en: "Most seconds for one file (by default {n})" },

  // ------------------------------------------------------------ score
  "help.score": { ja: "回答ブックを採点する", en: "Score an answer workbook" },
  "help.score.rulebook": {
    ja: "ルールブック（ID かファイル。省略時はブックに記録されたもの）",
    en: "The rulebook (an id or a file; by default the one the workbook records)",
  },
  "help.score.previous": {
    ja: "前年度の回答ブック(.xlsx)または採点結果(.json)",
    en: "Last year's answer workbook (.xlsx) or scored result (.json)",
  },
  "help.score.previous-rulebook": { ja: "前年度のルールブック", en: "Last year's rulebook" },
  "help.score.previous-tally": {
    ja: "前年度の全国集計（厚生労働省の .xlsx か tally import の .json）を前年度として使う",
    en: "Last year's national tally (the ministry's .xlsx, or the .json of tally import) as the previous year",
  },
  "help.score.insurer": {
    ja: "--previous-tally で使う保険者番号（または市町村名）",
    en: "The insurer number (or municipality name) to take from --previous-tally",
  },
  "help.score.benchmarks": {
    ja: "全国の該当率・平均をこの全国集計から",
    en: "National rates and means from this tally",
  },
  "help.score.out": { ja: "得点を書き込んだコピーを保存", en: "Save a copy with the points written in" },
  "help.score.size-class": { ja: "規模区分（名前か ID）", en: "Size class (its name or id)" },
  "help.score.size": { ja: "被保険者数など規模の数値", en: "Size, such as the number of insured persons" },
  "help.score.depth": { ja: "表に出す区分の深さ", en: "Group levels shown in the table" },

  // ------------------------------------------------------------ review
  "help.review": {
    ja: "回答ブックをまとめて審査・集計する（フォルダかファイル）",
    en: "Review many answer workbooks (a folder or files)",
  },
  "help.review.previous": {
    ja: "前年度の回答ブックのフォルダ、または saiten review --json の出力",
    en: "Last year: a folder of answer workbooks, or the output of saiten review --json",
  },
  "help.review.previous-tally": {
    ja: "前年度の全国集計（厚生労働省）で前年度と比べる",
    en: "Compare with last year's national tally (the ministry's)",
  },
  "help.review.benchmarks": {
    ja: "指標別・区分別の全国値をこの全国集計から",
    en: "National figures by indicator and by group from this tally",
  },
  "help.review.out": { ja: "集計ブックを保存", en: "Save the summary workbook" },
  "help.review.json": { ja: "集計を JSON で保存（- で標準出力）", en: "Save the summary as JSON (- for standard output)" },
  "help.review.csv": { ja: "集計を CSV（UTF-8 BOM 付き）で保存", en: "Save the summary as CSV (UTF-8 with a BOM)" },
  "help.review.force": { ja: "既存の出力ファイルを置き換える", en: "Replace existing output files" },
  "help.review.budget": { ja: "按分する予算額（円）", en: "Budget to allocate (yen)" },
  "help.review.insured": {
    ja: "被保険者数の CSV（code/name,insured）",
    en: "Insured persons as CSV (code/name,insured)",
  },
  "help.review.caps": {
    ja: "配分の上限の CSV（code/name,cap）。超えた分は上限に達していない団体へ",
    en: "Allocation caps as CSV (code/name,cap); what is over a cap goes to those below theirs",
  },
  "help.review.map": {
    ja: "既存様式の割り当てファイル（saiten.formmap/1）",
    en: "Form map of an existing form (saiten.formmap/1)",
  },
  "help.review.jobs": {
    ja: "並列数（既定: {per} ファイルごとに 1、最大 {max}）",
    en: "Worker threads (by default one per {per} files, at most {max})",
  },
  "help.review.quiet": { ja: "進捗を表示しない", en: "Show no progress" },

  // ------------------------------------------------------------ tally
  "help.tally": {
    ja: "全国集計（市町村）のブックを読む",
    en: "Read the ministry's national tally workbook (municipalities)",
  },
  "help.tally.import": {
    ja: "全国集計を読み、ベンチマークと各市町村の得点を JSON に",
    en: "Read a national tally into JSON: national figures and each municipality's points",
  },
  "help.tally.year": { ja: "年度（既定: 表題から）", en: "Fiscal year (by default from the title row)" },
  "help.tally.out": { ja: "出力する JSON（saiten.tally/1）", en: "Output JSON (saiten.tally/1)" },

  // ------------------------------------------------------------ rulebooks
  "help.rulebooks": { ja: "同梱のルールブック一覧", en: "List the bundled rulebooks" },
  "help.template": { ja: "標準の回答ブックを作る", en: "Create the standard answer workbook" },
  "help.rulebook-commands": { ja: "ルールブックの作成と確認", en: "Author and check rulebooks" },
  "help.rulebook.check": {
    ja: "ルールブック(.json/.xlsx)を検証する",
    en: "Check a rulebook (.json, or a score table .xlsx)",
  },
  "help.rulebook.import": {
    ja: "配点表(.xlsx)からルールブック(JSON)を作る",
    en: "Build a rulebook (JSON) from a score table workbook",
  },
  "help.rulebook.import.out": {
    ja: "出力ファイル（省略時は標準出力）",
    en: "Output file (by default standard output)",
  },
  "help.rulebook.export": {
    ja: "ルールブックを配点表(.xlsx)に書き出す",
    en: "Write a rulebook as a score table workbook",
  },
} as const satisfies Record<string, Bilingual>;
