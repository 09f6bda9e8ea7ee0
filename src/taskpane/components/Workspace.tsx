// The pane's views as tabs: results, what-if and where-to-gain (after a run), and the form map (any time:
// a workbook that is not the standard template needs its answer cells mapped before it can be scored).
import { Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import { lazy, ReactNode, Suspense, useState } from "react";
import type { Rulebook } from "../../rulebooks/schema";
import type { CellChange, RunSummary } from "../../app/pane-api";
import { usePane } from "../context";
import type { GainItem } from "../gain";
import type { GrantForm } from "../grant";
import type { RulebookIndex } from "../../app/rulebook-index";
import type { ScenarioAction, ScenarioState } from "../scenarios";
import { useWhatIf } from "../useWhatIf";
import { PaneTabs, panelId, tabId } from "./PaneTabs";
import type { TallyState } from "./TallyPanel";
import {
  FormMapView,
  GroupTree,
  IssueList,
  LostList,
  PreviousYearPicker,
  ScorePanel,
  TallyPanel,
  ViewLoading,
  WhatIf,
  WhereToGain,
} from "./lazy";

// The reviewer's desk (and the file checks it brings) loads when its tab is first opened.
const ReviewerView = lazy(() => import("../reviewer/ReviewerView").then((m) => ({ default: m.ReviewerView })));

export type TabId = "results" | "whatif" | "gain" | "formmap" | "review";
type ScoredTab = Exclude<TabId, "formmap" | "review">;

const useStyles = makeStyles({
  panel: {
    paddingBlockStart: tokens.spacingVerticalS,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

export interface Scored {
  summary: RunSummary;
  rulebook: Rulebook;
  index: RulebookIndex;
}

interface ScoredProps {
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
  /** A national tally opened as last year's file. */
  tally: TallyState | null;
  onTallyInsurer: (code: string) => void;
  onTallyFigures: (on: boolean) => void;
}

interface Props extends ScoredProps {
  /** The last run, or null before the first one. */
  scored: Scored | null;
  /** The rulebook chosen in the picker (the form map's). */
  rulebookId: string;
  running: boolean;
}

export function Workspace(props: Props) {
  const { scored, rulebookId, running, ...rest } = props;
  const { t, api } = usePane();
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>("results");
  const tabs: { id: TabId; label: string }[] = [
    { id: "results", label: t("tab.results") },
    { id: "whatif", label: t("tab.whatif") },
    { id: "gain", label: t("tab.gain") },
    { id: "formmap", label: t("tab.formmap") },
    ...(api.reviewer ? [{ id: "review" as const, label: t("tab.review") }] : []),
  ];
  let content: ReactNode;
  if (tab === "formmap")
    content = (
      <FormMapView
        key={rulebookId}
        rulebookId={rulebookId}
        busy={rest.busy}
        onSelectCell={rest.onSelectCell}
      />
    );
  else if (tab === "review")
    content = (
      <Suspense fallback={null}>
        <ReviewerView rulebookId={rulebookId} busy={rest.busy} onSelectCell={rest.onSelectCell} insurers={rest.tally?.info.insurers} />
      </Suspense>
    );
  else if (scored) content = <ScoredViews tab={tab} {...scored} {...rest} />;
  else if (running) content = null;
  else if (tab === "results")
    content = (
      <>
        <p>{t("start.hint")}</p>
        <Caption1 as="p">
          {t("tab.formmapHint")}{" "}
          <Link
            as="button"
            onClick={() => {
              setTab("formmap");
              document.getElementById(tabId("saiten", "formmap"))?.focus();
            }}
          >
            {t("tab.formmapOpen")}
          </Link>
        </Caption1>
      </>
    );
  else content = <p>{t("tab.notScored")}</p>;

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
        <Suspense fallback={<ViewLoading />}>{content}</Suspense>
      </div>
    </>
  );
}

/** The views of a run (what-if and where-to-gain share the scenario model). */
function ScoredViews(props: Scored & ScoredProps & { tab: ScoredTab }) {
  const { tab, summary, rulebook, index, scenarios, dispatch, grantForm, onGrantForm, busy } = props;
  const { t } = usePane();
  const model = useWhatIf(rulebook, index, summary, scenarios, grantForm);
  const addGain = (item: GainItem) =>
    dispatch({
      type: "set",
      indicatorId: item.indicatorId,
      text: item.text,
      baseText: model.base[item.indicatorId] ?? "",
      name: (n) => t("scenario.defaultName", { n }),
    });

  if (tab === "whatif")
    return (
      <WhatIf
        index={index}
        summary={summary}
        model={model}
        dispatch={dispatch}
        grantForm={grantForm}
        onGrantForm={onGrantForm}
        onApplied={props.onApplied}
      />
    );
  if (tab === "gain") return <WhereToGain index={index} summary={summary} model={model} onAdd={addGain} />;
  return (
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
      <PreviousYearPicker hasComparison={!!summary.comparison} busy={busy} onFile={props.onPreviousFile} />
      {props.tally && (
        <TallyPanel
          key={props.tally.info.fileName}
          tally={props.tally}
          busy={busy}
          onInsurer={props.onTallyInsurer}
          onFigures={props.onTallyFigures}
        />
      )}
    </>
  );
}
