/** The typed messages between the pane and the merge worker (src/taskpane/merge/merge.worker.ts). */
import type { MergeOptions, MergeResult } from "../../engine/merge";
import type { NotMerged } from "../../engine/merge/logSheet";
import type { MergeSummary } from "../../engine/merge/summary";
import type { Bilingual } from "../shownError";
import type { ApprovalConflict, ReviewStore, SubmissionStatus } from "../../engine/review";

export interface FilePayload {
  name: string;
  bytes: ArrayBuffer;
  /**
   * ISO time the file was last modified (File.lastModified). A later file of the same unit replaces an
   * earlier one: by the date the workbook itself says it was saved, else by this.
   */
  lastModified?: string;
}

export interface MergeRequest {
  /** The consolidated template workbook (the open workbook's bytes inside Excel). */
  template: FilePayload;
  units: FilePayload[];
  /** Sheets of the template workbook that are a unit's report, not part of the template (by name). */
  unitSheets: string[];
  options: MergeOptions;
}

export type ProgressStage = "waiting" | "reading" | "recognising" | "done" | "failed";

export interface FileProgress {
  file: string;
  stage: ProgressStage;
  /** 0..1 for the progress bar. */
  fraction: number;
  /** Why the file failed, or what was found in it: Vietnamese, and English for the pane's switch. */
  message?: string;
  messageEn?: string;
}

export interface MergeOutcome {
  result: MergeResult;
  notMerged: NotMerged[];
  /** Every sheet name of the template workbook (the Áp dụng batch replaces the log sheet if present). */
  workbookSheets: string[];
  /**
   * The same accounting the CLI prints: units, rows filled, open conflicts, missing reports, unknown
   * rows, proposals, sheets of another template, every unit value by fate (superseded, not merged…).
   * The values themselves, each with its fate and reason, are `result.values`.
   */
  summary: MergeSummary;
  /** Tình trạng nộp after this merge (one row per expected unit). */
  statuses: SubmissionStatus[];
  /** New files of approved units, left out of this merge until the user reopens the unit. */
  approvals: ApprovalConflict[];
  /** The consolidated workbook's records (giải trình carried, `statuses`): Áp dụng in Excel writes them. */
  review: ReviewStore;
}

/** Trả lại or Đã duyệt for one unit (spec §10). */
export interface StatusChange {
  action: "return" | "approve";
  unit: string;
}

export interface StatusChanged {
  statuses: SubmissionStatus[];
  /** The records with the change, for the open workbook in Excel. */
  review: ReviewStore;
  /** Trả lại: the unit's file with its findings as cell notes and a list sheet. */
  feedback?: { fileName: string; bytes: Uint8Array; findings: number; errors: number };
}

export type ToWorker =
  | { type: "merge"; id: number; request: MergeRequest }
  /** Merges the last request's files again with new options (a conflict settled, a proposal accepted). */
  | { type: "remerge"; id: number; options: MergeOptions; reopen?: string[] }
  | { type: "status"; id: number; change: StatusChange }
  /** The consolidated .xlsx of the last merge (file mode). */
  | { type: "write"; id: number };

export type FromWorker =
  | { type: "progress"; id: number; progress: FileProgress }
  | { type: "merged"; id: number; outcome: MergeOutcome }
  | { type: "written"; id: number; bytes: Uint8Array }
  | { type: "status"; id: number; changed: StatusChanged }
  | { type: "error"; id: number; error: Bilingual };
