// Indicators that lost points against last year, largest loss first: select the cell, or mark the
// rows in the sheet (and clear the marks).
import {
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  Subtitle2,
  tokens,
  useId,
} from "@fluentui/react-components";
import { Eraser20Regular, Highlight20Regular } from "@fluentui/react-icons";
import { useMemo } from "react";
import type { RunSummary } from "../../app/pane-api";
import { usePane } from "../context";
import { CellButton } from "./CellButton";
import { fmtNumber, fmtSigned, sep } from "../format";
import { answerText, RulebookIndex, titleOf } from "../../app/rulebook-index";
import { lostCells, lostRows } from "../results";
import { useShared } from "../styles";

const useStyles = makeStyles({
  item: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "start",
    paddingBlock: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  plain: { paddingInline: tokens.spacingHorizontalXS },
  change: {
    color: tokens.colorPaletteRedForeground1,
    whiteSpace: "nowrap",
    fontVariantNumeric: "tabular-nums",
  },
  detail: { gridColumn: "1 / span 2", paddingInline: tokens.spacingHorizontalXS },
});

interface Props {
  summary: RunSummary;
  index: RulebookIndex | null;
  busy: boolean;
  onSelectCell: (cell: string) => void;
  onMark: (cells: string[]) => void;
  onClearMarks: () => void;
}

export function LostList({ summary, index, busy, onSelectCell, onMark, onClearMarks }: Props) {
  const { t, lang } = usePane();
  const s = useShared();
  const styles = useStyles();
  const headingId = useId("lost-heading");
  const rows = useMemo(() => lostRows(summary), [summary]);
  const cells = useMemo(() => lostCells(rows), [rows]);
  if (!summary.comparison) return null;

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={s.heading}>
        {t("lost.heading", { n: rows.length })}
      </Subtitle2>
      {rows.length === 0 ? (
        <Caption1>{t("lost.none")}</Caption1>
      ) : (
        <>
          <div className={s.actions}>
            <Button
              icon={<Highlight20Regular />}
              disabled={busy || cells.length === 0}
              onClick={() => onMark(cells)}
            >
              {t("lost.mark")}
            </Button>
            <Button icon={<Eraser20Regular />} disabled={busy} onClick={onClearMarks}>
              {t("lost.clear")}
            </Button>
          </div>
          <ul className={s.plainList}>
            {rows.map((r) => {
              const title = titleOf(index, r.id, lang);
              return (
                <li key={r.id} className={styles.item}>
                  {r.cell ? (
                    <CellButton cell={r.cell} onSelectCell={onSelectCell}>
                      {title}
                    </CellButton>
                  ) : (
                    <span className={styles.plain}>{title}</span>
                  )}
                  <span className={styles.change}>{t("points.unit", { n: fmtSigned(r.change, lang) })}</span>
                  <Caption1 className={mergeClasses(styles.detail, s.muted)}>
                    {t("lost.detail", {
                      before: fmtNumber(r.previousPoints, lang),
                      after: fmtNumber(r.currentPoints, lang),
                    })}
                    {r.answerChanged &&
                      `${sep(lang)}${t("lost.answer", {
                        before: answerText(index?.byId.get(r.id), r.previousAnswer, lang),
                        after: answerText(index?.byId.get(r.id), r.currentAnswer, lang),
                      })}`}
                  </Caption1>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
