// One loader per bundled rulebook file. Webpack makes each import() a chunk of its own, so the task
// pane downloads a rulebook only when it is chosen; in Node each is a require of the same file the CLI
// reads through ./index.ts. The files were validated when the product was built (see ./catalogue.ts).
export const BUNDLED_LOADERS: Readonly<Record<string, () => Promise<{ default: unknown }>>> = {
  "kaigo-municipal-fy2026": () => import(/* webpackChunkName: "rulebook-kaigo-municipal-fy2026" */ "./kaigo-municipal-fy2026.json"),
  "kaigo-municipal-fy2025": () => import(/* webpackChunkName: "rulebook-kaigo-municipal-fy2025" */ "./kaigo-municipal-fy2025.json"),
  "kaigo-municipal-fy2024": () => import(/* webpackChunkName: "rulebook-kaigo-municipal-fy2024" */ "./kaigo-municipal-fy2024.json"),
  "kaigo-municipal-fy2026-groups": () => import(/* webpackChunkName: "rulebook-kaigo-municipal-fy2026-groups" */ "./kaigo-municipal-fy2026-groups.json"),
  "kaigo-municipal-fy2025-groups": () => import(/* webpackChunkName: "rulebook-kaigo-municipal-fy2025-groups" */ "./kaigo-municipal-fy2025-groups.json"),
  "kaigo-municipal-fy2024-groups": () => import(/* webpackChunkName: "rulebook-kaigo-municipal-fy2024-groups" */ "./kaigo-municipal-fy2024-groups.json"),
  "kaigo-municipal-fy2023-groups": () => import(/* webpackChunkName: "rulebook-kaigo-municipal-fy2023-groups" */ "./kaigo-municipal-fy2023-groups.json"),
  "kaigo-municipal-2019-groups": () => import(/* webpackChunkName: "rulebook-kaigo-municipal-2019-groups" */ "./kaigo-municipal-2019-groups.json"),
  "kaigo-prefectural-fy2026-groups": () => import(/* webpackChunkName: "rulebook-kaigo-prefectural-fy2026-groups" */ "./kaigo-prefectural-fy2026-groups.json"),
  "kaigo-prefectural-2019-groups": () => import(/* webpackChunkName: "rulebook-kaigo-prefectural-2019-groups" */ "./kaigo-prefectural-2019-groups.json"),
  "nhi-municipal-fy2024": () => import(/* webpackChunkName: "rulebook-nhi-municipal-fy2024" */ "./nhi-municipal-fy2024.json"),
  "kouki-fy2024": () => import(/* webpackChunkName: "rulebook-kouki-fy2024" */ "./kouki-fy2024.json"),
  "kouki-fy2022": () => import(/* webpackChunkName: "rulebook-kouki-fy2022" */ "./kouki-fy2022.json"),
};
