// TypeScript rules everywhere; eslint-plugin-office-addins' rules (load before read, sync before read,
// no sync in loops) on the code that talks to Office.js. Its heuristics read ExcelJS's getCell() as
// an Office proxy, so the ExcelJS-based CLI and tests are outside their scope. Formatting is prettier's.
const officeAddins = require("eslint-plugin-office-addins");
const tseslint = require("typescript-eslint");

const OFFICE_CODE = ["src/taskpane/**/*.{ts,tsx}", "src/adapters/office/**/*.ts"];
const officeRules = Object.fromEntries(
  Object.keys(officeAddins.rules).map((name) => [`office-addins/${name}`, "off"]),
);

module.exports = [
  { ignores: ["node_modules/", "dist/", "coverage/", "test-artifacts/", "**/*.js"] },
  ...officeAddins.configs.recommended.map((c) => ({ ...c, files: ["**/*.{ts,tsx}"] })),
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: "module" },
    rules: {
      ...officeRules,
      "prettier/prettier": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-require-imports": "error",
      "no-undef": "off",
    },
  },
  {
    files: OFFICE_CODE,
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
];
