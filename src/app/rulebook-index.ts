// The rulebook as a person reads it: indicators in order with their group, section and editor, their
// titles, how an answer reads (「ウ 上位3割」 for the key c), and the text each answer takes in a cell
// (the same text as the standard template's dropdowns), so that a what-if answer scores in the pane
// exactly as it will score once written to the workbook. The pane and the CLI's report read answers
// alike through it.
import { walkTree } from "../rulebooks/tree";
import { compile, type CompiledIndicator } from "../engine/compile";
import { parseBand, parseChoice, parseChoices } from "../engine/normalise";
import { codeIn, localText, num, withCode } from "../engine/text";
import type { AnswerValue, IndicatorResult, LocalText, RawAnswer } from "../engine/types";
import type { Indicator, Rulebook, Text } from "../rulebooks/schema";
import { choiceLabel } from "../workbook/template";

export { choiceLabel };
import { type Lang, listOf, msg, render } from "../messages";

export type EditorKind = "yesno" | "choice" | "multi" | "band" | "number" | "points";

export interface HitBenchmark {
  hitCount?: number;
  hitRate?: number;
}

export interface ChoiceItem {
  /** What is written to the cell (choice/band) or the code (multi). */
  value: string;
  code: string;
  label: LocalText;
  points: number;
  benchmark?: HitBenchmark;
}

export interface IndicatorInfo {
  id: string;
  code?: string;
  name: LocalText;
  kind: Indicator["kind"];
  def: Indicator;
  groupId: string;
  sectionId: string;
  order: number;
  /** null for indicators that take their answer from another one (answerFrom). */
  editor: EditorKind | null;
  linkedTo?: string;
  choices: ChoiceItem[];
  unit?: string;
  max: number | null;
  min: number;
  /** The scoring engine's view of it: an answer's option is read as the engine reads it (answerText). */
  compiled: CompiledIndicator;
}

export interface GroupInfo {
  id: string;
  code?: string;
  name: LocalText;
  depth: number;
  parentId?: string;
}

export interface SectionInfo {
  id: string;
  code?: string;
  name: LocalText;
  indicatorIds: string[];
}

export interface RulebookIndex {
  rulebook: Rulebook;
  indicators: IndicatorInfo[];
  byId: Map<string, IndicatorInfo>;
  groups: Map<string, GroupInfo>;
  /** Where the what-if editors are grouped (groups two levels down, or shallower where the tree ends). */
  sections: SectionInfo[];
  population?: number;
}

export const YES_TEXT = "○";
export const NO_TEXT = "×";
export const NONE_TEXT = "なし";

function choiceText(code: string, label: Text | undefined): LocalText {
  const ja = choiceLabel(code, label);
  const en = label !== undefined && typeof label !== "string" && label.en ? label.en : ja;
  return { ja, en: en === ja || /^[A-Za-z0-9_]+$/.test(code) ? en : `${code} ${en}` };
}

function editorOf(ind: Indicator): EditorKind | null {
  if (ind.answerFrom) return null;
  switch (ind.kind) {
    case "yesno":
      return "yesno";
    case "choice":
      return "choice";
    case "multi":
      return "multi";
    case "rankBand":
      return "band";
    case "numeric":
    case "improvement":
      return "number";
    case "points":
      return "points";
  }
}

function choicesOf(ind: Indicator): ChoiceItem[] {
  switch (ind.kind) {
    case "choice":
      return ind.options.map((o) => ({
        value: choiceLabel(o.code, o.label),
        code: o.code,
        label: choiceText(o.code, o.label),
        points: o.points,
        benchmark: o.benchmark,
      }));
    case "multi":
      return ind.options.map((o) => ({
        value: o.code,
        code: o.code,
        label: choiceText(o.code, o.label),
        points: o.points,
        benchmark: o.benchmark,
      }));
    case "rankBand":
      return ind.bands.map((b) => ({
        value: choiceLabel(b.code, b.label),
        code: b.code,
        label: choiceText(b.code, b.label),
        points: b.points,
        benchmark: b.benchmark,
      }));
    default:
      return [];
  }
}

export function indexRulebook(rb: Rulebook): RulebookIndex {
  const compiled = compile(rb);
  const groups = new Map<string, GroupInfo>();
  let maxDepth = 0;
  walkTree(rb, {
    group: (g, depth, parent) => {
      groups.set(g.id, { id: g.id, code: g.code, name: localText(g.name, g.id), depth, parentId: parent?.id });
      maxDepth = Math.max(maxDepth, depth);
    },
  });
  const sectionDepth = Math.min(2, maxDepth);

  const sectionOf = (groupId: string): string => {
    let g = groups.get(groupId);
    while (g && g.depth > sectionDepth && g.parentId) g = groups.get(g.parentId);
    return g ? g.id : groupId;
  };

  const sections = new Map<string, SectionInfo>();
  const indicators: IndicatorInfo[] = compiled.indicators.map((ci, order) => {
    const def = ci.def;
    const groupId = compiled.groups[ci.groupIdx].id;
    const sectionId = sectionOf(groupId);
    let section = sections.get(sectionId);
    if (!section) {
      const g = groups.get(sectionId)!;
      // 目標Ⅰ exists under 推進 and under 支援: a section below the first level names its branch.
      let top = g;
      while (top.depth > 1 && top.parentId) top = groups.get(top.parentId)!;
      const code = top !== g && top.code && g.code ? `${top.code} ${g.code}` : g.code;
      section = { id: sectionId, code, name: g.name, indicatorIds: [] };
      sections.set(sectionId, section);
    }
    section.indicatorIds.push(ci.id);
    return {
      id: ci.id,
      code: def.code,
      name: ci.name,
      kind: def.kind,
      def,
      groupId,
      sectionId,
      order,
      editor: editorOf(def),
      linkedTo: def.answerFrom,
      choices: choicesOf(def),
      unit: "unit" in def ? def.unit : undefined,
      max: ci.max,
      min: ci.min,
      compiled: ci,
    };
  });
  return {
    rulebook: rb,
    indicators,
    byId: new Map(indicators.map((i) => [i.id, i])),
    groups,
    sections: [...sections.values()],
    population: rb.population,
  };
}

/** 「ア 計画を策定」: the code before the name unless the name already starts with it. */
export function indicatorTitle(info: { code?: string; name: LocalText }, lang: Lang): string {
  return titled(codeIn(info.code, lang), info.name[lang] || info.name.ja);
}

/** The code before the name, unless the name already carries it (「地域の介護保険事業の特徴 エ」). */
function titled(code: string | undefined, name: string): string {
  const c = code?.normalize("NFKC").trim();
  if (c && name.normalize("NFKC").trim().endsWith(` ${c}`)) return name;
  return withCode(code, name);
}

/** The title of an indicator by id, or the id itself when the rulebook does not know it. */
export function titleOf(index: RulebookIndex | null, id: string, lang: Lang): string {
  const info = index?.byId.get(id);
  return info ? indicatorTitle(info, lang) : id;
}

export function groupTitle(g: { code?: string; name: LocalText }, lang: Lang): string {
  return titled(codeIn(g.code, lang), g.name[lang] || g.name.ja);
}

/** The sign shown after a number of this unit: % or ‰, nothing otherwise. */
export function unitSuffix(unit: string | undefined): string {
  return unit === "percent" ? "%" : unit === "per-mille" ? "‰" : "";
}

/** The cell text of a number: rates carry "%" so a percent-formatted cell reads them right. */
export function numberText(info: Pick<IndicatorInfo, "unit">, n: number): string {
  return info.unit === "percent" ? `${num(n)}%` : num(n);
}

/** The number inside a number text ("60.5%" → "60.5"), for an input that shows the unit beside it. */
export function numberPart(text: string): string {
  return text.endsWith("%") ? text.slice(0, -1) : text;
}

/** The editor text of a scored answer (its normalised value), or "" when unanswered/unreadable. */
export function valueToText(
  info: IndicatorInfo,
  value: AnswerValue,
  status: IndicatorResult["status"],
): string {
  if (status === "missing") return "";
  if (status === "invalid" && typeof value !== "number") return "";
  switch (info.editor) {
    case "yesno":
      return value === true ? YES_TEXT : value === false ? NO_TEXT : "";
    case "choice": {
      const c = info.choices.find((x) => x.code === value);
      return c ? c.value : "";
    }
    case "multi":
      if (!Array.isArray(value)) return "";
      return value.length ? value.join("、") : NONE_TEXT;
    case "band": {
      if (value === "") return NONE_TEXT;
      if (typeof value === "number") return numberText(info, value);
      const c = info.choices.find((x) => x.code === value);
      return c ? c.value : "";
    }
    case "number":
    case "points":
      return typeof value === "number" ? numberText(info, value) : "";
    default:
      return "";
  }
}

/** Editor texts of every editable indicator as scored. */
export function baseTexts(
  index: RulebookIndex,
  indicators: readonly IndicatorResult[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of indicators) {
    const info = index.byId.get(r.id);
    if (info?.editor) out[r.id] = valueToText(info, r.value, r.status);
  }
  return out;
}

/** Codes selected in a multi text ("a、b" → ["a", "b"]; なし → []). */
export function multiCodes(text: string): string[] {
  if (!text || text === NONE_TEXT) return [];
  return text.split("、").filter(Boolean);
}

/** The multi text for a set of codes, in option order. */
export function multiText(info: IndicatorInfo, codes: readonly string[]): string {
  const ordered = info.choices.map((c) => c.code).filter((c) => codes.includes(c));
  return ordered.length ? ordered.join("、") : NONE_TEXT;
}

/** How an answer text reads to a person: 「ア 全域で実施」, 「○」, 「60%」, or — when blank. */
export function showAnswer(info: IndicatorInfo, text: string, lang: Lang): string {
  if (text === "") return render(msg("answer.blank"), lang);
  if (info.editor === "choice" || info.editor === "band") {
    const c = info.choices.find((x) => x.value === text);
    if (c) return c.label[lang];
    if (text === NONE_TEXT) return render(msg("engine.none"), lang);
  }
  if (info.editor === "multi") {
    const codes = multiCodes(text);
    if (!codes.length) return render(msg("engine.none"), lang);
    return listOf(codes.map((code) => info.choices.find((c) => c.code === code)?.label[lang] ?? code))[lang];
  }
  return text;
}

/**
 * An answer as a clerk reads it, from what a cell holds: the option's label where the cell holds its
 * dropdown text or the option's key (「c」 → 「ウ 上位3割」), ○/×, a number, a date, or 「（未回答）」.
 */
export function answerText(info: IndicatorInfo | undefined, raw: unknown, lang: Lang): string {
  if (raw === null || raw === undefined || String(raw).trim() === "") return render(msg("answer.blank"), lang);
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  // As Excel shows them: TRUE/FALSE, a number without float noise.
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  const text = typeof raw === "number" ? num(raw) : String(raw).trim();
  if (Array.isArray(raw) && info?.editor !== "multi") return raw.map((x) => answerText(info, x, lang)).join("、");
  if (!info) return text;
  const named = optionsNamed(info, raw as RawAnswer);
  if (named) return named.length ? listOf(named.map((i) => info.choices[i].label[lang]))[lang] : render(msg("engine.none"), lang);
  return showAnswer(info, text, lang);
}

/**
 * The options an answer names, read as the scoring engine reads it (a key, a label, its first word, an
 * alias, 「上位3割」…): their places among info.choices, none for なし; undefined where it names none.
 */
function optionsNamed(info: IndicatorInfo, raw: RawAnswer): number[] | undefined {
  const ci = info.compiled;
  if (!ci.keys) return undefined;
  switch (info.editor) {
    case "choice": {
      const read = parseChoice(raw, ci.keys, ci.keyed);
      return read.s === "ok" ? [read.v] : undefined;
    }
    case "multi": {
      const read = parseChoices(raw, ci.keys, ci.keyed);
      return read.s === "ok" ? read.v : undefined;
    }
    case "band": {
      const read = parseBand(raw, ci.keys, ci.keyed, null);
      if (read.s !== "ok" || !("band" in read.v)) return undefined;
      return read.v.band ? [read.v.band - 1] : [];
    }
    default:
      return undefined;
  }
}
