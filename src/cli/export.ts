/**
 * `phuluc export IN.xlsx -o OUT.xlsx [--allow-errors] [--force] [--settings S.json]` (spec §7, §8):
 * checks the consolidated workbook first; with errors it lists them on stderr and writes nothing
 * (exit 1) unless --allow-errors. `--force` only lets an existing output be replaced, as for merge,
 * so going on despite errors never also overwrites a file. `-o` may name a folder: the file then
 * gets the standard name `<cơ quan>_<phụ lục>_<kỳ>_<yyyymmdd>.xlsx`. The input and the settings file
 * are only read, within the input limits, never written.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { readWorkbook } from "../adapters/xlsx/readWorkbook";
import { megabytes } from "../adapters/xlsx/inputLimits";
import { readRegularFile, type ExpectedFile } from "../adapters/xlsx/readRegularFile";
import { writeSubmission } from "../adapters/xlsx/writeSubmission";
import { PhuLucError, userMessage } from "../engine/errors";
import { buildSubmission, planExport } from "../engine/export";
import { parseSettings, SettingsSchema, unknownSettingsFields, type Settings } from "../engine/settings";
import { EXPLANATION_SHEET_NAME, explanationListRows } from "../engine/review";
import { maxMbArg, type CliIO, type Command } from "./io";
import { checkOutputPath, writeOutput, type InputFile } from "./outputPath";

export const EXPORT_USAGE = `Cách dùng: phuluc export TỆP.xlsx [-o ĐÍCH.xlsx | -o THƯ_MỤC] [--allow-errors] [--force] [--settings CÀI_ĐẶT.json] [--max-mb N]
                     [--with-explanations]

Xuất file nộp từ bảng tổng hợp: chỉ các trang Phụ lục, tổng là công thức SUM, phông Times New Roman,
khối tiêu đề theo Nghị định 30/2020/NĐ-CP, A4 ngang vừa một trang bề ngang.
  -o ĐÍCH          tệp cần ghi, hoặc thư mục (tên chuẩn <cơ quan>_<phụ lục>_<kỳ>_<yyyymmdd>.xlsx);
                   mặc định: tên chuẩn, cạnh tệp nguồn
  --allow-errors   vẫn xuất khi bảng còn lỗi (các lỗi vẫn được liệt kê)
  --force          ghi đè tệp đích nếu đã có
  --settings TỆP   cài đặt khối tiêu đề (JSON: coQuanChuQuan, coQuanBanHanh, soKyHieu, diaDanh,
                   ngay "yyyy-mm-dd", kyBaoCao, tenVietTat, vanBanKemTheo, units)
  --max-mb N       kích thước tối đa của tệp tổng hợp, MB (mặc định 25)
  --with-explanations
                   thêm trang “Giải trình” liệt kê các phát hiện đã được giải trình
Lỗi đã có giải trình (trang PhuLuc của tệp tổng hợp) không chặn việc xuất. Các trang nội bộ (nhật ký tổng hợp,
PhuLuc, Tình trạng nộp) không có trong file nộp.
Mã thoát: 0 đã ghi; 1 còn lỗi chưa giải trình nên chưa ghi; 2 không đọc/ghi được tệp hoặc tham số sai.`;

interface ExportArgs {
  input?: string;
  output?: string;
  settings?: string;
  allowErrors: boolean;
  force: boolean;
  help: boolean;
  maxBytes?: number;
  withExplanations: boolean;
}

export function parseExportArgs(args: string[]): ExportArgs {
  const parsed: ExportArgs = { allowErrors: false, force: false, help: false, withExplanations: false };
  const value = (flag: string, text: string | undefined): string => {
    if (!text) throw new PhuLucError("bad-argument", `${flag} cần một giá trị.`, `${flag} needs a value.`);
    return text;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--force") parsed.force = true;
    else if (arg === "--allow-errors") parsed.allowErrors = true;
    else if (arg === "--with-explanations") parsed.withExplanations = true;
    else if (arg === "--help" || arg === "-h") parsed.help = true;
    else if (arg === "-o" || arg === "--output") parsed.output = value(arg, args[++i]);
    else if (arg === "--settings") parsed.settings = value(arg, args[++i]);
    else if (arg === "--max-mb") parsed.maxBytes = maxMbArg(arg, args[++i]);
    else if (arg.startsWith("-")) {
      throw new PhuLucError("bad-argument", `Tùy chọn không hợp lệ: ${arg}`, `Unknown option: ${arg}`);
    } else if (parsed.input) {
      throw new PhuLucError("bad-argument", "Chỉ xuất từ một tệp tổng hợp mỗi lần.", "Export takes one input file.");
    } else parsed.input = arg;
  }
  if (!parsed.help && !parsed.input) {
    throw new PhuLucError("bad-argument", "Chưa nêu tệp tổng hợp cần xuất.", "No consolidated workbook given.");
  }
  return parsed;
}

/** The consolidated workbook and the settings file, for the output to differ from. */
function exportInputs(parsed: ExportArgs): InputFile[] {
  const settings = parsed.settings ? [{ path: parsed.settings, role: "tệp cài đặt" }] : [];
  return [{ path: parsed.input!, role: "tệp nguồn" }, ...settings];
}

/** Header texts are a few hundred bytes; a settings file a thousand times that is not one. */
const SETTINGS_MAX_BYTES = 256 * 1024;

const SETTINGS_FILE: ExpectedFile = {
  vi: "tệp cài đặt JSON",
  en: "JSON settings files",
  assertSize(size, fileName, maxBytes) {
    if (size <= maxBytes) return;
    throw new PhuLucError(
      "too-large",
      `Tệp cài đặt “${fileName}” quá lớn (${megabytes(size)} MB; giới hạn ${maxBytes / 1024} KB): đây không phải tệp cài đặt khối tiêu đề.`,
      `Settings file “${fileName}” is too large (${megabytes(size)} MB; limit ${maxBytes / 1024} KB).`,
    );
  },
};

/** The settings file, read as the inputs are: a regular file, its size checked before reading. */
async function loadSettings(file: string | undefined, io: CliIO): Promise<Settings> {
  if (!file) return parseSettings({});
  const bytes = await readRegularFile(file, path.basename(file), SETTINGS_MAX_BYTES, SETTINGS_FILE).catch(
    (error: unknown) => {
      if (!(error instanceof PhuLucError)) throw error;
      throw new PhuLucError(
        error.code,
        `Không đọc được tệp cài đặt (--settings): ${error.messageVi}`,
        `Cannot read the settings file (--settings): ${error.messageEn}`,
        { cause: error },
      );
    },
  );
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new PhuLucError("bad-argument", `Tệp cài đặt ${file} không phải JSON hợp lệ.`, `${file} is not valid JSON.`);
  }
  const settings = parseSettings(raw, file);
  const unknown = unknownSettingsFields(raw);
  if (unknown.length > 0) {
    const known = Object.keys(SettingsSchema.shape).join(", ");
    io.err(`${file}: bỏ qua trường không dùng ${unknown.map((k) => `“${k}”`).join(", ")} (các trường: ${known}).`);
  }
  return settings;
}

/** The file to write: `-o` as given, or the standard name inside `-o` (a folder) or beside the input. */
async function outputPath(input: string, output: string | undefined, standardName: string): Promise<string> {
  if (!output) return path.join(path.dirname(input), standardName);
  const isFolder = /[\\/]$/.test(output) || (await fs.stat(output).catch(() => undefined))?.isDirectory();
  return isFolder ? path.join(output, standardName) : output;
}

export const exportCommand: Command = async (args: string[], io: CliIO) => {
  let parsed: ExportArgs;
  try {
    parsed = parseExportArgs(args);
  } catch (error) {
    io.err(`${userMessage(error)}\n\n${EXPORT_USAGE}`);
    return 2;
  }
  if (parsed.help) {
    io.out(EXPORT_USAGE);
    return 0;
  }
  const input = parsed.input!;
  try {
    const settings = await loadSettings(parsed.settings, io);
    const read = await readWorkbook(input, { maxBytes: parsed.maxBytes });
    const plan = planExport(read.grids, settings);
    if (plan.errors.length) {
      const lines = plan.errors.map((f) => `  ${f.sheet}!${f.cell} [${f.rule}] ${f.message}`);
      io.err(`${input}: còn ${plan.errors.length} lỗi trong các Phụ lục:\n${lines.join("\n")}`);
      if (!parsed.allowErrors) {
        io.err("Chưa xuất file nộp. Sửa các lỗi trên, hoặc dùng --allow-errors để vẫn xuất.");
        return 1;
      }
      io.err("--allow-errors: vẫn xuất dù còn lỗi.");
    }
    const submission = buildSubmission(plan.sheets, settings);
    const target = await outputPath(input, parsed.output, submission.fileName);
    await checkOutputPath(target, exportInputs(parsed), parsed.force);
    const explanations = parsed.withExplanations ? explanationListRows(plan.explained) : undefined;
    await writeOutput(target, await writeSubmission(submission, { explanations }));
    const names = submission.sheets.map((s) => s.name).join(", ");
    io.out(`Đã ghi ${target} (${submission.sheets.length} Phụ lục: ${names}).`);
    if (plan.explained.length > 0) {
      const listed = explanations ? ` (liệt kê trong trang “${EXPLANATION_SHEET_NAME}”)` : "";
      io.out(`  ${plan.explained.length} phát hiện đã giải trình${listed}.`);
    }
    for (const s of submission.skipped) io.out(`  Bỏ qua trang “${s.sheet}”: ${s.reason}.`);
    for (const note of submission.notes) io.out(`  Ghi chú: ${note}`);
    return 0;
  } catch (error) {
    // The builder does not know the file: say which one had nothing to export.
    const nothing = error instanceof PhuLucError && error.code === "no-sheets";
    io.err(nothing ? `Tệp “${input}”: ${userMessage(error)}` : userMessage(error));
    return 2;
  }
};
