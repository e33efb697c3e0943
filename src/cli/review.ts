/**
 * The review round from the command line (spec §10):
 *   phuluc status TỔNG_HỢP.xlsx [--json]
 *   phuluc approve TỔNG_HỢP.xlsx --unit ĐƠN_VỊ [--by TÊN]
 *   phuluc return TỔNG_HỢP.xlsx --unit ĐƠN_VỊ -o PHẢN_HỒI.xlsx [--file TỆP_ĐƠN_VỊ.xlsx] [--by TÊN] [--force]
 *   phuluc explain TỆP.xlsx --sheet TRANG --cell Ô --rule QUY_TẮC --text "…" [--by TÊN] (-o ĐÍCH.xlsx | --in-place)
 *
 * Decisions:
 * - The consolidated workbook is the round's register: approve and return rewrite its PhuLuc and
 *   Tình trạng nộp sheets in place (temp file + rename), patched into its own parts as merge wrote
 *   them (reviewStoreFile.ts): every other part — Phụ lục, charts, printer settings — keeps its bytes.
 * - A unit's workbook is the unit's: explain writes to -o, or into the file itself only with
 *   --in-place; either way patched as above, so nothing of the unit's file is lost.
 * - return's feedback workbook is a new file (the unit's copy with notes and a list of findings), written
 *   by exceljs: notes need comment and VML parts the patcher does not write, and nothing is lost that the
 *   unit does not still have in its own file.
 * - return needs the unit's file as received: --file, else the recorded name beside the
 *   consolidated workbook; its SHA-256 must be the recorded one (feedback on another file would
 *   point at the wrong cells).
 * - An explanation names a finding as check shows it (sheet, cell, rule) and is stored by the
 *   finding's row identity, so it holds when rows move.
 */
import os from "node:os";
import path from "node:path";
import { loadWorkbook } from "../adapters/xlsx/loadWorkbook";
import { feedbackOf } from "../adapters/xlsx/feedbackWorkbook";
import { sha256Hex } from "../adapters/sha256";
import { readWorkbookFile } from "../adapters/xlsx/readWorkbook";
import { workbookWithReviewStore } from "../adapters/xlsx/reviewStoreFile";
import { PhuLucError, userMessage } from "../engine/errors";
import { checkGrid } from "../engine/check";
import {
  approveUnit,
  attachExplanations,
  explanationFor,
  FEEDBACK_SHEET_NAME,
  returnUnit,
  reviewStoreOf,
  shownDateTime,
  STATE_LABELS,
  statusNamed,
  statusSheetRows,
  upsertExplanation,
  type ReviewStore,
  type SubmissionStatus,
} from "../engine/review";
import { DEFAULT_UNITS, matchUnit } from "../engine/units";
import { maxMbArg, type CliIO, type Command } from "./io";
import { checkOutputPath, writeOutput } from "./outputPath";
import { zipFiles } from "./zipFiles";

/** Who is acting when --by is not given: the login name (empty when the system has none). */
export function actorName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return "";
  }
}

interface Flags {
  positional: string[];
  values: Map<string, string>;
  switches: Set<string>;
}

/** `--flag VALUE` options, `--switch` options and the positional arguments; anything else is refused. */
function parseFlags(args: string[], valued: string[], switches: string[]): Flags {
  const flags: Flags = { positional: [], values: new Map(), switches: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] === "--output" ? "-o" : args[i];
    if (valued.includes(arg)) {
      const value = args[++i];
      if (value === undefined || value === "") {
        throw new PhuLucError("bad-argument", `${arg} cần một giá trị.`, `${arg} needs a value.`);
      }
      flags.values.set(arg, value);
    } else if (switches.includes(arg) || arg === "--help" || arg === "-h")
      flags.switches.add(arg === "-h" ? "--help" : arg);
    else if (arg.startsWith("-")) {
      throw new PhuLucError("bad-argument", `Tùy chọn không hợp lệ: ${arg}`, `Unknown option: ${arg}`);
    } else flags.positional.push(arg);
  }
  return flags;
}

function required(flags: Flags, name: string, what: string): string {
  const value = flags.values.get(name);
  if (!value) throw new PhuLucError("bad-argument", `Chưa nêu ${what} (${name}).`, `No ${name} given.`);
  return value;
}

function oneFile(flags: Flags, what: string): string {
  if (flags.positional.length !== 1) {
    throw new PhuLucError("bad-argument", `Cần đúng một ${what}.`, `Exactly one ${what} is needed.`);
  }
  return flags.positional[0];
}

/** A command with usage text: bad arguments print the usage (exit 2), --help prints it (exit 0). */
function command(
  usage: string,
  valued: string[],
  switches: string[],
  run: (flags: Flags, io: CliIO) => Promise<number>,
): Command {
  return async (args, io) => {
    let flags: Flags;
    try {
      flags = parseFlags(args, valued, switches);
    } catch (error) {
      io.err(`${userMessage(error)}\n\n${usage}`);
      return 2;
    }
    if (flags.switches.has("--help")) {
      io.out(usage);
      return 0;
    }
    try {
      return await run(flags, io);
    } catch (error) {
      io.err(userMessage(error));
      return 2;
    }
  };
}

const limitsOf = (flags: Flags) =>
  flags.values.has("--max-mb") ? { maxBytes: maxMbArg("--max-mb", flags.values.get("--max-mb")) } : {};

async function loadConsolidated(file: string, flags: Flags) {
  const loaded = await readWorkbookFile(file, limitsOf(flags));
  const store = reviewStoreOf(loaded.read.grids);
  if (store.statuses.length === 0) {
    throw new PhuLucError(
      "bad-argument",
      `Tệp “${path.basename(file)}” chưa có Tình trạng nộp: hãy dùng tệp do lệnh phuluc merge ghi ra.`,
      `“${path.basename(file)}” has no submission status: use a workbook written by phuluc merge.`,
    );
  }
  return { ...loaded, store };
}

/**
 * The unit as the status list names it: a units list's name by its id (`Phòng CNTT - BCVT` → `CNTT-BCVT`), a
 * dịch vụ công row by its name even without the administrative word (`Huyện Tri Tôn` → `UBND huyện Tri Tôn`).
 */
function unitArg(flags: Flags, statuses: readonly SubmissionStatus[]): string {
  const unit = required(flags, "--unit", "đơn vị");
  const id = matchUnit(unit, DEFAULT_UNITS)?.id ?? unit;
  return statusNamed(statuses, id)?.unit ?? id;
}

/** `bytes` (the file as read) with `store` as its records: a file that cannot take them fails before anything is written. */
const withStore = (bytes: Uint8Array, store: ReviewStore, fileName: string) =>
  workbookWithReviewStore(bytes, store, { fileName, zip: zipFiles });

export const STATUS_USAGE = `Cách dùng: phuluc status TỔNG_HỢP.xlsx [--json] [--max-mb N]

In Tình trạng nộp của bảng tổng hợp: mỗi đơn vị, tình trạng (Chưa nộp / Đã nhận / Trả lại / Đã duyệt),
tệp đã nhận, ngày sửa, SHA-256, số lỗi và cảnh báo khi nhận, người cập nhật và thời điểm.
Mã thoát: 0 đã in; 2 không đọc được tệp hoặc tệp chưa có Tình trạng nộp.`;

function statusLines(file: string, statuses: SubmissionStatus[]): string {
  const [, ...rows] = statusSheetRows(statuses);
  const lines = rows.map(([unit, state, name, modified, sha, errors, warnings, explained, by, at]) => {
    const received = name
      ? ` — ${name} (sửa ${modified || "?"}; SHA-256 ${String(sha).slice(0, 12)}…; ${errors} lỗi, ${warnings} cảnh báo, ${explained} đã giải trình)`
      : "";
    return `  ${unit}: ${state}${received}${by ? `; ${by}` : ""}, ${at}`;
  });
  return [`Tình trạng nộp — ${file}`, ...lines].join("\n");
}

export const statusCommand = command(STATUS_USAGE, ["--max-mb"], ["--json"], async (flags, io) => {
  const file = oneFile(flags, "tệp tổng hợp");
  const { store } = await loadConsolidated(file, flags);
  if (flags.switches.has("--json")) {
    const units = store.statuses.map((s) => ({
      ...s,
      label: STATE_LABELS.vi[s.state],
      labelEn: STATE_LABELS.en[s.state],
    }));
    io.out(JSON.stringify({ file, units }, null, 2));
  } else io.out(statusLines(file, store.statuses));
  return 0;
});

export const APPROVE_USAGE = `Cách dùng: phuluc approve TỔNG_HỢP.xlsx --unit ĐƠN_VỊ [--by TÊN] [--max-mb N]

Duyệt số liệu của một đơn vị: Tình trạng nộp thành “Đã duyệt”. Sau đó tệp mới của đơn vị này bị lệnh merge
từ chối, trừ khi thêm --reopen ĐƠN_VỊ. Tệp tổng hợp được cập nhật tại chỗ (chỉ trang PhuLuc và Tình trạng nộp).
Mã thoát: 0 đã duyệt; 2 tham số sai, đơn vị chưa nộp, hoặc không đọc/ghi được tệp.`;

export const approveCommand = command(APPROVE_USAGE, ["--unit", "--by", "--max-mb"], [], async (flags, io) => {
  const file = oneFile(flags, "tệp tổng hợp");
  const { bytes, read, store } = await loadConsolidated(file, flags);
  const unit = unitArg(flags, store.statuses);
  const actor = { by: flags.values.get("--by") ?? actorName(), at: new Date().toISOString() };
  const statuses = approveUnit(store.statuses, unit, actor);
  await writeOutput(file, await withStore(bytes, { ...store, statuses }, read.fileName));
  io.out(
    `Đã duyệt ${unit} (${statuses.find((s) => s.unit === unit)?.file}) lúc ${shownDateTime(actor.at)}${actor.by ? `, bởi ${actor.by}` : ""}.`,
  );
  return 0;
});

export const RETURN_USAGE = `Cách dùng: phuluc return TỔNG_HỢP.xlsx --unit ĐƠN_VỊ -o PHẢN_HỒI.xlsx [--file TỆP_ĐƠN_VỊ.xlsx] [--by TÊN] [--force] [--max-mb N]

Trả lại tệp cho đơn vị: ghi PHẢN_HỒI.xlsx là tệp của đơn vị với mỗi phát hiện thành một ghi chú (note) trên ô
của nó, thêm trang “${FEEDBACK_SHEET_NAME}” liệt kê các phát hiện bằng tiếng Việt; Tình trạng nộp của đơn vị
thành “Trả lại” (tệp tổng hợp được cập nhật tại chỗ).
  --file TỆP   tệp đơn vị đã gửi (mặc định: tệp cùng tên ghi trong Tình trạng nộp, cạnh tệp tổng hợp);
               phải đúng tệp đã nhận (cùng SHA-256)
  --force      ghi đè PHẢN_HỒI.xlsx nếu đã có
Mã thoát: 0 đã ghi; 2 tham số sai, đơn vị chưa nộp, tệp khác tệp đã nhận, hoặc không đọc/ghi được tệp.`;

export const returnCommand = command(
  RETURN_USAGE,
  ["--unit", "--by", "-o", "--file", "--max-mb"],
  ["--force"],
  async (flags, io) => {
    const file = oneFile(flags, "tệp tổng hợp");
    const output = required(flags, "-o", "tệp phản hồi");
    const { bytes, read, store } = await loadConsolidated(file, flags);
    const unit = unitArg(flags, store.statuses);
    const actor = { by: flags.values.get("--by") ?? actorName(), at: new Date().toISOString() };
    const statuses = returnUnit(store.statuses, unit, actor);
    const status = store.statuses.find((s) => s.unit === unit)!;
    const unitFile = flags.values.get("--file") ?? path.join(path.dirname(file), status.file ?? "");
    await checkOutputPath(
      output,
      [
        { path: file, role: "tệp tổng hợp" },
        { path: unitFile, role: "tệp của đơn vị" },
      ],
      flags.switches.has("--force"),
    );
    const received = await loadWorkbook(unitFile, limitsOf(flags));
    if (status.sha256 && (await sha256Hex(received.bytes)) !== status.sha256) {
      throw new PhuLucError(
        "bad-argument",
        `Tệp “${unitFile}” không phải tệp đã nhận của ${unit} (“${status.file}”, SHA-256 khác); hãy nêu đúng tệp bằng --file.`,
        `“${unitFile}” is not the file received from ${unit} (“${status.file}”, another SHA-256); name it with --file.`,
      );
    }
    const feedback = await feedbackOf(received);
    const updated = await withStore(bytes, { ...store, statuses }, read.fileName);
    await writeOutput(output, feedback.bytes);
    await writeOutput(file, updated);
    io.out(
      `Đã ghi ${output}: ${feedback.findings} phát hiện (${feedback.errors} lỗi) của ${unit} thành ghi chú trên ô và trang “${FEEDBACK_SHEET_NAME}”.`,
    );
    io.out(`Tình trạng nộp của ${unit}: ${STATE_LABELS.vi["tra-lai"]}.`);
    return 0;
  },
);

export const EXPLAIN_USAGE = `Cách dùng: phuluc explain TỆP.xlsx --sheet TRANG --cell Ô --rule QUY_TẮC --text "GIẢI TRÌNH" [--by TÊN]
                      (-o ĐÍCH.xlsx [--force] | --in-place) [--max-mb N]

Thêm giải trình cho một phát hiện (như lệnh check chỉ ra: trang tính, ô, quy tắc). Giải trình được lưu trong
trang ẩn PhuLuc của sổ tính, gắn với chỉ tiêu của dòng (không gắn với địa chỉ ô) nên vẫn đúng khi chèn dòng;
lệnh merge mang nó vào Ghi chú và nhật ký, lỗi đã giải trình không chặn việc xuất file nộp.
  -o ĐÍCH      ghi ra tệp mới (tệp gốc không đổi)
  --in-place   ghi thẳng vào TỆP.xlsx
Mã thoát: 0 đã lưu; 2 tham số sai, không có phát hiện đó, hoặc không đọc/ghi được tệp.`;

export const explainCommand = command(
  EXPLAIN_USAGE,
  ["--sheet", "--cell", "--rule", "--text", "--by", "-o", "--max-mb"],
  ["--in-place", "--force"],
  async (flags, io) => {
    const file = oneFile(flags, "tệp");
    const sheetName = required(flags, "--sheet", "trang tính");
    const cell = required(flags, "--cell", "ô").toUpperCase();
    const rule = required(flags, "--rule", "quy tắc");
    const text = required(flags, "--text", "nội dung giải trình");
    const output = flags.values.get("-o");
    if (!output === !flags.switches.has("--in-place")) {
      throw new PhuLucError(
        "bad-argument",
        "Cần đúng một trong hai: -o ĐÍCH.xlsx (ghi tệp mới) hoặc --in-place (ghi vào chính tệp).",
        "Give exactly one of -o OUT.xlsx or --in-place.",
      );
    }
    if (output) await checkOutputPath(output, [{ path: file, role: "tệp nguồn" }], flags.switches.has("--force"));
    const { read, bytes } = await readWorkbookFile(file, limitsOf(flags));
    const grid = read.grids.find((g) => g.name === sheetName);
    if (!grid) {
      const names = read.grids.map((g) => `“${g.name}”`).join(", ");
      throw new PhuLucError(
        "bad-argument",
        `Tệp “${file}” không có trang tính “${sheetName}” (các trang tính: ${names}).`,
        `“${file}” has no sheet “${sheetName}” (its sheets: ${names}).`,
      );
    }
    const store = reviewStoreOf(read.grids);
    const report = checkGrid(grid);
    const finding = report.findings.find((f) => f.cell === cell && f.rule === rule);
    const explanation =
      report.table &&
      finding &&
      explanationFor(report.table, finding, {
        text,
        by: flags.values.get("--by") ?? actorName(),
        at: new Date().toISOString(),
      });
    if (!explanation) {
      const here = attachExplanations(report.table, report.findings, store.explanations).filter((f) => f.cell === cell);
      const listed = here.map((f) => f.rule).join(", ") || "không có";
      throw new PhuLucError(
        "bad-argument",
        `Ô ${cell} của trang “${sheetName}” không có phát hiện “${rule}” của một dòng chỉ tiêu để giải trình (phát hiện ở ô này: ${listed}).`,
        `Cell ${cell} of “${sheetName}” has no “${rule}” finding on an indicator row to explain (findings here: ${listed}).`,
      );
    }
    const target = output ?? file;
    const explanations = upsertExplanation(store.explanations, explanation);
    await writeOutput(target, await withStore(bytes, { ...store, explanations }, read.fileName));
    io.out(`Đã lưu giải trình cho ${sheetName}!${cell} [${rule}] (“${explanation.label}”) vào ${target}.`);
    return 0;
  },
);
