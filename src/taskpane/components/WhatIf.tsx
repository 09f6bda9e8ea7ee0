// What-if: change answers in the pane (never in the sheet), see Δ points / rate / grant at once, keep
// named scenarios side by side, and apply one to the workbook only after confirming the cell list.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  makeStyles,
  Subtitle2,
  tokens,
  useId,
} from "@fluentui/react-components";
import { ArrowUndo20Regular, DocumentArrowLeft20Regular } from "@fluentui/react-icons";
import { useCallback, useRef, useState } from "react";
import type { CellChange, RunSummary } from "../../app/pane-api";
import { usePane } from "../context";
import { errorText } from "../errors";
import type { GrantForm } from "../grant";
import type { RulebookIndex } from "../../app/rulebook-index";
import type { ScenarioAction } from "../scenarios";
import { useShared } from "../styles";
import type { WhatIfModel } from "../useWhatIf";
import { AnswerEditors } from "./AnswerEditors";
import { ApplyDialog } from "./ApplyDialog";
import { DeltaSummary } from "./DeltaSummary";
import { GrantInputs } from "./GrantInputs";
import { ScenarioBar } from "./ScenarioBar";
import { ScenarioTable } from "./ScenarioTable";

const useStyles = makeStyles({
  sticky: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    paddingBlock: tokens.spacingVerticalXS,
  },
});

interface DialogState {
  open: boolean;
  changes: CellChange[] | null;
  busy: boolean;
  error: string | null;
}
const CLOSED: DialogState = { open: false, changes: null, busy: false, error: null };

interface Props {
  index: RulebookIndex;
  summary: RunSummary;
  model: WhatIfModel;
  dispatch: (a: ScenarioAction) => void;
  grantForm: GrantForm;
  onGrantForm: (f: GrantForm) => void;
  onApplied: (changes: CellChange[]) => void;
}

export function WhatIf({ index, summary, model, dispatch, grantForm, onGrantForm, onApplied }: Props) {
  const { t, api, lang } = usePane();
  const s = useShared();
  const styles = useStyles();
  const headingId = useId("whatif-heading");
  const [dialog, setDialog] = useState<DialogState>(CLOSED);
  /** Focus returns to the button that opened the dialog when it is cancelled (WAI-ARIA dialog pattern). */
  const applyButton = useRef<HTMLButtonElement>(null);
  /** Which opening of the dialog a preview belongs to: one that arrives after a cancel is dropped. */
  const opening = useRef(0);
  const cancelDialog = () => {
    opening.current++;
    setDialog(CLOSED);
    setTimeout(() => applyButton.current?.focus(), 0);
  };
  const rulebookId = summary.result.rulebook.id;
  const changeCount = Object.keys(model.changes).length;
  const defaultName = useCallback((n: number) => t("scenario.defaultName", { n }), [t]);

  const onChange = useCallback(
    (id: string, text: string | null) =>
      dispatch({ type: "set", indicatorId: id, text, baseText: model.base[id] ?? "", name: defaultName }),
    [dispatch, model.base, defaultName],
  );

  const startApply = async () => {
    const mine = ++opening.current;
    setDialog({ open: true, changes: null, busy: false, error: null });
    try {
      const changes = await api.previewScenario(rulebookId, model.changes);
      // Cancelled while the cells were being looked up: the dialog must not open again.
      if (opening.current === mine) setDialog({ open: true, changes, busy: false, error: null });
    } catch (e) {
      if (opening.current === mine) setDialog({ open: true, changes: null, busy: false, error: errorText(e, lang) });
    }
  };
  const confirm = async () => {
    setDialog((d) => ({ ...d, busy: true, error: null }));
    try {
      const applied = await api.applyScenario(rulebookId, model.changes);
      setDialog(CLOSED);
      onApplied(applied);
    } catch (e) {
      setDialog((d) => ({ ...d, busy: false, error: errorText(e, lang) }));
    }
  };

  const scenarioName = model.current?.name || t("scenario.unnamed");
  return (
    <section aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={s.heading}>
        {t("whatif.heading")}
      </Subtitle2>
      <ScenarioBar
        scenarios={model.all.map((x) => x.scenario)}
        current={model.current}
        onSelect={(id) => dispatch({ type: "select", id })}
        onAdd={(copy) => dispatch({ type: "add", name: defaultName, copyCurrent: copy })}
        onRename={(id, name) => dispatch({ type: "rename", id, name })}
        onRemove={(id) => dispatch({ type: "remove", id })}
      />
      <div className={styles.sticky}>
        <DeltaSummary figures={model.figures} digits={model.baseline.digits} />
      </div>
      <div className={s.actions} style={{ marginBlockStart: tokens.spacingVerticalS }}>
        <Button
          ref={applyButton}
          appearance="primary"
          icon={<DocumentArrowLeft20Regular />}
          disabled={changeCount === 0}
          onClick={startApply}
        >
          {t("whatif.apply", { n: changeCount })}
        </Button>
        <Button
          icon={<ArrowUndo20Regular />}
          disabled={changeCount === 0 || !model.current}
          onClick={() => model.current && dispatch({ type: "clearChanges", id: model.current.id })}
        >
          {t("whatif.clear")}
        </Button>
      </div>
      {model.all.length > 0 && (
        <ScenarioTable
          base={{ id: null, name: t("table.workbook"), figures: model.baseFigures }}
          rows={model.all.map((x) => ({
            id: x.scenario.id,
            name: x.scenario.name || t("scenario.unnamed"),
            figures: x.figures,
          }))}
          currentId={model.current?.id ?? null}
          digits={model.baseline.digits}
          onSelect={(id) => dispatch({ type: "select", id })}
        />
      )}
      <Accordion collapsible defaultOpenItems={[]} className={s.section}>
        <AccordionItem value="grant">
          <AccordionHeader as="h3" size="small">
            {t("grant.heading")}
          </AccordionHeader>
          <AccordionPanel>
            <GrantInputs form={grantForm} onChange={onGrantForm} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <AnswerEditors
        index={index}
        base={model.base}
        changes={model.changes}
        basePoints={model.basePoints}
        points={model.points}
        onChange={onChange}
        previousValues={summary.context.previousValues}
      />
      {dialog.open && (
        <ApplyDialog
          open={dialog.open}
          scenarioName={scenarioName}
          changes={dialog.changes}
          index={index}
          busy={dialog.busy}
          error={dialog.error}
          onConfirm={confirm}
          onCancel={cancelDialog}
        />
      )}
    </section>
  );
}
