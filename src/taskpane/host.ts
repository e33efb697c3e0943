/**
 * Where the pane runs. Inside Excel, Office.onReady reports the Excel host; in a plain browser it reports no host —
 * or office.js never arrives (offline, a blocked or hanging CDN request). The pane must not wait for that: after
 * HOST_FALLBACK_MS without an answer it opens in file mode, and it keeps listening, because a slow-starting Excel
 * answers later (Office.onReady "will wait until the Office application is ready", typings) and must then get the
 * Excel pane, never stay locked in file mode.
 */
export type HostMode = "excel" | "browser";

export const HOST_FALLBACK_MS = 2000;

export interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
  HostType: { Excel: unknown };
}

export interface DetectHostOptions {
  /** Office once office.js has run, undefined when it failed to load. */
  office?: Promise<OfficeLike | undefined>;
  fallbackMs?: number;
}

/**
 * Calls `onMode` with "browser" after `fallbackMs` without an answer (or at once when office.js reports no host or
 * fails to load), and with "excel" whenever Office reports Excel — also after a fallback. Returns a function that
 * stops listening.
 */
export function detectHost(
  onMode: (mode: HostMode) => void,
  { office = officeScript(), fallbackMs = HOST_FALLBACK_MS }: DetectHostOptions = {},
): () => void {
  let current: HostMode | undefined;
  let stopped = false;
  const decide = (mode: HostMode) => {
    if (stopped || current === mode || current === "excel") return;
    current = mode;
    onMode(mode);
  };
  const timer = setTimeout(() => decide("browser"), fallbackMs);
  void office
    .then((o) => (o ? o.onReady().then((info) => (info.host === o.HostType.Excel ? "excel" : "browser")) : "browser"))
    .then(
      (mode: HostMode) => decide(mode),
      () => decide("browser"),
    )
    .finally(() => clearTimeout(timer));
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** The Office global once the async office.js script (taskpane.html, `data-office-js`) has loaded or failed. */
export function officeScript(doc: Document = document): Promise<OfficeLike | undefined> {
  const current = () => (globalThis as { Office?: OfficeLike }).Office;
  const script = doc.querySelector<HTMLScriptElement>("script[data-office-js]");
  if (current() || !script) return Promise.resolve(current());
  return new Promise((resolve) => {
    script.addEventListener("load", () => resolve(current()), { once: true });
    script.addEventListener("error", () => resolve(undefined), { once: true });
  });
}
