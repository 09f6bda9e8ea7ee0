// What the grant estimate needs: insured persons, and either yen per point per insured person or the
// pool's budget with the national Σ (points × insured persons).
import { Caption1, Field, Input, makeStyles, Radio, RadioGroup, tokens } from "@fluentui/react-components";
import { usePane } from "../context";
import { GrantForm, GrantMode, invalidFields } from "../grant";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

export function GrantInputs({ form, onChange }: { form: GrantForm; onChange: (form: GrantForm) => void }) {
  const { t } = usePane();
  const styles = useStyles();
  const invalid = new Set(invalidFields(form));
  const field = (key: keyof Omit<GrantForm, "mode">, label: string, unit: string, hint?: string) => (
    <Field
      label={label}
      hint={hint}
      validationState={invalid.has(key) ? "error" : "none"}
      validationMessage={invalid.has(key) ? t("grant.invalid") : undefined}
    >
      <Input
        value={form[key]}
        inputMode="decimal"
        contentAfter={<span aria-hidden="true">{unit}</span>}
        onChange={(_, d) => onChange({ ...form, [key]: d.value })}
      />
    </Field>
  );
  return (
    <div className={styles.root}>
      {field("insured", t("grant.insured"), t("unit.persons"))}
      <Field label={t("grant.mode")}>
        <RadioGroup value={form.mode} onChange={(_, d) => onChange({ ...form, mode: d.value as GrantMode })}>
          <Radio value="perPoint" label={t("grant.mode.perPoint")} />
          <Radio value="pool" label={t("grant.mode.pool")} />
        </RadioGroup>
      </Field>
      {form.mode === "perPoint" ? (
        field("yenPerPoint", t("grant.yenPerPoint"), t("unit.yen"))
      ) : (
        <>
          {field("budget", t("grant.budget"), t("unit.yen"))}
          {field("nationalWeight", t("grant.nationalWeight"), "", t("grant.nationalWeightHint"))}
        </>
      )}
      <Caption1>{t(form.mode === "perPoint" ? "grant.formula.perPoint" : "grant.formula.pool")}</Caption1>
    </div>
  );
}
