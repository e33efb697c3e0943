/**
 * What the pane calls to check: the check worker in the browser, the same work on the page where there is no
 * Worker (jsdom tests) or it cannot start. Both answer with the same types.
 */
import { readPickedFile } from "../../adapters/xlsx/inputLimits";
import type { Grid } from "../../engine/grid";
import { ShownError } from "../shownError";
import type { CheckedSheet } from "./checkedSheet";
import type { FromCheckWorker, ToCheckWorker } from "./checkProtocol";
import type { Explanation } from "../../engine/review";
import {
  CheckWork,
  type CheckedFile,
  type ExplainedFile,
  type ExplanationChange,
  type CheckProgress,
  type ReferenceInUse,
  type ReferenceRole,
  type ReferenceSource,
} from "./checkWork";

/** A reference as the pane hands it over: a picked file (read where the checks run), a remembered snapshot, or none. */
export type PickedReference = { file: File } | Exclude<ReferenceSource, { file: unknown }>;

export interface CheckEngine {
  checkFile(file: File, onProgress: (progress: CheckProgress) => void): Promise<CheckedFile>;
  /** One sheet read from Excel, with the giải trình read from the workbook's PhuLuc sheet. */
  checkGrid(grid: Grid, explanations?: Explanation[]): Promise<CheckedSheet>;
  /** File mode: a copy of `file` with the giải trình stored (or removed), checked again. */
  explainInFile(file: File, change: ExplanationChange): Promise<ExplainedFile>;
  /** Every later check answers to this plan or previous period (null: no longer compared). */
  setReference(role: ReferenceRole, reference: PickedReference): Promise<ReferenceInUse | undefined>;
}

async function sourceOf(reference: PickedReference): Promise<ReferenceSource> {
  if (reference && "file" in reference) {
    return { file: { name: reference.file.name, bytes: await readPickedFile(reference.file) } };
  }
  return reference;
}

export function inlineCheckEngine(): CheckEngine {
  const work = new CheckWork();
  return {
    checkFile: async (file, onProgress) => work.checkFile(file.name, await readPickedFile(file), onProgress),
    checkGrid: async (grid, explanations) => work.checkGrid(grid, explanations),
    explainInFile: async (file, change) => work.explainInFile(file.name, await readPickedFile(file), change),
    setReference: async (role, reference) => work.setReference(role, await sourceOf(reference)),
  };
}

type Waiter = { resolve(m: FromCheckWorker): void; reject(e: Error): void; progress?(p: CheckProgress): void };

export function workerCheckEngine(): CheckEngine {
  const worker = new Worker(new URL("./check.worker.ts", import.meta.url));
  let next = 1;
  const pending = new Map<number, Waiter>();
  worker.onmessage = (event: MessageEvent<FromCheckWorker>) => {
    const message = event.data;
    const waiter = pending.get(message.id);
    if (!waiter) return;
    if (message.type === "progress") return waiter.progress?.(message.progress);
    pending.delete(message.id);
    if (message.type === "error") waiter.reject(new ShownError(message.error));
    else waiter.resolve(message);
  };
  worker.onerror = (event) => {
    const shown = {
      vi: `Lỗi trong luồng kiểm tra: ${event.message}`,
      en: `The checking thread failed: ${event.message}`,
    };
    for (const waiter of pending.values()) waiter.reject(new ShownError(shown));
    pending.clear();
  };
  const call = (message: ToCheckWorker, progress?: Waiter["progress"], transfer: Transferable[] = []) =>
    new Promise<FromCheckWorker>((resolve, reject) => {
      pending.set(message.id, { resolve, reject, progress });
      worker.postMessage(message, transfer);
    });
  return {
    async checkFile(file, onProgress) {
      const bytes = await readPickedFile(file);
      const answer = await call({ type: "file", id: next++, name: file.name, bytes }, onProgress, [bytes]);
      if (answer.type !== "file") throw new Error(`Trả lời không mong đợi: ${answer.type}`);
      return answer.file;
    },
    async checkGrid(grid, explanations = []) {
      const answer = await call({ type: "grid", id: next++, grid, explanations });
      if (answer.type !== "sheet") throw new Error(`Trả lời không mong đợi: ${answer.type}`);
      return answer.sheet;
    },
    async explainInFile(file, change) {
      const bytes = await readPickedFile(file);
      const answer = await call({ type: "explain", id: next++, name: file.name, bytes, change }, undefined, [bytes]);
      if (answer.type !== "explained") throw new Error(`Trả lời không mong đợi: ${answer.type}`);
      return answer.explained;
    },
    async setReference(role, reference) {
      const source = await sourceOf(reference);
      const transfer = source && "file" in source ? [source.file.bytes] : [];
      const answer = await call({ type: "reference", id: next++, role, source }, undefined, transfer);
      if (answer.type !== "reference") throw new Error(`Trả lời không mong đợi: ${answer.type}`);
      return answer.inUse;
    },
  };
}

let shared: CheckEngine | undefined;

/** One engine per page, started on first use: the worker where the browser allows one, else the page itself. */
export function checkEngine(): CheckEngine {
  if (!shared) {
    try {
      shared = typeof Worker === "undefined" ? inlineCheckEngine() : workerCheckEngine();
    } catch {
      shared = inlineCheckEngine();
    }
  }
  return shared;
}
