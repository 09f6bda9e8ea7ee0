// 様式の割り当て: for workbooks that are not the standard template, which cell holds each indicator's
// answer (and its points). The map lives in the workbook as defined names, through the PaneApi: see it
// and remove entries, detect it from the labels on the sheets, map one indicator at a time from the
// selected cell, and share it as a JSON file. Every message appears next to the action that caused it.
import {
  Body1Strong,
  Button,
  Caption1,
  Checkbox,
  Combobox,
  Field,
  Link,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Spinner,
  Subtitle2,
  tokens,
  useId,
} from "@fluentui/react-components";
import {
  ArrowDownload20Regular,
  ArrowUpload20Regular,
  CursorClick20Regular,
  Delete16Regular,
  Save20Regular,
  ScanText20Regular,
  TableCellEdit20Regular,
} from "@fluentui/react-icons";
import { ANSWER_SHEET } from "../../workbook/template";
import { ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { FormMapEntry, FormMapProposal } from "../../app/pane-api";
import { Notice } from "./Notice";
import { usePane } from "../context";
import { errorText } from "../errors";
import { paren, sep } from "../format";
import {
  downloadText,
  entryOf,
  formMapFileName,
  mappableIndicators,
  matchesIndicator,
  readFileText,
  showCell,
  sortEntries,
} from "../formmap";
import type { Lang, MessageKey } from "../i18n";
import { IndicatorInfo, indexRulebook, indicatorTitle, RulebookIndex, titleOf } from "../../app/rulebook-index";
import { useShared } from "../styles";

const PAGE = 50;

type Where = "map" | "detect" | "manual" | "share";

interface Note {
  where: Where;
  intent: "success" | "warning" | "error";
  text: string;
}

const MATCHED: Record<FormMapProposal["matchedBy"], MessageKey> = {
  id: "formmap.matched.id",
  alias: "formmap.matched.alias",
  name: "formmap.matched.name",
};

const useStyles = makeStyles({
  detail: {
    gridColumn: "1 / span 2",
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalXS,
    overflowWrap: "anywhere",
  },
  proposal: {
    display: "flex",
    flexDirection: "column",
    paddingBlock: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  proposalDetail: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalXS,
    // Under the checkbox's label, not under the box.
    paddingInlineStart: "36px",
    overflowWrap: "anywhere",
  },
  cell: { fontVariantNumeric: "tabular-nums" },
  combo: { minWidth: 0, width: "100%" },
  listbox: { maxHeight: "50vh" },
  option: { display: "flex", flexDirection: "column" },
  headingFocus: {
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      borderRadius: tokens.borderRadiusSmall,
    },
  },
});

/** Sentences in a row: no space between Japanese ones. */
function sentences(lang: Lang, ...parts: string[]): string {
  return parts.join(lang === "ja" ? "" : " ");
}

interface Props {
  rulebookId: string;
  /** The pane is scoring or calling the workbook: no new action. */
  busy: boolean;
  onSelectCell: (cell: string) => void;
}

export function FormMapView({ rulebookId, busy: paneBusy, onSelectCell }: Props) {
  const { api, t, lang } = usePane();
  const s = useShared();
  const styles = useStyles();
  const ids = {
    heading: useId("formmap-heading"),
    current: useId("formmap-current"),
    detect: useId("formmap-detect"),
    manual: useId("formmap-manual"),
    share: useId("formmap-share"),
  };
  /** Where the focus goes when the button pressed disappears with its row. */
  const focusHeading = (id: string) => document.getElementById(id)?.focus();
  const fileInput = useRef<HTMLInputElement>(null);
  const live = useRef(true);

  // The rulebook's data may still have to be downloaded (a bundled one not used yet).
  const [loaded, setLoaded] = useState<{ index: RulebookIndex | null; error: unknown }>({ index: null, error: null });
  useEffect(() => {
    let current = true;
    setLoaded({ index: null, error: null });
    api.loadRulebook(rulebookId).then(
      (rb) => current && setLoaded({ index: indexRulebook(rb), error: null }),
      (e: unknown) => current && setLoaded({ index: null, error: e }),
    );
    return () => {
      current = false;
    };
  }, [api, rulebookId]);
  const loadError = loaded.error ? errorText(loaded.error, lang) : null;
  const index = loaded.index;

  const [entries, setEntries] = useState<FormMapEntry[] | null>(null);
  const [proposals, setProposals] = useState<FormMapProposal[] | null>(null);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [query, setQuery] = useState("");
  const [picked, setPicked] = useState<string | null>(null);
  const [working, setWorking] = useState<Where | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const busy = paneBusy || working !== null;

  /** Indicators the standard answer sheet already gives a cell (they need no map). */
  const [inTemplate, setInTemplate] = useState<ReadonlySet<string>>(new Set());
  const reload = useCallback(async () => {
    const [list, template] = await Promise.all([
      api.formMap(rulebookId),
      api.templateIndicators?.(rulebookId) ?? Promise.resolve([]),
    ]);
    if (live.current) {
      setEntries(list);
      setInTemplate(new Set(template));
    }
  }, [api, rulebookId]);

  useEffect(() => {
    live.current = true;
    reload().catch((e) => {
      if (live.current) setNote({ where: "map", intent: "error", text: errorText(e, lang) });
    });
    return () => {
      live.current = false;
    };
  }, [reload]);

  /** One action: busy while it runs, its outcome (or failure) shown in its section. */
  const run = async (where: Where, action: () => Promise<Note | null>) => {
    setWorking(where);
    setNote(null);
    try {
      const outcome = await action();
      if (live.current && outcome) setNote(outcome);
    } catch (e) {
      if (live.current) setNote({ where, intent: "error", text: errorText(e, lang) });
    } finally {
      if (live.current) setWorking(null);
    }
  };

  const nameOf = (id: string) => titleOf(index, id, lang);
  const optionText = useCallback(
    (info: IndicatorInfo) => `${indicatorTitle(info, lang)}${paren(info.id, lang)}`,
    [lang],
  );
  const mappable = useMemo(() => (index ? mappableIndicators(index.indicators) : []), [index]);
  const byId = useMemo(() => new Map((entries ?? []).map((e) => [e.indicatorId, e])), [entries]);
  const sorted = useMemo(
    () => sortEntries(entries ?? [], (id) => index?.byId.get(id)?.order),
    [entries, index],
  );
  const unmapped = mappable.filter((i) => !byId.has(i.id) && !inTemplate.has(i.id)).length;
  const pickedInfo = picked ? index?.byId.get(picked) : undefined;
  const pickedEntry = picked ? byId.get(picked) : undefined;
  const options = useMemo(() => {
    // Once an indicator is chosen its text fills the box: list every indicator again, not just it.
    const showAll = pickedInfo !== undefined && query === optionText(pickedInfo);
    return mappable.filter((i) => showAll || matchesIndicator(i, query));
  }, [mappable, query, pickedInfo, optionText]);

  const success = (where: Where, ...parts: string[]): Note => ({
    where,
    intent: "success",
    text: sentences(lang, ...parts),
  });
  const warning = (where: Where, text: string): Note => ({ where, intent: "warning", text });

  // ---------------------------------------------------------------- actions

  const onRemove = (e: FormMapEntry) =>
    run("map", async () => {
      await api.removeFormMap([e.indicatorId]);
      await reload();
      focusHeading(ids.current);
      return success("map", t("formmap.removed", { name: nameOf(e.indicatorId) }));
    });

  const onDetect = () =>
    run("detect", async () => {
      const found = await api.detectFormMap(rulebookId);
      if (!live.current) return null;
      setProposals(found.length ? found : null);
      setChecked(new Set(found.map((p) => p.indicatorId)));
      return found.length ? null : warning("detect", t("formmap.detect.none"));
    });

  const onSaveDetected = () =>
    run("detect", async () => {
      const all = proposals ?? [];
      const chosen = all.filter((p) => checked.has(p.indicatorId));
      if (!chosen.length) return null;
      await api.saveFormMap(chosen.map(entryOf));
      await reload();
      const rest = all.filter((p) => !checked.has(p.indicatorId));
      setProposals(rest.length ? rest : null);
      setChecked(new Set());
      focusHeading(ids.detect);
      return success("detect", t("formmap.saved", { n: chosen.length }), t("formmap.rescore"));
    });

  const onManualAnswer = () =>
    run("manual", async () => {
      if (!picked) return null;
      const cell = await api.selectedCell();
      if (!cell) return warning("manual", t("formmap.manual.noSelection"));
      await api.saveFormMap([{ indicatorId: picked, answerCell: cell }]);
      await reload();
      return success(
        "manual",
        t("formmap.manual.savedAnswer", { name: nameOf(picked), cell: showCell(cell) }),
        t("formmap.rescore"),
      );
    });

  const onManualPoints = () =>
    run("manual", async () => {
      if (!picked) return null;
      const existing = byId.get(picked);
      if (!existing) return warning("manual", t("formmap.manual.needAnswer", { name: nameOf(picked) }));
      const cell = await api.selectedCell();
      if (!cell) return warning("manual", t("formmap.manual.noSelection"));
      await api.saveFormMap([{ indicatorId: picked, answerCell: existing.answerCell, pointsCell: cell }]);
      await reload();
      return success(
        "manual",
        t("formmap.manual.savedPoints", { name: nameOf(picked), cell: showCell(cell) }),
        t("formmap.rescore"),
      );
    });

  const onExport = () =>
    run("share", async () => {
      const json = await api.exportFormMap(rulebookId);
      const file = formMapFileName(rulebookId);
      downloadText(json, file);
      return success("share", t("formmap.exported", { file }));
    });

  const onImportFile = async (file: File) => {
    let text: string;
    try {
      text = await readFileText(file);
    } catch {
      setNote({ where: "share", intent: "error", text: t("formmap.readFailed") });
      return;
    }
    await run("share", async () => {
      const n = await api.importFormMap(rulebookId, text);
      await reload();
      return success("share", t("formmap.imported", { n }), t("formmap.rescore"));
    });
  };

  // ---------------------------------------------------------------- pieces

  const bar = (where: Where): ReactNode =>
    note?.where === where && (
      <Notice
        intent={note.intent}
        title={note.intent === "error" ? t("error.title") : undefined}
        dismissLabel={t("dismiss")}
        onDismiss={() => setNote(null)}
      >
        {note.text}
      </Notice>
    );

  const cellLink = (ref: string) => (
    <Link
      as="button"
      className={styles.cell}
      aria-label={t("formmap.select", { cell: showCell(ref) })}
      onClick={() => onSelectCell(ref)}
    >
      {showCell(ref)}
    </Link>
  );

  const cellsOf = (e: FormMapEntry) => (
    <>
      <span>
        {t("formmap.answerCell")} {cellLink(e.answerCell)}
      </span>
      {e.pointsCell && (
        <span>
          {sep(lang)}
          {t("formmap.pointsCell")} {cellLink(e.pointsCell)}
        </span>
      )}
    </>
  );

  const checkedCount = proposals ? proposals.filter((p) => checked.has(p.indicatorId)).length : 0;
  const pickedHint = pickedInfo
    ? pickedEntry
      ? [
          `${t("formmap.answerCell")} ${showCell(pickedEntry.answerCell)}`,
          pickedEntry.pointsCell ? `${t("formmap.pointsCell")} ${showCell(pickedEntry.pointsCell)}` : "",
        ]
          .filter(Boolean)
          .join(sep(lang))
      : t("formmap.manual.unmapped")
    : undefined;

  return (
    <section className={s.section} aria-labelledby={ids.heading}>
      <Subtitle2 as="h2" id={ids.heading} className={s.heading}>
        {t("formmap.heading")}
      </Subtitle2>
      <Caption1>{t("formmap.intro")}</Caption1>
      {loadError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("error.title")}</MessageBarTitle>
            {loadError}
          </MessageBarBody>
        </MessageBar>
      )}

      {/* ------------------------------------------------ the current map */}
      <section className={s.section} aria-labelledby={ids.current}>
        <Body1Strong
          as="h3"
          id={ids.current}
          tabIndex={-1}
          className={mergeClasses(s.heading, styles.headingFocus)}
        >
          {t("formmap.current.heading")}
        </Body1Strong>
        {entries && inTemplate.size > 0 && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{t("formmap.template", { n: inTemplate.size, sheet: ANSWER_SHEET })}</MessageBarBody>
          </MessageBar>
        )}
        {entries && (
          <Caption1>
            {t("formmap.current.counts", { mapped: entries.length + inTemplate.size, unmapped })}
          </Caption1>
        )}
        {bar("map")}
        {entries === null ? (
          note?.where !== "map" && <Spinner size="tiny" labelPosition="after" label={t("formmap.loading")} />
        ) : entries.length === 0 ? (
          inTemplate.size === 0 && <Caption1>{t("formmap.current.none")}</Caption1>
        ) : (
          <ul className={s.plainList}>
            {sorted.slice(0, limit).map((e) => {
              const name = nameOf(e.indicatorId);
              return (
                <li key={e.indicatorId} className={s.listRow}>
                  <span className={s.rowName}>{name}</span>
                  <Button
                    size="small"
                    icon={<Delete16Regular />}
                    aria-label={t("formmap.removeNamed", { name })}
                    disabledFocusable={busy}
                    onClick={() => void onRemove(e)}
                  >
                    {t("formmap.remove")}
                  </Button>
                  <Caption1 className={styles.detail}>{cellsOf(e)}</Caption1>
                  <IdDetails id={e.indicatorId} />
                </li>
              );
            })}
          </ul>
        )}
        {sorted.length > limit && (
          <Button size="small" onClick={() => setLimit((l) => l + PAGE)}>
            {t("more", { n: sorted.length - limit })}
          </Button>
        )}
      </section>

      {/* ------------------------------------------------ detection */}
      <section className={s.section} aria-labelledby={ids.detect}>
        <Body1Strong
          as="h3"
          id={ids.detect}
          tabIndex={-1}
          className={mergeClasses(s.heading, styles.headingFocus)}
        >
          {t("formmap.detect.heading")}
        </Body1Strong>
        <Caption1>{t("formmap.detect.intro")}</Caption1>
        <div className={s.actions}>
          <Button icon={<ScanText20Regular />} disabledFocusable={busy} onClick={() => void onDetect()}>
            {t(working === "detect" && !proposals ? "formmap.detect.running" : "formmap.detect.button")}
          </Button>
        </div>
        <div role="status" className={s.visuallyHidden}>
          {proposals ? t("formmap.detect.found", { n: proposals.length }) : ""}
        </div>
        {bar("detect")}
        {proposals && (
          <>
            <Caption1 aria-hidden>{t("formmap.detect.found", { n: proposals.length })}</Caption1>
            <Checkbox
              checked={checkedCount === proposals.length ? true : checkedCount === 0 ? false : "mixed"}
              label={t("formmap.detect.all", { n: checkedCount, of: proposals.length })}
              onChange={(_, d) =>
                setChecked(d.checked === true ? new Set(proposals.map((p) => p.indicatorId)) : new Set())
              }
            />
            <ul className={s.plainList} aria-label={t("formmap.detect.list")}>
              {proposals.map((p) => {
                const existing = byId.get(p.indicatorId);
                return (
                  <li key={p.indicatorId} className={styles.proposal}>
                    <Checkbox
                      checked={checked.has(p.indicatorId)}
                      onChange={(_, d) =>
                        setChecked((prev) => {
                          const next = new Set(prev);
                          if (d.checked === true) next.add(p.indicatorId);
                          else next.delete(p.indicatorId);
                          return next;
                        })
                      }
                      label={
                        <span className={s.rowName}>{nameOf(p.indicatorId)}</span>
                      }
                    />
                    <Caption1 className={styles.proposalDetail}>
                      {cellLink(p.labelCell)}
                      <span>{t("formmap.detect.label", { text: p.labelText })}</span>
                      <span aria-hidden>→</span>
                      <span>
                        {t("formmap.answerCell")} {cellLink(p.answerCell)}
                      </span>
                      <span className={s.muted}>
                        {sep(lang)}
                        {t(MATCHED[p.matchedBy])}
                        {existing && existing.answerCell !== p.answerCell
                          ? `${sep(lang)}${t("formmap.detect.current", { cell: showCell(existing.answerCell) })}`
                          : ""}
                      </span>
                    </Caption1>
                  </li>
                );
              })}
            </ul>
            <div className={s.actions}>
              <Button
                appearance="primary"
                icon={<Save20Regular />}
                disabled={checkedCount === 0}
                disabledFocusable={busy}
                onClick={() => void onSaveDetected()}
              >
                {t("formmap.detect.save")}
              </Button>
            </div>
          </>
        )}
      </section>

      {/* ------------------------------------------------ by hand */}
      <section className={s.section} aria-labelledby={ids.manual}>
        <Body1Strong as="h3" id={ids.manual} className={s.heading}>
          {t("formmap.manual.heading")}
        </Body1Strong>
        <Caption1>{t("formmap.manual.intro")}</Caption1>
        <Field label={t("formmap.manual.indicator")} hint={pickedHint}>
          <Combobox
            className={styles.combo}
            listbox={{ className: styles.listbox }}
            placeholder={t("formmap.manual.placeholder")}
            value={query}
            selectedOptions={picked ? [picked] : []}
            disabled={!index}
            onChange={(e) => {
              const v = e.target.value;
              setQuery(v);
              if (pickedInfo && v !== optionText(pickedInfo)) setPicked(null);
            }}
            onOptionSelect={(_, d) => {
              if (!d.optionValue) return;
              setPicked(d.optionValue);
              setQuery(d.optionText ?? "");
            }}
          >
            {options.length === 0 ? (
              <Option key="no-match" value="" text="" disabled>
                {t("answers.noMatch")}
              </Option>
            ) : (
              options.map((info) => {
                const e = byId.get(info.id);
                return (
                  <Option key={info.id} value={info.id} text={optionText(info)}>
                    <span className={styles.option}>
                      <span>{indicatorTitle(info, lang)}</span>
                      <Caption1 className={s.muted}>
                        {info.id}
                        {sep(lang)}
                        {e
                          ? `${t("formmap.answerCell")} ${showCell(e.answerCell)}`
                          : t("formmap.manual.unmapped")}
                      </Caption1>
                    </span>
                  </Option>
                );
              })
            )}
          </Combobox>
        </Field>
        <div className={s.actions}>
          <Button
            icon={<CursorClick20Regular />}
            disabled={!picked}
            disabledFocusable={busy}
            onClick={() => void onManualAnswer()}
          >
            {t("formmap.manual.answer")}
          </Button>
          <Button
            icon={<TableCellEdit20Regular />}
            disabled={!picked}
            disabledFocusable={busy}
            onClick={() => void onManualPoints()}
          >
            {t("formmap.manual.points")}
          </Button>
        </div>
        {bar("manual")}
      </section>

      {/* ------------------------------------------------ share */}
      <section className={s.section} aria-labelledby={ids.share}>
        <Body1Strong as="h3" id={ids.share} className={s.heading}>
          {t("formmap.share.heading")}
        </Body1Strong>
        <Caption1>{t("formmap.share.intro")}</Caption1>
        <div className={s.actions}>
          <Button
            icon={<ArrowDownload20Regular />}
            disabled={!entries?.length}
            disabledFocusable={busy}
            onClick={() => void onExport()}
          >
            {t("formmap.export")}
          </Button>
          <Button
            icon={<ArrowUpload20Regular />}
            disabledFocusable={busy}
            onClick={() => fileInput.current?.click()}
          >
            {t("formmap.import")}
          </Button>
        </div>
        <input
          ref={fileInput}
          type="file"
          accept=".json"
          hidden
          tabIndex={-1}
          aria-label={t("formmap.importFile")}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) void onImportFile(file);
          }}
        />
        {bar("share")}
      </section>
    </section>
  );
}

/** An indicator's id, for whoever needs it, under 詳細 rather than in the clerk's text. */
function IdDetails({ id }: { id: string }) {
  const { t } = usePane();
  const s = useShared();
  return (
    <details style={{ gridColumn: "1 / -1" }}>
      <summary>
        <Caption1>{t("details")}</Caption1>
      </summary>
      <Caption1 className={s.muted}>{id}</Caption1>
    </details>
  );
}
