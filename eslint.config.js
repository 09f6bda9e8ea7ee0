// Office add-in rules (load before read, no sync in loops) from eslint-plugin-office-addins,
// on top of typescript-eslint's recommended set. Formatting is prettier's job, not lint's.
const officeAddins = require("eslint-plugin-office-addins");
const tseslint = require("typescript-eslint");

module.exports = [
  { ignores: ["node_modules/", "dist/", "coverage/", "test-artifacts/", "**/*.js", "!eslint.config.js"] },
  ...tseslint.configs.recommended,
  ...officeAddins.configs.recommended.map((c) => ({ ...c, files: ["**/*.{ts,tsx}"] })),
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      "prettier/prettier": "off",
      "office-addins/no-context-sync-in-loop": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-undef": "off",
    },
  },
];
