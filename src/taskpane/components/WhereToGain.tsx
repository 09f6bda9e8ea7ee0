// Where to gain: answers not yet scoring, by the points they would really add (tried in a scoring
// session, so group maxima and exclusive branches count) and how many entities nationally meet them.
// One click puts an item into the current scenario.
import {
  Button,
  Caption1,
  Field,
  makeStyles,
  mergeClasses,
  Select,
  Subtitle2,
  tokens,
  useId,
} from "@fluentui/react-components";
import { Add16Regular } from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import type { RunSummary } from "../../app/pane-api";
import { usePane } from "../context";
import { colon, fmtNumber, fmtShare } from "../format";
import { GainItem, gainKind, GainSort, sortGains, whereToGain } from "../gain";
import { indicatorTitle, RulebookIndex } from "../../app/rulebook-index";
import { useShared } from "../styles";
import type { WhatIfModel } from "../useWhatIf";

const PAGE = 25;

const useStyles = makeStyles({
  figs: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM },
  gain: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  add: { gridRow: "1 / span 2", gridColumn: 2 },
});

interface Props {
  index: RulebookIndex;
  summary: RunSummary;
  model: WhatIfModel;
  onAdd: (item: GainItem) => void;
}

export function WhereToGain({ index, summary, model, onAdd }: Props) {
  const { t, lang } = usePane();
  const s = useShared();
  const headingId = useId("gain-heading");
  const [sort, setSort] = useState<GainSort>("points");
  const [added, setAdded] = useState<string | null>(null);

  // The scenario's own session: whereToGain tries each answer in it and puts the scenario's back.
  const { session, changes, base } = model;
  const items = useMemo(
    () =>
      whereToGain({
        index,
        session,
        rawOf: (id) => (id in changes ? changes[id] : summary.answers[id]),
        textOf: (id) => changes[id] ?? base[id] ?? "",
        context: summary.context,
      }),
    [index, session, changes, base, summary],
  );
  const sorted = useMemo(() => sortGains(items, sort), [items, sort]);
  const anyShare = items.some((i) => i.share !== null);

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={s.heading}>
        {t("gain.heading")}
      </Subtitle2>
      <Caption1>
        {t("gain.intro", { name: model.current?.name || t("scenario.defaultName", { n: 1 }) })}
      </Caption1>
      {summary.benchmarks ? (
        <Caption1 className={s.muted}>
          {t("gain.sourceTally", {
            label: summary.benchmarks.labelText[lang],
            n: fmtNumber(summary.benchmarks.municipalities, lang),
          })}
        </Caption1>
      ) : (
        anyShare && <Caption1 className={s.muted}>{t("gain.sourceRulebook")}</Caption1>
      )}
      <Field label={t("gain.sort")}>
        <Select value={sort} onChange={(_, d) => setSort(d.value as GainSort)}>
          <option value="points">{t("gain.sort.points")}</option>
          <option value="share" disabled={!anyShare}>
            {t("gain.sort.share")}
          </option>
        </Select>
      </Field>
      <div role="status" className={s.visuallyHidden}>
        {added ?? ""}
      </div>
      {sorted.length === 0 ? (
        <Caption1>{t("gain.none")}</Caption1>
      ) : (
        (["actions", "results"] as const).map((kind) => {
          const list = sorted.filter((i) => gainKind(index, i.indicatorId) === kind);
          return list.length ? (
            <GainList
              key={kind}
              heading={t(kind === "actions" ? "gain.actions" : "gain.results")}
              items={list}
              index={index}
              onAdd={(item, title) => {
                onAdd(item);
                setAdded(t("gain.added", { name: title }));
              }}
            />
          ) : null;
        })
      )}
    </section>
  );
}

/** One of the two lists: points from actions, or points that depend on results and rank. */
function GainList({
  heading,
  items,
  index,
  onAdd,
}: {
  heading: string;
  items: GainItem[];
  index: RulebookIndex;
  onAdd: (item: GainItem, title: string) => void;
}) {
  const { t, lang, lt } = usePane();
  const s = useShared();
  const styles = useStyles();
  const headingId = useId("gain-list");
  const [limit, setLimit] = useState(PAGE);
  return (
    <section aria-labelledby={headingId} className={s.section}>
      <Subtitle2 as="h3" id={headingId} className={s.heading}>
        {heading}
      </Subtitle2>
      <ul className={s.plainList}>
        {items.slice(0, limit).map((item) => {
          const info = index.byId.get(item.indicatorId)!;
          const title = indicatorTitle(info, lang);
          const target = item.target ? lt(item.target) : null;
          return (
            <li key={item.key} className={s.listRow}>
              <span className={s.rowName}>
                {title}
                {target && (
                  <span className={s.muted}>
                    {colon(lang)}
                    {target}
                  </span>
                )}
              </span>
              <Button
                className={styles.add}
                size="small"
                icon={<Add16Regular />}
                aria-label={t("gain.addNamed", {
                  name: target ? `${title}${colon(lang)}${target}` : title,
                })}
                onClick={() => onAdd(item, title)}
              >
                {t("gain.add")}
              </Button>
              <Caption1 className={styles.figs}>
                <span className={mergeClasses(styles.gain, s.numeric)}>
                  {t("gain.points", { n: fmtNumber(item.gain, lang) })}
                </span>
                {item.share !== null && (
                  <span className={s.muted}>
                    {t("gain.share", { share: fmtShare(item.share) })}
                    {item.hitCount !== null && index.population
                      ? t("gain.count", {
                          n: fmtNumber(item.hitCount, lang),
                          of: fmtNumber(index.population, lang),
                        })
                      : ""}
                  </span>
                )}
              </Caption1>
            </li>
          );
        })}
      </ul>
      {items.length > limit && (
        <Button size="small" onClick={() => setLimit((l) => l + PAGE)}>
          {t("more", { n: items.length - limit })}
        </Button>
      )}
    </section>
  );
}
