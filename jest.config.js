/**
 * Three projects, one command: `npm test` runs them all; `npm run test:unit` runs "unit" only, the
 * inner loop. "fuzz" holds the property tests (10,000 generated inputs per property: minutes of
 * CPU); "slow" the tests that start other programs or build things: LibreOffice, the browser,
 * webpack and tsc builds, the compiled CLI, and the large inputs.
 */
const SLOW = [
  // LibreOffice recalculates the written workbooks.
  "<rootDir>/test/render/xlsx-libreoffice.test.ts",
  "<rootDir>/test/cli/demo-workbook.test.ts",
  // The pane in a real browser (Playwright), on a webpack build.
  "<rootDir>/test/browser/",
  // webpack production build scanned.
  "<rootDir>/test/build/",
  // The CLI compiled with tsc and run as a child process.
  "<rootDir>/test/cli/e2e.test.ts",
  "<rootDir>/test/cli/hostile-files.test.ts",
  "<rootDir>/test/cli/interrupt.test.ts",
  "<rootDir>/test/cli/large-output.test.ts",
  // office-addin-manifest's command line as a child process.
  "<rootDir>/test/manifest/manifest-info.test.ts",
  // Large generated inputs: a million rows, and the engine against its reference at sizes far
  // above the fast paths' thresholds.
  "<rootDir>/test/fuzz/large.test.ts",
  "<rootDir>/test/bench/engine-equivalence.test.ts",
  // Each of these takes 10 s or more of CPU (large sheets and inputs, npm and the sample
  // workbooks): the rest of the unit tests run in under a minute on two cores without them.
  "<rootDir>/test/render/office.test.ts",
  "<rootDir>/test/render/office-actions.test.ts",
  "<rootDir>/test/engine/adversarial-names.test.ts",
  "<rootDir>/test/engine/total-rows.test.ts",
  "<rootDir>/test/sheets/portfolio-matrix.test.ts",
  "<rootDir>/test/sheets/contribution.test.ts",
  "<rootDir>/test/sheets/account-plan.test.ts",
  "<rootDir>/test/taskpane/preview-total-rows.test.ts",
  "<rootDir>/test/cli/xlsx-bounds.test.ts",
  "<rootDir>/test/cli/npx.test.ts",
  "<rootDir>/test/cli/build.test.ts",
  "<rootDir>/test/cli/sample.test.ts",
  "<rootDir>/test/cli/european.test.ts",
  "<rootDir>/test/sample/generate.test.ts",
];

/** The property tests (test/fuzz/large.test.ts is in SLOW). */
const FUZZ = ["<rootDir>/test/fuzz/"];

/** Shared by the projects. */
const base = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  setupFiles: ["<rootDir>/test/support/custom-functions-runtime.ts"],
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  projects: [
    // The inner loop transpiles without type-checking (npm run typecheck and npm test check types).
    {
      ...base,
      displayName: "unit",
      testPathIgnorePatterns: ["/node_modules/", ...SLOW, ...FUZZ],
      transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.unit.json" }] },
    },
    { ...base, displayName: "fuzz", testMatch: FUZZ.map((p) => `${p}**/*.test.ts`), testPathIgnorePatterns: ["/node_modules/", ...SLOW] },
    { ...base, displayName: "slow", testMatch: SLOW.map((p) => (p.endsWith("/") ? `${p}**/*.test.ts` : p)) },
  ],
};
