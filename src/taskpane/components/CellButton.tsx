// What the pane names by its cell (an issue, an indicator that lost points, a figure a workbook
// reports) as a button that selects that cell in the sheet: one look, and one description of what
// pressing it does ("回答!E12 を選択"), wherever it appears.
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { usePane } from "../context";

const useStyles = makeStyles({
  button: {
    justifyContent: "flex-start",
    textAlign: "start",
    fontWeight: tokens.fontWeightRegular,
    minWidth: 0,
    height: "auto",
    paddingInline: tokens.spacingHorizontalXS,
  },
});

export function CellButton({
  cell,
  onSelectCell,
  className,
  children,
}: {
  cell: string;
  onSelectCell: (cell: string) => void;
  className?: string;
  children: ReactNode;
}) {
  const { t } = usePane();
  const styles = useStyles();
  return (
    <Button
      appearance="subtle"
      size="small"
      className={mergeClasses(styles.button, className)}
      onClick={() => onSelectCell(cell)}
      title={t("issues.select", { cell })}
    >
      {children}
    </Button>
  );
}
