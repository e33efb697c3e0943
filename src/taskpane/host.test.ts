/** @jest-environment jsdom */
import { detectHost, officeScript, type HostMode, type OfficeLike } from "./host";

const HostType = { Excel: "Excel" };
const office = (onReady: OfficeLike["onReady"]) => Promise.resolve<OfficeLike>({ HostType, onReady });

function watch(options: Parameters<typeof detectHost>[1]) {
  const modes: HostMode[] = [];
  const stop = detectHost((m) => modes.push(m), options);
  return { modes, stop };
}

describe("detectHost", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("is excel when Office.onReady reports the Excel host", async () => {
    const { modes } = watch({ office: office(async () => ({ host: "Excel" })) });
    await jest.advanceTimersByTimeAsync(0);
    expect(modes).toEqual(["excel"]);
  });

  it("is browser at once when office.js reports no host, or did not load", async () => {
    const plain = watch({ office: office(async () => ({ host: null })) });
    const failed = watch({ office: Promise.resolve(undefined) });
    await jest.advanceTimersByTimeAsync(0);
    expect(plain.modes).toEqual(["browser"]);
    expect(failed.modes).toEqual(["browser"]);
  });

  it("falls back to file mode after 2 s while office.js hangs", async () => {
    const { modes } = watch({ office: new Promise(() => {}) });
    await jest.advanceTimersByTimeAsync(1999);
    expect(modes).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(modes).toEqual(["browser"]);
  });

  it("excel #9: a slow-starting Excel still gets the Excel pane after the fallback", async () => {
    let ready!: (info: { host: unknown }) => void;
    const { modes } = watch({ office: office(() => new Promise((r) => (ready = r))) });
    await jest.advanceTimersByTimeAsync(5000);
    expect(modes).toEqual(["browser"]);
    ready({ host: "Excel" });
    await jest.advanceTimersByTimeAsync(0);
    expect(modes).toEqual(["browser", "excel"]);
  });
});

describe("officeScript", () => {
  it("waits for the async office.js script, and gives undefined when it fails", async () => {
    document.head.innerHTML = '<script data-office-js src="office.js"></script>';
    const script = document.querySelector("script")!;
    const failed = officeScript();
    script.dispatchEvent(new Event("error"));
    await expect(failed).resolves.toBeUndefined();
    const loaded = officeScript();
    (globalThis as { Office?: unknown }).Office = { HostType, onReady: async () => ({ host: null }) };
    script.dispatchEvent(new Event("load"));
    await expect(loaded).resolves.toMatchObject({ HostType });
    delete (globalThis as { Office?: unknown }).Office;
  });
});
