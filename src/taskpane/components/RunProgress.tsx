// Progress of a scoring run: read → score → write, with the step announced to screen readers.
import { Field, ProgressBar } from "@fluentui/react-components";
import type { RunStep } from "../../app/pane-api";
import { usePane } from "../context";
import { paren } from "../format";
import type { MessageKey } from "../i18n";

const STEPS: RunStep[] = ["read", "score", "write"];
const STEP_KEYS: Record<RunStep, MessageKey> = {
  read: "step.read",
  score: "step.score",
  write: "step.write",
};

export function RunProgress({ step }: { step: RunStep | null }) {
  const { t, lang } = usePane();
  const idx = step ? STEPS.indexOf(step) : 0;
  const text = t(step ? STEP_KEYS[step] : "step.start");
  return (
    <Field
      label={t("progress.label")}
      validationState="none"
      validationMessage={<span role="status">{`${text}${paren(`${idx + 1}/${STEPS.length}`, lang)}`}</span>}
    >
      <ProgressBar value={(idx + 0.5) / STEPS.length} thickness="large" />
    </Field>
  );
}
