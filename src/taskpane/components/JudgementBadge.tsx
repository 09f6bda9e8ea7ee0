// 達成 / 未達成 against last year (or the target), as a tinted badge (text colour meets contrast).
import { Badge } from "@fluentui/react-components";
import type { Judgement } from "../../engine/compare";
import { usePane } from "../context";

export function JudgementBadge({ judgement }: { judgement: Judgement | null }) {
  const { t } = usePane();
  if (!judgement) return null;
  const met = judgement === "達成";
  return (
    <Badge appearance="tint" shape="rounded" size="small" color={met ? "success" : "danger"}>
      {t(met ? "judgement.met" : "judgement.notMet")}
    </Badge>
  );
}
