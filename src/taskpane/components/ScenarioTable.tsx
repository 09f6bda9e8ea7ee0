// Scenarios side by side: total, Δ against the workbook, rate and estimated grant.
import { Button, makeStyles, TableCell, TableRow, tokens } from "@fluentui/react-components";
import { usePane } from "../context";
import { fmtNumber, fmtRate, fmtSigned, fmtYen } from "../format";
import { useShared } from "../styles";
import { WideTable } from "./WideTable";
import type { Figures } from "../whatif";

const useStyles = makeStyles({
  num: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  current: { backgroundColor: tokens.colorNeutralBackground1Selected },
  name: { minWidth: "6em", wordBreak: "keep-all", overflowWrap: "normal" },
  nameButton: {
    minWidth: 0,
    paddingInline: 0,
    height: "auto",
    justifyContent: "flex-start",
    textAlign: "start",
    fontWeight: tokens.fontWeightRegular,
  },
});

export interface ScenarioRow {
  id: string | null;
  name: string;
  figures: Figures;
}

interface Props {
  base: ScenarioRow;
  rows: ScenarioRow[];
  currentId: string | null;
  digits: number;
  onSelect: (id: string) => void;
}

export function ScenarioTable({ base, rows, currentId, digits, onSelect }: Props) {
  const { t, lang } = usePane();
  const s = useShared();
  const styles = useStyles();
  const showGrant = [base, ...rows].some((r) => r.figures.grant !== null);
  const row = (r: ScenarioRow) => {
    const isCurrent = r.id !== null && r.id === currentId;
    return (
      <TableRow key={r.id ?? "base"} className={isCurrent ? styles.current : undefined}>
        <TableCell className={styles.name}>
          {r.id === null ? (
            r.name
          ) : (
            <Button
              appearance="transparent"
              size="small"
              className={styles.nameButton}
              aria-pressed={isCurrent}
              onClick={() => onSelect(r.id as string)}
            >
              {r.name}
            </Button>
          )}
        </TableCell>
        <TableCell className={styles.num}>{t("points.unit", { n: fmtNumber(r.figures.points, lang) })}</TableCell>
        <TableCell className={styles.num}>
          {r.id === null ? "―" : t("points.unit", { n: fmtSigned(r.figures.deltaPoints, lang) })}
        </TableCell>
        <TableCell className={styles.num}>{fmtRate(r.figures.ratePercent, digits)}</TableCell>
        {showGrant && (
          <TableCell className={styles.num}>
            {r.figures.grant !== null ? fmtYen(r.figures.grant, lang) : "―"}
          </TableCell>
        )}
      </TableRow>
    );
  };
  return (
    <WideTable
      label={t("table.caption")}
      size="extra-small"
      className={s.section}
      headings={[
        t("table.scenario"),
        { text: t("table.total"), className: styles.num },
        { text: t("table.delta"), className: styles.num },
        { text: t("table.rate"), className: styles.num },
        showGrant && { text: t("table.grant"), className: styles.num },
      ]}
    >
      {row(base)}
      {rows.map(row)}
    </WideTable>
  );
}
