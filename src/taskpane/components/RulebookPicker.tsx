// The rulebook to score with, grouped by fiscal year (newest first).
import { Caption1, Dropdown, Field, makeStyles, Option, OptionGroup } from "@fluentui/react-components";
import { useMemo } from "react";
import type { RulebookInfo } from "../../app/pane-api";
import { usePane } from "../context";
import { fiscalYearLabel, fmtNumber, sep, withYear } from "../format";

const useStyles = makeStyles({
  dropdown: { minWidth: 0, width: "100%" },
  listbox: { maxHeight: "60vh" },
  option: { display: "flex", flexDirection: "column" },
});

interface Props {
  rulebooks: RulebookInfo[];
  value: string | undefined;
  onChange: (id: string) => void;
  disabled?: boolean;
}

export function RulebookPicker({ rulebooks, value, onChange, disabled }: Props) {
  const { t, lt, lang } = usePane();
  const styles = useStyles();
  const years = useMemo(() => {
    const byYear = new Map<number, RulebookInfo[]>();
    for (const rb of rulebooks) byYear.set(rb.fiscalYear, [...(byYear.get(rb.fiscalYear) ?? []), rb]);
    return [...byYear.entries()].sort((a, b) => b[0] - a[0]);
  }, [rulebooks]);
  const selected = rulebooks.find((rb) => rb.id === value);
  const levelText = (rb: RulebookInfo) =>
    [
      t(rb.level === "item" ? "level.item" : rb.level === "group" ? "level.group" : "level.mixed"),
      rb.max !== null ? t("points.max", { max: fmtNumber(rb.max, lang) }) : null,
    ]
      .filter(Boolean)
      .join(sep(lang));

  return (
    <Field label={t("rulebook.label")} hint={selected ? levelText(selected) : t("rulebook.choose")}>
      <Dropdown
        className={styles.dropdown}
        listbox={{ className: styles.listbox }}
        placeholder={t("rulebook.choose")}
        value={selected ? withYear(lt(selected.title), selected.fiscalYear, lang) : ""}
        selectedOptions={value ? [value] : []}
        onOptionSelect={(_, data) => {
          if (data.optionValue) onChange(data.optionValue);
        }}
        disabled={disabled}
      >
        {years.map(([year, list]) => (
          <OptionGroup
            key={year}
            label={
              lang === "ja" ? `${fiscalYearLabel(year, lang)}（${year}年度）` : fiscalYearLabel(year, lang)
            }
          >
            {list.map((rb) => (
              <Option key={rb.id} value={rb.id} text={withYear(lt(rb.title), rb.fiscalYear, lang)}>
                <span className={styles.option}>
                  <span>{lt(rb.title)}</span>
                  <Caption1>{levelText(rb)}</Caption1>
                </span>
              </Option>
            ))}
          </OptionGroup>
        ))}
      </Dropdown>
    </Field>
  );
}
