/**
 * What the pane calls to merge: the worker in the browser, the same session on the main thread where
 * there is no Worker (jsdom tests). Both answer with the same types.
 */
import type { MergeOptions } from "../../engine/merge";
import type {
  FileProgress,
  FromWorker,
  MergeOutcome,
  MergeRequest,
  StatusChange,
  StatusChanged,
  ToWorker,
} from "./protocol";
import { MergeSession } from "./session";
import { workerClient, workerOrInline } from "../workerClient";

export interface MergeEngine {
  merge(request: MergeRequest, onProgress: (p: FileProgress) => void): Promise<MergeOutcome>;
  /** Merges the last files again; `reopen`: approved units whose new file the user agreed to take. */
  remerge(options: MergeOptions, reopen?: string[]): Promise<MergeOutcome>;
  /** Trả lại / Đã duyệt for one unit of the last merge. */
  changeStatus(change: StatusChange): Promise<StatusChanged>;
  /** The consolidated .xlsx of the last merge. */
  write(): Promise<Uint8Array>;
}

export function inlineEngine(session = new MergeSession()): MergeEngine {
  return {
    merge: (request, onProgress) => session.merge(request, onProgress),
    remerge: async (options, reopen) => session.remerge(options, reopen),
    changeStatus: (change) => session.changeStatus(change),
    write: () => session.write(),
  };
}

export function workerEngine(): MergeEngine {
  const worker = workerClient<ToWorker, FromWorker>(
    new Worker(new URL("./merge.worker.ts", import.meta.url)),
    (detail) => ({ vi: `Lỗi trong luồng tổng hợp: ${detail}`, en: `The merging thread failed: ${detail}` }),
  );
  return {
    merge: async (request, onProgress) =>
      (await worker.call("merged", (id) => ({ type: "merge", id, request }), { progress: onProgress })).outcome,
    remerge: async (options, reopen) =>
      (await worker.call("merged", (id) => ({ type: "remerge", id, options, reopen }))).outcome,
    changeStatus: async (change) => (await worker.call("status", (id) => ({ type: "status", id, change }))).changed,
    write: async () => (await worker.call("written", (id) => ({ type: "write", id }))).bytes,
  };
}

/**
 * The worker where the browser has one, else the main thread: the result is the same, only the pane
 * paints less smoothly meanwhile (a blocked worker script must not stop the merge).
 */
export function defaultEngine(): MergeEngine {
  return workerOrInline(workerEngine, inlineEngine);
}
