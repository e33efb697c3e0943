/// <reference lib="webworker" />
/** Checking off the page's thread: reading a 5,000-row workbook and checking it never freezes the pane. */
import "../noEval";
import { shownError } from "../shownError";
import { checkFileBytes, checkOneGrid } from "./checkWork";
import type { FromCheckWorker, ToCheckWorker } from "./checkProtocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromCheckWorker) => scope.postMessage(message);

scope.onmessage = async (event: MessageEvent<ToCheckWorker>) => {
  const message = event.data;
  try {
    if (message.type === "file") {
      const file = await checkFileBytes(message.name, message.bytes, (progress) =>
        post({ type: "progress", id: message.id, progress }),
      );
      post({ type: "file", id: message.id, file });
    } else {
      post({ type: "sheet", id: message.id, sheet: checkOneGrid(message.grid) });
    }
  } catch (error) {
    post({ type: "error", id: message.id, error: shownError(error) });
  }
};
