/** Unit and component tests. Browser (e2e) tests live in test/e2e and run with `npm run test:e2e`. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  transform: {
    "^.+\\.(t|j)sx?$": ["@swc/jest", { jsc: { parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } }, target: "es2022" } }],
  },
  transformIgnorePatterns: ["/node_modules/"],
  setupFiles: ["<rootDir>/test/setup/fastCheckSeed.ts"],
  // Two cores shared by parallel builds: rendered-pane tests pass in ~2 s alone but exceed jest's 5 s default under
  // load. A timeout is a hang guard here, never a speed assertion (speed is `npm run bench`).
  testTimeout: 30000,
  // `npm test` runs with --coverage: the engine is the product's logic, so every line of it should be exercised.
  // Targeted runs (`npx jest path`) collect nothing and so are not held to the threshold.
  collectCoverageFrom: ["src/engine/**/*.ts", "!src/engine/**/*.test.ts"],
  coverageReporters: ["text-summary", "json-summary"],
  coverageThreshold: { "./src/engine/": { lines: 90 } },
};
