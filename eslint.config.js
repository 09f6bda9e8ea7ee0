// Office add-in rules (load before read, no sync in loops) from eslint-plugin-office-addins, which
// also registers the TypeScript parser and plugin. Formatting is prettier's job, not lint's.
const officeAddins = require("eslint-plugin-office-addins");
const tseslint = require("typescript-eslint");

module.exports = [
  { ignores: ["node_modules/", "dist/", "coverage/", "test-artifacts/", "**/*.js"] },
  ...officeAddins.configs.recommended.map((c) => ({ ...c, files: ["**/*.{ts,tsx}"] })),
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: "module" },
    rules: {
      "prettier/prettier": "off",
      "office-addins/no-context-sync-in-loop": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-require-imports": "error",
      "no-undef": "off",
    },
  },
];
