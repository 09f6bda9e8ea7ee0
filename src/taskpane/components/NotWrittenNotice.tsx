// A run that wrote nothing because the workbook is another rulebook's, with what it is and the way on:
// go back to the workbook's own rulebook, or (another year of the same grant only) write anyway.
import { Button } from "@fluentui/react-components";
import { forwardRef } from "react";
import type { RulebookInfo, RunSummary } from "../../app/pane-api";
import { usePane } from "../context";
import { fmtNumber, withYear } from "../format";
import { Notice } from "./Notice";

interface Props {
  summary: RunSummary;
  chosen: RulebookInfo | undefined;
  busy: boolean;
  onWriteAnyway: () => void;
  onUseRecorded: (id: string) => void;
  onDismiss: () => void;
}

export const NotWrittenNotice = forwardRef<HTMLDivElement, Props>(function NotWrittenNotice(
  { summary, chosen, busy, onWriteAnyway, onUseRecorded, onDismiss },
  ref,
) {
  const { t, lt, lang } = usePane();
  const why = summary.notWritten;
  if (!why || why === "live") return null;
  const title = (rb: RulebookInfo | undefined, fallback: string) =>
    rb ? withYear(lt(rb.title), rb.fiscalYear, lang) : fallback;
  const recordedInfo = summary.recorded?.info;
  const recorded = title(recordedInfo, summary.recorded?.id ?? "―");
  const chosenTitle = title(chosen, summary.result.rulebook.id);
  const fit = summary.fit ?? { matched: 0, unknown: 0 };
  const text =
    why === "unmatched"
      ? t("notWritten.unmatched", {
          chosen: chosenTitle,
          matched: fmtNumber(fit.matched, lang),
          unknown: fmtNumber(fit.unknown, lang),
        })
      : t(why === "other-year" ? "notWritten.other-year" : "notWritten.other-scheme", {
          recorded,
          chosen: chosenTitle,
        });
  return (
    <Notice
      ref={ref}
      intent="warning"
      title={t("notWritten.title")}
      dismissLabel={t("dismiss")}
      onDismiss={onDismiss}
      actions={
        <>
          {recordedInfo && (
            <Button size="small" disabled={busy} onClick={() => onUseRecorded(recordedInfo.id)}>
              {t("notWritten.useRecorded", { title: recorded })}
            </Button>
          )}
          {why === "other-year" && (
            <Button size="small" disabled={busy} onClick={onWriteAnyway}>
              {t("notWritten.writeAnyway")}
            </Button>
          )}
        </>
      }
    >
      {text}
    </Notice>
  );
});
