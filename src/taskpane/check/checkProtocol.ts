/** The typed messages between the pane and the check worker (check.worker.ts). */
import type { Grid } from "../../engine/grid";
import type { Bilingual } from "../shownError";
import type { CheckedSheet } from "./checkedSheet";
import type { Explanation } from "../../engine/review";
import type {
  CheckedFile,
  CheckProgress,
  ExplainedFile,
  ExplanationChange,
  ReferenceInUse,
  ReferenceRole,
  ReferenceSource,
} from "./checkWork";

export type ToCheckWorker =
  /** An opened .xlsx: read it and check every sheet (the bytes are transferred, not copied). */
  | { type: "file"; id: number; name: string; bytes: ArrayBuffer }
  /** The active sheet as read from Excel. */
  | { type: "grid"; id: number; grid: Grid; explanations: Explanation[] }
  /** File mode: store or remove a giải trình in a copy of the opened workbook, and check the copy. */
  | { type: "explain"; id: number; name: string; bytes: ArrayBuffer; change: ExplanationChange }
  /** The plan or previous period every later check answers to: sent once, kept by the worker. */
  | { type: "reference"; id: number; role: ReferenceRole; source: ReferenceSource };

export type FromCheckWorker =
  | { type: "progress"; id: number; progress: CheckProgress }
  | { type: "file"; id: number; file: CheckedFile }
  | { type: "sheet"; id: number; sheet: CheckedSheet }
  | { type: "reference"; id: number; inUse?: ReferenceInUse }
  | { type: "explained"; id: number; explained: ExplainedFile }
  | { type: "error"; id: number; error: Bilingual };
