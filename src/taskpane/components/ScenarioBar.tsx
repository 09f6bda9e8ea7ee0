// Choose, add, copy, rename and delete what-if scenarios.
import { Button, Caption1, Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import { Add20Regular, Copy20Regular, Delete20Regular } from "@fluentui/react-icons";
import { usePane } from "../context";
import type { Scenario } from "../scenarios";
import { useShared } from "../styles";

const useStyles = makeStyles({
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
  },
  control: { minWidth: 0, width: "100%" },
});

interface Props {
  scenarios: Scenario[];
  current: Scenario | null;
  onSelect: (id: string) => void;
  onAdd: (copy: boolean) => void;
  onRename: (id: string, name: string) => void;
  onRemove: (id: string) => void;
}

export function ScenarioBar({ scenarios, current, onSelect, onAdd, onRename, onRemove }: Props) {
  const { t } = usePane();
  const s = useShared();
  const styles = useStyles();
  return (
    <div className={s.section}>
      {scenarios.length === 0 ? (
        <Caption1>{t("scenario.none")}</Caption1>
      ) : (
        <div className={styles.row}>
          <Field label={t("scenario.current")}>
            <Select
              className={styles.control}
              value={current?.id ?? ""}
              onChange={(_, d) => onSelect(d.value)}
            >
              {scenarios.map((sc) => (
                <option key={sc.id} value={sc.id}>
                  {sc.name || t("scenario.unnamed")}
                </option>
              ))}
            </Select>
          </Field>
          {current && (
            <Field label={t("scenario.name")}>
              <Input
                className={styles.control}
                value={current.name}
                onChange={(_, d) => onRename(current.id, d.value)}
              />
            </Field>
          )}
        </div>
      )}
      <div className={s.actions}>
        <Button size="small" icon={<Add20Regular />} onClick={() => onAdd(false)}>
          {t("scenario.add")}
        </Button>
        {current && (
          <>
            <Button size="small" icon={<Copy20Regular />} onClick={() => onAdd(true)}>
              {t("scenario.copy")}
            </Button>
            <Button
              size="small"
              icon={<Delete20Regular />}
              aria-label={t("scenario.deleteNamed", { name: current.name || t("scenario.unnamed") })}
              onClick={() => onRemove(current.id)}
            >
              {t("scenario.delete")}
            </Button>
          </>
        )}
      </div>
    </div>
  );
}
