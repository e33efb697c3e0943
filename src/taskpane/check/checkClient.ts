/**
 * What the pane calls to check: the check worker in the browser, the same work on the page where there is no
 * Worker (jsdom tests) or it cannot start. Both answer with the same types.
 */
import { readPickedFile } from "../../adapters/xlsx/inputLimits";
import type { Grid } from "../../engine/grid";
import { workerClient, workerOrInline } from "../workerClient";
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

export function workerCheckEngine(): CheckEngine {
  const worker = workerClient<ToCheckWorker, FromCheckWorker>(
    new Worker(new URL("./check.worker.ts", import.meta.url)),
    (detail) => ({ vi: `Lỗi trong luồng kiểm tra: ${detail}`, en: `The checking thread failed: ${detail}` }),
  );
  return {
    async checkFile(file, onProgress) {
      const bytes = await readPickedFile(file);
      const answer = await worker.call("file", (id) => ({ type: "file", id, name: file.name, bytes }), {
        progress: onProgress,
        transfer: [bytes],
      });
      return answer.file;
    },
    checkGrid: async (grid, explanations = []) =>
      (await worker.call("sheet", (id) => ({ type: "grid", id, grid, explanations }))).sheet,
    async explainInFile(file, change) {
      const bytes = await readPickedFile(file);
      const message = (id: number) => ({ type: "explain" as const, id, name: file.name, bytes, change });
      return (await worker.call("explained", message, { transfer: [bytes] })).explained;
    },
    async setReference(role, reference) {
      const source = await sourceOf(reference);
      const transfer = source && "file" in source ? [source.file.bytes] : [];
      const answer = await worker.call("reference", (id) => ({ type: "reference", id, role, source }), { transfer });
      return answer.inUse;
    },
  };
}

let shared: CheckEngine | undefined;

/** One engine per page, started on first use: the worker where the browser allows one, else the page itself. */
export function checkEngine(): CheckEngine {
  shared ??= workerOrInline(workerCheckEngine, inlineCheckEngine);
  return shared;
}
