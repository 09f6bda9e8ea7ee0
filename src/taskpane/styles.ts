// Styles shared by several components.
import { makeStyles, tokens } from "@fluentui/react-components";

export const useShared = makeStyles({
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0, 0, 0, 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    marginBlockStart: tokens.spacingVerticalL,
  },
  heading: {
    margin: 0,
  },
  headingRow: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  plainList: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
  /** A row of a list of indicators: the name (wrapping anywhere), then what can be done with it. */
  listRow: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    columnGap: tokens.spacingHorizontalS,
    rowGap: "2px",
    alignItems: "center",
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  rowName: { overflowWrap: "anywhere" },
  /** Figures never wrap inside (「178,214,400円」 stays on one line). */
  numeric: {
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
  },
  /** A sentence of figures: tabular digits, wrapping between words like any sentence in a narrow pane. */
  figures: {
    fontVariantNumeric: "tabular-nums",
  },
  positive: {
    color: tokens.colorPaletteGreenForeground1,
  },
  negative: {
    color: tokens.colorPaletteRedForeground1,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
});
