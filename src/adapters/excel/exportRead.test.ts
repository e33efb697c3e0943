import { PhuLucError } from "../../engine/errors";
import { canReadDocumentFile, readDocumentBytes, type DocumentFileSource } from "./exportRead";

const desktop = { platform: "PC", isSetSupported: () => true };

/** A document whose file comes in slices of `sliceSize` bytes, as Office.js hands it out. */
function fakeDocument(content: Uint8Array, sliceSize: number, failSlice?: number) {
  const state = { open: 0, closed: 0 };
  const source: DocumentFileSource = {
    getFileAsync(fileType, _options, callback) {
      if (fileType !== "compressed") throw new Error(`unexpected file type ${fileType}`);
      state.open++;
      const sliceCount = Math.ceil(content.length / sliceSize);
      const file = {
        size: content.length,
        sliceCount,
        getSliceAsync(
          index: number,
          cb: (r: { status: string; value: { data: unknown }; error?: { message: string } }) => void,
        ) {
          if (index === failSlice) {
            cb({ status: "failed", value: { data: [] }, error: { message: "network" } });
            return;
          }
          const data = Array.from(content.subarray(index * sliceSize, (index + 1) * sliceSize));
          cb({
            status: "succeeded",
            value: { data },
          });
        },
        closeAsync() {
          state.closed++;
        },
      };
      callback({ status: "succeeded", value: file });
    },
  };
  return { source, state };
}

describe("readDocumentBytes", () => {
  it("joins every slice in order and closes the file", async () => {
    const content = Uint8Array.from({ length: 10_000 }, (_, i) => i % 251);
    const { source, state } = fakeDocument(content, 3000);
    expect(await readDocumentBytes(source, desktop)).toEqual(content);
    expect(state).toEqual({ open: 1, closed: 1 });
  });

  it("closes the file and says so in Vietnamese when a slice fails", async () => {
    const { source, state } = fakeDocument(new Uint8Array(9000), 3000, 1);
    await expect(readDocumentBytes(source, desktop)).rejects.toThrow(PhuLucError);
    expect(state.closed).toBe(1);
  });

  it("excel #12: on Excel on the web, says in Vietnamese that the file cannot be had, without asking Office", async () => {
    const { source, state } = fakeDocument(new Uint8Array(10), 3000);
    const web = { platform: "OfficeOnline", isSetSupported: () => true };
    await expect(readDocumentBytes(source, web)).rejects.toThrow(/Excel trên web/);
    expect(state.open).toBe(0);
    expect(canReadDocumentFile({ platform: "Mac", isSetSupported: (n) => n !== "CompressedFile" })).toBe(false);
    expect(canReadDocumentFile(desktop)).toBe(true);
  });
});
