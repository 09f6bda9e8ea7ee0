// The scenario against the workbook as scored: Δ points, Δ rate (percentage points), Δ grant.
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { usePane } from "../context";
import { fmtNumber, fmtRate, fmtSigned, fmtSignedYen, fmtYen, fmtSignedFixed } from "../format";
import { useShared } from "../styles";
import type { Figures } from "../whatif";

const useStyles = makeStyles({
  root: {
    display: "grid",
    gridTemplateColumns: "repeat(3, minmax(0, 1fr))",
    columnGap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    margin: 0,
  },
  cell: { display: "flex", flexDirection: "column", minWidth: 0, margin: 0 },
  value: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
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
  return (
    <div role="status" aria-live="polite">
      <dl className={styles.root}>
        <div className={styles.cell}>
          <dt className={styles.label}>{t("delta.points")}</dt>
          <dd className={styles.cell}>
            <span className={mergeClasses(styles.value, s.numeric)}>
              {figures.max !== null
                ? `${fmtNumber(figures.points, lang)}/${fmtNumber(figures.max, lang)}`
                : fmtNumber(figures.points, lang)}
            </span>
            <span className={mergeClasses(styles.delta, s.numeric, tone(figures.deltaPoints))}>
              {t("points.unit", { n: fmtSigned(figures.deltaPoints, lang) })}
            </span>
          </dd>
        </div>
        <div className={styles.cell}>
          <dt className={styles.label}>{t("delta.rate")}</dt>
          <dd className={styles.cell}>
            <span className={mergeClasses(styles.value, s.numeric)}>
              {fmtRate(figures.ratePercent, digits)}
            </span>
            <span className={mergeClasses(styles.delta, s.numeric, tone(figures.deltaRate))}>
              {figures.deltaRate !== null
                ? t("rate.pp", { n: fmtSignedFixed(figures.deltaRate, lang, digits) })
                : "―"}
            </span>
          </dd>
        </div>
        <div className={styles.cell}>
          <dt className={styles.label}>{t("delta.grant")}</dt>
          <dd className={styles.cell}>
            <span className={mergeClasses(styles.value, s.numeric)}>
              {figures.grant !== null ? fmtYen(figures.grant, lang) : "―"}
            </span>
            <span className={mergeClasses(styles.delta, s.numeric, tone(figures.deltaGrant))}>
              {figures.deltaGrant !== null ? fmtSignedYen(figures.deltaGrant, lang) : t("delta.grantMissing")}
            </span>
          </dd>
        </div>
      </dl>
    </div>
  );
}
