/// <reference lib="webworker" />
/** The merge off the UI thread: reading, recognising and merging dozens of files never blocks Excel's pane. */
import "../noEval";
import { shownError } from "../shownError";
import type { FromWorker, ToWorker } from "./protocol";
import { MergeSession } from "./session";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const session = new MergeSession();
const post = (message: FromWorker, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

scope.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  try {
    if (message.type === "merge") {
      const outcome = await session.merge(message.request, (progress) =>
        post({ type: "progress", id: message.id, progress }),
      );
      post({ type: "merged", id: message.id, outcome });
    } else if (message.type === "remerge") {
      post({ type: "merged", id: message.id, outcome: session.remerge(message.options, message.reopen) });
    } else if (message.type === "status") {
      post({ type: "status", id: message.id, changed: await session.changeStatus(message.change) });
    } else {
      const bytes = await session.write();
      post({ type: "written", id: message.id, bytes }, [bytes.buffer]);
    }
  } catch (error) {
    post({ type: "error", id: message.id, error: shownError(error) });
  }
};
