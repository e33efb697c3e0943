/**
 * Where the pane runs. Inside Excel, Office.onReady reports the Excel host; in a plain browser it reports no host
 * — or office.js never loads at all (offline, blocked CDN), so a timeout decides after a few seconds.
 */
export type HostMode = "excel" | "browser";

export const HOST_TIMEOUT_MS = 3000;

interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
  HostType: { Excel: unknown };
}

export async function detectHost(
  office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office,
  timeoutMs = HOST_TIMEOUT_MS,
): Promise<HostMode> {
  if (!office) return "browser";
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"browser">((resolve) => (timer = setTimeout(() => resolve("browser"), timeoutMs)));
  const ready = office.onReady().then(
    (info): HostMode => (info.host === office.HostType.Excel ? "excel" : "browser"),
    (): HostMode => "browser",
  );
  try {
    return await Promise.race([ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
