// Realistic, reproducible demo municipalities for generated national tallies: 47 prefectures in
// proportion to their real municipality counts, 市/町/村/区 names, populations, and sub-item points
// that respect the rulebook (cumulative rank bands, one branch only in `aggregate: best` groups,
// 目標Ⅳ identical in 推進 and 支援 through `answerFrom`).
import { indicatorsOf } from "../../src/rulebooks/tree";
import type { Group, Indicator, Node, Rulebook } from "../../src/rulebooks/schema";
import { columnIdsOf, scoreColumns, tallyLayout } from "./columns";
import type { TallyEntity, TallyUnion } from "./entities";

/** [name, municipalities] per prefecture code 1–47 (1,741 in all). */
export const PREFECTURES: [string, number][] = [
  ["北海道", 179],
  ["青森県", 40],
  ["岩手県", 33],
  ["宮城県", 35],
  ["秋田県", 25],
  ["山形県", 35],
  ["福島県", 59],
  ["茨城県", 44],
  ["栃木県", 25],
  ["群馬県", 35],
  ["埼玉県", 63],
  ["千葉県", 54],
  ["東京都", 62],
  ["神奈川県", 33],
  ["新潟県", 30],
  ["富山県", 15],
  ["石川県", 19],
  ["福井県", 17],
  ["山梨県", 27],
  ["長野県", 77],
  ["岐阜県", 42],
  ["静岡県", 35],
  ["愛知県", 54],
  ["三重県", 29],
  ["滋賀県", 19],
  ["京都府", 26],
  ["大阪府", 43],
  ["兵庫県", 41],
  ["奈良県", 39],
  ["和歌山県", 30],
  ["鳥取県", 19],
  ["島根県", 19],
  ["岡山県", 27],
  ["広島県", 23],
  ["山口県", 19],
  ["徳島県", 24],
  ["香川県", 17],
  ["愛媛県", 20],
  ["高知県", 34],
  ["福岡県", 60],
  ["佐賀県", 20],
  ["長崎県", 21],
  ["熊本県", 45],
  ["大分県", 18],
  ["宮崎県", 26],
  ["鹿児島県", 43],
  ["沖縄県", 41],
];

const SYLLABLES = [
  "北",
  "南",
  "東",
  "西",
  "上",
  "下",
  "大",
  "小",
  "高",
  "長",
  "川",
  "山",
  "田",
  "野",
  "原",
  "沢",
  "島",
  "浜",
  "松",
  "杉",
  "森",
  "林",
  "石",
  "岩",
  "谷",
  "津",
  "崎",
  "岡",
  "富",
  "吉",
  "美",
  "桜",
  "栄",
  "若",
  "塩",
  "宮",
  "本",
  "新",
  "中",
  "白",
  "青",
  "平",
  "朝",
  "日",
  "月",
  "見",
  "瀬",
  "浦",
  "坂",
  "井",
];

/** mulberry32: small, fast, reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

function defaultTop(i: number, n: number): number {
  return n <= 1 ? 0.7 : 0.7 - (0.6 * i) / (n - 1);
}

/** Standard competition ranking (1, 2, 2, 4) of the given totals, highest first. */
export function competitionRanks(totals: number[]): number[] {
  const sorted = [...totals].sort((a, b) => b - a);
  const first = new Map<number, number>();
  sorted.forEach((v, i) => {
    if (!first.has(v)) first.set(v, i + 1);
  });
  return totals.map((v) => first.get(v) ?? 0);
}

function sizeBandOf(rulebook: Rulebook, insured: number): string | undefined {
  const cls = rulebook.sizeClasses?.classes.find(
    (c) => (c.min === undefined || insured >= c.min) && (c.max === undefined || insured < c.max),
  );
  if (!cls) return undefined;
  return typeof cls.label === "string" ? cls.label : cls.label.ja;
}

export { sizeBandOf };

/**
 * `count` demo municipalities with consistent points. The same seed gives the same entities.
 * Serial numbers run 1…count; 保険者番号 are 6-digit text with the prefecture code in front.
 */
export function demoEntities(rulebook: Rulebook, count: number, seed = 1): TallyEntity[] {
  const rand = rng(seed);
  const layout = tallyLayout(rulebook);
  const totalIdx = layout.columns.length - 1;
  // Per-column ease, fixed for the run: some items nearly everyone meets, some almost nobody.
  const ease = new Map<string, number>();
  const easeOf = (id: string) => {
    let e = ease.get(id);
    if (e === undefined) {
      e = 0.1 + 0.85 * rand();
      ease.set(id, e);
    }
    return e;
  };
  const allMunicipalities = PREFECTURES.reduce((s, [, n]) => s + n, 0);
  const perPref = PREFECTURES.map(([, n]) => Math.floor((n * count) / allMunicipalities));
  let rest = count - perPref.reduce((s, n) => s + n, 0);
  for (let i = 0; rest > 0; i = (i + 1) % perPref.length, rest--) perPref[i]++;

  const out: TallyEntity[] = [];
  const names = new Set<string>();
  let serial = 0;
  perPref.forEach((n, p) => {
    const prefCode = p + 1;
    const pref = PREFECTURES[p][0];
    for (let k = 0; k < n; k++) {
      serial++;
      const r = rand();
      const suffix = prefCode === 13 && k < Math.min(23, n) ? "区" : r < 0.45 ? "市" : r < 0.88 ? "町" : "村";
      let base = "";
      do {
        base =
          SYLLABLES[Math.floor(rand() * SYLLABLES.length)] + SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
        if (names.has(pref + base + suffix)) base += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
      } while (names.has(pref + base + suffix));
      names.add(pref + base + suffix);
      const scale = suffix === "市" || suffix === "区" ? 4.3 + rand() * 1.9 : 2.8 + rand() * 1.8;
      const population = Math.round(10 ** scale);
      const insured = Math.max(1, Math.round(population * (0.22 + rand() * 0.25)));
      const propensity = (rand() + rand()) / 2;
      const points = demoPoints(rulebook, rand, propensity, easeOf);
      out.push({
        serial,
        prefCode,
        pref,
        code:
          String(prefCode).padStart(2, "0") + String(1000 + k * 7 + Math.floor(rand() * 7)).padStart(4, "0"),
        name: base + suffix,
        population,
        insured,
        sizeBand: sizeBandOf(rulebook, insured),
        depopulated: suffix !== "市" && suffix !== "区" && rand() < 0.5,
        points,
      });
    }
  });
  // Previous year: this year's total moved a little, ranked among the demo set.
  const totals = out.map((e) => scoreColumns(rulebook, layout, e.points)[totalIdx]);
  const previous = totals.map((t) => Math.max(0, Math.min(800, Math.round(t * (0.85 + rand() * 0.25)))));
  const ranks = competitionRanks(previous);
  out.forEach((e, i) => {
    e.previousTotal = previous[i];
    e.previousRank = ranks[i];
  });
  return out;
}

function demoPoints(
  rulebook: Rulebook,
  rand: () => number,
  propensity: number,
  easeOf: (id: string) => number,
): Record<string, number> {
  const points: Record<string, number> = {};
  const copies: Indicator[] = [];
  const hit = (id: string) => rand() < clamp01(easeOf(id) + (propensity - 0.5) * 0.8);
  const indicator = (ind: Indicator) => {
    if (ind.answerFrom) {
      copies.push(ind);
      return;
    }
    const ids = columnIdsOf(ind);
    switch (ind.kind) {
      case "yesno":
        if (hit(ind.id)) points[ind.id] = ind.points;
        return;
      case "rankBand": {
        // One draw decides the band: better municipalities sit nearer the top.
        const u = clamp01(rand() * 0.75 + (1 - propensity) * 0.25 + (easeOf(ind.id) - 0.5) * 0.2);
        const reached = ind.bands.map((b, i) => u < (b.top ?? defaultTop(i, ind.bands.length)));
        if (ind.cumulative === false) {
          const last = reached.lastIndexOf(true);
          if (last >= 0) points[ids[last]] = ind.bands[last].points;
        } else {
          ind.bands.forEach((b, i) => {
            if (reached[i]) points[ids[i]] = b.points;
          });
        }
        return;
      }
      case "choice": {
        const i = Math.floor(rand() * ind.options.length);
        if (hit(ind.id)) points[ids[i]] = ind.options[i].points;
        return;
      }
      case "multi":
        ind.options.forEach((o, i) => {
          if (hit(ids[i])) points[ids[i]] = o.points;
        });
        return;
      default:
        return;
    }
  };
  const walk = (node: Node) => {
    if (node.kind !== "group") return indicator(node);
    if (node.aggregate === "best") {
      // Credited under one branch only; some municipalities get none.
      if (rand() < 0.85) walk(node.children[Math.floor(rand() * node.children.length)]);
      // answerFrom twins are filled later; record them all so the copy stays complete.
      node.children.forEach((c) => collectCopies(c, copies));
      return;
    }
    (node as Group).children.forEach(walk);
  };
  walk(rulebook.root);
  const byId = indicatorsById(rulebook);
  for (const ind of new Set(copies)) {
    const src = ind.answerFrom ? byId.get(ind.answerFrom) : undefined;
    if (!src) continue;
    const from = columnIdsOf(src);
    columnIdsOf(ind).forEach((id, i) => {
      const v = points[from[i]];
      if (v !== undefined) points[id] = v;
    });
  }
  return points;
}

function collectCopies(node: Node, into: Indicator[]) {
  if (node.kind === "group") node.children.forEach((c) => collectCopies(c, into));
  else if (node.answerFrom) into.push(node);
}

function indicatorsById(rulebook: Rulebook): Map<string, Indicator> {
  return new Map(indicatorsOf(rulebook).map((i) => [i.id, i]));
}

/**
 * Demo 広域連合 / 一部事務組合: `count` runs of 2–8 consecutive 町/村 in one prefecture. Names end in
 * 連合 or 組合 (never 市/区/町/村), as in the real tally.
 */
export function demoUnions(entities: TallyEntity[], count: number, seed = 2): TallyUnion[] {
  const rand = rng(seed);
  const unions: TallyUnion[] = [];
  const used = new Set<string>();
  let attempts = 0;
  while (unions.length < count && attempts++ < count * 50) {
    const start = Math.floor(rand() * entities.length);
    const size = 2 + Math.floor(rand() * 7);
    const run = entities.slice(start, start + size);
    if (run.length < 2) continue;
    if (run.some((e) => e.prefCode !== run[0].prefCode || /[市区]$/.test(e.name) || used.has(e.code)))
      continue;
    run.forEach((e) => used.add(e.code));
    const n = unions.length;
    const kind = rand() < 0.6 ? "広域連合" : "地区介護保険組合";
    unions.push({
      name: `${run[0].name.slice(0, 2)}${kind}`,
      code: String(run[0].prefCode).padStart(2, "0") + String(9000 + n).padStart(4, "0"),
      members: run.map((e) => e.code),
    });
  }
  return unions;
}
