// A chosen file being read (in a worker): which file, how far, and a button that stops it. The
// button takes the focus, since the button that chose the file is disabled while the read runs.
import { Button, Field, ProgressBar } from "@fluentui/react-components";
import { Dismiss20Regular } from "@fluentui/react-icons";
import { useEffect, useRef } from "react";
import type { ReadProgress } from "../../app/pane-api";
import { usePane } from "../context";
import { fmtNumber } from "../format";
import { useShared } from "../styles";

interface Props {
  fileName: string;
  progress: ReadProgress | null;
  onCancel: () => void;
}

export function FileReadProgress({ fileName, progress, onCancel }: Props) {
  const { t, lang } = usePane();
  const s = useShared();
  const stop = useRef<HTMLButtonElement>(null);
  useEffect(() => stop.current?.focus(), []);
  const text =
    !progress || progress.stage === "open"
      ? t("read.open")
      : progress.stage === "rows"
        ? t("read.rows", { n: fmtNumber(progress.rows, lang) })
        : t("read.score");
  return (
    <div className={s.section}>
      <Field
        label={t("read.label", { file: fileName })}
        validationState="none"
        validationMessage={<span role="status">{text}</span>}
      >
        <ProgressBar thickness="large" />
      </Field>
      <div className={s.actions}>
        <Button ref={stop} icon={<Dismiss20Regular />} onClick={onCancel}>
          {t("read.cancel")}
        </Button>
      </div>
    </div>
  );
}
