// What each kind of problem a review reports is called where people read it — the summary workbook's
// 確認事項 and the command's list of files it could not score — instead of its code (the JSON and the
// CSV keep the codes, for programs).
import type { IssueCode, Severity } from "../../engine/types";
import { type Message, type MessageCode, msg } from "../../messages";
import type { ReviewRecord } from "./types";

type ProblemKind = NonNullable<ReviewRecord["reasonCode"]> | IssueCode | "duplicate";

const KIND: Record<ProblemKind, MessageCode> = {
  "not-xlsx": "review.kind.not-xlsx",
  corrupt: "review.kind.corrupt",
  encrypted: "review.kind.encrypted",
  "too-large": "review.kind.too-large",
  "too-many-rows": "review.kind.too-many-rows",
  "too-many-cells": "review.kind.too-many-cells",
  "defined-name": "review.kind.defined-name",
  empty: "review.kind.empty",
  unsupported: "review.kind.unsupported",
  link: "review.kind.link",
  unreadable: "review.kind.unreadable",
  timeout: "review.kind.timeout",
  "no-answers": "review.kind.no-answers",
  "wrong-rulebook": "review.kind.wrong-rulebook",
  failed: "review.kind.failed",
  missing: "review.kind.missing",
  invalid: "review.kind.invalid",
  excel_error: "review.kind.excel-error",
  date_not_number: "review.kind.date-not-number",
  out_of_range: "review.kind.out-of-range",
  threshold_unknown: "review.kind.threshold-unknown",
  size_class_missing: "review.kind.size-class-missing",
  previous_missing: "review.kind.previous-missing",
  prerequisite_unmet: "review.kind.prerequisite-unmet",
  output_conflict: "review.kind.output-conflict",
  mismatch: "review.kind.mismatch",
  duplicate: "review.kind.duplicate",
};

/** The kind of problem a code stands for, in words; a code this version does not know (a summary
 *  written by another) reads as a failure. */
export function problemKind(code: string | undefined): Message {
  return msg(
    code !== undefined && Object.hasOwn(KIND, code) ? KIND[code as ProblemKind] : "review.kind.failed",
  );
}

const SEVERITY: Record<Severity, MessageCode> = {
  error: "review.severity.error",
  warning: "review.severity.warning",
  info: "review.severity.info",
};

/** How serious a problem is, in words. */
export function severityWord(severity: Severity): Message {
  return msg(SEVERITY[severity]);
}
