#!/usr/bin/env node
/**
 * `npm run test:fuzz [rounds]`: the property tests (every test file that imports fast-check) run `rounds` times
 * (default 10), each with a fresh seed (test/setup/fastCheckSeed.ts). `npm test` keeps one fixed seed so CI is
 * repeatable; this is where new counterexamples are looked for. A failure prints its seed: replay it with
 * `FC_SEED=<seed> npx jest <file>`.
 */
const { execFileSync, spawnSync } = require("node:child_process");

const rounds = Number(process.argv[2] ?? 10);
const files = execFileSync("git", ["grep", "-l", 'from "fast-check"', "--", "src", "test"], { encoding: "utf8" })
  .split("\n")
  .filter((file) => /\.test\.tsx?$/.test(file));
for (let round = 1; round <= rounds; round++) {
  console.log(`\n== round ${round} of ${rounds}: ${files.length} property test files, fresh seeds`);
  const run = spawnSync("npx", ["jest", ...files], { stdio: "inherit", env: { ...process.env, FC_SEED: "random" } });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
