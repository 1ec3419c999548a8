/**
 * Two projects, one command: `npm test` runs both; `npm run test:unit` runs "unit" only, the inner
 * loop (well under a minute). "slow" holds the tests that start other programs or build things:
 * LibreOffice, the browser, webpack and tsc builds, the compiled CLI, and the large fuzz inputs.
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
];

/** Shared by both projects. */
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
    { ...base, displayName: "unit", testPathIgnorePatterns: ["/node_modules/", ...SLOW] },
    { ...base, displayName: "slow", testMatch: SLOW.map((p) => (p.endsWith("/") ? `${p}**/*.test.ts` : p)) },
  ],
};
