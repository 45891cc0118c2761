import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";
import globals from "globals";

export default [
  {
    ignores: [
      "dist/**",
      "build/**",
      "node_modules/**",
      "coverage/**",
      "test-artifacts/**",
      "test/corpus/generated/**",
    ],
  },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { ecmaVersion: 2022, sourceType: "module", ecmaFeatures: { jsx: true } },
      globals: {
        ...globals.browser,
        ...globals.node,
        Office: "readonly",
        Excel: "readonly",
        OfficeExtension: "readonly",
      },
    },
    rules: {
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      "no-undef": "off",
      "no-redeclare": "off",
    },
  },
  {
    // .tsx: the TypeScript-aware unused-vars rule (the base rule flags parameter names in types).
    files: ["**/*.tsx"],
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: { "no-unused-vars": "off", "@typescript-eslint/no-unused-vars": "error" },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.node } },
  },
  {
    // The scoring core is pure: decimal.js and its own files only.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!decimal\\.js$|\\./)",
              message: "src/core imports nothing but decimal.js and its own files.",
            },
          ],
        },
      ],
    },
  },
  {
    // Folders of the core (src/core/rules): their own parent, never beyond it.
    files: ["src/core/*/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!decimal\\.js$|\\./|\\.\\./(?!\\.\\./))",
              message: "src/core imports nothing but decimal.js and its own files.",
            },
          ],
        },
      ],
    },
  },
  {
    // The sheet layer is pure: the core, decimal.js and its own files.
    files: ["src/sheet/**/*.ts", "src/templates/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!decimal\\.js$|\\./|\\.\\./(core|sheet|templates|i18n)(/|$))",
              message: "src/sheet is pure: core, the message catalogs, decimal.js and its own files only.",
            },
          ],
        },
      ],
    },
  },
];
