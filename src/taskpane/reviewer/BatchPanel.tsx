// The reviewer batch from the pane: many submitted workbooks (chosen one by one, or a folder where the
// platform allows) read and scored on Web Workers, with progress, the time left and cancel; the files
// that could not be read listed with the CLI's reasons; the summary written through Office.js.
import { Button, Caption1, makeStyles, Subtitle2, useId } from "@fluentui/react-components";
import { Dismiss20Regular, DocumentMultiple20Regular, FolderOpen20Regular, TableArrowUp20Regular } from "@fluentui/react-icons";
import { useEffect, useRef, useState } from "react";
import type { ReviewerApi } from "../../app/check-run";
import { folderSelection, type JobFile, type JobProgress, type ReviewJob, startReviewJob } from "../../app/review-job";
import { WORKBOOK_EXTENSIONS } from "../../app/review/file-kinds";
import type { ReviewRecord } from "../../app/review/types";
import type { SummaryView } from "../../app/review-collector";
import type { Rulebook } from "../../rulebooks/schema";
import { usePane } from "../context";
import { errorText } from "../errors";
import { sheetList } from "../format";
import type { PreparedWorkers, SummaryWorker } from "./workers";
import { useShared } from "../styles";

const useStyles = makeStyles({ bar: { width: "100%", height: "8px" } });

export interface BatchResult {
  summary: SummaryView;
  rulebook: Rulebook;
  /** The worker that holds the records and builds the report. */
  source: SummaryWorker;
}

interface Props {
  reviewer: ReviewerApi;
  rulebookId: string;
  busy: boolean;
  onBusy: (busy: boolean) => void;
  onResult: (result: BatchResult | null) => void;
  result: BatchResult | null;
}

type Phase = { kind: "idle" } | { kind: "running"; progress: JobProgress | null; total: number } | { kind: "cancelled"; done: number; total: number };

/** The browser offers folder choice (webkitdirectory) here. */
const folderSupported = typeof HTMLInputElement !== "undefined" && "webkitdirectory" in HTMLInputElement.prototype;

const PROGRESS_MS = 1000;

/**
 * A chosen file for the job. Its size is asked for only when its turn comes: for a file on disk the
 * browser looks the size up synchronously, which for 1,741 files at once would hold the pane for seconds.
 */
function asJobFile(f: File, name: string): JobFile {
  return {
    name,
    get size() {
      return f.size;
    },
    read: () => f.arrayBuffer(),
  };
}

export function BatchPanel({ reviewer, rulebookId, busy, onBusy, onResult, result }: Props) {
  const { api, t, lt, lang } = usePane();
  const s = useShared();
  const styles = useStyles();
  const headingId = useId("batch-heading");
  const failuresId = useId("batch-failures");
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const job = useRef<ReviewJob | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [subfolders, setSubfolders] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [written, setWritten] = useState<string | null>(null);
  // Workers started as the file dialog opens, taken by the job the choice starts.
  const prepared = useRef<PreparedWorkers | null>(null);
  useEffect(
    () => () => {
      job.current?.cancel();
      prepared.current?.release();
    },
    [],
  );

  const choose = (input: HTMLInputElement | null) => {
    input?.click();
    void import("./workers").then(({ PreparedWorkers }) => {
      (prepared.current ??= new PreparedWorkers()).prepare();
    });
  };

  // The folder input's attribute is not in React's types.
  useEffect(() => {
    folderInput.current?.setAttribute("webkitdirectory", "");
  }, []);

  const start = async (chosen: File[], fromFolder: boolean) => {
    if (!chosen.length) return;
    setError(null);
    setWritten(null);
    onResult(null);
    let rulebook: Rulebook;
    try {
      rulebook = api.rulebook(rulebookId);
    } catch (e) {
      setError(errorText(e, lang));
      return;
    }
    const named = chosen.map((f) => ({ file: f, name: fromFolder && f.webkitRelativePath ? f.webkitRelativePath : f.name }));
    const picked = fromFolder ? folderSelection(named) : { read: named, refused: [] as ReviewRecord[], subfolders: 0 };
    setSubfolders(picked.subfolders);
    const files = picked.read.map((x) => asJobFile(x.file, x.name));
    onBusy(true);
    setPhase({ kind: "running", progress: null, total: files.length });
    const { PreparedWorkers, SummaryWorker, workerCount } = await import("./workers");
    const workers = (prepared.current ??= new PreparedWorkers());
    result?.source.terminate();
    const collector = new SummaryWorker(rulebook);
    // Progress is shown a few times a second, not per file: each render repaints the pane, and the
    // main thread is also what hands the files to the workers.
    let latest: JobProgress | null = null;
    let shown = 0;
    const running = startReviewJob(files, {
      rulebook,
      workers: workerCount(),
      spawn: () => workers.take(),
      onRecord: (index, record) => collector.add(index, record),
      onProgress: (p) => {
        latest = p;
        const now = performance.now();
        if (now - shown < PROGRESS_MS && p.done < p.total) return;
        shown = now;
        setPhase({ kind: "running", progress: latest, total: p.total });
      },
    });
    job.current = running;
    // A job of fewer files than cores leaves some waiting: they are let go.
    workers.release();
    const { records, cancelled } = await running.done;
    job.current = null;
    if (cancelled) {
      collector.terminate();
      onBusy(false);
      setPhase({ kind: "cancelled", done: records.length, total: files.length });
      return;
    }
    try {
      // The workbook the reviewer will likely write is built while they read the summary (an Excel that
      // cannot open a new workbook gets sheets instead, built when asked).
      const prepare = reviewer.summaryTarget() === "new-workbook" ? lang : undefined;
      onResult({ summary: await collector.summarise(picked.refused, prepare), rulebook, source: collector });
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      onBusy(false);
      setPhase({ kind: "idle" });
    }
  };

  const write = async () => {
    if (!result) return;
    onBusy(true);
    setError(null);
    try {
      const done = await reviewer.writeSummary(result.source, lang);
      setWritten(t("batch.written", { sheets: sheetList(done.sheets, lang) }));
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      onBusy(false);
    }
  };

  const timeText = (ms: number) => {
    const sec = Math.ceil(ms / 1000);
    return sec < 60 ? t("batch.seconds", { n: sec }) : t("batch.minutes", { m: Math.floor(sec / 60), s: sec % 60 });
  };
  const accept = WORKBOOK_EXTENSIONS.join(",");
  const running = phase.kind === "running";
  const sheetsTarget = reviewer.summaryTarget() === "sheets";
  return (
    <section className={s.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={s.heading}>
        {t("batch.heading")}
      </Subtitle2>
      <Caption1>{t("batch.hint")}</Caption1>
      <div className={s.actions}>
        <Button icon={<DocumentMultiple20Regular />} disabled={busy} onClick={() => choose(filesInput.current)}>
          {t("batch.files")}
        </Button>
        {folderSupported && (
          <Button icon={<FolderOpen20Regular />} disabled={busy} onClick={() => choose(folderInput.current)}>
            {t("batch.folder")}
          </Button>
        )}
      </div>
      <input
        ref={filesInput}
        type="file"
        multiple
        accept={accept}
        hidden
        tabIndex={-1}
        aria-label={t("batch.files")}
        data-testid="review-files"
        onChange={(e) => {
          const list = Array.from(e.target.files ?? []);
          e.target.value = "";
          void start(list, false);
        }}
      />
      <input
        ref={folderInput}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        aria-label={t("batch.folder")}
        onChange={(e) => {
          const list = Array.from(e.target.files ?? []);
          e.target.value = "";
          void start(list, true);
        }}
      />
      {running && (
        <div role="status" aria-live="polite">
          {/* The plain element: no animation to repaint while the workers run. */}
          <progress className={styles.bar} value={phase.progress?.done ?? 0} max={Math.max(1, phase.total)} />
          <Caption1 className={s.numeric}>
            {t("batch.progress", { done: phase.progress?.done ?? 0, total: phase.total })}
            {phase.progress?.leftMs != null && ` — ${t("batch.left", { time: timeText(phase.progress.leftMs) })}`}
          </Caption1>
          <div className={s.actions}>
            <Button icon={<Dismiss20Regular />} onClick={() => job.current?.cancel()}>
              {t("batch.cancel")}
            </Button>
          </div>
        </div>
      )}
      {phase.kind === "cancelled" && <p role="status">{t("batch.cancelled", { done: phase.done, total: phase.total })}</p>}
      {error && <p role="alert">{error}</p>}
      {result && (
        <>
          <p role="status" data-testid="review-done">
            {t("batch.done", { total: result.summary.files.total, scored: result.summary.files.scored, failed: result.summary.files.failed })}
          </p>
          {subfolders > 0 && <Caption1>{t("batch.subfolders", { n: subfolders })}</Caption1>}
          {result.summary.failures.length > 0 && (
            <>
              <Subtitle2 as="h3" id={failuresId} className={s.heading}>
                {t("batch.failures", { n: result.summary.failures.length })}
              </Subtitle2>
              <ul className={s.plainList} aria-labelledby={failuresId} data-testid="review-failures">
                {result.summary.failures.map((f) => (
                  <li key={f.file} data-file={f.file}>
                    <strong>{f.file}</strong>: {lt(f.reason)}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className={s.actions}>
            <Button appearance="primary" icon={<TableArrowUp20Regular />} disabled={busy} onClick={() => void write()}>
              {t(sheetsTarget ? "batch.writeSheets" : "batch.write")}
            </Button>
          </div>
          {sheetsTarget && <Caption1>{t("batch.sheetsHint")}</Caption1>}
          {written && <p role="status">{written}</p>}
        </>
      )}
    </section>
  );
}
