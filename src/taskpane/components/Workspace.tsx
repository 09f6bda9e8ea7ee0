// After a run: results, what-if and where-to-gain, as tabs.
import { makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Rulebook } from "../../rulebooks/schema";
import type { CellChange, RunSummary } from "../api";
import { usePane } from "../context";
import type { GainItem } from "../gain";
import type { GrantForm } from "../grant";
import type { RulebookIndex } from "../model";
import type { ScenarioAction, ScenarioState } from "../scenarios";
import { useWhatIf } from "../useWhatIf";
import { GroupTree } from "./GroupTree";
import { IssueList } from "./IssueList";
import { LostList } from "./LostList";
import { PaneTabs, panelId, tabId } from "./PaneTabs";
import { PreviousYearPicker } from "./PreviousYearPicker";
import { ScorePanel } from "./ScorePanel";
import { WhatIf } from "./WhatIf";
import { WhereToGain } from "./WhereToGain";

export type TabId = "results" | "whatif" | "gain";

const useStyles = makeStyles({
  panel: {
    paddingBlockStart: tokens.spacingVerticalS,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

interface Props {
  summary: RunSummary;
  rulebook: Rulebook;
  index: RulebookIndex;
  scenarios: ScenarioState;
  dispatch: (a: ScenarioAction) => void;
  grantForm: GrantForm;
  onGrantForm: (f: GrantForm) => void;
  busy: boolean;
  onSelectCell: (cell: string) => void;
  onMark: (cells: string[]) => void;
  onClearMarks: () => void;
  onApplied: (changes: CellChange[]) => void;
  onPreviousFile: (data: ArrayBuffer, fileName: string) => void;
}

export function Workspace(props: Props) {
  const { summary, rulebook, index, scenarios, dispatch, grantForm, onGrantForm, busy } = props;
  const { t } = usePane();
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>("results");
  const model = useWhatIf(rulebook, index, summary, scenarios, grantForm);
  const tabs: { id: TabId; label: string }[] = [
    { id: "results", label: t("tab.results") },
    { id: "whatif", label: t("tab.whatif") },
    { id: "gain", label: t("tab.gain") },
  ];
  const addGain = (item: GainItem) =>
    dispatch({
      type: "set",
      indicatorId: item.indicatorId,
      text: item.text,
      baseText: model.base[item.indicatorId] ?? "",
      name: (n) => t("scenario.defaultName", { n }),
    });

  return (
    <>
      <PaneTabs idPrefix="saiten" label={t("tab.label")} tabs={tabs} selected={tab} onSelect={setTab} />
      <div
        role="tabpanel"
        id={panelId("saiten", tab)}
        aria-labelledby={tabId("saiten", tab)}
        tabIndex={0}
        className={styles.panel}
      >
        {tab === "results" && (
          <>
            <ScorePanel summary={summary} />
            <GroupTree
              groups={summary.result.groups}
              comparison={summary.comparison}
              digits={summary.result.rateDigits}
            />
            <IssueList issues={summary.result.issues} onSelectCell={props.onSelectCell} />
            <LostList
              summary={summary}
              index={index}
              busy={busy}
              onSelectCell={props.onSelectCell}
              onMark={props.onMark}
              onClearMarks={props.onClearMarks}
            />
            <PreviousYearPicker
              hasComparison={!!summary.comparison}
              busy={busy}
              onFile={props.onPreviousFile}
            />
          </>
        )}
        {tab === "whatif" && (
          <WhatIf
            index={index}
            summary={summary}
            model={model}
            dispatch={dispatch}
            grantForm={grantForm}
            onGrantForm={onGrantForm}
            onApplied={props.onApplied}
          />
        )}
        {tab === "gain" && (
          <WhereToGain rulebook={rulebook} index={index} summary={summary} model={model} onAdd={addGain} />
        )}
      </div>
    </>
  );
}
