/**
 * `phuluc check FILE.xlsx... [--json] [--plan PLAN.xlsx] [--previous PREV.xlsx]` (spec §8): every
 * sheet of every file through the engine. A file that cannot be read is reported (exit 2) and the
 * other files are still checked. The plan and the previous period's workbook are read once, before
 * the files; either unreadable ends the check (exit 2), since every file would be checked without it.
 */
import path from "node:path";
import { checkGrid } from "../engine/check";
import { PhuLucError, userMessage } from "../engine/errors";
import { readWorkbook, type ReadOptions } from "../adapters/xlsx/readWorkbook";
import { maxMbArg, positiveNumber, type CliIO, type Command } from "./io";
import type { Grid } from "../engine/grid";
import { referenceBook, type ReferenceBook, type References } from "../engine/periods/reference";
import {
  emptySheetResult,
  exitCode,
  isEmptyGrid,
  sheetResult,
  sheetResultOf,
  type CheckResult,
  type FileResult,
  type SheetResult,
} from "./checkResult";
import { renderCheckTable } from "./checkTable";
import { attachExplanations, reviewStoreOf, type Explanation } from "../engine/review";

export const CHECK_USAGE = `Cách dùng: phuluc check TỆP.xlsx... [--json] [--plan KẾ_HOẠCH.xlsx] [--previous KỲ_TRƯỚC.xlsx]
                     [--max-rows N] [--max-columns N] [--max-mb N]

Kiểm tra mọi trang tính của từng tệp theo các mẫu Phụ lục.
  --json           in kết quả dạng JSON (dành cho máy đọc)
  --plan TỆP       kế hoạch được duyệt (Phụ lục I): Kế hoạch của từng chỉ tiêu phải đúng như kế hoạch,
                   chỉ tiêu của kế hoạch không được thiếu
  --previous TỆP   kết quả kỳ trước cùng năm (vd. 6 tháng khi kiểm tra 9 tháng): số lũy kế không được
                   giảm, số liệu không được gấp 1.000 lần kỳ trước
  --max-rows N     số dòng tối đa đọc trên mỗi trang tính (mặc định 50000)
  --max-columns N  số cột tối đa đọc trên mỗi trang tính (mặc định 200)
  --max-mb N       kích thước tệp tối đa, MB (mặc định 25; tệp lớn hơn cần rất nhiều bộ nhớ);
                   tệp giải nén ra quá 10 lần giới hạn này (bom nén) cũng bị từ chối
Lỗi đã có giải trình (lưu trong sổ tính, xem lệnh explain) vẫn được liệt kê, ghi “đã giải trình”.
Mã thoát: 0 không có lỗi chưa giải trình; 1 có lỗi chưa giải trình; 2 có tệp không đọc được.`;

interface CheckArgs {
  files: string[];
  plan?: string;
  previous?: string;
  json: boolean;
  help: boolean;
  limits: Pick<ReadOptions, "maxRows" | "maxColumns" | "maxBytes">;
}

export function parseCheckArgs(args: string[]): CheckArgs {
  const parsed: CheckArgs = { files: [], json: false, help: false, limits: {} };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--json") parsed.json = true;
    else if (arg === "--help" || arg === "-h") parsed.help = true;
    else if (arg === "--plan" || arg === "--previous") {
      const file = args[++i];
      if (!file || file.startsWith("-")) {
        throw new PhuLucError("bad-argument", `${arg} cần tên một tệp .xlsx.`, `${arg} needs an .xlsx file.`);
      }
      parsed[arg === "--plan" ? "plan" : "previous"] = file;
    } else if (arg === "--max-rows") parsed.limits.maxRows = positiveNumber(arg, args[++i]);
    else if (arg === "--max-columns") parsed.limits.maxColumns = positiveNumber(arg, args[++i]);
    else if (arg === "--max-mb") parsed.limits.maxBytes = maxMbArg(arg, args[++i]);
    else if (arg.startsWith("-") && arg !== "-") {
      throw new PhuLucError("bad-argument", `Tùy chọn không hợp lệ: ${arg}`, `Unknown option: ${arg}`);
    } else parsed.files.push(arg);
  }
  if (!parsed.help && parsed.files.length === 0) {
    throw new PhuLucError("bad-argument", "Chưa nêu tệp nào để kiểm tra.", "No file given to check.");
  }
  return parsed;
}

export async function checkFile(
  file: string,
  limits: CheckArgs["limits"] = {},
  references: References = {},
): Promise<FileResult> {
  let read;
  try {
    read = await readWorkbook(file, limits);
  } catch (error) {
    return { file, error: userMessage(error), sheets: [] };
  }
  const context = { references, file: path.basename(file), explanations: reviewStoreOf(read.grids).explanations };
  return { file, sheets: read.grids.map((grid) => checkSheet(grid, context)) };
}

/** The plan or previous workbook as a reference; its own findings are not reported (it is not under check). */
export async function readReference(file: string, limits: CheckArgs["limits"] = {}): Promise<ReferenceBook> {
  const read = await readWorkbook(file, limits);
  return referenceBook(path.basename(file), read.grids);
}

function faultDetail(error: unknown): string {
  if (error instanceof PhuLucError) return error.messageVi;
  return error instanceof Error ? error.message : String(error);
}

function checkSheet(
  grid: Grid,
  context: { references: References; file: string; explanations: Explanation[] },
): SheetResult {
  if (isEmptyGrid(grid)) return emptySheetResult(grid);
  try {
    const report = checkGrid(grid, { references: context.references, file: context.file });
    // A giải trình stored in the workbook (PhuLuc sheet) rides on its finding: shown, and not blocking.
    return sheetResult(grid, {
      ...report,
      findings: attachExplanations(report.table, report.findings, context.explanations),
    });
  } catch (error) {
    // An engine fault on one odd sheet must not hide the other sheets' findings; it is still reported (exit 2).
    return {
      ...sheetResultOf(grid.name, null, [], []),
      error: `Lỗi của PhuLuc khi kiểm tra trang tính này (${faultDetail(error)}); hãy báo cho người quản trị PhuLuc.`,
    };
  }
}

export const check: Command = async (args: string[], io: CliIO) => {
  let parsed: CheckArgs;
  try {
    parsed = parseCheckArgs(args);
  } catch (error) {
    io.err(`${userMessage(error)}\n\n${CHECK_USAGE}`);
    return 2;
  }
  if (parsed.help) {
    io.out(CHECK_USAGE);
    return 0;
  }

  const references: References = {};
  for (const role of ["plan", "previous"] as const) {
    const file = parsed[role];
    if (!file) continue;
    try {
      references[role] = await readReference(file, parsed.limits);
    } catch (error) {
      const what = role === "plan" ? "kế hoạch (--plan)" : "kỳ trước (--previous)";
      io.err(`Không đọc được tệp ${what}: ${userMessage(error)}`);
      return 2;
    }
  }

  // One file at a time: only the file under check and the references are in memory at once.
  const result: CheckResult = { files: [] };
  if (parsed.plan) result.plan = parsed.plan;
  if (parsed.previous) result.previous = parsed.previous;
  for (const file of parsed.files) result.files.push(await checkFile(file, parsed.limits, references));

  if (parsed.json) {
    io.out(JSON.stringify(result, null, 2));
    for (const file of result.files) {
      if (file.error !== undefined) io.err(file.error);
      for (const sheet of file.sheets)
        if (sheet.error !== undefined) io.err(`${file.file} › ${sheet.sheet}: ${sheet.error}`);
    }
  } else {
    io.out(renderCheckTable(result));
  }
  return exitCode(result);
};
