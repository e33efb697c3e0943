/** Runs the CLI in-process with buffered output, and parses `check --json` results. */
import { main } from "../../src/cli/main";
import type { CheckResult, FileResult, SheetResult } from "../../src/cli/checkResult";

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runMain(args: string[]): Promise<CliRun> {
  let out = "";
  let err = "";
  const code = await main(args, {
    out: (text) => (out += text.endsWith("\n") ? text : `${text}\n`),
    err: (text) => (err += text.endsWith("\n") ? text : `${text}\n`),
  });
  return { code, out, err };
}

export function fileResult(result: CheckResult, fileSuffix: string): FileResult {
  const file = result.files.find((f) => f.file.endsWith(fileSuffix));
  if (!file) throw new Error(`no result for ${fileSuffix}: ${result.files.map((f) => f.file).join(", ")}`);
  return file;
}

export function sheetOf(file: FileResult, name: string): SheetResult {
  const sheet = file.sheets.find((s) => s.sheet === name);
  if (!sheet) throw new Error(`no sheet ${name} in ${file.file}: ${file.sheets.map((s) => s.sheet).join(", ")}`);
  return sheet;
}
