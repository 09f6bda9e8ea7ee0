// The pane's views that are not on screen when it opens, each downloaded when first shown: the
// results of a run, what-if, where-to-gain and the form map. The first download then carries only the
// header, the rulebook picker and the buttons. webpackPrefetch lets the browser fetch them (without
// running them) once the pane is up, so a view rarely waits; ViewLoading stands in while one does.
import { Spinner } from "@fluentui/react-components";
import { type ComponentType, lazy, type LazyExoticComponent } from "react";
import { usePane } from "../context";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component's props
function named<M, K extends keyof M>(load: () => Promise<M>, name: K): LazyExoticComponent<M[K] & ComponentType<any>> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return lazy(async () => ({ default: (await load())[name] as M[K] & ComponentType<any> }));
}

// One chunk for the results view (the same webpackChunkName), one per other tab.
export const ScorePanel = named(() => import(/* webpackChunkName: "view-results", webpackPrefetch: true */ "./ScorePanel"), "ScorePanel");
export const GroupTree = named(() => import(/* webpackChunkName: "view-results", webpackPrefetch: true */ "./GroupTree"), "GroupTree");
export const IssueList = named(() => import(/* webpackChunkName: "view-results", webpackPrefetch: true */ "./IssueList"), "IssueList");
export const LostList = named(() => import(/* webpackChunkName: "view-results", webpackPrefetch: true */ "./LostList"), "LostList");
export const PreviousYearPicker = named(
  () => import(/* webpackChunkName: "view-results", webpackPrefetch: true */ "./PreviousYearPicker"),
  "PreviousYearPicker",
);
export const TallyPanel = named(() => import(/* webpackChunkName: "view-results", webpackPrefetch: true */ "./TallyPanel"), "TallyPanel");
export const WhatIf = named(() => import(/* webpackChunkName: "view-whatif", webpackPrefetch: true */ "./WhatIf"), "WhatIf");
export const WhereToGain = named(() => import(/* webpackChunkName: "view-gain", webpackPrefetch: true */ "./WhereToGain"), "WhereToGain");
export const FormMapView = named(() => import(/* webpackChunkName: "view-formmap", webpackPrefetch: true */ "./FormMapView"), "FormMapView");

/** What a view shows while its code downloads. */
export function ViewLoading() {
  const { t } = usePane();
  return <Spinner size="small" labelPosition="after" label={t("view.loading")} />;
}
