// Office add-in lint rules (no-context-sync-in-loop, load-object-before-read, …) with React, prettier and
// typescript-eslint's recommended set; src/engine keeps to plain TypeScript (see the boundary block below).
import { builtinModules } from "node:module";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// The office-addins plugin bundles an older @typescript-eslint plugin; flat config refuses two plugins under one
// name, so its blocks use ours and typescript-eslint's recommended set can be added beside them.
const withOurTsPlugin = (config) =>
  config.plugins?.["@typescript-eslint"]
    ? { ...config, plugins: { ...config.plugins, "@typescript-eslint": tseslint.plugin } }
    : config;

// The plugin's own TypeScript block covers .ts only; apply the same block to .tsx too.
const tsBlock = withOurTsPlugin(
  officeAddins.configs.recommended.find((c) => c.plugins?.["office-addins"] && c.languageOptions),
);

// The engine runs unchanged in the pane, the CLI and tests, so it reads a plain Grid and imports no host.
const engineBoundary = {
  files: ["src/engine/**/*.ts"],
  ignores: ["**/*.test.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        paths: builtinModules.map((name) => ({ name, message: "src/engine is host-free: no node modules." })),
        patterns: [
          { group: ["node:*"], message: "src/engine is host-free: no node modules." },
          { group: ["exceljs", "exceljs/*"], message: "Files are read in src/adapters/xlsx; the engine gets a Grid." },
          {
            group: ["office-js", "@microsoft/office-js", "office-addin-*", "@types/office-js"],
            message: "Office.js lives in src/adapters/excel; the engine gets a Grid.",
          },
          {
            group: ["react", "react/*", "react-dom", "react-dom/*", "@fluentui/*"],
            message: "The task pane (src/taskpane) renders; the engine computes.",
          },
          {
            group: ["**/adapters/**", "**/taskpane/**", "**/cli/**", "**/commands/**"],
            message: "Adapters, pane and CLI depend on the engine, never the other way round.",
          },
        ],
      },
    ],
    "no-restricted-globals": [
      "error",
      ...["Office", "Excel", "OfficeExtension", "OfficeRuntime"].map((name) => ({
        name,
        message: "Office.js lives in src/adapters/excel; the engine gets a Grid.",
      })),
      ...["require", "process", "Buffer", "__dirname", "__filename"].map((name) => ({
        name,
        message: "src/engine is host-free: no node globals.",
      })),
      ...["window", "document", "localStorage"].map((name) => ({
        name,
        message: "src/engine is host-free: the pane owns the browser.",
      })),
    ],
    // Type positions (`Excel.Range`) are not global references; name the Office namespaces there too.
    "no-restricted-syntax": [
      "error",
      {
        selector: "TSQualifiedName[left.name=/^(Office|Excel|OfficeExtension)$/]",
        message: "Office.js types live in src/adapters/excel; the engine gets a Grid.",
      },
    ],
  },
};

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-artifacts/**", "**/*.cjs", "**/*.mjs"] },
  ...officeAddins.configs.react.map(withOurTsPlugin),
  { ...tsBlock, files: ["**/*.tsx"] },
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: ["**/*.{ts,tsx}"] })),
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    // The plugin loads its parser through a default import that is undefined in this version: set it here.
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: "module" },
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "react/react-in-jsx-scope": "off", // React 19's automatic JSX runtime needs no React in scope.
      "react/prop-types": "off", // Props are TypeScript types; runtime prop-types would repeat them.
      "no-undef": "off", // TypeScript checks names (typescript-eslint's advice); the rule misreads type globals.
      "no-redeclare": "off", // TypeScript reports redeclarations; the base rule misreads overloads and type+value pairs.
    },
  },
  engineBoundary,
];
