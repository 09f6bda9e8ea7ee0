// The compact summary that stays in view at the top of the pane (320–450 px): total, rate, change
// against last year and whether the workbook's results are current — and, right under it, the notices
// of what the clerk just did, so feedback is never out of sight.
import { Badge, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { forwardRef, type ReactNode } from "react";
import type { RunSummary } from "../../app/pane-api";
import { usePane } from "../context";
import { fmtNumber, fmtRate, fmtSigned, fmtSignedFixed } from "../format";
import { useShared } from "../styles";

const useStyles = makeStyles({
  bar: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground1,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  line: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  figure: { display: "inline-flex", alignItems: "baseline", columnGap: tokens.spacingHorizontalXS },
  points: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

export type SummaryState = "written" | "stale" | "readOnly" | "updating";

interface Props {
  summary: RunSummary | null;
  state: SummaryState;
  /** Notices of the last action (errors, confirmations, a run that wrote nothing). */
  children?: ReactNode;
}

export const SummaryBar = forwardRef<HTMLElement, Props>(function SummaryBar({ summary, state, children }, ref) {
  const { t, lang } = usePane();
  const s = useShared();
  const styles = useStyles();
  if (!summary && !children) return null;
  const total = summary?.result.total;
  const line = summary?.comparison?.total;
  const digits = summary?.result.rateDigits ?? 1;
  const change =
    line?.changePoints !== null && line?.changePoints !== undefined
      ? t("points.unit", { n: fmtSigned(line.changePoints, lang) })
      : line?.changeRate !== null && line?.changeRate !== undefined
        ? t("rate.pp", { n: fmtSignedFixed(line.changeRate, lang, digits) })
        : null;
  const badge =
    state === "stale"
      ? { color: "warning" as const, text: t("summary.staleShort") }
      : state === "readOnly"
        ? { color: "informative" as const, text: t("summary.readOnly") }
        : state === "updating"
          ? { color: "informative" as const, text: t("live.updating") }
          : { color: "success" as const, text: t("summary.written") };
  return (
    <section ref={ref} tabIndex={-1} aria-label={t("summary.label")} className={styles.bar}>
      {summary && total && (
        <div className={styles.line}>
          <span className={styles.figure}>
            <Caption1>{t("summary.total")}</Caption1>
            <span className={mergeClasses(s.numeric, styles.points)}>{fmtNumber(total.points, lang)}</span>
            <span className={s.numeric}>
              {total.max !== null ? `/ ${t("points.unit", { n: fmtNumber(total.max, lang) })}` : t("points.unitOnly")}
            </span>
          </span>
          <span className={styles.figure}>
            <Caption1>{t("total.rate")}</Caption1>
            <span className={s.numeric}>{fmtRate(total.ratePercent, digits)}</span>
          </span>
          {change && (
            <span className={styles.figure}>
              <Caption1>{t("summary.change")}</Caption1>
              <span className={s.numeric}>{change}</span>
            </span>
          )}
          <Badge appearance="tint" color={badge.color} shape="rounded">
            {badge.text}
          </Badge>
        </div>
      )}
      {children}
    </section>
  );
});
