/**
 * Hostile inputs (issue 14, spec §8): peak memory (maxRSS of the CLI's own process) and wall time
 * for decompression bombs checked and merged, and what the zip checks cost on an ordinary file.
 * Goal for refused bombs: < 600 MiB, exit 2, no stack trace. Bombs are built here, never stored.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { DEFAULT_MAX_BYTES, INFLATE_RATIO } from "../src/adapters/xlsx/inputLimits";
import { checkZipLimits } from "../src/adapters/xlsx/zipLimits";
import { addGridSheet, seedWorkbook } from "../test/fixtures/seedGrids";
import { blankForm, filledPhuLucI } from "../test/fixtures/mergeCases";
import { bombXlsx, mergedRangesXlsx } from "../test/helpers/zipBomb";
import { kinhPhiGrid } from "./lib/synthetic";
import { medianMs, ms } from "./lib/timing";
import type { BenchContext } from "./run";

const root = resolve(__dirname, "..");
const cli = join(root, "dist", "cli", "phuluc.cjs");
const RSS_PRELOAD = join(__dirname, "lib", "maxRss.cjs");
/** What readWorkbook passes at the default --max-mb. */
const DEFAULT_LIMITS = { maxInflatedBytes: DEFAULT_MAX_BYTES * INFLATE_RATIO, partGraceBytes: DEFAULT_MAX_BYTES };
const STACK = /\n\s+at |RangeError|FATAL|Allocation failed/;

interface Run {
  code: number | null;
  mib: number;
  seconds: number;
  stack: boolean;
  /** What the CLI printed, stdout and stderr: `check` reports an unreadable file on stdout. */
  output: string;
}

function runCli(tmp: string, args: string[]): Run {
  const rssFile = join(tmp, "rss");
  const start = performance.now();
  const run = spawnSync(process.execPath, ["-r", RSS_PRELOAD, cli, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, PHULUC_BENCH_RSS: rssFile },
  });
  const seconds = (performance.now() - start) / 1000;
  const mib = Number(readFileSync(rssFile, "utf8")) / 1024;
  rmSync(rssFile, { force: true });
  return {
    code: run.status,
    mib,
    seconds,
    stack: STACK.test(run.stderr + run.stdout),
    output: run.stdout + run.stderr,
  };
}

const row = (what: string, run: Run, goal?: string): [string, string, string] => [
  what,
  `${run.mib.toFixed(0)} MiB`,
  `exit ${run.code}, ${run.seconds.toFixed(1)} s${run.stack ? ", STACK TRACE" : ""}${goal ? `; ${goal}` : ""}`,
];

const refusedGoal = (run: Run) =>
  run.mib < 600 && run.code === 2 && !run.stack ? "goal (<600 MiB, exit 2, no trace): met" : "goal: MISSED";

/** The same goal, and the refusal said in Vietnamese (`message`, a part of it). */
const refusedSaying = (run: Run, message: string) =>
  `${refusedGoal(run)}${run.output.includes(message) ? "" : `; no “${message}” in its message: MISSED`}`;

export default async function benchHostile({ tmp, report }: BenchContext): Promise<void> {
  const file = (name: string, bytes: Uint8Array) => {
    writeFileSync(join(tmp, name), bytes);
    return join(tmp, name);
  };
  const honest = file("bom-1g.xlsx", await bombXlsx(1024));
  const lying = file("bom-1g-noi-doi.xlsx", await bombXlsx(1024, { lie: true }));
  const issueBomb = file("bom-200m.xlsx", await bombXlsx(200));
  // The most an accepted file can inflate to: 10 × --max-mb, every part within 100 × its size.
  const honestLargest = file("240m-ty-le-100.xlsx", await bombXlsx(240, { ratio: 100 }));
  // 2 million cells merged in a few kilobytes: exceljs made each one (8.7 s, 607 MB) before mergedCells.ts.
  const merged = file("gop-A10-CV20000.xlsx", await mergedRangesXlsx(["A10:CV20000"]));
  const template = join(tmp, "TONG-HOP.xlsx");
  await seedWorkbook(template, [{ seed: blankForm(filledPhuLucI()), options: { sheetName: "Phụ lục I" } }]);
  const fourteen = Array.from({ length: 14 }, (_, i) => (i % 2 ? honest : lying));
  const fourteenIssue = Array.from({ length: 14 }, () => issueBomb);
  const out = (name: string) => join(tmp, name);

  const kb = (path: string) => `${(readFileSync(path).length / 1024).toFixed(0)} KB`;
  const oneHonest = runCli(tmp, ["check", honest]);
  const oneLying = runCli(tmp, ["check", lying]);
  const issueRefused = runCli(tmp, ["check", issueBomb, "--max-mb", "10"]);
  const mergeBombs = runCli(tmp, ["merge", "--template", template, ...fourteen, "-o", out("a.xlsx")]);
  const mergeIssue = runCli(tmp, [
    "merge",
    "--template",
    template,
    ...fourteenIssue,
    "-o",
    out("b.xlsx"),
    "--max-mb",
    "10",
  ]);
  const issueRead = runCli(tmp, ["check", issueBomb]);
  const largestRead = runCli(tmp, ["check", honestLargest]);
  const mergeIssueDefault = runCli(tmp, ["merge", "--template", template, ...fourteenIssue, "-o", out("c.xlsx")]);
  const mergedRead = runCli(tmp, ["check", merged]);
  report("hostile inputs: peak memory of the CLI process (maxRSS)", [
    row(`check, 1 GB bomb (${kb(honest)}), honest headers`, oneHonest, refusedGoal(oneHonest)),
    row(`check, 1 GB bomb (${kb(lying)}), headers say 4 KB`, oneLying, refusedGoal(oneLying)),
    row("merge, 14 such bombs (7 + 7) as units", mergeBombs, refusedGoal(mergeBombs)),
    row(`check, issue's 200 MB bomb (${kb(issueBomb)}), --max-mb 10`, issueRefused, refusedGoal(issueRefused)),
    row("merge, 14 × the 200 MB bomb, --max-mb 10", mergeIssue, refusedGoal(mergeIssue)),
    row("check, the 200 MB bomb at the default --max-mb 25 (part ratio)", issueRead, refusedGoal(issueRead)),
    row("merge, 14 × the 200 MB bomb, default --max-mb", mergeIssueDefault, refusedGoal(mergeIssueDefault)),
    row(`check, 240 MB of shared strings at ≤ 100 × (${kb(honestLargest)}): accepted, read`, largestRead),
    row(`check, A10:CV20000 merged (${kb(merged)})`, mergedRead, refusedSaying(mergedRead, "vùng gộp ô")),
  ]);

  // What the zip checks add to reading an ordinary file.
  const workbook = new ExcelJS.Workbook();
  addGridSheet(workbook, kinhPhiGrid(5_000));
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const zipChecks = await medianMs(() => checkZipLimits(bytes, "x.xlsx", DEFAULT_LIMITS), 7, 2);
  const exceljsLoad = await medianMs(() => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer), 5, 1);
  report(`zip checks on an ordinary 5,000-row file (${(bytes.length / 1024).toFixed(0)} KB)`, [
    ["directory + counted inflate, median of 7", ms(zipChecks), ""],
    ["exceljs load, median of 5", ms(exceljsLoad), `checks add ${((100 * zipChecks) / exceljsLoad).toFixed(1)} %`],
  ]);
}
