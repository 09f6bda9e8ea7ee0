// Last year's file, chosen in the pane: an answer workbook (scored with last year's rulebook) or a
// national tally (MHLW's .xlsx, or the .json of saiten tally import).
import { Button, Caption1 } from "@fluentui/react-components";
import { History20Regular } from "@fluentui/react-icons";
import { useRef } from "react";
import { usePane } from "../context";
import { useShared } from "../styles";

interface Props {
  hasComparison: boolean;
  busy: boolean;
  onFile: (data: ArrayBuffer, fileName: string) => void;
}

export function PreviousYearPicker({ hasComparison, busy, onFile }: Props) {
  const { t } = usePane();
  const s = useShared();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={s.section}>
      {!hasComparison && <Caption1>{t("previous.hint")}</Caption1>}
      <div className={s.actions}>
        <Button icon={<History20Regular />} disabled={busy} onClick={() => input.current?.click()}>
          {t(hasComparison ? "previous.replace" : "previous.choose")}
        </Button>
      </div>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.xlsm,.json"
        hidden
        tabIndex={-1}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) onFile(await file.arrayBuffer(), file.name);
        }}
      />
    </div>
  );
}
