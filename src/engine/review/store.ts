/**
 * The `PhuLuc` sheet: PhuLuc's own records kept in the workbook (very hidden, so Excel's Unhide
 * does not offer it; the CLI reader and Office.js read it alike). Layout 1:
 *
 * - row 1, the header: the field names below, by name (a reader finds columns by their header, so a
 *   later layout may add columns anywhere);
 * - one row per record: `layout` (the layout number the record is written in, 1) and `kind`
 *   (`explanation`, `status` or `protection`), then the fields of that kind; other cells empty.
 *   - `explanation`: sheet, key, rule, label, cell, unit, text, by, at (see explanations.ts);
 *   - `status`: unit, state (chua-nop | da-nhan | tra-lai | da-duyet), file, modified, sha256,
 *     errors, warnings, explained, by, at (see status.ts);
 *   - `protection`: sheet — PhuLuc protected that sheet (no password) for its approved units, so its cell
 *     locks are PhuLuc's and PhuLuc may lift the protection to write (see protection.ts).
 *
 * Text is stored as text (dates as ISO strings), numbers as numbers. A record of another kind, or of
 * a later layout, is kept as read and written back unchanged, so an older PhuLuc never destroys a
 * newer one's data.
 */
import { cellText, type CellValue, type Grid } from "../grid";
import { foldText } from "../text";
import type { Explanation } from "./explanations";
import { SUBMISSION_STATES, type SubmissionState, type SubmissionStatus } from "./status";

export const REVIEW_SHEET_NAME = "PhuLuc";
export const REVIEW_LAYOUT = 1;

/** The header of layout 1, in column order. */
export const REVIEW_FIELDS = [
  "layout",
  "kind",
  "sheet",
  "key",
  "rule",
  "label",
  "cell",
  "unit",
  "text",
  "by",
  "at",
  "state",
  "file",
  "modified",
  "sha256",
  "errors",
  "warnings",
  "explained",
] as const;

export type ReviewRecordKind = "explanation" | "status" | "protection";

export interface ReviewStore {
  explanations: Explanation[];
  statuses: SubmissionStatus[];
  /** Sheets PhuLuc protected for the approved units (absent when none). */
  protectedSheets?: string[];
  /** Records this layout does not know, by field name, kept to be written back as they were. */
  preserved: Record<string, CellValue>[];
}

export function emptyReviewStore(): ReviewStore {
  return { explanations: [], statuses: [], preserved: [] };
}

/** True for the name of the PhuLuc sheet (compared as Excel compares sheet names: case-insensitively). */
export function isReviewSheet(name: string): boolean {
  return foldText(name) === foldText(REVIEW_SHEET_NAME);
}

type Fields = Record<string, CellValue>;

function text(fields: Fields, name: string): string {
  const value = fields[name];
  // A time someone's Excel turned into a date keeps its time of day.
  return value instanceof Date ? value.toISOString() : cellText(value == null ? undefined : { value });
}

function count(fields: Fields, name: string): number | undefined {
  const value = fields[name];
  if (typeof value === "number") return value;
  const n = Number(text(fields, name));
  return text(fields, name) !== "" && Number.isFinite(n) ? n : undefined;
}

function explanationFrom(fields: Fields): Explanation | undefined {
  const record: Explanation = {
    sheet: text(fields, "sheet"),
    key: text(fields, "key"),
    rule: text(fields, "rule"),
    label: text(fields, "label"),
    cell: text(fields, "cell"),
    text: text(fields, "text"),
    by: text(fields, "by"),
    at: text(fields, "at"),
  };
  if (!record.sheet || !record.key || !record.rule || !record.text) return undefined;
  const unit = text(fields, "unit");
  return unit ? { ...record, unit } : record;
}

function statusFrom(fields: Fields): SubmissionStatus | undefined {
  const unit = text(fields, "unit");
  const state = text(fields, "state") as SubmissionState;
  if (!unit || !SUBMISSION_STATES.includes(state)) return undefined;
  const status: SubmissionStatus = { unit, state, by: text(fields, "by"), at: text(fields, "at") };
  for (const name of ["file", "modified", "sha256"] as const) if (text(fields, name)) status[name] = text(fields, name);
  for (const name of ["errors", "warnings", "explained"] as const) {
    const n = count(fields, name);
    if (n !== undefined) status[name] = n;
  }
  return status;
}

/** The records of a PhuLuc sheet's grid; rows it cannot read as layout 1 are preserved as they are. */
export function reviewStoreFromGrid(grid: Grid): ReviewStore {
  const store = emptyReviewStore();
  const [header, ...rows] = grid.rows;
  const names = (header ?? []).map((cell) => cellText(cell).trim());
  for (const cells of rows) {
    const fields: Fields = {};
    names.forEach((name, c) => {
      const value = cells?.[c]?.value;
      if (name && value !== undefined && value !== null && value !== "") fields[name] = value;
    });
    if (Object.keys(fields).length === 0) continue;
    const layout = count(fields, "layout");
    const kind = text(fields, "kind");
    const record =
      layout === REVIEW_LAYOUT && kind === "explanation"
        ? explanationFrom(fields)
        : layout === REVIEW_LAYOUT && kind === "status"
          ? statusFrom(fields)
          : undefined;
    if (layout === REVIEW_LAYOUT && kind === "protection" && text(fields, "sheet")) {
      store.protectedSheets = [...(store.protectedSheets ?? []), text(fields, "sheet")];
    } else if (record && kind === "explanation") store.explanations.push(record as Explanation);
    else if (record) store.statuses.push(record as SubmissionStatus);
    else store.preserved.push(fields);
  }
  return store;
}

/** The store of a workbook's grids: its PhuLuc sheet's, or an empty one. */
export function reviewStoreOf(grids: readonly Grid[]): ReviewStore {
  const grid = grids.find((g) => isReviewSheet(g.name));
  return grid ? reviewStoreFromGrid(grid) : emptyReviewStore();
}

function row(fields: Partial<Record<string, CellValue | undefined>>, header: readonly string[]): CellValue[] {
  return header.map((name) => fields[name] ?? null);
}

/** The PhuLuc sheet's rows: header, explanations, statuses, protected sheets, then the records kept as read. */
export function reviewSheetRows(store: ReviewStore): CellValue[][] {
  const extra = [...new Set(store.preserved.flatMap((fields) => Object.keys(fields)))].filter(
    (name) => !(REVIEW_FIELDS as readonly string[]).includes(name),
  );
  const header = [...REVIEW_FIELDS, ...extra];
  const kind = (k: ReviewRecordKind) => ({ layout: REVIEW_LAYOUT, kind: k });
  return [
    header,
    ...store.explanations.map((e) => row({ ...kind("explanation"), ...e }, header)),
    ...store.statuses.map((s) => row({ ...kind("status"), ...s }, header)),
    ...(store.protectedSheets ?? []).map((sheet) => row({ ...kind("protection"), sheet }, header)),
    ...store.preserved.map((fields) => row(fields, header)),
  ];
}
