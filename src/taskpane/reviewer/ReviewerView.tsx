// The 審査 / Review tab: the prefectural reviewer's desk. Checks the open workbook without writing to
// it, reviews many submitted workbooks on Web Workers, and shows the prefecture at a glance.
import { useMemo, useState } from "react";
import type { TallyInsurer } from "../../app/pane-api";
import { usePane } from "../context";
import { type BatchResult, BatchPanel } from "./BatchPanel";
import { CheckPanel } from "./CheckPanel";
import { GlancePanel } from "./GlancePanel";

interface Props {
  rulebookId: string;
  busy: boolean;
  onSelectCell: (cell: string) => void;
  /** A national tally opened in the pane: its national ranks. */
  insurers?: readonly TallyInsurer[];
}

export function ReviewerView({ rulebookId, busy, onSelectCell, insurers }: Props) {
  const { api } = usePane();
  const reviewer = useMemo(() => api.reviewer?.(), [api]);
  const [working, setWorking] = useState(false);
  const [result, setResult] = useState<BatchResult | null>(null);
  if (!reviewer) return null;
  const disabled = busy || working;
  return (
    <>
      <CheckPanel reviewer={reviewer} rulebookId={rulebookId} busy={disabled} onBusy={setWorking} onSelectCell={onSelectCell} />
      <BatchPanel
        reviewer={reviewer}
        rulebookId={rulebookId}
        busy={disabled}
        onBusy={setWorking}
        onResult={setResult}
        result={result}
      />
      {result && <GlancePanel result={result} insurers={insurers} />}
    </>
  );
}
