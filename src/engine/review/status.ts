/**
 * Tình trạng nộp (spec §10): one record per expected unit of the consolidated workbook — the file
 * received, its modified date and SHA-256, the errors and warnings it had on receipt, its state
 * (Chưa nộp / Đã nhận / Trả lại / Đã duyệt), by whom and when. Pure functions over the list: the
 * adapters read and write it (the `PhuLuc` sheet holds it, the visible `Tình trạng nộp` sheet shows
 * it), the CLI and the pane call these to change it.
 *
 * Decisions:
 * - A merge records, per unit, the newest of the files it took from that unit (by modified date,
 *   then name). The same bytes as already recorded (same SHA-256) change nothing: re-merging the
 *   inputs keeps Trả lại and Đã duyệt. Different bytes make the unit Đã nhận again.
 * - Đã duyệt locks the unit: a file from it with other bytes is refused by the merge
 *   (approvalConflicts) unless the user reopens the unit for that merge; the file then makes it
 *   Đã nhận, to be approved again.
 * - Only a unit that sent a file can be returned or approved.
 * - Units keep the order of the expected list; units seen only in files follow, sorted.
 */
import { PhuLucError } from "../errors";
import { bareKey } from "../merge/unitRows";
import type { Localized } from "../locale";

export const SUBMISSION_STATES = ["chua-nop", "da-nhan", "tra-lai", "da-duyet"] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

/** How each state is written on the Tình trạng nộp sheet and in messages. */
export const STATE_LABELS: Localized<Record<SubmissionState, string>> = {
  vi: { "chua-nop": "Chưa nộp", "da-nhan": "Đã nhận", "tra-lai": "Trả lại", "da-duyet": "Đã duyệt" },
  en: { "chua-nop": "Not submitted", "da-nhan": "Received", "tra-lai": "Returned", "da-duyet": "Approved" },
};

/** A file as the merge received it, measured by the adapter (hash, counts) — the engine hashes nothing. */
export interface Receipt {
  unit: string;
  /** The file's base name. */
  file: string;
  /** ISO date-time the workbook says it was saved (else the file's time). */
  modified?: string;
  sha256: string;
  /** Findings of the unit's own sheets on receipt. */
  errors: number;
  warnings: number;
  /** Of those, how many carried a giải trình. */
  explained: number;
}

export interface SubmissionStatus {
  unit: string;
  state: SubmissionState;
  /** The receipt the state is about (absent while Chưa nộp). */
  file?: string;
  modified?: string;
  sha256?: string;
  errors?: number;
  warnings?: number;
  explained?: number;
  /** Who made the last change, and when (ISO). */
  by: string;
  at: string;
}

/** Who does it, and when (the caller's clock). */
export interface Actor {
  by?: string;
  at: string;
}

function received(receipt: Receipt, actor: Actor): SubmissionStatus {
  return {
    unit: receipt.unit,
    state: "da-nhan",
    file: receipt.file,
    ...(receipt.modified ? { modified: receipt.modified } : {}),
    sha256: receipt.sha256,
    errors: receipt.errors,
    warnings: receipt.warnings,
    explained: receipt.explained,
    by: actor.by ?? "",
    at: actor.at,
  };
}

/** Per unit, the newest receipt (modified date, then file name: never the order of arguments). */
export function latestReceipts(receipts: readonly Receipt[]): Map<string, Receipt> {
  const latest = new Map<string, Receipt>();
  for (const r of receipts) {
    const current = latest.get(r.unit);
    const newer =
      !current ||
      (r.modified ?? "") > (current.modified ?? "") ||
      ((r.modified ?? "") === (current.modified ?? "") && r.file > current.file);
    if (newer) latest.set(r.unit, r);
  }
  return latest;
}

/** The statuses after a merge that took `receipts`, for the template's `expectedUnits`. */
/** Units whose file an earlier merge received (any state but Chưa nộp): merge's MergeOptions.receivedEarlier. */
export function receivedUnits(statuses: readonly SubmissionStatus[]): string[] {
  return statuses.filter((s) => s.state !== "chua-nop").map((s) => s.unit);
}

export function recordMerge(
  statuses: readonly SubmissionStatus[],
  expectedUnits: readonly string[],
  receipts: readonly Receipt[],
  actor: Actor,
): SubmissionStatus[] {
  const byUnit = new Map(statuses.map((s) => [s.unit, s]));
  const latest = latestReceipts(receipts);
  const others = [...new Set([...statuses.map((s) => s.unit), ...latest.keys()])]
    .filter((unit) => !expectedUnits.includes(unit))
    .sort();
  return [...expectedUnits, ...others].map((unit) => {
    const current = byUnit.get(unit);
    const receipt = latest.get(unit);
    if (!receipt) return current ?? { unit, state: "chua-nop", by: actor.by ?? "", at: actor.at };
    if (current && current.state !== "chua-nop" && current.sha256 === receipt.sha256) return current;
    return received(receipt, actor);
  });
}

function changeState(
  statuses: readonly SubmissionStatus[],
  unit: string,
  state: SubmissionState,
  actor: Actor,
): SubmissionStatus[] {
  const current = statusNamed(statuses, unit);
  if (!current) {
    const known = statuses.map((s) => s.unit).join(", ") || "(chưa có)";
    throw new PhuLucError(
      "unknown-unit",
      `Đơn vị “${unit}” không có trong Tình trạng nộp của bảng tổng hợp (các đơn vị: ${known}).`,
      `Unit “${unit}” is not in the consolidated workbook's submission status (units: ${known}).`,
    );
  }
  if (current.state === "chua-nop") {
    throw new PhuLucError(
      "not-submitted",
      `Đơn vị “${current.unit}” chưa nộp tệp nào nên chưa thể ${state === "tra-lai" ? "trả lại" : "duyệt"}.`,
      `Unit “${current.unit}” has not sent a file, so it cannot be ${STATE_LABELS.en[state].toLowerCase()}.`,
    );
  }
  return statuses.map((s) => (s === current ? { ...s, state, by: actor.by ?? "", at: actor.at } : s));
}

/**
 * The status of the unit `unit` names: as recorded, else by its name without the administrative word where only
 * one matches (`--unit "Huyện Tri Tôn"` for the dịch vụ công row `UBND huyện Tri Tôn`), as the merge places rows.
 */
export function statusNamed(statuses: readonly SubmissionStatus[], unit: string): SubmissionStatus | undefined {
  const exact = statuses.find((s) => s.unit === unit);
  if (exact) return exact;
  const bare = statuses.filter((s) => bareKey(s.unit) === bareKey(unit));
  return bare.length === 1 ? bare[0] : undefined;
}

/** Trả lại: the unit's file goes back with its findings (the feedback workbook is the adapter's). */
export function returnUnit(statuses: readonly SubmissionStatus[], unit: string, actor: Actor): SubmissionStatus[] {
  return changeState(statuses, unit, "tra-lai", actor);
}

/** Đã duyệt: the unit's values are locked against later merges until reopened. */
export function approveUnit(statuses: readonly SubmissionStatus[], unit: string, actor: Actor): SubmissionStatus[] {
  return changeState(statuses, unit, "da-duyet", actor);
}

/** A file the merge must not take: its unit is approved and the file is not the approved one. */
export interface ApprovalConflict {
  unit: string;
  file: string;
  approved: SubmissionStatus;
}

/** Receipts from approved units whose bytes differ from the approved file, unless the unit is reopened. */
export function approvalConflicts(
  statuses: readonly SubmissionStatus[],
  receipts: readonly Receipt[],
  reopened: readonly string[] = [],
): ApprovalConflict[] {
  const approved = new Map(statuses.filter((s) => s.state === "da-duyet").map((s) => [s.unit, s]));
  return receipts.flatMap((r) => {
    const status = approved.get(r.unit);
    if (!status || status.sha256 === r.sha256 || reopened.includes(r.unit)) return [];
    return [{ unit: r.unit, file: r.file, approved: status }];
  });
}

/** `2024-10-05T08:00:00.000Z` → `05/10/2024 08:00` (as stored, UTC). */
export function shownDateTime(iso: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso ?? "");
  if (!m) return iso ?? "";
  return `${m[3]}/${m[2]}/${m[1]}${m[4] ? ` ${m[4]}:${m[5]}` : ""}`;
}

/** The message of a refused merge, in both languages. */
export function approvalConflictMessage(conflict: ApprovalConflict): Localized<string> {
  const { unit, file, approved } = conflict;
  const by = approved.by ? ` bởi ${approved.by}` : "";
  const byEn = approved.by ? ` by ${approved.by}` : "";
  const when = shownDateTime(approved.at);
  return {
    vi:
      `Đơn vị ${unit} đã được duyệt${by} lúc ${when} (tệp “${approved.file ?? ""}”); tệp “${file}” sẽ thay đổi ` +
      `số liệu đã duyệt nên không được tổng hợp. Nếu thật sự cần, thêm --reopen ${unit} để mở lại việc duyệt.`,
    en:
      `Unit ${unit} was approved${byEn} at ${when} (file “${approved.file ?? ""}”); “${file}” would change ` +
      `approved figures, so it is not merged. Add --reopen ${unit} to reopen the approval.`,
  };
}

export const STATUS_SHEET_NAME = "Tình trạng nộp";

export const STATUS_SHEET_HEADER: Localized<string[]> = {
  vi: [
    "Đơn vị",
    "Tình trạng",
    "Tệp",
    "Ngày sửa tệp",
    "SHA-256",
    "Lỗi",
    "Cảnh báo",
    "Đã giải trình",
    "Người cập nhật",
    "Thời điểm",
  ],
  en: [
    "Unit",
    "Status",
    "File",
    "File modified",
    "SHA-256",
    "Errors",
    "Warnings",
    "Explained",
    "Updated by",
    "Updated at",
  ],
};

/** The visible Tình trạng nộp sheet: a header, then one row per unit (a rendering: PhuLuc holds the data). */
export function statusSheetRows(
  statuses: readonly SubmissionStatus[],
  locale: "vi" | "en" = "vi",
): (string | number)[][] {
  const rows = statuses.map((s) => [
    s.unit,
    STATE_LABELS[locale][s.state],
    s.file ?? "",
    shownDateTime(s.modified),
    s.sha256 ?? "",
    s.errors ?? "",
    s.warnings ?? "",
    s.explained ?? "",
    s.by,
    shownDateTime(s.at),
  ]);
  return [STATUS_SHEET_HEADER[locale], ...rows];
}
