/**
 * The checking the pane hands to its worker (check.worker.ts), also run on the page where there is no Worker:
 * an opened .xlsx read and every sheet checked, or one sheet read from Excel checked — both against the plan
 * and previous period set once (spec §9), which the worker keeps between checks.
 */
import { checkGrid } from "../../engine/check";
import { PhuLucError } from "../../engine/errors";
import type { Grid } from "../../engine/grid";
import { referenceBook, type ReferenceBook, type References } from "../../engine/periods/reference";
import { restoreSnapshot, snapshotOf, type ReferenceSnapshot } from "../../engine/periods/snapshot";
import {
  attachExplanations,
  isReviewSheet,
  removeExplanation,
  reviewStoreOf,
  upsertExplanation,
  type Explanation,
} from "../../engine/review";
import { checkedSheet, type CheckedSheet } from "./checkedSheet";
import type { Note } from "../../engine/notes/note";

export type CheckProgress = { stage: "reading" } | { stage: "checking"; done: number; total: number };

export interface CheckedFile {
  fileName: string;
  sheets: CheckedSheet[];
  /** Notes about the workbook as a whole (hidden sheets, skipped rows). */
  notes: Note[];
}

export type ReferenceRole = keyof References;

/** A giải trình to store (text) or to remove (no text) for one finding's row and rule. */
export type ExplanationChange = Explanation | Pick<Explanation, "sheet" | "key" | "rule">;

/** The file with the change made (a copy: the user's file is not written), checked again. */
export interface ExplainedFile {
  bytes: Uint8Array;
  file: CheckedFile;
}

/** Where a reference comes from: a file just picked, what the workbook remembered, or nothing (stop using it). */
export type ReferenceSource = { file: { name: string; bytes: ArrayBuffer } } | { snapshot: ReferenceSnapshot } | null;

/** A reference now in use: its file name, and (when read from a file) the snapshot to remember. */
export interface ReferenceInUse {
  file: string;
  snapshot?: ReferenceSnapshot;
}

async function readGrids(name: string, bytes: ArrayBuffer) {
  const { readWorkbook } = await import(/* webpackChunkName: "xlsx-reader" */ "../../adapters/xlsx/readWorkbook");
  return readWorkbook(new Uint8Array(bytes), { fileName: name });
}

function noTables(file: string): PhuLucError {
  return new PhuLucError(
    "bad-template",
    `Tệp “${file}” không có bảng Phụ lục nào nhận diện được, nên không dùng được để so sánh.`,
    `The file “${file}” has no appendix table PhuLuc recognises, so it cannot be compared against.`,
  );
}

/** One checking session: the references it was given, and the checks that use them. */
export class CheckWork {
  private references: References = {};

  async checkFile(
    name: string,
    bytes: ArrayBuffer,
    onProgress: (progress: CheckProgress) => void,
  ): Promise<CheckedFile> {
    onProgress({ stage: "reading" });
    const { readWorkbook, hiddenSheetNote } = await import(
      /* webpackChunkName: "xlsx-reader" */ "../../adapters/xlsx/readWorkbook"
    );
    const read = await readWorkbook(new Uint8Array(bytes), { fileName: name });
    // The giải trình stored in the workbook's own very hidden PhuLuc sheet go with the findings they explain;
    // that sheet is PhuLuc's records, not a report: neither listed nor said to be hidden.
    const { explanations } = reviewStoreOf(read.grids);
    const own = read.grids.filter((grid) => isReviewSheet(grid.name));
    const reports = read.grids.filter((grid) => !own.includes(grid));
    const ownNotes = new Set(own.flatMap(hiddenSheetNote).map((note) => note.message));
    const sheets: CheckedSheet[] = [];
    for (const grid of reports) {
      onProgress({ stage: "checking", done: sheets.length, total: reports.length });
      sheets.push(this.check(grid, explanations, read.fileName));
    }
    return { fileName: read.fileName, sheets, notes: read.notes.filter((note) => !ownNotes.has(note.message)) };
  }

  /** One sheet read from Excel, with the giải trình the pane read from the workbook's PhuLuc sheet. */
  checkGrid(grid: Grid, explanations: readonly Explanation[] = []): CheckedSheet {
    return this.check(grid, explanations);
  }

  private check(grid: Grid, explanations: readonly Explanation[], file?: string): CheckedSheet {
    const report = checkGrid(grid, { references: this.references, ...(file ? { file } : {}) });
    return checkedSheet({ ...report, findings: attachExplanations(report.table, report.findings, explanations) });
  }

  /** File mode: a copy of the workbook with the giải trình stored (or removed) in its PhuLuc sheet, checked. */
  async explainInFile(name: string, bytes: ArrayBuffer, change: ExplanationChange): Promise<ExplainedFile> {
    const [read, { workbookWithReviewStore }] = await Promise.all([
      readGrids(name, bytes.slice(0)),
      import(/* webpackChunkName: "xlsx-review" */ "../../adapters/xlsx/reviewStoreFile"),
    ]);
    const store = reviewStoreOf(read.grids);
    const explanations =
      "text" in change ? upsertExplanation(store.explanations, change) : removeExplanation(store.explanations, change);
    const written = await workbookWithReviewStore(bytes, { ...store, explanations }, { fileName: name });
    const file = await this.checkFile(name, written.slice().buffer, () => {});
    return { bytes: written, file };
  }

  /** Sets (or, given null, stops using) the plan or previous period every later check answers to. */
  async setReference(role: ReferenceRole, source: ReferenceSource): Promise<ReferenceInUse | undefined> {
    if (!source) {
      this.references = { ...this.references, [role]: undefined };
      return undefined;
    }
    let book: ReferenceBook;
    let snapshot: ReferenceSnapshot | undefined;
    if ("snapshot" in source) book = restoreSnapshot(source.snapshot);
    else {
      const read = await readGrids(source.file.name, source.file.bytes);
      book = referenceBook(read.fileName, read.grids);
      snapshot = snapshotOf(book, read.grids);
    }
    if (book.tables.length === 0) throw noTables(book.file);
    this.references = { ...this.references, [role]: book };
    return { file: book.file, snapshot };
  }
}
