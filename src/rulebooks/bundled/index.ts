// Every bundled rulebook file at once, for Node (registry.ts). The task pane never imports this
// module: it lists the rulebooks from ./catalogue.ts and loads each through ./loaders.ts.
import kaigoFy2024 from "./kaigo-municipal-fy2024.json";
import kaigoFy2025 from "./kaigo-municipal-fy2025.json";
import kaigoFy2026 from "./kaigo-municipal-fy2026.json";
import kaigoFy2024Groups from "./kaigo-municipal-fy2024-groups.json";
import kaigoFy2025Groups from "./kaigo-municipal-fy2025-groups.json";
import kaigoFy2026Groups from "./kaigo-municipal-fy2026-groups.json";
import kaigoFy2023Groups from "./kaigo-municipal-fy2023-groups.json";
import kaigoMunicipal2019 from "./kaigo-municipal-2019-groups.json";
import kaigoPrefectural2019 from "./kaigo-prefectural-2019-groups.json";
import kaigoPrefecturalFy2026Groups from "./kaigo-prefectural-fy2026-groups.json";
import nhiMunicipalFy2024 from "./nhi-municipal-fy2024.json";
import koukiFy2022 from "./kouki-fy2022.json";
import koukiFy2024 from "./kouki-fy2024.json";

/** Newest first within a scheme; the first entry is the default for new workbooks (FY2026 cycle). */
export const BUNDLED_DOCUMENTS: readonly unknown[] = [
  kaigoFy2026,
  kaigoFy2025,
  kaigoFy2024,
  kaigoFy2026Groups,
  kaigoFy2025Groups,
  kaigoFy2024Groups,
  kaigoFy2023Groups,
  kaigoMunicipal2019,
  kaigoPrefecturalFy2026Groups,
  kaigoPrefectural2019,
  nhiMunicipalFy2024,
  koukiFy2024,
  koukiFy2022,
];
