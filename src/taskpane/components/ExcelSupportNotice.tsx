// Inside an Excel older than Office 2021: what the pane cannot do there, and that the rest works.
import { useState } from "react";
import type { ExcelSupport, OptionalFeature } from "../../app/pane-api";
import { usePane } from "../context";
import type { MessageKey } from "../i18n";
import { Notice } from "./Notice";

const LOSS: Record<OptionalFeature, MessageKey> = {
  answerDropdowns: "compat.answerDropdowns",
  mergedCellCheck: "compat.mergedCellCheck",
};

export function ExcelSupportNotice({ support }: { support: ExcelSupport }) {
  const { t } = usePane();
  const [shown, setShown] = useState(true);
  if (!shown || support.missing.length === 0) return null;
  return (
    <Notice
      intent="warning"
      title={t("compat.title")}
      dismissLabel={t("dismiss")}
      onDismiss={() => setShown(false)}
    >
      <ul style={{ margin: "0.25em 0", paddingInlineStart: "1.25em" }}>
        {support.missing.map((f) => (
          <li key={f}>{t(LOSS[f])}</li>
        ))}
      </ul>
      {t("compat.rest")}
    </Notice>
  );
}
