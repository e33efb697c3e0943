/// <reference lib="webworker" />
/**
 * Checking off the page's thread: reading a 5,000-row workbook and checking it never freezes the pane. The
 * plan and previous period are read (or restored) here once and kept for every later check.
 */
import "../noEval";
import { shownError } from "../shownError";
import { CheckWork } from "./checkWork";
import type { FromCheckWorker, ToCheckWorker } from "./checkProtocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromCheckWorker) => scope.postMessage(message);
const work = new CheckWork();

scope.onmessage = async (event: MessageEvent<ToCheckWorker>) => {
  const message = event.data;
  try {
    if (message.type === "file") {
      const file = await work.checkFile(message.name, message.bytes, (progress) =>
        post({ type: "progress", id: message.id, progress }),
      );
      post({ type: "file", id: message.id, file });
    } else if (message.type === "grid") {
      post({ type: "sheet", id: message.id, sheet: work.checkGrid(message.grid, message.explanations) });
    } else if (message.type === "explain") {
      const explained = await work.explainInFile(message.name, message.bytes, message.change);
      scope.postMessage({ type: "explained", id: message.id, explained } satisfies FromCheckWorker, [
        explained.bytes.buffer,
      ]);
    } else {
      const inUse = await work.setReference(message.role, message.source);
      post({ type: "reference", id: message.id, inUse });
    }
  } catch (error) {
    post({ type: "error", id: message.id, error: shownError(error) });
  }
};
