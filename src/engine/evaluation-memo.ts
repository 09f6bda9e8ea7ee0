// Evaluations remembered per indicator, shared by every session on one compiled rulebook: a what-if
// or the next municipality's form re-scores mostly the same answers. Most indicators only ever see
// one or two answers, so the first is held in plain arrays and a map is made only for a second —
// a cold score of 10,000 indicators would otherwise make 10,000 maps for nothing.
import type { CompiledRulebook } from "./compile";
import type { Evaluation } from "./evaluate";
import type { CellInput, RawAnswer } from "./types";
import { mayBeView, ownText } from "../numbers/own-text";
import { isCellInput } from "./normalise";

/** Distinct answers remembered per indicator before its map starts over. */
const LIMIT = 64;

export class EvaluationMemo {
  private readonly firstKey: (string | undefined)[];
  private readonly firstEval: (Evaluation | undefined)[];
  private readonly more: (Map<string, Evaluation> | undefined)[];

  /** `remembers[i]`: whether indicator i's evaluation depends on its answer alone. */
  constructor(readonly remembers: readonly boolean[]) {
    const n = remembers.length;
    this.firstKey = new Array<string | undefined>(n);
    this.firstEval = new Array<Evaluation | undefined>(n);
    this.more = new Array<Map<string, Evaluation> | undefined>(n);
  }

  get(i: number, key: string): Evaluation | undefined {
    return this.firstKey[i] === key ? this.firstEval[i] : this.more[i]?.get(key);
  }

  set(i: number, key: string, ev: Evaluation): void {
    if (this.firstKey[i] === undefined) {
      this.firstKey[i] = key;
      this.firstEval[i] = ev;
      return;
    }
    let m = this.more[i];
    if (!m) this.more[i] = m = new Map();
    else if (m.size >= LIMIT) m.clear();
    m.set(key, ev);
  }
}

const memos = new WeakMap<CompiledRulebook, EvaluationMemo>();

/** The memo every session on `c` shares: it serves the indicators whose evaluation depends on their answer alone. */
export function sharedMemo(c: CompiledRulebook): EvaluationMemo {
  let m = memos.get(c);
  if (!m) {
    m = new EvaluationMemo(c.contextFree);
    memos.set(c, m);
  }
  return m;
}

/**
 * The answer an evaluation to be remembered is made from: the texts it reads (value, format, error; the
 * memo's key leaves out the cell, so an evaluation never names it) copied, as the memo outlives the
 * workbook they were read from (see ownText). Returned as it is when no text needs copying.
 */
export function answerToRemember(raw: RawAnswer): RawAnswer {
  if (typeof raw === "string") return ownText(raw);
  if (!isCellInput(raw)) return raw;
  const view = (t: unknown): t is string => typeof t === "string" && mayBeView(t);
  if (!(view(raw.value) || view(raw.numFmt) || view(raw.error))) return raw;
  const copy: CellInput = { ...raw };
  if (view(raw.value)) copy.value = ownText(raw.value);
  if (view(raw.numFmt)) copy.numFmt = ownText(raw.numFmt);
  if (view(raw.error)) copy.error = ownText(raw.error);
  return copy;
}
