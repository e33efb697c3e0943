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
  const worker = new Worker(new URL("./merge.worker.ts", import.meta.url));
  let next = 1;
  const pending = new Map<
    number,
    { resolve(m: FromWorker): void; reject(e: Error): void; progress?(p: FileProgress): void }
  >();
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    const waiter = pending.get(message.id);
    if (!waiter) return;
    if (message.type === "progress") return waiter.progress?.(message.progress);
    pending.delete(message.id);
    if (message.type === "error") waiter.reject(new Error(message.message));
    else waiter.resolve(message);
  };
  worker.onerror = (event) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`Lỗi trong luồng tổng hợp: ${event.message}`));
    pending.clear();
  };
  const call = (message: ToWorker, progress?: (p: FileProgress) => void, transfer: Transferable[] = []) =>
    new Promise<FromWorker>((resolve, reject) => {
      pending.set(message.id, { resolve, reject, progress });
      worker.postMessage(message, transfer);
    });
  const outcome = (message: FromWorker): MergeOutcome => {
    if (message.type !== "merged") throw new Error(`Trả lời không mong đợi: ${message.type}`);
    return message.outcome;
  };
  return {
    merge: async (request, onProgress) => outcome(await call({ type: "merge", id: next++, request }, onProgress)),
    remerge: async (options, reopen) => outcome(await call({ type: "remerge", id: next++, options, reopen })),
    changeStatus: async (change) => {
      const message = await call({ type: "status", id: next++, change });
      if (message.type !== "status") throw new Error(`Trả lời không mong đợi: ${message.type}`);
      return message.changed;
    },
    write: async () => {
      const message = await call({ type: "write", id: next++ });
      if (message.type !== "written") throw new Error(`Trả lời không mong đợi: ${message.type}`);
      return message.bytes;
    },
  };
}

/**
 * The worker where the browser has one, else the main thread: the result is the same, only the pane
 * paints less smoothly meanwhile (a blocked worker script must not stop the merge).
 */
export function defaultEngine(): MergeEngine {
  if (typeof Worker === "undefined") return inlineEngine();
  try {
    return workerEngine();
  } catch {
    return inlineEngine();
  }
}
