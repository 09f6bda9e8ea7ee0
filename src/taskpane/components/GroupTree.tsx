// The group tree: per group points / max and rate, bars for this year, last year and the national
// average, the trend and 達成/未達成. Arrow keys move through the tree; Enter/→ opens a group.
import {
  Caption1,
  makeStyles,
  mergeClasses,
  Subtitle2,
  tokens,
  Tree,
  TreeItem,
  TreeItemLayout,
  useId,
} from "@fluentui/react-components";
import { useMemo } from "react";
import type { Comparison } from "../../engine/compare";
import type { GroupResult } from "../../engine/types";
import { usePane } from "../context";
import { fmtNumber, fmtRate, fmtSigned, paren, fmtSignedFixed } from "../format";
import { MEAN_DIGITS } from "../../numbers/round";
import { groupTitle } from "../../app/rulebook-index";
import { groupRows, GroupRow, initiallyOpen } from "../results";
import { useShared } from "../styles";
import { BAR_COLOURS, GroupBars } from "./GroupBars";
import { JudgementBadge } from "./JudgementBadge";
import { Trend } from "./Trend";

const useStyles = makeStyles({
  main: { whiteSpace: "normal", minWidth: 0, flexGrow: 1, paddingBlock: tokens.spacingVerticalXS },
  layout: { height: "auto", minHeight: "32px", alignItems: "flex-start" },
  top: { display: "flex", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  name: { minWidth: 0, overflowWrap: "anywhere" },
  figs: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  meta: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  legend: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: "2px" },
  legendItem: { display: "inline-flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  swatch: { display: "inline-block", width: "12px", height: "6px", borderRadius: "2px" },
});

function Legend({ previous, national }: { previous: boolean; national: boolean }) {
  const { t } = usePane();
  const styles = useStyles();
  const item = (colour: string, text: string) => (
    <span className={styles.legendItem}>
      <span className={styles.swatch} style={{ backgroundColor: colour }} aria-hidden="true" />
      <Caption1>{text}</Caption1>
    </span>
  );
  return (
    <div className={styles.legend}>
      {item(BAR_COLOURS.current, t("bars.current"))}
      {previous && item(BAR_COLOURS.previous, t("bars.previous"))}
      {national && item(BAR_COLOURS.national, t("bars.national"))}
    </div>
  );
}

function GroupNode({ row, digits }: { row: GroupRow; digits: number }) {
  const { t, lang } = usePane();
  const styles = useStyles();
  const s = useShared();
  const branch = row.children.length > 0;
  return (
    <TreeItem itemType={branch ? "branch" : "leaf"} value={row.id}>
      <TreeItemLayout className={styles.layout} main={{ className: styles.main }}>
        <div className={styles.top}>
          <span className={styles.name}>{groupTitle(row, lang)}</span>
          <span className={styles.figs}>
            {row.max !== null
              ? `${fmtNumber(row.points, lang)}/${fmtNumber(row.max, lang)}`
              : t("points.unit", { n: fmtNumber(row.points, lang) })}
            {row.ratePercent !== null && paren(fmtRate(row.ratePercent, digits), lang)}
          </span>
        </div>
        <GroupBars max={row.max} current={row.points} previous={row.previous} national={row.nationalMean} />
        {(row.previous || row.nationalMean !== null) && (
          <div className={mergeClasses(styles.meta, s.muted)}>
            {row.previous && (
              <Caption1>
                {t("group.previous", { n: fmtNumber(row.previous.points, lang) })}
                {row.changePoints !== null && ` (${fmtSigned(row.changePoints, lang)})`}
                {row.changePoints === null &&
                  row.changeRate !== null &&
                  ` (${t("rate.pp", { n: fmtSignedFixed(row.changeRate, lang, digits) })})`}
              </Caption1>
            )}
            <Trend trend={row.trend} />
            {row.nationalMean !== null && (
              <Caption1>{t("group.national", { n: fmtNumber(row.nationalMean, lang, MEAN_DIGITS) })}</Caption1>
            )}
            <JudgementBadge judgement={row.judgement} />
          </div>
        )}
      </TreeItemLayout>
      {branch && (
        <Tree>
          {row.children.map((c) => (
            <GroupNode key={c.id} row={c} digits={digits} />
          ))}
        </Tree>
      )}
    </TreeItem>
  );
}

export function GroupTree({
  groups,
  comparison,
  digits,
}: {
  groups: GroupResult[];
  comparison?: Comparison;
  digits: number;
}) {
  const { t } = usePane();
  const s = useShared();
  const headingId = useId("groups-heading");
  const rows = useMemo(() => groupRows(groups, comparison), [groups, comparison]);
  const open = useMemo(() => initiallyOpen(rows, 1), [rows]);
  const hasPrevious = useMemo(() => (comparison?.groups.length ?? 0) > 0, [comparison]);
  const hasNational = useMemo(() => {
    const walk = (rs: GroupRow[]): boolean => rs.some((r) => r.nationalMean !== null || walk(r.children));
    return walk(rows);
  }, [rows]);
  if (!rows.length) return null;
  return (
    <section className={s.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={s.heading}>
        {t("groups.heading")}
      </Subtitle2>
      <Legend previous={hasPrevious} national={hasNational} />
      <Tree aria-labelledby={headingId} defaultOpenItems={open} size="small">
        {rows.map((r) => (
          <GroupNode key={r.id} row={r} digits={digits} />
        ))}
      </Tree>
    </section>
  );
}
