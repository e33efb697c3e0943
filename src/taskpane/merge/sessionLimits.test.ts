/**
 * @jest-environment jsdom
 *
 * The pane obeys spec §8's limits as the CLI does: the merge worker's session refuses bombs and
 * tampered files as not merged (jsdom has no DecompressionStream, so this runs the fflate inflater
 * that older WebKit uses), and a picked file above the limit is refused before it is read.
 */
import { webcrypto } from "node:crypto";
import { readPickedFile } from "../../adapters/xlsx/inputLimits";
import { seedWorkbookBuffer } from "../../../test/fixtures/seedGrids";
import { blankForm, filledPhuLucI, unitCopy } from "../../../test/fixtures/mergeCases";
import { bombXlsx, duplicatePartXlsx } from "../../../test/helpers/zipBomb";
import type { FilePayload } from "./protocol";
import { MergeSession } from "./session";

// The merge hashes each file it receives with SubtleCrypto, which browsers give pages and workers in a
// secure context (https, localhost — MDN “SubtleCrypto”); jsdom has none, Node's is the same Web Crypto API.
if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true });

const filled = filledPhuLucI();
const payload = (name: string, bytes: Uint8Array): FilePayload => ({
  name,
  bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
});

describe("the pane's merge under hostile files", () => {
  it("sets aside a bomb, a lying bomb and a part stored twice, and merges the real unit", async () => {
    expect(typeof DecompressionStream).toBe("undefined");
    const sheet = { sheetName: "Phụ lục I" };
    const template = payload("TONG-HOP.xlsx", await seedWorkbookBuffer([{ seed: blankForm(filled), options: sheet }]));
    const units = [
      payload("CNTT-BCVT.xlsx", await seedWorkbookBuffer([{ seed: unitCopy(filled, "CNTT-BCVT"), options: sheet }])),
      payload("bom.xlsx", await bombXlsx(300)),
      payload("noi-doi.xlsx", await bombXlsx(300, { lie: true })),
      payload("hai-ban.xlsx", await duplicatePartXlsx()),
    ];
    const outcome = await new MergeSession().merge({ template, units, unitSheets: [], options: {} }, () => {});
    expect(outcome.notMerged.map((n) => n.file)).toEqual(["bom.xlsx", "noi-doi.xlsx", "hai-ban.xlsx"]);
    const [bomb, lying, twice] = outcome.notMerged.map((n) => n.reason);
    expect(bomb).toMatch(/^Tệp “bom\.xlsx” khi giải nén lên tới 300,0 MB \(giới hạn 250,0 MB/);
    expect(lying).toMatch(/^Tệp “noi-doi\.xlsx” bị hỏng hoặc đã bị sửa ngoài Excel \(phần “xl\/sharedStrings\.xml”/);
    expect(twice).toMatch(/^Tệp “hai-ban\.xlsx” bị hỏng hoặc đã bị sửa ngoài Excel \(có hai phần cùng tên/);
    expect(outcome.result.units.map((u) => u.file)).toContain("CNTT-BCVT.xlsx");
  }, 60_000);

  it("refuses a picked file above the limit by its size, before reading it", async () => {
    const file = Object.assign(new Blob([new Uint8Array(2048)]), { name: "lon.xlsx" });
    file.arrayBuffer = () => Promise.reject(new Error("read although too large"));
    await expect(readPickedFile(file, 1024)).rejects.toMatchObject({
      code: "too-large",
      messageVi: expect.stringMatching(/^Tệp “lon\.xlsx” quá lớn/),
    });
  });
});
