// A national tally (全国集計) opened as last year's file: pick the insurer whose row is last year's
// result (searched by 保険者番号 or name; only the first matches are listed, 1,741 options would be
// unusable), and choose whether the national figures come from this tally or from the rulebook. The
// tally's low-score line (mean rate − 2 SD) is shown, and a warning when the chosen row was below it.
import { roundHalfUp } from "../../numbers/round";
import {
  Caption1,
  Combobox,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Subtitle2,
  Switch,
  useId,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { TallyInfo, TallyInsurer } from "../../app/pane-api";
import { usePane } from "../context";
import { fmtNumber, paren } from "../format";
import { useShared } from "../styles";

const SHOWN = 30;

export interface TallyState {
  info: TallyInfo;
  /** The insurer whose row is last year's result, once chosen. */
  chosen: TallyInsurer | null;
  /** National figures from the tally (true) or from the rulebook. */
  figures: boolean;
}

interface Props {
  tally: TallyState;
  busy: boolean;
  onInsurer: (code: string) => void;
  onFigures: (on: boolean) => void;
}

export function insurerLabel(m: Pick<TallyInsurer, "code" | "name" | "pref">): string {
  return `${m.code} ${m.name}${m.pref ? `（${m.pref}）` : ""}`;
}

const fold = (s: string) =>
  s
    .normalize("NFKC")
    .replace(/[\s\u3000]+/g, "")
    .toLowerCase();

/** Rows whose 保険者番号 starts with, or whose name or prefecture contains, the query. */
export function matchInsurers(insurers: readonly TallyInsurer[], query: string): TallyInsurer[] {
  const q = fold(query);
  if (!q) return insurers.slice(0, SHOWN);
  const out: TallyInsurer[] = [];
  for (const m of insurers) {
    if (m.code.startsWith(q) || fold(m.name).includes(q) || fold(m.pref + m.name).includes(q)) {
      out.push(m);
      if (out.length === SHOWN) break;
    }
  }
  return out;
}

export function TallyPanel({ tally, busy, onInsurer, onFigures }: Props) {
  const { t, lang } = usePane();
  const s = useShared();
  const headingId = useId("tally-heading");
  const { info, chosen, figures } = tally;
  const [query, setQuery] = useState(chosen ? insurerLabel(chosen) : "");
  // The chosen row's own label in the box lists from the top; anything typed filters.
  const filter = chosen && query === insurerLabel(chosen) ? "" : query;
  const shown = useMemo(() => matchInsurers(info.insurers, filter), [info.insurers, filter]);
  const year = info.fiscalYear !== null ? t("tally.year", { year: info.fiscalYear }) : "";
  return (
    <section className={s.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={s.heading}>
        {t("tally.heading", { year })}
      </Subtitle2>
      <Caption1>
        {t("tally.file", { file: info.fileName, n: fmtNumber(info.insurers.length, lang) })}
        {info.problems > 0 && t("tally.problems", { n: fmtNumber(info.problems, lang) })}
      </Caption1>
      <Field label={t("tally.insurer")} hint={t("tally.insurerHint")}>
        <Combobox
          freeform
          disabled={busy}
          value={query}
          selectedOptions={chosen ? [chosen.code] : []}
          placeholder={t("tally.insurerPlaceholder")}
          onChange={(e) => setQuery(e.target.value)}
          onOptionSelect={(_, d) => {
            if (!d.optionValue) return;
            setQuery(d.optionText ?? d.optionValue);
            if (d.optionValue !== chosen?.code) onInsurer(d.optionValue);
          }}
        >
          {shown.map((m) => (
            <Option key={m.code} value={m.code} text={insurerLabel(m)}>
              {insurerLabel(m)}
            </Option>
          ))}
          {shown.length === 0 && (
            <Option disabled value="" text="">
              {t("tally.noMatch")}
            </Option>
          )}
        </Combobox>
      </Field>
      {chosen ? (
        <Caption1>
          {t("tally.chosen", {
            name: insurerLabel(chosen),
            total: fmtNumber(chosen.total, lang),
          })}
          {chosen.rank &&
            t("tally.rank", {
              rank: fmtNumber(chosen.rank.rank, lang),
              of: fmtNumber(chosen.rank.of, lang),
            })}
          {chosen.rank?.bandRank != null &&
            chosen.rank.bandOf != null &&
            t("tally.bandRank", {
              rank: fmtNumber(chosen.rank.bandRank, lang),
              of: fmtNumber(chosen.rank.bandOf, lang),
            })}
          {chosen.rank?.bandRank != null && info.assumedBands && paren(info.assumedBands[lang], lang)}
        </Caption1>
      ) : (
        <Caption1>{t("tally.choose")}</Caption1>
      )}
      {info.lowScore && (
        <Caption1>
          {t("tally.lowLine", {
            line: fmtNumber(roundHalfUp(info.lowScore.line, 1), lang),
            n: fmtNumber(info.lowScore.below, lang),
          })}
        </Caption1>
      )}
      {chosen && info.lowScore && chosen.total < info.lowScore.line && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t("tally.belowLine", {
              name: chosen.name,
              line: fmtNumber(roundHalfUp(info.lowScore.line, 1), lang),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      <Switch
        checked={figures}
        disabled={busy}
        label={t("tally.figures")}
        onChange={(_, d) => onFigures(d.checked)}
      />
    </section>
  );
}
