// Shapes of a read national tally (全国集計). The JSON written by `saiten tally import` (format
// "saiten.tally/1") is a TallyDocument: plain data, stable keys, numbers as read.

export const TALLY_FORMAT = "saiten.tally/1";

export type TallyProblemCode =
  /** A column with a numeric 配点 that resolves to no rulebook sub-item or group. */
  | "unknown_column"
  /** A rulebook sub-item (or group) that no column carries. */
  | "missing_column"
  /** Two columns resolve to the same id; the first is kept. */
  | "duplicate_column"
  /** The tally's 配点 differs from the rulebook's points (or group maximum). */
  | "points_mismatch"
  /** A municipality's item columns do not add up to the tally's subtotal/total. */
  | "sum_mismatch"
  /** A stats row value disagrees with the value recomputed from the municipality rows. */
  | "stats_mismatch"
  /** A header or ID column the reader needs is missing. */
  | "missing_header"
  /** 保険者番号 stored as a number (leading zero restored by padding to 6 digits). */
  | "code_not_text"
  /** Two rows carry the same 保険者番号. */
  | "duplicate_code"
  /** An item cell that is not a number (text, an Excel error): counted as 0. */
  | "item_not_number"
  /** An item cell outside 0..配点: counted as 0. */
  | "item_out_of_range"
  /** An item written as text that reads as a number (full-width digits): read as that number. */
  | "item_as_text";

export interface TallyProblem {
  code: TallyProblemCode;
  severity: "error" | "warning";
  /** Qualified cell, e.g. 全国集計（市町村）!AB19. */
  cell?: string;
  /** Column letter. */
  column?: string;
  /** Header text of the column (levels joined with " / "). */
  header?: string;
  /** Rulebook sub-item or group id concerned. */
  id?: string;
  expected?: number;
  actual?: number;
  /** Japanese. */
  message: string;
  /** The same in English. */
  messageEn?: string;
}

export interface TallyColumn {
  /** 1-based column number and its letter. */
  col: number;
  letter: string;
  kind: "item" | "total";
  /** Sub-item id (items) or group id (totals); null when unresolved (reported). */
  id: string | null;
  header: string;
  /** 配点 as read. */
  points: number | null;
}

/** National statistics for one column as read from the stats rows (null where blank). */
export interface ColumnStats {
  points: number | null;
  sum: number | null;
  mean: number | null;
  itemMean: number | null;
  meanRate: number | null;
  median: number | null;
  sd: number | null;
  hitCount: number | null;
  hitRate: number | null;
}

/** Statistics recomputed from the municipality rows that carry a numeric total. */
export interface RecomputedStats {
  n: number;
  sum: number;
  mean: number;
  /** mean ÷ 配点 (null when the 配点 is unknown or 0). */
  meanRate: number | null;
  median: number;
  /** Population standard deviation. */
  sd: number;
  /** Sample standard deviation (n − 1). */
  sdSample: number;
  hitCount: number;
  hitRate: number;
}

export interface Benchmark {
  id: string;
  kind: "item" | "total";
  column: string;
  read: ColumnStats;
  recomputed: RecomputedStats;
}

export interface TallyMunicipality {
  /** Sheet row. */
  row: number;
  serial: number | null;
  prefCode: number | null;
  /** 保険者番号, 6-digit text with its leading zero. */
  code: string;
  name: string;
  pref: string;
  population: number | null;
  insured: number | null;
  /** 規模区分 as printed (FY2025+), else null. */
  sizeBand: string | null;
  /** Size class id of the rulebook from 第1号被保険者数. */
  sizeClass: string | null;
  /** Points per rulebook sub-item (columns that resolved). */
  items: Record<string, number>;
  /** Points per rulebook group: the tally's column where there is one, else recomputed from items. */
  groups: Record<string, number>;
  /** This year's 総合計. */
  total: number;
  /** This year's rank as printed in the tally. */
  rank: number | null;
  previousTotal: number | null;
  previousRank: number | null;
}

export interface TallyRank {
  code: string;
  total: number;
  rank: number;
  of: number;
  sizeClass: string | null;
  bandRank: number | null;
  bandOf: number | null;
}

export interface LowScoreLine {
  /** (mean rate − 2 × SD of the rate) × 配点 of the total. */
  line: number;
  meanRate: number;
  sdRate: number;
  points: number;
  /** Where mean rate and SD came from: the stats rows, or recomputed. */
  source: "read" | "recomputed";
  below: { code: string; name: string; pref: string; total: number }[];
}

export interface TallyRead {
  sheet: string;
  title: string;
  fiscalYear: number | null;
  rulebookId: string;
  /** Row numbers of the stats rows found by label. */
  statsRows: Partial<Record<keyof ColumnStats, number>>;
  dataStartRow: number;
  columns: TallyColumn[];
  municipalities: TallyMunicipality[];
  /** Rows with no numeric total (広域連合, 一部事務組合). */
  skipped: { row: number; code: string; name: string }[];
  benchmarks: { items: Record<string, Benchmark>; groups: Record<string, Benchmark> };
  ranks: TallyRank[];
  lowScore: LowScoreLine | null;
  problems: TallyProblem[];
}

/** The JSON `saiten tally import` writes. */
export interface TallyDocument extends TallyRead {
  format: typeof TALLY_FORMAT;
  source: string;
  counts: {
    municipalities: number;
    skipped: number;
    itemColumns: number;
    totalColumns: number;
    problems: number;
  };
}
