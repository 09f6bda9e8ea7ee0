// One indicator's what-if answer, with an input that fits its kind: ○/× for yes/no, the options for a
// choice, the bands (with なし) for a rank band, check boxes for several choices, a number otherwise.
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  Select,
  tokens,
  useId,
} from "@fluentui/react-components";
import { ArrowUndo16Regular } from "@fluentui/react-icons";
import { memo, ReactNode, useEffect, useState } from "react";
import { parseNumber } from "../../engine/normalise";
import { num } from "../../engine/text";
import { msg, render } from "../../messages";
import { usePane } from "../context";
import { fmtNumber, fmtSigned, paren, sep } from "../format";
import { type Lang, translate } from "../i18n";
import {
  IndicatorInfo,
  indicatorTitle,
  multiCodes,
  multiText,
  NO_TEXT,
  NONE_TEXT,
  numberPart,
  numberText,
  unitSuffix,
  YES_TEXT,
} from "../../app/rulebook-index";
import { useShared } from "../styles";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: "2px",
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  changed: {
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    paddingInlineStart: tokens.spacingHorizontalS,
  },
  status: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  fieldset: { border: "none", margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBlockEnd: "2px", fontWeight: tokens.fontWeightSemibold },
  checks: { display: "flex", flexDirection: "column" },
});

export interface EditorProps {
  info: IndicatorInfo;
  /** The answer as scored (editor text); "" when unanswered. */
  baseText: string;
  /** The answer in the scenario. */
  text: string;
  basePoints: number;
  points: number;
  /** null: back to the scored answer. */
  onChange: (id: string, text: string | null) => void;
  linkedTitle?: string;
  /** Last year's value of an improvement indicator. */
  previousValue?: number | null;
}

function pointsText(n: number, lang: Lang) {
  return translate(lang, "points.unit", { n: fmtNumber(n, lang) });
}

/** The input of one indicator (its title is the label); onChange(null) goes back to the scored answer. */
interface ControlProps {
  info: IndicatorInfo;
  text: string;
  baseText: string;
  label: string;
  previousValue?: number | null;
  onChange: (t: string | null) => void;
}

function NumberInput({ info, text, baseText, label, previousValue, onChange }: ControlProps) {
  const { t } = usePane();
  const [draft, setDraft] = useState(numberPart(text));
  const [error, setError] = useState(false);
  const read = (value: string): string | null | undefined => {
    if (value.trim() === "") return null;
    const n = parseNumber(value, { percent: info.unit === "percent" });
    if (n.s !== "ok") return undefined;
    const d = info.def;
    if (
      info.editor === "points" &&
      ((d.kind === "points" && d.max !== undefined && n.v > d.max) || n.v < info.min)
    )
      return undefined;
    return numberText(info, n.v);
  };
  // Follow the scenario (reset, another scenario) unless the draft already says the same number.
  useEffect(() => {
    setDraft((current) => {
      const r = read(current);
      return r === text || (r === null && text === "") ? current : numberPart(text);
    });
  }, [text]);
  const unit = info.editor === "points" ? t("unit.points") : unitSuffix(info.unit);
  const hint =
    info.editor === "points" && info.max !== null
      ? t("editor.pointsRange", { min: num(info.min), max: num(info.max) })
      : previousValue !== null && previousValue !== undefined
        ? t("editor.previousValue", { value: numberText(info, previousValue) })
        : undefined;
  return (
    <Field
      label={label}
      hint={hint}
      validationState={error ? "error" : "none"}
      validationMessage={
        error ? t(info.editor === "points" ? "editor.pointsInvalid" : "editor.numberInvalid") : undefined
      }
    >
      <Input
        value={draft}
        inputMode="decimal"
        contentAfter={unit ? <span aria-hidden="true">{unit}</span> : undefined}
        onChange={(_, d) => {
          setDraft(d.value);
          const r = read(d.value);
          if (typeof r === "string") {
            setError(false);
            onChange(r);
          }
        }}
        onBlur={() => {
          const r = read(draft);
          setError(r === undefined);
          if (r === null) {
            // Emptied: back to the answer in the workbook.
            onChange(null);
            setDraft(numberPart(baseText));
          }
        }}
      />
    </Field>
  );
}

function EditorControl({ info, text, baseText, label, previousValue, onChange }: ControlProps) {
  const { t, lang } = usePane();
  const styles = useStyles();
  const legendId = useId("legend");
  const blank = baseText === "" ? <option value="">{render(msg("answer.blank"), lang)}</option> : null;
  const select = (options: ReactNode) => (
    <Field label={label}>
      <Select value={text} onChange={(_, d) => onChange(d.value === "" ? null : d.value)}>
        {blank}
        {options}
      </Select>
    </Field>
  );
  switch (info.editor) {
    case "yesno": {
      const d = info.def.kind === "yesno" ? info.def : null;
      return select(
        <>
          <option
            value={YES_TEXT}
          >{`${YES_TEXT} ${t("editor.yes")}${paren(pointsText(d?.points ?? 0, lang), lang)}`}</option>
          <option
            value={NO_TEXT}
          >{`${NO_TEXT} ${t("editor.no")}${paren(pointsText(d?.pointsIfNo ?? 0, lang), lang)}`}</option>
        </>,
      );
    }
    case "choice":
      return select(
        info.choices.map((c) => (
          <option
            key={c.code}
            value={c.value}
          >{`${c.label[lang]}${paren(pointsText(c.points, lang), lang)}`}</option>
        )),
      );
    case "band": {
      let cumulative = 0;
      const isCumulative = info.def.kind === "rankBand" && info.def.cumulative !== false;
      const numeric = text !== "" && text !== NONE_TEXT && !info.choices.some((c) => c.value === text);
      return select(
        <>
          {numeric && <option value={text}>{t("editor.measured", { value: text })}</option>}
          <option
            value={NONE_TEXT}
          >{`${render(msg("engine.none"), lang)}${paren(pointsText(0, lang), lang)}`}</option>
          {info.choices.map((c) => {
            cumulative = isCumulative ? cumulative + c.points : c.points;
            return (
              <option
                key={c.code}
                value={c.value}
              >{`${c.label[lang]}${paren(pointsText(cumulative, lang), lang)}`}</option>
            );
          })}
        </>,
      );
    }
    case "multi": {
      const chosen = multiCodes(text);
      return (
        <fieldset className={styles.fieldset} aria-labelledby={legendId}>
          <legend id={legendId} className={styles.legend}>
            {label}
          </legend>
          <div className={styles.checks}>
            {info.choices.map((c) => (
              <Checkbox
                key={c.code}
                checked={chosen.includes(c.code)}
                label={`${c.label[lang]}${paren(pointsText(c.points, lang), lang)}`}
                onChange={(_, d) => {
                  const next = d.checked ? [...chosen, c.code] : chosen.filter((x) => x !== c.code);
                  onChange(multiText(info, next));
                }}
              />
            ))}
          </div>
        </fieldset>
      );
    }
    case "number":
    case "points":
      return (
        <NumberInput
          info={info}
          text={text}
          baseText={baseText}
          label={label}
          previousValue={previousValue}
          onChange={onChange}
        />
      );
    default:
      return null;
  }
}

export const IndicatorEditor = memo(function IndicatorEditor({
  info,
  baseText,
  text,
  basePoints,
  points,
  onChange,
  linkedTitle,
  previousValue,
}: EditorProps) {
  const { t, lang } = usePane();
  const s = useShared();
  const styles = useStyles();
  const title = indicatorTitle(info, lang);
  const changed = text !== baseText;
  const delta = points - basePoints;
  return (
    <div className={mergeClasses(styles.root, changed && styles.changed)}>
      {info.editor ? (
        <EditorControl
          info={info}
          text={text}
          baseText={baseText}
          label={title}
          previousValue={previousValue}
          onChange={(v) => onChange(info.id, v)}
        />
      ) : (
        <span>{title}</span>
      )}
      <div className={styles.status}>
        <Caption1 className={s.muted}>
          {info.editor
            ? null
            : `${t("editor.linked", { to: linkedTitle ?? info.linkedTo ?? "" })}${sep(lang)}`}
          {delta !== 0
            ? `${pointsText(basePoints, lang)} → ${pointsText(points, lang)}${paren(fmtSigned(delta, lang), lang)}`
            : `${pointsText(points, lang)}${info.max !== null ? ` / ${pointsText(info.max, lang)}` : ""}`}
        </Caption1>
        {changed && info.editor && (
          <Button
            size="small"
            appearance="subtle"
            icon={<ArrowUndo16Regular />}
            aria-label={t("editor.resetOne", { name: title })}
            title={t("editor.reset")}
            onClick={() => onChange(info.id, null)}
          />
        )}
      </div>
    </div>
  );
});
