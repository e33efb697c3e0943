/**
 * Request and reply over a dedicated worker, for the check and merge clients. Each request carries an id; the
 * worker answers with messages of that id — any number of `progress`, then one answer or one `error` (its text in
 * both languages: an Error's class does not survive postMessage).
 */
import { ShownError, type Bilingual } from "./shownError";

type Reply = { id: number; type: string };
type ProgressOf<From> = From extends { type: "progress"; progress: infer P } ? P : never;
type AnswerOf<From> = Exclude<From, { type: "progress" } | { type: "error" }>;

export interface WorkerClient<To, From extends Reply> {
  /** Posts `request(id)` and resolves with the worker's answer, which must be of `type`. */
  call<T extends AnswerOf<From>["type"]>(
    type: T,
    request: (id: number) => To,
    options?: { progress?: (progress: ProgressOf<From>) => void; transfer?: Transferable[] },
  ): Promise<Extract<From, { type: T }>>;
}

interface Waiter {
  resolve(reply: Reply): void;
  reject(error: Error): void;
  progress?(progress: unknown): void;
}

/** `crashed` words the error every pending call gets when the worker itself fails (a script error, no memory). */
export function workerClient<To, From extends Reply>(
  worker: Worker,
  crashed: (detail: string) => Bilingual,
): WorkerClient<To, From> {
  let next = 1;
  const pending = new Map<number, Waiter>();
  worker.onmessage = (event: MessageEvent<From>) => {
    const reply = event.data;
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    if (reply.type === "progress") return waiter.progress?.((reply as unknown as { progress: unknown }).progress);
    pending.delete(reply.id);
    if (reply.type === "error") waiter.reject(new ShownError((reply as unknown as { error: Bilingual }).error));
    else waiter.resolve(reply);
  };
  worker.onerror = (event) => {
    const shown = crashed(event.message);
    for (const waiter of pending.values()) waiter.reject(new ShownError(shown));
    pending.clear();
  };
  return {
    call(type, request, { progress, transfer = [] } = {}) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, {
          resolve: (reply) =>
            reply.type === type
              ? resolve(reply as Extract<From, { type: typeof type }>)
              : reject(new Error(`Trả lời không mong đợi: ${reply.type}`)),
          reject,
          progress: progress as Waiter["progress"],
        });
        worker.postMessage(request(id), transfer);
      });
    },
  };
}

/** The worker where the browser can start one, else the same work on the page (jsdom tests, a refused script). */
export function workerOrInline<T>(worker: () => T, inline: () => T): T {
  if (typeof Worker === "undefined") return inline();
  try {
    return worker();
  } catch {
    return inline();
  }
}
