/**
 * workerClient over a stand-in for a dedicated worker (jsdom has no Worker): replies are routed by id, progress
 * reaches its own call, errors arrive in both languages, a crash fails every pending call.
 */
import { ShownError } from "./shownError";
import { workerClient } from "./workerClient";

type To = { type: "square"; id: number; n: number };
type From =
  | { type: "progress"; id: number; progress: number }
  | { type: "squared"; id: number; value: number }
  | { type: "error"; id: number; error: { vi: string; en: string } };

/** Answers each request after the ones posted later (out of order), reporting one progress first. */
function fakeWorker() {
  const posted: To[] = [];
  const worker = {
    onmessage: null as ((event: { data: From }) => void) | null,
    onerror: null as ((event: { message: string }) => void) | null,
    postMessage: (message: To) => posted.push(message),
  };
  const reply = (data: From) => worker.onmessage?.({ data });
  return { worker, posted, reply };
}

const crashed = (detail: string) => ({ vi: `Luồng hỏng: ${detail}`, en: `Thread failed: ${detail}` });

describe("workerClient", () => {
  it("routes answers and progress by id, whatever their order", async () => {
    const { worker, posted, reply } = fakeWorker();
    const client = workerClient<To, From>(worker as unknown as Worker, crashed);
    const seen: number[] = [];
    const a = client.call("squared", (id) => ({ type: "square", id, n: 3 }), { progress: (p) => seen.push(p) });
    const b = client.call("squared", (id) => ({ type: "square", id, n: 4 }));
    expect(posted.map((m) => m.id)).toEqual([1, 2]);
    reply({ type: "squared", id: 2, value: 16 });
    reply({ type: "progress", id: 1, progress: 0.5 });
    reply({ type: "squared", id: 1, value: 9 });
    await expect(a).resolves.toMatchObject({ value: 9 });
    await expect(b).resolves.toMatchObject({ value: 16 });
    expect(seen).toEqual([0.5]);
  });

  it("rejects with the worker's error in both languages, and every pending call when the worker crashes", async () => {
    const { worker, reply } = fakeWorker();
    const client = workerClient<To, From>(worker as unknown as Worker, crashed);
    const failed = client.call("squared", (id) => ({ type: "square", id, n: 1 }));
    reply({ type: "error", id: 1, error: { vi: "Tệp hỏng.", en: "Damaged file." } });
    await expect(failed).rejects.toEqual(new ShownError({ vi: "Tệp hỏng.", en: "Damaged file." }));

    const pending = [2, 3].map(() => client.call("squared", (id) => ({ type: "square", id, n: 2 })));
    worker.onerror?.({ message: "out of memory" });
    for (const call of pending) {
      await expect(call).rejects.toMatchObject({
        shown: { vi: "Luồng hỏng: out of memory", en: "Thread failed: out of memory" },
      });
    }
  });
});
