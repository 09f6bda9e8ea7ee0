// The scenario against the workbook as scored: Δ points, Δ rate (percentage points), Δ grant.
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { usePane } from "../context";
import { fmtNumber, fmtRate, fmtSigned, fmtSignedYen, fmtYen, fmtSignedFixed } from "../format";
import { useShared } from "../styles";
import type { Figures } from "../whatif";

const useStyles = makeStyles({
  root: {
    // Figures never wrap inside: each takes the width it needs and, on a narrow pane, a row of its own.
    display: "flex",
    flexWrap: "wrap",
    rowGap: tokens.spacingVerticalS,
    columnGap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    margin: 0,
  },
  item: { display: "flex", flexDirection: "column", flexGrow: 1, flexBasis: "6em", margin: 0 },
  cell: { display: "flex", flexDirection: "column", minWidth: 0, margin: 0 },
  value: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  delta: { fontWeight: tokens.fontWeightSemibold },
  label: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export function DeltaSummary({ figures, digits }: { figures: Figures; digits: number }) {
  const { t, lang } = usePane();
  const s = useShared();
  const styles = useStyles();
  const tone = (n: number | null) =>
    n === null || Math.abs(n) < 1e-9 ? s.muted : n > 0 ? s.positive : s.negative;
  const figure = (label: string, value: string, change: number | null, changeText: string) => (
    <div className={styles.item}>
      <dt className={styles.label}>{label}</dt>
      <dd className={styles.cell}>
        <span className={mergeClasses(styles.value, s.numeric)}>{value}</span>
        <span className={mergeClasses(styles.delta, s.numeric, tone(change))}>{changeText}</span>
      </dd>
    </div>
  );
  return (
    <div role="status" aria-live="polite">
      <dl className={styles.root}>
        {figure(
          t("delta.points"),
          figures.max !== null
            ? `${fmtNumber(figures.points, lang)}/${t("points.unit", { n: fmtNumber(figures.max, lang) })}`
            : t("points.unit", { n: fmtNumber(figures.points, lang) }),
          figures.deltaPoints,
          t("points.unit", { n: fmtSigned(figures.deltaPoints, lang) }),
        )}
        {figure(
          t("delta.rate"),
          fmtRate(figures.ratePercent, digits),
          figures.deltaRate,
          figures.deltaRate !== null
            ? t("rate.pp", { n: fmtSignedFixed(figures.deltaRate, lang, digits) })
            : "―",
        )}
        {figure(
          t("delta.grant"),
          figures.grant !== null ? fmtYen(figures.grant, lang) : "―",
          figures.deltaGrant,
          figures.deltaGrant !== null ? fmtSignedYen(figures.deltaGrant, lang) : t("delta.grantMissing"),
        )}
      </dl>
    </div>
  );
}
