// The what-if answers of every indicator, in sections of the group tree (collapsed), with a search
// and a "changed only" filter.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  Field,
  makeStyles,
  SearchBox,
  Subtitle2,
  Switch,
  tokens,
  useId,
} from "@fluentui/react-components";
import { ReactElement, useMemo, useState } from "react";
import { normaliseText } from "../../engine/normalise";
import { usePane } from "../context";
import { groupTitle, IndicatorInfo, indicatorTitle, RulebookIndex } from "../../app/rulebook-index";
import { useShared } from "../styles";
import { IndicatorEditor } from "./IndicatorEditor";

const useStyles = makeStyles({
  filters: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  header: { whiteSpace: "normal" },
  search: { minWidth: 0, width: "100%" },
  count: { marginInlineStart: tokens.spacingHorizontalXS },
  subgroup: {
    marginBlockStart: tokens.spacingVerticalS,
    marginBlockEnd: 0,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
});

interface Props {
  index: RulebookIndex;
  base: Record<string, string>;
  changes: Record<string, string>;
  basePoints: Record<string, number>;
  points: Record<string, number>;
  onChange: (id: string, text: string | null) => void;
  previousValues?: Readonly<Record<string, number | null | undefined>>;
}

export function AnswerEditors({ index, base, changes, basePoints, points, onChange, previousValues }: Props) {
  const { t, lang } = usePane();
  const s = useShared();
  const styles = useStyles();
  const headingId = useId("answers-heading");
  const [query, setQuery] = useState("");
  const [changedOnly, setChangedOnly] = useState(false);
  const [open, setOpen] = useState<string[]>([]);

  const q = normaliseText(query).toLowerCase();
  const filtering = q !== "" || changedOnly;
  const matches = useMemo(() => {
    const ok = (info: IndicatorInfo) => {
      if (changedOnly && !(info.id in changes)) return false;
      if (!q) return true;
      const hay = normaliseText(
        `${info.id} ${info.code ?? ""} ${info.name.ja} ${info.name.en}`,
      ).toLowerCase();
      return hay.includes(q);
    };
    return new Set(index.indicators.filter(ok).map((i) => i.id));
  }, [index, q, changedOnly, changes]);

  const editor = (info: IndicatorInfo) => {
    const linked = info.linkedTo ? index.byId.get(info.linkedTo) : undefined;
    return (
      <IndicatorEditor
        key={info.id}
        info={info}
        baseText={base[info.id] ?? ""}
        text={changes[info.id] ?? base[info.id] ?? ""}
        basePoints={basePoints[info.id] ?? 0}
        points={points[info.id] ?? 0}
        onChange={onChange}
        linkedTitle={linked ? indicatorTitle(linked, lang) : undefined}
        previousValue={info.kind === "improvement" ? previousValues?.[info.id] : undefined}
      />
    );
  };

  /** Indicators of a section with a small heading where the leaf group changes. */
  const sectionBody = (ids: string[], sectionId: string) => {
    const out: ReactElement[] = [];
    let group = "";
    for (const id of ids) {
      const info = index.byId.get(id)!;
      if (filtering && !matches.has(id)) continue;
      if (info.groupId !== group) {
        group = info.groupId;
        if (group !== sectionId) {
          const g = index.groups.get(group);
          if (g) {
            out.push(
              <h4 key={`g-${group}`} className={styles.subgroup}>
                {groupTitle(g, lang)}
              </h4>,
            );
          }
        }
      }
      out.push(editor(info));
    }
    return out;
  };

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={s.heading}>
        {t("answers.heading")}
      </Subtitle2>
      <div className={styles.filters}>
        <Field label={t("answers.search")}>
          <SearchBox
            className={styles.search}
            value={query}
            onChange={(_, d) => setQuery(d.value)}
            placeholder={t("answers.searchHint")}
          />
        </Field>
        <Switch
          checked={changedOnly}
          onChange={(_, d) => setChangedOnly(d.checked)}
          label={t("answers.changedOnly", { n: Object.keys(changes).length })}
        />
      </div>
      {filtering ? (
        matches.size === 0 ? (
          <Caption1>{t("answers.noMatch")}</Caption1>
        ) : (
          <div>
            {index.sections.map((sec) => {
              const body = sectionBody(sec.indicatorIds, sec.id);
              if (!body.length) return null;
              return (
                <div key={sec.id}>
                  <h3 className={styles.subgroup}>{groupTitle(sec, lang)}</h3>
                  {body}
                </div>
              );
            })}
          </div>
        )
      ) : (
        <Accordion
          multiple
          collapsible
          openItems={open}
          onToggle={(_, d) => setOpen(d.openItems.map(String))}
        >
          {index.sections.map((sec) => {
            const changedHere = sec.indicatorIds.filter((id) => id in changes).length;
            return (
              <AccordionItem key={sec.id} value={sec.id}>
                <AccordionHeader as="h3" className={styles.header} size="small">
                  {groupTitle(sec, lang)}
                  {changedHere > 0 && (
                    <span className={styles.count}>{t("answers.changedCount", { n: changedHere })}</span>
                  )}
                </AccordionHeader>
                <AccordionPanel>
                  {open.includes(sec.id) ? sectionBody(sec.indicatorIds, sec.id) : null}
                </AccordionPanel>
              </AccordionItem>
            );
          })}
        </Accordion>
      )}
    </section>
  );
}
