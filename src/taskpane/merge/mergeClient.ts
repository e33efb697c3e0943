/**
 * What the pane calls to merge: the worker in the browser, the same session on the main thread where
 * there is no Worker (jsdom tests). Both answer with the same types.
 */
import type { MergeOptions } from "../../engine/merge";
import type { FileProgress, FromWorker, MergeOutcome, MergeRequest, ToWorker } from "./protocol";
import { MergeSession } from "./session";
import { workerClient, workerOrInline } from "../workerClient";

export interface MergeEngine {
  merge(request: MergeRequest, onProgress: (p: FileProgress) => void): Promise<MergeOutcome>;
  remerge(options: MergeOptions): Promise<MergeOutcome>;
  /** The consolidated .xlsx of the last merge. */
  write(): Promise<Uint8Array>;
}

export function inlineEngine(session = new MergeSession()): MergeEngine {
  return {
    merge: (request, onProgress) => session.merge(request, onProgress),
    remerge: async (options) => session.remerge(options),
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
    remerge: async (options) => (await worker.call("merged", (id) => ({ type: "remerge", id, options }))).outcome,
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
