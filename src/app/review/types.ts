// The reviewer batch (saiten review): what one workbook yields, and what the whole set yields.
// Records are plain JSON so they cross worker threads and land in summary.json unchanged.
import type { Comparison } from "../../engine/compare";
import type { Issue, LocalText } from "../../engine/types";

export interface Identity {
  /** 市町村名 (or the file name when the workbook does not say). */
  name: string;
  /** 市町村コード / 保険者番号 as text (leading zeros kept). */
  code?: string;
  /** Where the identity came from. */
  source: "template" | "names" | "file-name";
  /** Insured persons (第1号被保険者数 / 被保険者数) when the workbook gives it. */
  insured?: number;
  sizeClass?: string;
}

/** A self-reported figure in the workbook that disagrees with the recomputed one. */
export interface Mismatch {
  cell: string;
  /** Indicator or group id, or "total". */
  target: string;
  reported: unknown;
  computed: number;
  message: LocalText;
}

export interface GroupFigure {
  id: string;
  points: number;
  max: number | null;
  ratePercent: number | null;
}

export interface ReviewRecord {
  file: string;
  status: "scored" | "failed";
  /** Why a file could not be scored (unreadable, password-protected, too large, wrong rulebook, no answers…). */
  reason?: LocalText;
  reasonCode?:
    | "not-xlsx"
    | "corrupt"
    | "encrypted"
    | "too-large"
    | "too-many-rows"
    | "too-many-cells"
    | "defined-name"
    | "empty"
    | "unsupported"
    | "link"
    | "unreadable"
    | "timeout"
    | "no-answers"
    | "wrong-rulebook"
    | "failed";
  identity?: Identity;
  rulebookId?: string;
  total?: GroupFigure;
  /** Every group, flat, in tree order. */
  groups?: GroupFigure[];
  /** Points per indicator (id → points), for 該当率 across the set. */
  indicatorPoints?: Record<string, number>;
  issues?: Issue[];
  mismatches?: Mismatch[];
  /** Against the workbook's own history (or the previous set, filled in by the main thread). */
  comparison?: Comparison;
  previousSource?: "history" | "column" | "file" | "previous-set";
  /** Where the answers were found: the standard template, saiten.a.* names, or the --map JSON. */
  answersFrom?: "template" | "names" | "map";
}

export interface ReviewRow {
  file: string;
  name: string;
  code?: string;
  insured?: number;
  /** The size band's id, and its name as the summary workbook and CSV show it (規模区分). */
  sizeClass?: string;
  sizeClassName?: string;
  total: number;
  max: number | null;
  ratePercent: number | null;
  groupRates: Record<string, number | null>;
  rank: number;
  bandRank?: number;
  previousRatePercent: number | null;
  changeRate: number | null;
  trend: "↗" | "↘" | "→" | "―";
  judgement: "達成" | "未達成" | null;
  issues: number;
  mismatches: number;
  /** Where the previous rate came from (the workbook itself, or the --previous set). */
  previousSource?: "history" | "column" | "file" | "previous-set";
  share?: number;
  estimate?: number;
  /** The estimate was cut to the entity's cap (summarise option caps). */
  capped?: boolean;
}

export interface ReviewSummary {
  format: "saiten.review/1";
  /** rateDigits: decimals at which rates are shown and judged (the rulebook's, default 1). */
  rulebook: { id: string; fiscalYear: number; version: string; rateDigits?: number };
  generatedAt: string;
  files: { total: number; scored: number; failed: number };
  rows: ReviewRow[];
  /** name/code when the file said who it is from before failing (e.g. wrong rulebook, blank form). */
  failures: { file: string; reasonCode: string; reason: LocalText; name?: string; code?: string }[];
  /** Two files for the same municipality: reported, never merged. */
  duplicates: { key: string; files: string[] }[];
  issues: (Issue & { file: string })[];
  mismatches: (Mismatch & { file: string })[];
  /** Achievement per indicator across the set (該当率: share with points > 0). */
  indicators: {
    id: string;
    name: string;
    max: number | null;
    achieved: number;
    rate: number;
    nationalRate?: number;
  }[];
  /** Per group: the set's mean and median against the national benchmark. */
  groups: {
    id: string;
    name: string;
    /** 0 for the total, 1 for top-level groups, 2 below them … (一覧 has a rate column for depths 1–2). */
    depth: number;
    max: number | null;
    mean: number;
    median: number;
    nationalMean?: number;
    nationalMedian?: number;
  }[];
  /** Where the national figures come from (a national tally's label, or the rulebook's sources). */
  nationalSource?: string;
  /** The size classes (and ranks within them) use another fiscal year's bands, carried forward. */
  sizeBandsAssumedFrom?: number;
  allocation?: {
    budget: number;
    totalPaid: number;
    unallocated: number;
    /** Files without an insured count: weight 0, so no share. */
    withoutInsured: string[];
  };
}
