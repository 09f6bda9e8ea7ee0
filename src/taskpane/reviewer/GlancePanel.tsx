// The prefecture at a glance, after a batch: the mean rate against last year's (達成/未達成 against
// 前年度以上), the municipalities below the national "mean rate − 2 SD" line, per indicator the
// prefecture's share against the nation's, and each municipality's rank (nationally where a loaded
// national tally gives one).
import {
  Button,
  Caption1,
  makeStyles,
  Subtitle2,
  TableCell,
  TableRow,
  useId,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { prefectureGlance, type RankedEntity } from "../../app/review/glance";
import { SummaryWords } from "../../app/review/summary-words";
import type { TallyInsurer } from "../../app/pane-api";
import { JudgementBadge } from "../components/JudgementBadge";
import { usePane } from "../context";
import { fmtNumber, fmtRate, fmtShare, fmtSignedFixed } from "../format";
import { useShared } from "../styles";
import { WideTable } from "../components/WideTable";
import type { BatchResult } from "./BatchPanel";

const PAGE = 30;

const useStyles = makeStyles({
  name: { minWidth: "8em" },
});

export function GlancePanel({
  result,
  insurers,
}: {
  result: BatchResult;
  insurers?: readonly TallyInsurer[];
}) {
  const { t, lang } = usePane();
  const s = useShared();
  const styles = useStyles();
  const headingId = useId("glance-heading");
  const indId = useId("glance-indicators");
  const rowsId = useId("glance-rows");
  const [limit, setLimit] = useState(PAGE);
  const ranks = useMemo<RankedEntity[]>(
    () =>
      (insurers ?? []).flatMap((i) =>
        i.rank ? [{ code: i.code, name: i.name, rank: i.rank.rank, of: i.rank.of }] : [],
      ),
    [insurers],
  );
  const g = useMemo(() => prefectureGlance(result.summary, result.rulebook, ranks), [result, ranks]);
  // The summary names indicators in Japanese; in English the rulebook's English names.
  const words = useMemo(() => new SummaryWords({ lang, rulebook: result.rulebook }), [lang, result.rulebook]);
  const digits = result.summary.rulebook.rateDigits ?? 1;
  const anyNational = g.rows.some((r) => r.nationalRank);
  return (
    <section className={s.section} aria-labelledby={headingId} data-testid="glance">
      <Subtitle2 as="h2" id={headingId} className={s.heading}>
        {t("glance.heading")}
      </Subtitle2>
      <p className={s.figures}>
        {t("glance.mean", { rate: fmtRate(g.mean.ratePercent, digits), n: g.mean.n })}
        {g.mean.previousRatePercent !== null ? (
          <>
            {"　"}
            {t("glance.meanPrevious", {
              rate: fmtRate(g.mean.previousRatePercent, digits),
              n: g.mean.nPrevious,
              change: g.mean.change !== null ? fmtSignedFixed(g.mean.change, lang, digits) : "―",
            })}{" "}
            <JudgementBadge judgement={g.mean.judgement} />
          </>
        ) : (
          <Caption1 as="span"> {t("glance.noPrevious")}</Caption1>
        )}
      </p>
      <p>
        {g.line
          ? t("glance.line", {
              rate: fmtRate(g.line.ratePercent, digits),
              points: fmtNumber(g.line.points, lang, 1),
              n: g.below,
            })
          : t("glance.noLine")}
      </p>
      <Subtitle2 as="h3" id={indId} className={s.heading}>
        {t("glance.indicators")}
      </Subtitle2>
      <WideTable
        labelledBy={indId}
        headings={[t("glance.indicator"), t("glance.share"), t("glance.national"), t("glance.difference")]}
      >
        {g.indicators.slice(0, limit).map((i) => (
          <TableRow key={i.id}>
            <TableCell className={styles.name}>{words.name(i.id, i.name)}</TableCell>
            <TableCell className={s.numeric}>{fmtShare(i.rate)}</TableCell>
            <TableCell className={s.numeric}>
              {i.nationalRate !== undefined ? fmtShare(i.nationalRate) : "―"}
            </TableCell>
            <TableCell className={s.numeric}>
              {i.difference !== undefined ? t("rate.pp", { n: fmtSignedFixed(i.difference, lang, 1) }) : "―"}
            </TableCell>
          </TableRow>
        ))}
      </WideTable>
      <Subtitle2 as="h3" id={rowsId} className={s.heading}>
        {t("glance.municipalities")}
      </Subtitle2>
      <WideTable
        labelledBy={rowsId}
        headings={[
          t("glance.name"),
          t("glance.rate"),
          t("glance.rank"),
          anyNational && t("glance.nationalRank"),
        ]}
      >
        {[...g.rows]
          .sort((a, b) => a.rank - b.rank)
          .slice(0, limit)
          .map((r) => (
            <TableRow key={r.file}>
              <TableCell className={styles.name}>
                {r.name}
                {r.belowLine && <strong> {t("glance.below")}</strong>}
              </TableCell>
              <TableCell className={s.numeric}>{fmtRate(r.ratePercent, digits)}</TableCell>
              <TableCell className={s.numeric}>{t("glance.rankOf", { rank: r.rank, of: r.of })}</TableCell>
              {anyNational && (
                <TableCell className={s.numeric}>
                  {r.nationalRank
                    ? t("glance.rankOf", { rank: r.nationalRank.rank, of: r.nationalRank.of })
                    : "―"}
                </TableCell>
              )}
            </TableRow>
          ))}
      </WideTable>
      {(g.rows.length > limit || g.indicators.length > limit) && (
        <Button appearance="secondary" size="small" onClick={() => setLimit((l) => l + PAGE)}>
          {t("more", { n: Math.max(g.rows.length, g.indicators.length) - limit })}
        </Button>
      )}
    </section>
  );
}
