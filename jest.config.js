/**
 * Unit and integration tests. End-to-end browser tests live in jest.e2e.config.js.
 * The Office host's tests run through Microsoft's real Excel client library (under jsdom)
 * once per ExcelApi level the add-in meets in the field: 1.7 (Office 2019), 1.12, 1.17
 * (Office 2024) and 1.18 (Microsoft 365).
 */
const base = {
  roots: ["<rootDir>/test"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: true }],
  },
  moduleNameMapper: {
    "\\.(css)$": "<rootDir>/test/support/style-stub.js",
  },
};

const OFFICE_LEVELS = ["1.7", "1.12", "1.17", "1.18"];

module.exports = {
  testTimeout: 30000,
  projects: [
    {
      ...base,
      displayName: "unit",
      testEnvironment: "node",
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/office/"],
    },
    ...OFFICE_LEVELS.map((api) => ({
      ...base,
      displayName: `office@${api}`,
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/office/**/*.test.ts"],
      setupFiles: [`<rootDir>/test/support/excel-api-${api}.js`],
    })),
  ],
};
