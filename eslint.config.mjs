// Office add-in lint rules (no-context-sync-in-loop, load-object-before-read, …) with React and prettier.
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// The plugin's own TypeScript block covers .ts only; apply the same block to .tsx too.
const tsBlock = officeAddins.configs.recommended.find((c) => c.plugins?.["office-addins"] && c.languageOptions);

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-artifacts/**", "**/*.cjs", "**/*.mjs"] },
  ...officeAddins.configs.react,
  { ...tsBlock, files: ["**/*.tsx"] },
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    // The plugin loads its parser through a default import that is undefined in this version: set it here.
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: "module" },
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "no-undef": "off",
      "no-redeclare": "off",
    },
  },
];
