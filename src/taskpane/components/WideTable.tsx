// A table a narrow pane scrolls sideways rather than squeezing its columns past their words (a 4-column
// table at 320 px squeezed English headings and names out of their cells): inside a focusable group, so
// the keyboard scrolls it too, named as the table is. Its columns take their content's width; names
// wrap between words, headings never.
import {
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  scroll: {
    overflowX: "auto",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { tableLayout: "auto", width: "100%" },
  heading: { whiteSpace: "nowrap" },
});

/** A column's heading, with a class of its own (figures' alignment); `false` for a column not shown. */
export type Heading = string | { text: string; className?: string } | false;

interface Props {
  /** The table's name: a label, or the id of the heading above it. */
  label?: string;
  labelledBy?: string;
  headings: readonly Heading[];
  size?: "extra-small" | "small" | "medium";
  className?: string;
  /** The body's rows. */
  children: ReactNode;
}

export function WideTable({ label, labelledBy, headings, size = "small", className, children }: Props) {
  const styles = useStyles();
  const name = labelledBy ? { "aria-labelledby": labelledBy } : { "aria-label": label };
  return (
    <div className={mergeClasses(styles.scroll, className)} tabIndex={0} role="group" {...name}>
      <Table size={size} className={styles.table} {...name}>
        <TableHeader>
          <TableRow>
            {headings.map((h, j) =>
              h === false ? null : (
                <TableHeaderCell
                  key={j}
                  className={mergeClasses(styles.heading, typeof h === "string" ? undefined : h.className)}
                >
                  {typeof h === "string" ? h : h.text}
                </TableHeaderCell>
              ),
            )}
          </TableRow>
        </TableHeader>
        <TableBody>{children}</TableBody>
      </Table>
    </div>
  );
}
