import { detectHost } from "./host";

const HostType = { Excel: "Excel" };

describe("detectHost", () => {
  it("is excel when Office.onReady reports the Excel host", async () => {
    await expect(detectHost({ HostType, onReady: async () => ({ host: "Excel" }) }, 1000)).resolves.toBe("excel");
  });

  it("is browser when office.js reports no host (a plain browser)", async () => {
    await expect(detectHost({ HostType, onReady: async () => ({ host: null }) }, 1000)).resolves.toBe("browser");
  });

  it("is browser when office.js did not load at all", async () => {
    await expect(detectHost(undefined, 1000)).resolves.toBe("browser");
  });

  it("is browser when Office.onReady never resolves within the timeout", async () => {
    jest.useFakeTimers();
    try {
      const result = detectHost({ HostType, onReady: () => new Promise(() => {}) }, 3000);
      jest.advanceTimersByTime(3000);
      await expect(result).resolves.toBe("browser");
    } finally {
      jest.useRealTimers();
    }
  });
});
