// What the workbook says it is (the rulebook its answer sheet or history records), under the picker.
import { Caption1 } from "@fluentui/react-components";
import type { RecordedRulebook } from "../../app/pane-api";
import { usePane } from "../context";
import { withYear } from "../format";

export function RecordedNote({ recorded, chosenId }: { recorded: RecordedRulebook | null; chosenId?: string }) {
  const { t, lt, lang } = usePane();
  if (!recorded) return null;
  const info = recorded.info;
  if (!info) return <Caption1 role="note">{t("recorded.unknown", { id: recorded.id })}</Caption1>;
  const title = withYear(lt(info.title), info.fiscalYear, lang);
  return (
    <Caption1 role="note">{t(info.id === chosenId ? "recorded.chosen" : "recorded.other", { title })}</Caption1>
  );
}
