// ESLint for KA Planner: typescript-eslint's strict type-checked rules, the React hooks rules for
// the task pane, and the layering (every import points down, Office.js only in its layers)
// enforced by eslint-plugin-boundaries. Formatting is Prettier's job (`npm run format:check`),
// so no formatting rules here: the stylistic rules below are the type-aware ones about code,
// not layout.
import js from "@eslint/js";
import boundaries from "eslint-plugin-boundaries";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * The layers, bottom to top, and what each may import (besides itself). One element per folder;
 * the order matters only where a folder sits inside another (render/office before render).
 *   engine (pure rules) ← excel (Excel's own naming/list/limit rules) ← sheets (sheet model)
 *   ← functions, app (application, no Office) ← render/{office,xlsx} (renderers)
 *   ← addin (the add-in's Office application) ← taskpane, commands, cli (entry points)
 * strings (the texts, once per language) sits under everything; sample (the demo data
 * generator) serves the CLI and the tests; manifest and help are the build's scripts.
 */
const LAYERS = {
  strings: [],
  engine: ["strings"],
  excel: [],
  sample: ["engine", "strings"],
  sheets: ["engine", "excel", "strings"],
  functions: ["engine", "strings"],
  app: ["engine", "excel", "sheets", "strings"],
  "render-office": ["sheets", "excel", "strings"],
  "render-xlsx": ["sheets", "excel", "strings"],
  addin: ["app", "render-office", "engine", "sheets", "excel", "strings"],
  taskpane: ["addin", "app", "engine", "sheets", "excel", "strings"],
  commands: ["addin", "app", "taskpane", "engine", "strings"],
  cli: ["app", "render-xlsx", "engine", "sheets", "excel", "strings", "sample"],
  // Build scripts that webpack.config.js requires (plain CommonJS): only their .d.ts files are
  // TypeScript. The help pages are made from the functions' metadata.
  manifest: [],
  help: ["functions"],
};

const FOLDER = { "render-office": "render/office", "render-xlsx": "render/xlsx" };

/** npm packages and Node built-ins a layer may use; the pure layers use none. */
const PACKAGES = {
  "render-xlsx": { external: ["exceljs", "jszip"], core: ["fs", "path", "os", "zlib", "node:*"] },
  taskpane: { external: ["react", "react-dom", "@fluentui/*"], core: [] },
  cli: { external: ["*", "@*/*"], core: ["*", "node:*"] },
};

/** Office.js globals: only the Office layers may touch them. */
const OFFICE_LAYERS = ["src/render/office/**", "src/addin/**", "src/taskpane/**", "src/commands/**"];
const OFFICE_GLOBALS = ["Excel", "Office", "OfficeExtension", "OfficeRuntime"].map((name) => ({
  name,
  message: "Office.js belongs to src/render/office, src/addin, src/taskpane and src/commands only.",
}));

const boundaryPolicies = Object.entries(LAYERS).flatMap(([layer, allowed]) => {
  const packages = PACKAGES[layer] ?? { external: [], core: [] };
  return [
    // The CLI reads its version from the package manifest.
    ...(layer === "cli" ? [{ from: { element: { type: layer } }, allow: { to: { file: { categories: "package-manifest" } } } }] : []),
    {
      from: { element: { type: layer } },
      allow: { to: { element: { types: { anyOf: [layer, ...allowed] } } } },
    },
    ...(packages.external.length
      ? [{ from: { element: { type: layer } }, allow: { to: { module: { origin: "external", source: packages.external } } } }]
      : []),
    ...(packages.core.length
      ? [{ from: { element: { type: layer } }, allow: { to: { module: { origin: "core", source: packages.core } } } }]
      : []),
  ];
});

export default tseslint.config(
  {
    ignores: ["dist/", "dist-cli/", "dist-bench/", "dist-tsc/", "coverage/", "out/", "node_modules/"],
  },
  js.configs.recommended,
  // A disable comment must name a rule that really fires there.
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  // Header synonyms and their comments show full-width text ("Ｎｅｔ　Ｓａｌｅｓ") on purpose.
  { rules: { "no-irregular-whitespace": ["error", { skipComments: true, skipStrings: true, skipTemplates: true }] } },

  // TypeScript: the strict, type-checked rule sets (types from the two tsconfigs' program).
  {
    files: ["**/*.ts", "**/*.tsx"],
    extends: [...tseslint.configs.strictTypeChecked, ...tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Numbers and booleans read naturally in messages and formulas (`${row}`, `${n} rows`);
      // the rule still stops objects, arrays, null and undefined from becoming text.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true, allowBoolean: true }],
      // `_name` marks a parameter kept for a signature (an Excel custom function's arguments).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // `(x) => resolve(x)` and `() => setOpen(false)` are this code's idiom for callbacks; a void
      // value returned from a block or assigned is still an error.
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true }],
      // tsconfig has no noUncheckedIndexedAccess, so TypeScript types `m[3]` (a regex group),
      // `record[key]` and `array[i]` as always defined; the rule would then ask to delete the
      // guards that keep bad input from becoming an uncaught exception.
      "@typescript-eslint/no-unnecessary-condition": "off",
      // The engine's hot loops over typed arrays are indexed on purpose (measured: see
      // engine/auto-abc.ts positiveSum); an index loop is not less clear than for-of.
      "@typescript-eslint/prefer-for-of": "off",
    },
  },

  // Tests: a wrong `!` throws and fails the test, which is what a test wants (`expect` does not
  // narrow types), and failure messages may print any value they were given.
  {
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/restrict-template-expressions": "off",
      // The fakes read `this.state?.name as string` after checking the property was loaded; the
      // rule's `!` would trip no-non-null-asserted-optional-chain instead.
      "@typescript-eslint/non-nullable-type-assertion-style": "off",
    },
  },

  // Plain JavaScript (build scripts, fixtures makers): CommonJS under Node.
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
  },
  { files: ["**/*.mjs"], languageOptions: { globals: { ...globals.node } } },

  // The task pane: React function components and hooks.
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },

  // Office.js only where the add-in talks to Excel.
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: OFFICE_LAYERS,
    rules: { "no-restricted-globals": ["error", ...OFFICE_GLOBALS] },
  },

  // The layering.
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { boundaries },
    settings: {
      "import/resolver": { node: { extensions: [".ts", ".tsx", ".js", ".json", ".d.ts"] } },
      "boundaries/elements": Object.keys(LAYERS).map((type) => ({ type, pattern: `src/${FOLDER[type] ?? type}/**`, partialMatch: false })),
      "boundaries/files": [{ category: "package-manifest", pattern: "package.json" }],
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        { default: "disallow", checkAllOrigins: true, checkUnknownLocals: true, policies: boundaryPolicies },
      ],
      "boundaries/no-unknown-files": "error",
    },
  },
);
