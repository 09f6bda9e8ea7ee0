// The rulebooks shipped with Saiten as a small index: what a picker lists and what a workbook's
// rulebook id is matched against, without the rulebooks themselves. The task pane carries this at
// start and loads a rulebook's file only when it is used (./loaders.ts); the CLI reads the same files
// at once (./index.ts). Each entry repeats what its file says: the build refuses a file whose entry
// differs, and one that fails validation (scripts/rulebook-check-loader.js, test/rulebooks-bundled.test.ts).
import type { Text } from "../schema";

export interface BundledRulebookInfo {
  id: string;
  scheme: string;
  entity: "municipality" | "prefecture" | "wide-area-union" | "insurer";
  fiscalYear: number;
  level: "item" | "group" | "mixed";
  title: Text;
  /** The total's maximum (root.max), null when the rulebook sets none. */
  max: number | null;
}

const KAIGO = "kaigo-kofukin";
const KAIGO_TITLE = "保険者機能強化推進交付金・介護保険保険者努力支援交付金（市町村分）";

/** Newest first within a scheme; the first entry is the default for new workbooks (FY2026 cycle). */
export const BUNDLED_INDEX: readonly BundledRulebookInfo[] = [
  {
    id: "kaigo-municipal-fy2026",
    scheme: KAIGO,
    entity: "municipality",
    fiscalYear: 2026,
    level: "item",
    title: {
      ja: `令和8年度 ${KAIGO_TITLE}評価指標`,
      en: "FY2026 long-term-care insurer incentive grants (promotion and support grants), municipal evaluation indicators",
    },
    max: 800,
  },
  {
    id: "kaigo-municipal-fy2025",
    scheme: KAIGO,
    entity: "municipality",
    fiscalYear: 2025,
    level: "item",
    title: {
      ja: `令和7年度 ${KAIGO_TITLE}評価指標`,
      en: "FY2025 long-term-care insurer incentive grants (promotion and support grants), municipal evaluation indicators",
    },
    max: 800,
  },
  {
    id: "kaigo-municipal-fy2024",
    scheme: KAIGO,
    entity: "municipality",
    fiscalYear: 2024,
    level: "item",
    title: {
      ja: `令和6年度 ${KAIGO_TITLE}評価指標`,
      en: "FY2024 long-term-care insurer incentive grants (promotion and support grants), municipal evaluation indicators",
    },
    max: 800,
  },
  {
    id: "kaigo-municipal-fy2026-groups",
    scheme: KAIGO,
    entity: "municipality",
    fiscalYear: 2026,
    level: "group",
    title: {
      ja: `${KAIGO_TITLE}令和8年度 指標群別得点`,
      en: "Long-term-care incentive grants (municipal), FY2026 — points per indicator group",
    },
    max: 800,
  },
  {
    id: "kaigo-municipal-fy2025-groups",
    scheme: KAIGO,
    entity: "municipality",
    fiscalYear: 2025,
    level: "group",
    title: {
      ja: `${KAIGO_TITLE}令和7年度 指標群別得点`,
      en: "Long-term-care incentive grants (municipal), FY2025 — points per indicator group",
    },
    max: 800,
  },
  {
    id: "kaigo-municipal-fy2024-groups",
    scheme: KAIGO,
    entity: "municipality",
    fiscalYear: 2024,
    level: "group",
    title: {
      ja: `${KAIGO_TITLE}令和6年度 指標群別得点`,
      en: "Long-term-care incentive grants (municipal), FY2024 — points per indicator group",
    },
    max: 800,
  },
  {
    id: "kaigo-municipal-fy2023-groups",
    scheme: KAIGO,
    entity: "municipality",
    fiscalYear: 2023,
    level: "group",
    title: {
      ja: `${KAIGO_TITLE}令和5年度 区分別得点`,
      en: "Long-term-care incentive grants (municipal), FY2023 (old structure) — points per section",
    },
    max: 2185,
  },
  {
    id: "kaigo-municipal-2019-groups",
    scheme: KAIGO,
    entity: "municipality",
    fiscalYear: 2019,
    level: "group",
    title: {
      ja: "保険者機能強化推進交付金（市町村分）2019年度 領域別得点",
      en: "LTC insurer-function strengthening grant (municipal), FY2019 — points per area",
    },
    max: 612,
  },
  {
    id: "kaigo-prefectural-fy2026-groups",
    scheme: KAIGO,
    entity: "prefecture",
    fiscalYear: 2026,
    level: "group",
    title: {
      ja: "保険者機能強化推進交付金・介護保険保険者努力支援交付金（都道府県分）令和8年度 目標別得点",
      en: "Long-term-care incentive grants (prefectural), FY2026 — points per goal",
    },
    max: 800,
  },
  {
    id: "kaigo-prefectural-2019-groups",
    scheme: KAIGO,
    entity: "prefecture",
    fiscalYear: 2019,
    level: "group",
    title: {
      ja: "保険者機能強化推進交付金（都道府県分）2019年度 領域別得点",
      en: "LTC insurer-function strengthening grant (prefectural), FY2019 — points per area",
    },
    max: 730,
  },
  {
    id: "nhi-municipal-fy2024",
    scheme: "nhi-doryoku-shien",
    entity: "municipality",
    fiscalYear: 2024,
    level: "mixed",
    title: {
      ja: "保険者努力支援制度（取組評価分）市町村分 令和6年度",
      en: "NHI insurer-effort support system (effort evaluation), municipal part, FY2024",
    },
    max: 840,
  },
  {
    id: "kouki-fy2024",
    scheme: "kouki-incentive",
    entity: "wide-area-union",
    fiscalYear: 2024,
    level: "group",
    title: {
      ja: "後期高齢者医療制度の保険者インセンティブ 令和6年度（160点、広域連合）",
      en: "Late-elderly medical care insurer incentive, FY2024 (160 points, wide-area unions)",
    },
    max: 160,
  },
  {
    id: "kouki-fy2022",
    scheme: "kouki-incentive",
    entity: "wide-area-union",
    fiscalYear: 2022,
    level: "group",
    title: {
      ja: "後期高齢者医療制度の保険者インセンティブ 令和4年度（広域連合）",
      en: "Late-elderly medical care insurer incentive, FY2022 (wide-area unions)",
    },
    max: 120,
  },
];

