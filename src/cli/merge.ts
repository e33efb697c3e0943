/**
 * `phuluc merge --template TEMPLATE.xlsx UNIT.xlsx... -o OUT.xlsx [--json]` (spec §6, §8).
 * Writes the consolidated workbook (the template's sheets filled, plus `Nhật ký tổng hợp`); the
 * template and unit files are only read. A unit file that cannot be read is listed as not merged
 * and the others go on; exit 2 only when nothing could be merged (or the template/output fails).
 * Exit 1 when errors remain that no giải trình explains (conflicts, total mismatches…), else 0.
 * Units are identified from their file names (`CNTT-BCVT.xlsx`), else from their rows' Đơn vị chủ trì.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { DEFAULT_MAX_BYTES, mergeBudget } from "../adapters/xlsx/inputLimits";
import { readWorkbookFile, type ReadOptions } from "../adapters/xlsx/readWorkbook";
import { writeConsolidated } from "../adapters/xlsx/writeConsolidated";
import { PhuLucError, userMessage } from "../engine/errors";
import type { Finding } from "../engine/finding";
import { mergeWorkbook, type MergeResult, type UnitInput } from "../engine/merge";
import { templateSheets } from "../engine/merge/inputs";
import { summariseMerge, summaryLines, type MergeSummary } from "../engine/merge/summary";
import { readUnitFiles, type FileReceipt } from "../adapters/xlsx/readUnitFiles";
import {
  approvalConflictMessage,
  approvalConflicts,
  carryExplanations,
  explainMergeFindings,
  mergedExplanations,
  receivedUnits,
  recordMerge,
  receiptsOfUnits,
  reviewStoreOf,
  STATE_LABELS,
  SUBMISSION_STATES,
  type ReviewStore,
  type SubmissionStatus,
} from "../engine/review";
import { matchUnit, DEFAULT_UNITS } from "../engine/units";
import { actorName } from "./review";
import type { NotMerged } from "../engine/merge/logSheet";
import type { References } from "../engine/periods/reference";
import { readReference } from "./check";
import { findingFields, type FileResult, type FindingJson } from "./checkResult";
import { SEVERITY_LABEL } from "./checkTable";
import { maxMbArg, type CliIO, type Command } from "./io";
import { checkOutputPath, writeOutput, type InputFile } from "./outputPath";
import { distinctFiles, repeatedFileMessage } from "./distinctFiles";
import { zipFiles } from "./zipFiles";

export const MERGE_USAGE = `Cách dùng: phuluc merge --template MẪU.xlsx ĐƠN_VỊ.xlsx... -o KẾT_QUẢ.xlsx [--json] [--plan KẾ_HOẠCH.xlsx] [--force] [--max-mb N]

Tổng hợp các tệp của đơn vị vào mẫu tổng hợp: mỗi chỉ tiêu lấy số của đơn vị chủ trì, số khác của
đơn vị khác là xung đột, đơn vị chủ trì chưa gửi là thiếu báo cáo; kinh phí được gộp theo mục và
tính lại tổng. Kết quả có thêm trang “Nhật ký tổng hợp” ghi mọi dòng của từng tệp.
  --template MẪU   tệp mẫu tổng hợp (chỉ đọc, không bị sửa)
  -o KẾT_QUẢ       tệp kết quả cần ghi (khác tệp mẫu và các tệp đơn vị)
  --force          ghi đè tệp kết quả nếu đã có
  --json           in các phát hiện dạng JSON (như lệnh check)
  --plan TỆP       kế hoạch được duyệt: số tổng hợp được so với kế hoạch (Kế hoạch khác, chỉ tiêu thiếu)
  --max-mb N       kích thước tối đa mỗi tệp, MB (mặc định 25); mỗi tệp giải nén ra tối đa 10 lần,
                   mọi tệp cộng lại tối đa 40 lần giới hạn này
  --reopen ĐƠN_VỊ  mở lại đơn vị đã duyệt để nhận tệp mới của đơn vị đó (lặp lại cho nhiều đơn vị)
  --by TÊN         người tổng hợp, ghi vào Tình trạng nộp
Tên tệp nên chứa mã đơn vị (vd. CNTT-BCVT.xlsx); nếu không, đơn vị được suy từ cột Đơn vị chủ trì.
Giải trình đơn vị lưu trong tệp được đưa vào Ghi chú và nhật ký; trang “Tình trạng nộp” ghi tệp đã nhận
của từng đơn vị (ngày, SHA-256, số lỗi/cảnh báo). Tệp mới của đơn vị đã duyệt bị từ chối nếu không có --reopen.
Mã thoát: 0 không còn lỗi; 1 còn xung đột/lỗi; 2 không tổng hợp được tệp nào, tham số sai, hoặc tệp mới
của đơn vị đã duyệt (chưa ghi gì).`;

interface MergeArgs {
  template?: string;
  plan?: string;
  output?: string;
  units: string[];
  json: boolean;
  help: boolean;
  force: boolean;
  maxBytes?: number;
  /** Approved units whose new files may be merged (`--reopen U`). */
  reopen: string[];
  by?: string;
}

export function parseMergeArgs(args: string[]): MergeArgs {
  const parsed: MergeArgs = { units: [], json: false, help: false, force: false, reopen: [] };
  const value = (flag: string, text: string | undefined): string => {
    if (!text) throw new PhuLucError("bad-argument", `${flag} cần một giá trị.`, `${flag} needs a value.`);
    return text;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--json") parsed.json = true;
    else if (arg === "--help" || arg === "-h") parsed.help = true;
    else if (arg === "--template" || arg === "-t") parsed.template = value(arg, args[++i]);
    else if (arg === "-o" || arg === "--output") parsed.output = value(arg, args[++i]);
    else if (arg === "--plan") parsed.plan = value(arg, args[++i]);
    else if (arg === "--force") parsed.force = true;
    else if (arg === "--max-mb") parsed.maxBytes = maxMbArg(arg, args[++i]);
    else if (arg === "--reopen") parsed.reopen.push(value(arg, args[++i]));
    else if (arg === "--by") parsed.by = value(arg, args[++i]);
    else if (arg.startsWith("-")) {
      throw new PhuLucError("bad-argument", `Tùy chọn không hợp lệ: ${arg}`, `Unknown option: ${arg}`);
    } else parsed.units.push(arg);
  }
  if (parsed.help) return parsed;
  if (!parsed.template) throw new PhuLucError("bad-argument", "Chưa nêu tệp mẫu (--template).", "No --template given.");
  if (!parsed.output) throw new PhuLucError("bad-argument", "Chưa nêu tệp kết quả (-o).", "No output (-o) given.");
  if (parsed.units.length === 0) {
    throw new PhuLucError("bad-argument", "Chưa nêu tệp nào của đơn vị.", "No unit file given.");
  }
  return parsed;
}

/**
 * Reads the unit files one by one (the same reader as the pane's); unreadable or unrecognised ones are
 * set aside with the reason. A workbook that does not say when it was saved is dated by its file.
 */
export async function readUnits(
  paths: string[],
  limits: ReadOptions = {},
): Promise<{ inputs: UnitInput[]; notMerged: NotMerged[]; receipts: FileReceipt[] }> {
  const files = await Promise.all(
    paths.map(async (file) => {
      const mtime = await fs.stat(file).then(
        (stat) => stat.mtime.toISOString(),
        () => undefined,
      );
      return { name: path.basename(file), source: file, ...(mtime ? { lastModified: mtime } : {}) };
    }),
  );
  return readUnitFiles(files, limits);
}

interface MergeJson {
  files: (Omit<FileResult, "sheets"> & {
    sheets: {
      sheet: string;
      template: string | null;
      /** `explanation` here is the giải trình's text (merge's JSON had it before check's object form). */
      findings: (Omit<FindingJson, "explanation"> & { file?: string; explanation?: string })[];
    }[];
  })[];
  output: string;
  completeness: MergeResult["completeness"];
  units: MergeResult["units"];
  notMerged: NotMerged[];
  proposals: MergeResult["proposals"];
  /** How many unit values ended how (merged, agreed, conflict, unknown, superseded, not-merged…). */
  accounting: MergeSummary["values"];
  /** Every non-empty unit value with its fate (and reason when not merged). */
  values: MergeResult["values"];
}

function jsonFinding(finding: Finding) {
  // Merge's JSON gives the giải trình as its text (a string), as it did before check's object form.
  return {
    ...findingFields(finding),
    ...(finding.file ? { file: finding.file } : {}),
    ...(finding.explanation ? { explanation: finding.explanation } : {}),
  };
}

/**
 * Spec §8's shape: the output file with its consolidated sheets' findings, then each unit file with
 * the findings on its own sheets (unknown rows, superseded values, a sheet of another template) or the
 * reason it could not be merged; then how every unit value ended (`accounting`, `values`).
 */
export function mergeJson(result: MergeResult, output: string, unitPaths: string[], notMerged: NotMerged[]): MergeJson {
  const onUnitSheet = (f: Finding) => UNIT_SHEET_RULES.has(f.rule) && f.file !== undefined;
  const consolidated = result.sheets.map((sheet) => ({
    sheet: sheet.sheet,
    template: sheet.templateId,
    findings: result.findings.filter((f) => !onUnitSheet(f) && f.sheet === sheet.sheet).map(jsonFinding),
  }));
  const units = unitPaths.map((file) => {
    const name = path.basename(file);
    const failed = notMerged.find((n) => n.file === name && !n.sheet);
    const mine = result.findings.filter((f) => onUnitSheet(f) && f.file === name);
    const sheets = [...new Set(mine.map((f) => f.sheet))].map((sheet) => ({
      sheet,
      template: null,
      findings: mine.filter((f) => f.sheet === sheet).map(jsonFinding),
    }));
    return failed ? { file, error: failed.reason, sheets } : { file, sheets };
  });
  return {
    files: [{ file: output, sheets: consolidated }, ...units],
    output,
    completeness: result.completeness,
    units: result.units,
    notMerged,
    proposals: result.proposals,
    accounting: summariseMerge(result, notMerged).values,
    values: result.values,
  };
}

/** Findings about a unit's own sheet: listed under that unit's file in the JSON. */
const UNIT_SHEET_RULES = new Set<Finding["rule"]>(["unknown-row", "superseded", "wrong-template"]);

function summary(result: MergeResult, output: string, notMerged: NotMerged[]): string {
  const lines = [
    ...summaryLines(summariseMerge(result, notMerged), output),
    ...result.findings.map(
      (f) =>
        `  ${SEVERITY_LABEL[f.severity]} [${f.rule}] ${f.file && UNIT_SHEET_RULES.has(f.rule) ? `${f.file} › ` : ""}${f.sheet} › ${f.message}${f.explanation ? ` (đã giải trình: ${f.explanation})` : ""}`,
    ),
  ];
  return lines.join("\n");
}

/** `2 Đã nhận, 1 Chưa nộp`: how many units are in each state, in the states' order. */
function stateCounts(statuses: SubmissionStatus[]): string {
  return SUBMISSION_STATES.map((state) => [state, statuses.filter((s) => s.state === state).length] as const)
    .filter(([, n]) => n > 0)
    .map(([state, n]) => `${n} ${STATE_LABELS.vi[state]}`)
    .join(", ");
}

/** The template, every unit file and the plan, for `-o` to differ from. */
function mergeInputs(parsed: MergeArgs): InputFile[] {
  return [
    { path: parsed.template!, role: "tệp mẫu" },
    ...parsed.units.map((unit) => ({ path: unit, role: "tệp của đơn vị" })),
    ...(parsed.plan ? [{ path: parsed.plan, role: "tệp kế hoạch" }] : []),
  ];
}

export const merge: Command = async (args: string[], io: CliIO) => {
  let parsed: MergeArgs;
  try {
    parsed = parseMergeArgs(args);
  } catch (error) {
    io.err(`${userMessage(error)}\n\n${MERGE_USAGE}`);
    return 2;
  }
  if (parsed.help) {
    io.out(MERGE_USAGE);
    return 0;
  }
  const templatePath = parsed.template!;
  const output = parsed.output!;
  const maxBytes = parsed.maxBytes ?? DEFAULT_MAX_BYTES;
  const limits = { maxBytes, budget: mergeBudget(maxBytes) };
  try {
    await checkOutputPath(output, mergeInputs(parsed), parsed.force);
  } catch (error) {
    io.err(userMessage(error));
    return 2;
  }
  let templateBytes: Uint8Array;
  let templates;
  let review: ReviewStore;
  try {
    // Read once: its grids are merged into, and the writer patches the same bytes.
    const loaded = await readWorkbookFile(templatePath, limits);
    templateBytes = loaded.bytes;
    templates = templateSheets(loaded.read.grids);
    // A consolidated workbook merged into again keeps its giải trình and Tình trạng nộp.
    review = reviewStoreOf(loaded.read.grids);
  } catch (error) {
    io.err(userMessage(error));
    return 2;
  }
  if (templates.length === 0) {
    io.err(`Tệp mẫu “${path.basename(templatePath)}” không có trang tính nào theo mẫu Phụ lục.`);
    return 2;
  }

  const { files: unitPaths, repeated } = await distinctFiles(parsed.units);
  for (const repeat of repeated) io.err(repeatedFileMessage(repeat));
  const { inputs, notMerged, receipts: files } = await readUnits(unitPaths, limits);
  if (inputs.length === 0) {
    io.err(["Không tổng hợp được tệp nào của đơn vị:", ...notMerged.map((n) => `  ${n.file}: ${n.reason}`)].join("\n"));
    return 2;
  }
  const receipts = receiptsOfUnits(
    files,
    inputs,
    templates.map((template) => template.table),
  );
  const reopened = parsed.reopen.map((unit) => matchUnit(unit, DEFAULT_UNITS)?.id ?? unit);
  const locked = approvalConflicts(review.statuses, receipts, reopened);
  if (locked.length > 0) {
    // Nothing is written: an approved unit's figures change only when someone says so.
    io.err(locked.map((conflict) => approvalConflictMessage(conflict).vi).join("\n"));
    return 2;
  }
  let references: References = {};
  try {
    if (parsed.plan) references = { plan: await readReference(parsed.plan, { maxBytes }) };
  } catch (error) {
    io.err(`Không đọc được tệp kế hoạch (--plan): ${userMessage(error)}`);
    return 2;
  }
  const merged = mergeWorkbook(templates, inputs, { references, receivedEarlier: receivedUnits(review.statuses) });
  const refused = merged.findings.filter((f) => f.rule === "wrong-template");
  if (refused.length === inputs.length) {
    // Every sheet read was another template's: nothing to write (README: exit 2 when nothing could be merged).
    const reasons = [
      ...notMerged.map((n) => `${n.file}: ${n.reason}`),
      ...refused.map((f) => `${f.file}: ${f.message}`),
    ];
    io.err(["Không tổng hợp được tệp nào của đơn vị:", ...reasons.map((reason) => `  ${reason}`)].join("\n"));
    return 2;
  }
  const actor = { by: parsed.by ?? actorName(), at: new Date().toISOString() };
  const reviewed: ReviewStore = {
    ...review,
    explanations: mergedExplanations(
      review.explanations,
      carryExplanations(merged, inputs),
      merged.units.map((u) => u.unit),
    ),
    statuses: recordMerge(review.statuses, merged.completeness.expectedUnits, receipts, actor),
  };
  // What the consolidated workbook keeps explained (an approved unit's, KHTC's own) stays explained.
  const result = { ...merged, findings: explainMergeFindings(merged, reviewed.explanations) };
  try {
    const written = await writeConsolidated(templateBytes, result, { notMerged, review: reviewed, zip: zipFiles });
    await writeOutput(output, written);
  } catch (error) {
    io.err(`Không ghi được tệp kết quả “${output}”: ${userMessage(error)}`);
    return 2;
  }
  if (parsed.json) {
    io.out(JSON.stringify({ ...mergeJson(result, output, unitPaths, notMerged), status: reviewed.statuses }, null, 2));
  } else {
    io.out(summary(result, output, notMerged));
    io.out(`Tình trạng nộp: ${stateCounts(reviewed.statuses)} (chi tiết: phuluc status ${path.basename(output)}).`);
  }
  for (const n of notMerged) if (parsed.json) io.err(`Không tổng hợp: ${n.file} — ${n.reason}`);
  return result.findings.some((f) => f.severity === "error" && !f.explanation) ? 1 : 0;
};
