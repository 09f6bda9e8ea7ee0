// 日本語 ⇄ English. The button is written in the language it switches to.
import { Button } from "@fluentui/react-components";
import { LocalLanguage20Regular } from "@fluentui/react-icons";
import type { Lang } from "../i18n";
import { translate } from "../i18n";

export function LanguageSwitch({ lang, onChange }: { lang: Lang; onChange: (lang: Lang) => void }) {
  const other: Lang = lang === "ja" ? "en" : "ja";
  return (
    <Button
      appearance="subtle"
      size="small"
      icon={<LocalLanguage20Regular />}
      lang={other}
      aria-label={translate(other, "language.switchTo")}
      onClick={() => onChange(other)}
    >
      {translate(other, "language.name")}
    </Button>
  );
}
