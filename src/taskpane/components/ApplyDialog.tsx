// Before anything is written: exactly which answer cells change (cell, indicator, before → after), in a
// table that scrolls (and takes the keyboard) where it is long or wide. Only 「反映する」 writes.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  TableCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import type { CellChange } from "../../app/pane-api";
import { usePane } from "../context";
import { answerText, RulebookIndex, titleOf } from "../../app/rulebook-index";
import { WideTable } from "./WideTable";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  scroll: { maxHeight: "50vh", overflowY: "auto" },
  cell: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  arrow: { overflowWrap: "anywhere" },
});

interface Props {
  open: boolean;
  scenarioName: string;
  changes: CellChange[] | null;
  index: RulebookIndex;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ApplyDialog({ open, scenarioName, changes, index, busy, error, onConfirm, onCancel }: Props) {
  const { t, lang } = usePane();
  const styles = useStyles();
  return (
    <Dialog
      open={open}
      modalType="alert"
      inertTrapFocus
      onOpenChange={(_, d) => !d.open && !busy && onCancel()}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("apply.title", { name: scenarioName })}</DialogTitle>
          <DialogContent className={styles.content}>
            {changes === null ? (
              error ? null : (
                <Spinner size="small" label={t("apply.previewing")} />
              )
            ) : changes.length === 0 ? (
              <p>{t("apply.nothing")}</p>
            ) : (
              <>
                <p>{t("apply.intro", { n: changes.length })}</p>
                <WideTable
                  label={t("apply.tableCaption")}
                  headings={[t("apply.cell"), t("apply.indicator"), t("apply.change")]}
                  size="extra-small"
                  className={styles.scroll}
                >
                  {changes.map((c) => (
                    <TableRow key={`${c.cell}-${c.indicatorId}`}>
                      <TableCell className={styles.cell}>{c.cell}</TableCell>
                      <TableCell>{titleOf(index, c.indicatorId, lang)}</TableCell>
                      <TableCell className={styles.arrow}>
                        {answerText(index.byId.get(c.indicatorId), c.before, lang)} →{" "}
                        {answerText(index.byId.get(c.indicatorId), c.after, lang)}
                      </TableCell>
                    </TableRow>
                  ))}
                </WideTable>
              </>
            )}
            {error && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel} disabled={busy}>
              {t("apply.cancel")}
            </Button>
            <Button
              appearance="primary"
              onClick={onConfirm}
              disabled={busy || !changes || changes.length === 0}
              icon={busy && changes ? <Spinner size="tiny" /> : undefined}
            >
              {t("apply.confirm")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
