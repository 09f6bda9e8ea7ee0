// Trend arrow ↗ ↘ → ― with its meaning for screen readers (the arrow itself is hidden from them).
import { mergeClasses } from "@fluentui/react-components";
import type { Trend as TrendMark } from "../../engine/compare";
import { usePane } from "../context";
import type { MessageKey } from "../i18n";
import { useShared } from "../styles";

const KEYS: Record<TrendMark, MessageKey> = {
  "↗": "trend.up",
  "↘": "trend.down",
  "→": "trend.same",
  "―": "trend.none",
};

export function Trend({ trend, className }: { trend: TrendMark | null; className?: string }) {
  const { t } = usePane();
  const s = useShared();
  if (!trend) return null;
  const tone = trend === "↗" ? s.positive : trend === "↘" ? s.negative : s.muted;
  return (
    <span className={mergeClasses(tone, className)} title={t(KEYS[trend])}>
      <span aria-hidden="true">{trend}</span>
      <span className={s.visuallyHidden}>{t(KEYS[trend])}</span>
    </span>
  );
}
