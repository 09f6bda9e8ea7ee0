// Public shapes of the scoring engine. Plain data only, so results serialise to JSON as they are.

/** A cell as an adapter read it: the value, plus what Excel knows about it. */
export interface CellInput {
  value: unknown;
  /** Excel number format, e.g. "0.0%" (a percent-formatted 0.605 means 60.5%). */
  numFmt?: string;
  /** Excel error text when the cell holds one (#N/A, #DIV/0!, …). */
  error?: string;
  /** Where the answer came from, e.g. "回答!D5"; named in issues. */
  cell?: string;
}

export type RawAnswer = CellInput | string | number | boolean | Date | null | undefined | readonly string[];
export type Answers = Readonly<Record<string, RawAnswer>>;

export interface LocalText {
  ja: string;
  en: string;
}

export interface ScoreContext {
  /** Size class id (rulebook.sizeClasses) for size-dependent thresholds. */
  sizeClass?: string;
  /** Or the size itself (e.g. 第1号被保険者数), mapped to a class by the rulebook. */
  size?: number;
  /** Last year's values of improvement indicators, by indicator id. */
  previousValues?: Readonly<Record<string, number | null | undefined>>;
  /** Decimal places for rates (default: the rulebook's rateDigits, else 1). */
  rateDigits?: number;
  /** Points already known per indicator (e.g. a template's 前年度得点 column); these replace evaluation. */
  knownPoints?: Readonly<Record<string, number>>;
}

export type Severity = "error" | "warning" | "info";

export type IssueCode =
  | "missing"
  | "invalid"
  | "excel_error"
  | "date_not_number"
  | "out_of_range"
  | "threshold_unknown"
  | "size_class_missing"
  | "previous_missing"
  | "prerequisite_unmet"
  | "output_conflict"
  | "mismatch";

export interface Issue {
  severity: Severity;
  code: IssueCode;
  indicatorId?: string;
  cell?: string;
  message: LocalText;
}

export type AnswerStatus = "ok" | "missing" | "invalid";

/** A normalised answer value, in JSON-friendly form. */
export type AnswerValue = boolean | number | string | string[] | null;

export interface PartResult {
  /** Sub-item id (a column of the national tally). */
  id: string;
  code: string;
  points: number;
}

export interface IndicatorResult {
  id: string;
  groupId: string;
  kind: string;
  /** The answer as read (cell value), or null when blank. */
  answer: unknown;
  cell?: string;
  status: AnswerStatus;
  /** Normalised value: yes/no → boolean, choice → option code, several → codes, numbers → number,
   *  rank band → code of the highest band reached ("" for none). */
  value: AnswerValue;
  points: number;
  max: number | null;
  min: number;
  parts?: PartResult[];
  explanation: LocalText;
}

export interface GroupResult {
  id: string;
  code?: string;
  name: LocalText;
  points: number;
  /** Sum of the children before this group's clamp. */
  sum: number;
  max: number | null;
  min: number | null;
  /** Exact ratio points/max (null when the maximum is unknown). */
  rate: number | null;
  /** The rate as shown and judged: rounded half-up at rateDigits, in percent. */
  ratePercent: number | null;
  clamped?: "max" | "min";
  /** Shared by every result on the same rulebook (frozen). */
  benchmark?: { mean?: number; median?: number; meanRate?: number };
  /** Shared by every result on the same rulebook: read it, never change it. */
  indicatorIds: readonly string[];
  children: GroupResult[];
}

export interface RulebookRef {
  id: string;
  fiscalYear: number;
  version: string;
  scheme: string;
  entity: string;
  level: string;
}

export interface TotalResult {
  id: string;
  points: number;
  sum: number;
  max: number | null;
  rate: number | null;
  ratePercent: number | null;
  clamped?: "max" | "min";
  benchmark?: { mean?: number; median?: number; meanRate?: number };
}

export interface ScoreResult {
  rulebook: RulebookRef;
  total: TotalResult;
  rateDigits: number;
  /** The group tree under the total. */
  groups: GroupResult[];
  indicators: IndicatorResult[];
  issues: Issue[];
}
