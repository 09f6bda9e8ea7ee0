// Check mode: the open workbook (a municipality's submission) scored without writing to it; every
// figure it reports that differs from what its answers score (cell, reported, computed); its issues,
// total and last year; its report written to a new workbook (or saved as a file on an older Excel).
import { Button, Caption1, Subtitle2, TableCell, TableRow, useId } from "@fluentui/react-components";
import { DocumentArrowRight20Regular, ShieldCheckmark20Regular } from "@fluentui/react-icons";
import { useState } from "react";
import type { CheckOutcome, ReviewerApi } from "../../app/check-run";
import type { Mismatch } from "../../app/review/types";
import { CellButton } from "../components/CellButton";
import { IssueList } from "../components/IssueList";
import { JudgementBadge } from "../components/JudgementBadge";
import { usePane } from "../context";
import { errorText } from "../errors";
import { fmtNumber, fmtRate, fmtSignedFixed, sheetList } from "../format";
import { useShared } from "../styles";
import { WideTable } from "../components/WideTable";
import { downloadWorkbook } from "../download";

interface Props {
  reviewer: ReviewerApi;
  rulebookId: string;
  busy: boolean;
  onBusy: (busy: boolean) => void;
  onSelectCell: (cell: string) => void;
}

function shown(v: unknown, lang: "ja" | "en"): string {
  return typeof v === "number" ? fmtNumber(v, lang) : String(v);
}

export function CheckPanel({ reviewer, rulebookId, busy, onBusy, onSelectCell }: Props) {
  const { t, lt, lang } = usePane();
  const s = useShared();
  const headingId = useId("check-heading");
  const mismatchId = useId("check-mismatches");
  const [check, setCheck] = useState<CheckOutcome | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [written, setWritten] = useState<string | null>(null);
  const target = reviewer.checkReportTarget();

  const run = async () => {
    setRunning(true);
    onBusy(true);
    setError(null);
    setWritten(null);
    try {
      setCheck(await reviewer.check(rulebookId, t("check.openWorkbook")));
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setRunning(false);
      onBusy(false);
    }
  };
  const report = async () => {
    if (!check) return;
    onBusy(true);
    setError(null);
    try {
      const done = await reviewer.writeCheckReport(check, lang);
      if (done.bytes) downloadWorkbook(done.bytes, `saiten-check-${check.rulebookId}.xlsx`);
      else setWritten(t("check.written", { sheets: sheetList(done.sheets, lang) }));
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      onBusy(false);
    }
  };

  const record = check?.record;
  const row = check?.summary.rows[0];
  const digits = check?.summary.rulebook.rateDigits ?? 1;
  const targetText = (m: Mismatch) => (m.target === "total" ? t("check.total.target") : m.target);
  return (
    <section className={s.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={s.heading}>
        {t("check.heading")}
      </Subtitle2>
      <Caption1>{t("check.hint")}</Caption1>
      <div className={s.actions}>
        <Button icon={<ShieldCheckmark20Regular />} disabled={busy} onClick={() => void run()}>
          {t(running ? "check.running" : "check.button")}
        </Button>
      </div>
      {error && <p role="alert">{error}</p>}
      {record?.status === "failed" && <p role="alert">{t("check.failed", { reason: lt(record.reason) })}</p>}
      {record?.status === "scored" && row && (
        <>
          <p className={s.figures} role="status">
            {t("check.total", {
              points: fmtNumber(row.total, lang),
              max: row.max !== null ? fmtNumber(row.max, lang) : "―",
              rate: fmtRate(row.ratePercent, digits),
            })}
            {row.previousRatePercent !== null && (
              <>
                {" "}
                {t("check.previous", {
                  rate: fmtRate(row.previousRatePercent, digits),
                  change: row.changeRate !== null ? fmtSignedFixed(row.changeRate, lang, digits) : "―",
                })}{" "}
                <JudgementBadge judgement={row.judgement} />
              </>
            )}
          </p>
          <Subtitle2 as="h3" id={mismatchId} className={s.heading}>
            {t("check.mismatches", { n: record.mismatches?.length ?? 0 })}
          </Subtitle2>
          {record.mismatches?.length ? (
            <WideTable
              labelledBy={mismatchId}
              headings={[t("check.cell"), t("check.target"), t("check.reported"), t("check.computed")]}
            >
              {record.mismatches.map((m) => (
                <TableRow key={`${m.cell}-${m.target}`} data-cell={m.cell}>
                  <TableCell>
                    <CellButton cell={m.cell} onSelectCell={onSelectCell}>
                      {m.cell}
                    </CellButton>
                  </TableCell>
                  <TableCell>{targetText(m)}</TableCell>
                  <TableCell className={s.numeric}>{shown(m.reported, lang)}</TableCell>
                  <TableCell className={s.numeric}>{fmtNumber(m.computed, lang)}</TableCell>
                </TableRow>
              ))}
            </WideTable>
          ) : (
            <Caption1>{t("check.noMismatch")}</Caption1>
          )}
          <IssueList issues={record.issues ?? []} onSelectCell={onSelectCell} />
        </>
      )}
      {check && (
        <div className={s.actions}>
          <Button icon={<DocumentArrowRight20Regular />} disabled={busy} onClick={() => void report()}>
            {t(target === "download" ? "check.download" : "check.report")}
          </Button>
        </div>
      )}
      {check && target === "download" && <Caption1>{t("check.downloadHint")}</Caption1>}
      {written && <p role="status">{written}</p>}
    </section>
  );
}
