// The indicator whose answer cell is selected in the sheet: its rule, answer, points, what would score
// more (with the national share) and a what-if for it. Ids only inside the details disclosure.
import { Button, Caption1, makeStyles, mergeClasses, Subtitle2, tokens, useId } from "@fluentui/react-components";
import { Add16Regular, Dismiss16Regular } from "@fluentui/react-icons";
import { useMemo } from "react";
import type { RunSummary } from "../../app/pane-api";
import { usePane } from "../context";
import { colon, fmtNumber, fmtShare } from "../format";
import { whereToGain } from "../gain";
import { indicatorTitle, type RulebookIndex, showAnswer, valueToText } from "../../app/rulebook-index";
import { useShared } from "../styles";
import { scenarioSession } from "../whatif";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  dl: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
  },
  dd: { margin: 0, overflowWrap: "anywhere" },
  option: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
});

interface Props {
  indicatorId: string;
  summary: RunSummary;
  index: RulebookIndex;
  /** Put an answer into the current what-if scenario. */
  onTry: (indicatorId: string, text: string, baseText: string) => void;
  onClose: () => void;
}

export function SelectedIndicator({ indicatorId, summary, index, onTry, onClose }: Props) {
  const { t, lt, lang } = usePane();
  const s = useShared();
  const styles = useStyles();
  const headingId = useId("selected-heading");
  const info = index.byId.get(indicatorId)!;
  const result = summary.result.indicators.find((i) => i.id === indicatorId);
  const current = result ? valueToText(info, result.value, result.status) : "";
  const gains = useMemo(() => {
    const session = scenarioSession(index.rulebook, summary, {});
    return whereToGain({
      index: { ...index, indicators: [info] },
      session,
      rawOf: (id) => summary.answers[id] ?? null,
      textOf: () => current,
      context: summary.context,
    });
  }, [index, info, summary, current]);

  return (
    <section aria-labelledby={headingId} className={styles.card}>
      <div className={s.headingRow}>
        <Subtitle2 as="h2" id={headingId} className={s.heading}>
          {t("selected.heading")}
        </Subtitle2>
        <Button appearance="subtle" size="small" icon={<Dismiss16Regular />} aria-label={t("dismiss")} onClick={onClose} />
      </div>
      <p className={s.heading}>{indicatorTitle(info, lang)}</p>
      <dl className={styles.dl}>
        <dt>{t("selected.answer")}</dt>
        <dd className={styles.dd}>{current ? showAnswer(info, current, lang) : t("selected.none")}</dd>
        <dt>{t("selected.points")}</dt>
        <dd className={mergeClasses(styles.dd, s.numeric)}>
          {result
            ? `${t("points.unit", { n: fmtNumber(result.points, lang) })}${
                result.max !== null ? ` / ${t("points.unit", { n: fmtNumber(result.max, lang) })}` : ""
              }`
            : "―"}
        </dd>
      </dl>
      {result && <Caption1>{lt(result.explanation)}</Caption1>}
      {info.choices.length > 0 && (
        <Caption1 className={s.muted}>
          {t("selected.options")}
          {colon(lang)}
          {info.choices
            .map((c) => `${c.label[lang]} ${t("points.unit", { n: fmtNumber(c.points, lang) })}`)
            .join(lang === "ja" ? "、" : ", ")}
        </Caption1>
      )}
      {gains.length > 0 && (
        <ul className={s.plainList} aria-label={t("selected.better")}>
          {gains.map((g) => (
            <li key={g.key} className={styles.option}>
              <span>
                {g.target ? lt(g.target) : showAnswer(info, g.text, lang)}{" "}
                <span className={mergeClasses(s.positive, s.numeric)}>
                  {t("points.unit", { n: `+${fmtNumber(g.gain, lang)}` })}
                </span>
                {g.share !== null && (
                  <Caption1 className={s.muted}>
                    {" "}
                    {t("selected.national")} <span className={s.numeric}>{fmtShare(g.share)}</span>
                  </Caption1>
                )}
              </span>
              <Button size="small" icon={<Add16Regular />} onClick={() => onTry(indicatorId, g.text, current)}>
                {t("selected.whatIf")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>
          <Caption1>{t("details")}</Caption1>
        </summary>
        <Caption1 className={s.muted}>
          {indicatorId}
          {result?.cell ? ` · ${result.cell}` : ""}
        </Caption1>
      </details>
    </section>
  );
}
