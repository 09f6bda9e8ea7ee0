// Evaluations remembered per indicator, shared by every session on one compiled rulebook: a what-if
// or the next municipality's form re-scores mostly the same answers. Most indicators only ever see
// one or two answers, so the first is held in plain arrays and a map is made only for a second —
// a cold score of 10,000 indicators would otherwise make 10,000 maps for nothing.
import type { CompiledRulebook } from "./compile";
import type { Evaluation } from "./evaluate";

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
