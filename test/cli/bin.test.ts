/**
 * The real binary, as a user runs it: bin/phuluc.cjs → dist/cli/phuluc.cjs, in a child process.
 * The bundle is rebuilt first so this tests the current source.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { CheckResult } from "../../src/cli/checkResult";
import { seedWorkbook } from "../fixtures/seedGrids";
import { SEED_PHU_LUC_II } from "../fixtures/seedTables";
import { legacyXlsBytes } from "../helpers/badFiles";
import { fileResult, sheetOf } from "../helpers/cliRun";

const root = resolve(__dirname, "../..");
const bin = join(root, "bin", "phuluc.cjs");
const dir = mkdtempSync(join(tmpdir(), "phuluc-bin-"));

beforeAll(() => {
  execFileSync("npm", ["run", "--silent", "build:cli"], { cwd: root, stdio: "pipe" });
}, 60_000);

function phuluc(args: string[], binPath = bin) {
  const run = spawnSync(process.execPath, [binPath, ...args], { encoding: "utf8", cwd: dir });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe("bin/phuluc.cjs", () => {
  it("checks a good and a bad file: exit 2, JSON with the seed's total-mismatch, a Vietnamese message on stderr", async () => {
    await seedWorkbook(join(dir, "phu-luc-ii.xlsx"), [{ seed: SEED_PHU_LUC_II, options: { sheetName: "Phụ lục II" } }]);
    writeFileSync(join(dir, "cu.xls"), legacyXlsBytes());
    const run = phuluc(["check", "phu-luc-ii.xlsx", "cu.xls", "--json"]);
    expect(run.code).toBe(2);
    const result = JSON.parse(run.out) as CheckResult;
    expect(result.files.map((f) => f.file)).toEqual(["phu-luc-ii.xlsx", "cu.xls"]);
    expect(sheetOf(fileResult(result, "phu-luc-ii.xlsx"), "Phụ lục II").findings).toContainEqual(
      expect.objectContaining({ rule: "total-mismatch", cell: "D19", expected: 225091, actual: 224591 }),
    );
    expect(run.err.trim()).toBe(
      "Tệp “cu.xls” là định dạng Excel 97-2003 (.xls); hãy mở trong Excel và Lưu thành .xlsx.",
    );
  });

  it("exits 1 on the seed's Phụ lục II alone and prints the table", () => {
    const run = phuluc(["check", "phu-luc-ii.xlsx"]);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/LỖI +D19 +total-mismatch/);
    expect(run.err).toBe("");
  });

  it("stops quietly when the reader of its output goes away (`| head -c 1`), with no stack trace", () => {
    const files = Array.from({ length: 200 }, () => "phu-luc-ii.xlsx"); // well past a pipe’s 64 KB buffer
    const run = spawnSync("sh", ["-c", `"${process.execPath}" "${bin}" check ${files.join(" ")} --json | head -c 1`], {
      encoding: "utf8",
      cwd: dir,
    });
    expect(run.stdout).toBe("{");
    expect(run.stderr).toBe("");
  });

  it("tells the user to build the CLI when the bundle is missing", () => {
    const lonely = join(dir, "pkg", "bin");
    mkdirSync(lonely, { recursive: true });
    copyFileSync(bin, join(lonely, "phuluc.cjs"));
    const run = phuluc(["--version"], join(lonely, "phuluc.cjs"));
    expect(run.code).toBe(2);
    expect(run.err).toContain("npm run build:cli");
  });
});
