// Three thin bars for one group: this year, last year and the national average, each against the
// group's maximum. Decorative: the same figures are in the text beside them.
import { makeStyles, tokens } from "@fluentui/react-components";
import { barPercent } from "../format";

export const BAR_COLOURS = {
  current: tokens.colorBrandBackground,
  previous: tokens.colorNeutralForeground3,
  national: tokens.colorPaletteMarigoldBorderActive,
};

const useStyles = makeStyles({
  bars: { display: "flex", flexDirection: "column", rowGap: "2px", width: "100%", marginBlock: "2px" },
  track: {
    height: "5px",
    width: "100%",
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground4,
    overflow: "hidden",
  },
  fill: { height: "100%", borderRadius: tokens.borderRadiusSmall },
});

interface Props {
  max: number | null;
  current: number;
  previous?: { points: number; max: number | null } | null;
  national?: number | null;
}

export function GroupBars({ max, current, previous, national }: Props) {
  const styles = useStyles();
  const cur = barPercent(current, max);
  if (cur === null) return null;
  const prev = previous ? barPercent(previous.points, previous.max ?? max) : null;
  const nat = national !== null && national !== undefined ? barPercent(national, max) : null;
  const bar = (pct: number, colour: string) => (
    <div className={styles.track}>
      <div className={styles.fill} style={{ width: `${pct}%`, backgroundColor: colour }} />
    </div>
  );
  return (
    <div className={styles.bars} aria-hidden="true">
      {bar(cur, BAR_COLOURS.current)}
      {prev !== null && bar(prev, BAR_COLOURS.previous)}
      {nat !== null && bar(nat, BAR_COLOURS.national)}
    </div>
  );
}
