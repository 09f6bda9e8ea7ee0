// The total: points / max and the rate, last year with trend and 達成/未達成, the national average,
// and what the run wrote (with the cells it left alone).
import {
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  mergeClasses,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import type { RunSummary } from "../../app/pane-api";
import { render } from "../../messages";
import { conflictReason } from "../../workbook/template";
import { usePane } from "../context";
import { fiscalYearLabel, fmtNumber, fmtRate, fmtSigned, paren, sep, fmtSignedFixed } from "../format";
import { MEAN_DIGITS } from "../../numbers/round";
import type { Lang, MessageKey } from "../i18n";
import { useShared } from "../styles";
import { JudgementBadge } from "./JudgementBadge";
import { Trend } from "./Trend";

const useStyles = makeStyles({
  figures: {
    display: "flex",
    alignItems: "baseline",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
  },
  points: {
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightSemibold,
  },
  max: { fontSize: tokens.fontSizeBase400 },
  rate: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  line: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  dl: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: "2px",
  },
  dd: {
    margin: 0,
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  dt: { color: tokens.colorNeutralForeground3 },
});

const PREVIOUS_SOURCE: Record<NonNullable<RunSummary["previousSource"]>, MessageKey> = {
  history: "previous.history",
  column: "previous.column",
  file: "previous.file",
  tally: "previous.tally",
};

export function ScorePanel({ summary }: { summary: RunSummary }) {
  const { t, lang } = usePane();
  const s = useShared();
  const styles = useStyles();
  const { total, rateDigits } = summary.result;
  const line = summary.comparison?.total;
  const nationalMean = total.benchmark?.mean;

  return (
    <section className={s.section} aria-labelledby="saiten-total-heading">
      <Subtitle2 as="h2" id="saiten-total-heading" className={s.heading}>
        {t("total.heading")}
      </Subtitle2>
      <div className={styles.figures}>
        <span>
          <span className={mergeClasses(styles.points, s.numeric)}>{fmtNumber(total.points, lang)}</span>
          <span className={styles.max}>
            {total.max !== null
              ? ` / ${t("points.unit", { n: fmtNumber(total.max, lang) })}`
              : t("points.unitOnly")}
          </span>
        </span>
        <span className={styles.rate}>
          <span className={s.visuallyHidden}>{t("total.rate")} </span>
          {fmtRate(total.ratePercent, rateDigits)}
        </span>
      </div>
      <dl className={styles.dl}>
        {line?.previous && (
          <>
            <dt className={styles.dt}>{t("total.previous")}</dt>
            <dd className={styles.dd}>
              <span className={s.numeric}>
                {t("points.unit", { n: fmtNumber(line.previous.points, lang) })}
                {paren(fmtRate(line.previous.ratePercent, rateDigits), lang)}
              </span>
              <Trend trend={line.trend} />
              {line.changePoints !== null ? (
                <span className={s.numeric}>
                  {t("points.unit", { n: fmtSigned(line.changePoints, lang) })}
                </span>
              ) : line.changeRate !== null ? (
                <span className={s.numeric}>
                  {t("rate.pp", { n: fmtSignedFixed(line.changeRate, lang, rateDigits) })}
                </span>
              ) : null}
              <JudgementBadge judgement={line.judgement} />
            </dd>
          </>
        )}
        {nationalMean !== undefined && (
          <>
            <dt className={styles.dt}>{t("total.national")}</dt>
            <dd className={styles.dd}>
              <span className={s.numeric}>{t("points.unit", { n: fmtNumber(nationalMean, lang, MEAN_DIGITS) })}</span>
            </dd>
          </>
        )}
      </dl>
      <Caption1 className={s.muted}>
        {[
          t(summary.source === "template" ? "source.template" : "source.names"),
          summary.previousSource ? previousText(summary, t(PREVIOUS_SOURCE[summary.previousSource]), lang) : t("previous.none"),
          t("written", { n: summary.written }),
        ].join(sep(lang))}
      </Caption1>
      {summary.conflicts.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("conflicts.title", { n: summary.conflicts.length })}</MessageBarTitle>
            <ul className={s.plainList}>
              {summary.conflicts.slice(0, 10).map((c) => (
                <li key={c.cell}>
                  {c.cell}: {render(conflictReason(c.reason), lang)}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

/** 「前年度: 指定したブック（令和7年度・R7.xlsx）」: which year and which file last year is. */
function previousText(summary: RunSummary, source: string, lang: Lang): string {
  const year =
    summary.previousSource !== "column" && summary.comparison
      ? fiscalYearLabel(summary.comparison.previousRulebook.fiscalYear, lang)
      : null;
  const what = [year, summary.previousFile].filter(Boolean).join(lang === "ja" ? "・" : ", ");
  return what ? `${source}${paren(what, lang)}` : source;
}
