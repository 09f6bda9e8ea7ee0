// The task pane: choose a rulebook, score, read the results, try what-ifs, find where to gain, and map
// the answer cells of a workbook that is not the standard template. It talks only to the PaneApi it is given and to the pure engine.
import {
  Button,
  Caption1,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { DocumentAdd20Regular, Play20Filled } from "@fluentui/react-icons";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { Rulebook } from "../rulebooks/schema";
import type {
  CellChange,
  PaneApi,
  PaneSettings,
  ReadProgress,
  RecordedRulebook,
  RulebookInfo,
  RunStep,
  RunSummary,
  ScoreOptions,
} from "../app/pane-api";
import { ReadCancelled } from "../app/file-reads";
import { FileReadProgress } from "./components/FileReadProgress";
import { ExcelSupportNotice } from "./components/ExcelSupportNotice";
import { LanguageSwitch } from "./components/LanguageSwitch";
import { NotWrittenNotice } from "./components/NotWrittenNotice";
import { SelectedIndicator } from "./components/SelectedIndicator";
import { SummaryBar, type SummaryState } from "./components/SummaryBar";
import { sameAnswers, useSheetEvents } from "./live";
import { RulebookPicker } from "./components/RulebookPicker";
import { RunProgress } from "./components/RunProgress";
import type { TallyState } from "./components/TallyPanel";
import { Workspace } from "./components/Workspace";
import { makePaneContext, PaneContext } from "./context";
import { errorText } from "./errors";
import { fmtNumber, fmtRate } from "./format";
import { EMPTY_GRANT, GrantForm } from "./grant";
import { Notice } from "./components/Notice";
import { RecordedNote } from "./components/RecordedNote";
import { Lang, translate } from "./i18n";
import { indexRulebook, RulebookIndex } from "../app/rulebook-index";
import { INITIAL_SCENARIOS, scenarioReducer } from "./scenarios";
import { useShared } from "./styles";
import { paneTheme } from "./theme";

const useStyles = makeStyles({
  // On a wrapper, not on FluentProvider: Fluent copies the provider's classes to its portals
  // (dropdowns, dialogs), which would then cover the pane.
  page: {
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: "640px",
    marginInline: "auto",
    boxSizing: "border-box",
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  title: { margin: 0 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
});

function listRulebooks(api: PaneApi): RulebookInfo[] {
  try {
    return api.rulebooks();
  } catch {
    return [];
  }
}

export function App({ api }: { api: PaneApi }) {
  const styles = useStyles();
  const shared = useShared();
  const rulebooks = useMemo(() => listRulebooks(api), [api]);
  const [lang, setLang] = useState<Lang>("ja");
  const [rulebookId, setRulebookId] = useState<string | undefined>(rulebooks[0]?.id);
  const [summary, setSummary] = useState<RunSummary | null>(null);
  const [running, setRunning] = useState(false);
  const [step, setStep] = useState<RunStep | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [announce, setAnnounce] = useState("");
  const [scenarios, dispatch] = useReducer(scenarioReducer, INITIAL_SCENARIOS);
  const [grantForm, setGrantForm] = useState<GrantForm>(EMPTY_GRANT);
  const [tally, setTally] = useState<TallyState | null>(null);
  /** A chosen file being read (off the pane's thread), and how to stop it. */
  const [reading, setReading] = useState<{ fileName: string; progress: ReadProgress | null; stop: () => void } | null>(
    null,
  );
  const [recorded, setRecorded] = useState<RecordedRulebook | null>(null);
  /** The answers changed in the sheet since the results were written (shown: a live, read-only run). */
  const [stale, setStale] = useState(false);
  const [liveBusy, setLiveBusy] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dismissedWhy, setDismissedWhy] = useState(false);
  /** Bumped to re-register the sheet events (after sheets were added). */
  const [watchKey, setWatchKey] = useState(0);
  /** Bumped when an action ends: focus moves to its notice, else to the summary. */
  const [focusAfter, setFocusAfter] = useState(0);
  const summaryBar = useRef<HTMLElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const runningRef = useRef(false);
  const theme = useMemo(() => paneTheme(), []);
  // Asked at each render: inside Excel it is known only once Office.js is ready (index.tsx).
  const support = api.excelSupport?.() ?? null;
  const ctx = useMemo(() => makePaneContext(api, lang), [api, lang]);
  const { t } = ctx;
  const settings = useRef<PaneSettings>({});
  const summaryRef = useRef<RunSummary | null>(null);
  summaryRef.current = summary;
  const langRef = useRef<Lang>(lang);
  langRef.current = lang;

  useEffect(() => {
    let live = true;
    const known = (id: string | undefined) => (id && rulebooks.some((r) => r.id === id) ? id : undefined);
    void Promise.all([
      api.loadSettings().catch((): PaneSettings => ({})),
      api.recordedRulebook?.().catch(() => null) ?? Promise.resolve(null),
    ]).then(([s, rec]) => {
      if (!live) return;
      settings.current = { ...s };
      if (s.lang === "ja" || s.lang === "en") setLang(s.lang);
      setRecorded(rec);
      // The workbook decides: its answer sheet's rulebook, then the pane's remembered choice, then its history.
      const id =
        (rec?.source === "template" ? known(rec.info?.id) : undefined) ??
        known(s.rulebookId) ??
        known(rec?.info?.id);
      if (id) setRulebookId(id);
    });
    return () => {
      live = false;
    };
  }, [api, rulebooks]);

  // The chosen rulebook downloads while the clerk reads the pane, not after 採点 is pressed.
  useEffect(() => {
    if (rulebookId) api.loadRulebook(rulebookId).catch(() => undefined);
  }, [api, rulebookId]);

  useEffect(() => {
    if (!focusAfter) return;
    (noticeRef.current ?? summaryBar.current)?.focus();
  }, [focusAfter]);

  const remember = useCallback(
    (patch: PaneSettings) => {
      settings.current = { ...settings.current, ...patch };
      api.saveSettings(settings.current).catch(() => undefined);
    },
    [api],
  );

  const rulebook = useMemo<Rulebook | null>(() => {
    if (!summary) return null;
    try {
      return api.rulebook(summary.result.rulebook.id);
    } catch {
      return null;
    }
  }, [api, summary]);
  const index = useMemo<RulebookIndex | null>(() => (rulebook ? indexRulebook(rulebook) : null), [rulebook]);

  const run = useCallback(
    async (id: string | undefined, options?: ScoreOptions): Promise<boolean> => {
      if (!id) return false;
      runningRef.current = true;
      setRunning(true);
      setStep(null);
      setError(null);
      setNotice(null);
      setAnnounce("");
      try {
        const s = await api.score(id, setStep, options);
        if (summaryRef.current?.result.rulebook.id !== s.result.rulebook.id) {
          dispatch({ type: "reset" });
          setSelectedId(null);
        }
        setSummary(s);
        setStale(false);
        setDismissedWhy(false);
        const total = s.result.total;
        setAnnounce(
          translate(langRef.current, "run.done", {
            points: fmtNumber(total.points, langRef.current),
            max: total.max !== null ? fmtNumber(total.max, langRef.current) : "―",
            rate: fmtRate(total.ratePercent, s.result.rateDigits),
          }),
        );
        return true;
      } catch (e) {
        setError(errorText(e, langRef.current));
        return false;
      } finally {
        runningRef.current = false;
        setRunning(false);
        setStep(null);
      }
    },
    [api],
  );

  /** Answers changed in the sheet: score again read-only (nothing is written without a click). */
  const liveRun = useCallback(async () => {
    const cur = summaryRef.current;
    if (!cur || runningRef.current) return;
    setLiveBusy(true);
    try {
      const s = await api.score(cur.result.rulebook.id, undefined, { readOnly: true });
      const now = summaryRef.current;
      // A click's run came first, or nothing Saiten reads has changed (e.g. the echo of its own write).
      if (runningRef.current || !now || now.result.rulebook.id !== s.result.rulebook.id) return;
      if (sameAnswers(s.answers, now.answers)) return;
      const why = now.notWritten && now.notWritten !== "live" ? now.notWritten : "live";
      setSummary({ ...s, notWritten: why, ...(now.recorded && { recorded: now.recorded }) });
      setStale(true);
      const total = s.result.total;
      setAnnounce(
        translate(langRef.current, "live.updated", {
          points: fmtNumber(total.points, langRef.current),
          max: total.max !== null ? fmtNumber(total.max, langRef.current) : "―",
        }),
      );
    } catch {
      // A live read that fails says nothing: the clerk's own click shows the problem.
    } finally {
      setLiveBusy(false);
    }
  }, [api]);

  useSheetEvents(api, summaryRef, { answersChanged: () => void liveRun(), selected: setSelectedId }, watchKey);

  /** Runs one PaneApi call with the pane busy; a failure shows its message. */
  const call = useCallback(async <T,>(f: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await f();
    } catch (e) {
      // A read the clerk stopped is no failure.
      if (e instanceof ReadCancelled) setNotice(errorText(e, langRef.current));
      else setError(errorText(e, langRef.current));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);

  const selectCell = useCallback(
    (cell: string) => {
      api.selectCell(cell).catch((e) => setError(errorText(e, langRef.current)));
    },
    [api],
  );

  /** One workbook action with the pane busy; its notice once it has succeeded. */
  const act = async (f: () => Promise<void>, done: string) => {
    setNotice(null);
    const ok = await call(async () => {
      await f();
      return true;
    });
    if (ok) setNotice(done);
    setFocusAfter((n) => n + 1);
  };
  const onMark = (cells: string[]) => act(() => api.markRows(cells), t("notice.marked", { n: cells.length }));
  const onClearMarks = () => act(() => api.clearMarks(), t("notice.cleared"));
  const rescore = () => run(summaryRef.current?.result.rulebook.id ?? rulebookId);
  const onApplied = async (changes: CellChange[]) => {
    await rescore();
    setNotice(t("notice.applied", { n: changes.length }));
    setFocusAfter((n) => n + 1);
  };
  const onPreviousFile = async (data: ArrayBuffer, fileName: string) => {
    setNotice(null);
    const current = summaryRef.current?.result.rulebook.id ?? rulebookId;
    const stop = new AbortController();
    setReading({ fileName, progress: null, stop: () => stop.abort() });
    const res = await call(() =>
      api.openPreviousFile(data, fileName, {
        currentRulebookId: current,
        signal: stop.signal,
        onProgress: (progress) => setReading((r) => r && { ...r, progress }),
      }),
    );
    setReading(null);
    if (!res) {
      setFocusAfter((n) => n + 1);
      return;
    }
    if (res.kind === "workbook") {
      setTally((tl) => (tl ? { ...tl, chosen: null } : tl));
      const ok = await rescore();
      if (ok) {
        const read = t("notice.previous", { file: fileName, total: fmtNumber(res.total, lang) });
        const who = res.otherEntity ? [res.otherEntity.name, res.otherEntity.code].filter(Boolean).join(" ") : "";
        setNotice(who ? `${read}${t("previous.otherEntity", { file: fileName, who })}` : read);
        setFocusAfter((n) => n + 1);
      }
      return;
    }
    const info = res.tally;
    // The workbook's own row, when its 市町村コード or name finds one, is used at once (and can be changed).
    const chosen = info.suggested
      ? ((await call(() => api.usePreviousFromTally(info.suggested!))) ?? null)
      : null;
    setTally({ info, chosen, figures: true });
    const ok = await rescore();
    if (!ok) return;
    const read = t("notice.tally", { file: fileName, n: fmtNumber(info.insurers.length, lang) });
    setNotice(
      chosen
        ? `${read}${t("notice.tallyPrevious", { name: chosen.name, total: fmtNumber(chosen.total, lang) })}`
        : read,
    );
  };
  const onTallyInsurer = async (code: string) => {
    setNotice(null);
    const chosen = await call(() => api.usePreviousFromTally(code));
    if (!chosen) return;
    setTally((tl) => (tl ? { ...tl, chosen } : tl));
    const ok = await rescore();
    if (ok) setNotice(t("notice.tallyPrevious", { name: chosen.name, total: fmtNumber(chosen.total, lang) }));
  };
  const onTallyFigures = async (on: boolean) => {
    api.useTallyBenchmarks(on);
    setTally((tl) => (tl ? { ...tl, figures: on } : tl));
    await rescore();
  };
  const onTemplate = async () => {
    if (rulebookId) await act(() => api.createTemplate(rulebookId), t("notice.template"));
    setWatchKey((k) => k + 1);
  };
  const chosenInfo = rulebooks.find((r) => r.id === (summary?.result.rulebook.id ?? rulebookId));
  const summaryState: SummaryState = liveBusy
    ? "updating"
    : summary?.notWritten && summary.notWritten !== "live"
      ? "readOnly"
      : stale
        ? "stale"
        : "written";

  const disabled = running || busy;
  return (
    <PaneContext.Provider value={ctx}>
      <FluentProvider theme={theme} lang={lang}>
        <div className={styles.page}>
          <div className={styles.root}>
            <div className={styles.header}>
              <Title3 as="h1" className={styles.title}>
                {t("app.title")}
              </Title3>
              <LanguageSwitch
                lang={lang}
                onChange={(l) => {
                  setLang(l);
                  remember({ lang: l });
                }}
              />
            </div>
            {support && <ExcelSupportNotice support={support} />}
            {rulebooks.length === 0 ? (
              <MessageBar intent="warning">
                <MessageBarBody>{t("rulebook.noneAvailable")}</MessageBarBody>
              </MessageBar>
            ) : (
              <RulebookPicker
                rulebooks={rulebooks}
                value={rulebookId}
                disabled={disabled}
                onChange={(id) => {
                  setRulebookId(id);
                  // The workbook keeps the rulebook it records: another choice is not written into it.
                  if (!recorded?.info || recorded.info.id === id) remember({ rulebookId: id });
                }}
              />
            )}
            <RecordedNote recorded={recorded} chosenId={rulebookId} />
            <div className={styles.actions}>
              <Button
                appearance="primary"
                icon={<Play20Filled />}
                disabled={disabled || !rulebookId}
                onClick={async () => {
                  await run(rulebookId);
                  setFocusAfter((n) => n + 1);
                }}
              >
                {t(running ? "run.running" : "run.button")}
              </Button>
              <Button icon={<DocumentAdd20Regular />} disabled={disabled || !rulebookId} onClick={onTemplate}>
                {t("template.button")}
              </Button>
            </div>
            {running && <RunProgress step={step} />}
            {reading && (
              <FileReadProgress fileName={reading.fileName} progress={reading.progress} onCancel={reading.stop} />
            )}
            <div role="status" className={shared.visuallyHidden}>
              {announce}
            </div>
            <SummaryBar ref={summaryBar} summary={summary} state={summaryState}>
              {error ? (
                <Notice
                  ref={noticeRef}
                  intent="error"
                  title={t("error.title")}
                  dismissLabel={t("dismiss")}
                  onDismiss={() => setError(null)}
                >
                  {error}
                </Notice>
              ) : notice ? (
                <Notice ref={noticeRef} intent="success" dismissLabel={t("dismiss")} onDismiss={() => setNotice(null)}>
                  {notice}
                </Notice>
              ) : summary?.notWritten && summary.notWritten !== "live" && !dismissedWhy ? (
                <NotWrittenNotice
                  ref={noticeRef}
                  summary={summary}
                  chosen={chosenInfo}
                  busy={disabled}
                  onDismiss={() => setDismissedWhy(true)}
                  onWriteAnyway={async () => {
                    await run(summary.result.rulebook.id, { confirmedOtherYear: true });
                    setFocusAfter((n) => n + 1);
                  }}
                  onUseRecorded={async (id) => {
                    setRulebookId(id);
                    remember({ rulebookId: id });
                    await run(id);
                    setFocusAfter((n) => n + 1);
                  }}
                />
              ) : stale ? (
                <Caption1 role="note">{t("summary.stale")}</Caption1>
              ) : null}
            </SummaryBar>
            {summary && rulebook && index && selectedId && index.byId.has(selectedId) && (
              <SelectedIndicator
                key={selectedId}
                indicatorId={selectedId}
                summary={summary}
                index={index}
                onTry={(id, text, baseText) => {
                  dispatch({
                    type: "set",
                    indicatorId: id,
                    text,
                    baseText,
                    name: (n) => t("scenario.defaultName", { n }),
                  });
                }}
                onClose={() => setSelectedId(null)}
              />
            )}
            {rulebookId ? (
              <Workspace
                scored={summary && rulebook && index ? { summary, rulebook, index } : null}
                rulebookId={rulebookId}
                running={running}
                scenarios={scenarios}
                dispatch={dispatch}
                grantForm={grantForm}
                onGrantForm={setGrantForm}
                busy={disabled}
                onSelectCell={selectCell}
                onMark={onMark}
                onClearMarks={onClearMarks}
                onApplied={onApplied}
                onPreviousFile={onPreviousFile}
                tally={tally}
                onTallyInsurer={onTallyInsurer}
                onTallyFigures={onTallyFigures}
              />
            ) : (
              !running && !summary && <p>{t("start.hint")}</p>
            )}
          </div>
        </div>
      </FluentProvider>
    </PaneContext.Provider>
  );
}
