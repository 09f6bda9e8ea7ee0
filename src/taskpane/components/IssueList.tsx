// Things to check in the answers (errors and warnings; information on request). An issue with a cell
// is a button that selects that cell in the sheet.
import {
  Button,
  Caption1,
  CounterBadge,
  makeStyles,
  mergeClasses,
  Subtitle2,
  Switch,
  tokens,
  useId,
} from "@fluentui/react-components";
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import type { Issue } from "../../engine/types";
import { usePane } from "../context";
import { CellButton } from "./CellButton";
import { issueCounts, visibleIssues } from "../results";
import { useShared } from "../styles";

const PAGE = 30;

const useStyles = makeStyles({
  item: { display: "flex", flexWrap: "wrap", alignItems: "flex-start", columnGap: tokens.spacingHorizontalXS },
  details: { flexBasis: "100%", paddingInlineStart: "24px" },
  icon: { flexShrink: 0, marginBlockStart: "4px" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground3 },
  button: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  text: {
    paddingBlock: "3px",
    paddingInline: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  counts: { display: "flex", columnGap: tokens.spacingHorizontalXS, alignItems: "center" },
});

export function IssueList({
  issues,
  onSelectCell,
}: {
  issues: Issue[];
  onSelectCell: (cell: string) => void;
}) {
  const { t, lt } = usePane();
  const s = useShared();
  const styles = useStyles();
  const headingId = useId("issues-heading");
  const [showInfo, setShowInfo] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const counts = useMemo(() => issueCounts(issues), [issues]);
  const list = useMemo(() => visibleIssues(issues, showInfo), [issues, showInfo]);

  const icon = (sev: Issue["severity"]) => {
    const Icon = sev === "error" ? ErrorCircle16Filled : sev === "warning" ? Warning16Filled : Info16Filled;
    return <Icon aria-hidden="true" className={mergeClasses(styles.icon, styles[sev])} />;
  };
  const sevText = (sev: Issue["severity"]) =>
    t(sev === "error" ? "severity.error" : sev === "warning" ? "severity.warning" : "severity.info");

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <div className={s.headingRow}>
        <Subtitle2 as="h2" id={headingId} className={s.heading}>
          {t("issues.heading")}
        </Subtitle2>
        <span className={styles.counts}>
          {counts.error > 0 && (
            <CounterBadge
              count={counts.error}
              color="danger"
              appearance="filled"
              size="small"
              aria-hidden="true"
            />
          )}
          <Caption1>{t("issues.counts", { errors: counts.error, warnings: counts.warning })}</Caption1>
        </span>
      </div>
      {counts.info > 0 && (
        <Switch
          checked={showInfo}
          onChange={(_, d) => setShowInfo(d.checked)}
          label={t("issues.showInfo", { n: counts.info })}
        />
      )}
      {list.length === 0 ? (
        <Caption1>{t("issues.none")}</Caption1>
      ) : (
        <ul className={s.plainList}>
          {list.slice(0, limit).map((issue, i) => (
            <li key={`${issue.indicatorId ?? ""}-${issue.code}-${i}`} className={styles.item}>
              {icon(issue.severity)}
              {issue.cell ? (
                <CellButton cell={issue.cell} onSelectCell={onSelectCell} className={styles.button}>
                  <span>
                    <span className={s.visuallyHidden}>{sevText(issue.severity)}: </span>
                    {plainMessage(issue, lt)}
                  </span>
                </CellButton>
              ) : (
                <span className={styles.text}>
                  <span className={s.visuallyHidden}>{sevText(issue.severity)}: </span>
                  {plainMessage(issue, lt)}
                </span>
              )}
              {issue.indicatorId && (
                <details className={styles.details}>
                  <summary>
                    <Caption1>{t("details")}</Caption1>
                  </summary>
                  <Caption1 className={s.muted}>{issue.indicatorId}</Caption1>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {list.length > limit && (
        <Button appearance="secondary" size="small" onClick={() => setLimit((l) => l + PAGE)}>
          {t("more", { n: list.length - limit })}
        </Button>
      )}
    </section>
  );
}

/**
 * The message without the indicator's id: the engine names an indicator as 「{id} {name}」
 * (engine.indicator) for the command line; the pane keeps the name and shows the id under 詳細.
 */
function plainMessage(issue: Issue, lt: (t: Issue["message"]) => string): string {
  const text = lt(issue.message);
  return issue.indicatorId ? text.replace(`${issue.indicatorId} `, "") : text;
}
