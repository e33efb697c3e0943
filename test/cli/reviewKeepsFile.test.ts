/**
 * approve, return and explain write the review records into a file that is the user's (the consolidated workbook,
 * a unit's workbook): every other part of it stays byte for byte. The file is the KHTC template
 * (fixtures/khtcTemplate.ts) with its chart, logo, notes, printer settings, custom properties and a dxf number
 * format — exceljs, which rewrote the whole workbook on these paths before, dropped the chart, the printer
 * settings and the custom properties.
 *
 * Decided by hand: the unit's copy states Tổng cộng's kinh phí (D9) as 9 with nothing above it, so check finds
 * one total-mismatch at D9 on the Tổng cộng row; explained, the copy gains the very hidden PhuLuc sheet only (no
 * statuses, so no Tình trạng nộp). The consolidated workbook already holds both review sheets (sheet3, sheet4):
 * approve and return rewrite those two, and the shared strings their new texts add to; their cells' formats are
 * the ones the first write added to the styles, which stay as they are.
 */
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { workbookWithReviewStore } from "../../src/adapters/xlsx/reviewStoreFile";
import { readWorkbook } from "../../src/adapters/xlsx/readWorkbook";
import { reviewStoreOf, type ReviewStore } from "../../src/engine/review";
import { khtcTemplate, SHEET } from "../fixtures/khtcTemplate";
import { runMain } from "../helpers/cliRun";
import { partChanges } from "../helpers/packageParts";

let dir: string;
const at = (name: string) => path.join(dir, name);
const read = (name: string) => fs.readFile(at(name)).then((buffer) => new Uint8Array(buffer));

/** The template as a unit fills it: Tổng cộng's kinh phí typed as 9 (D9, beside its Ghi chú formula in E9). */
async function unitCopy(): Promise<Uint8Array> {
  const parts = unzipSync(await khtcTemplate());
  const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]);
  if (!sheet.includes('<c r="E9"')) throw new Error("the template's Tổng cộng has moved");
  parts["xl/worksheets/sheet1.xml"] = strToU8(sheet.replace('<c r="E9"', '<c r="D9"><v>9</v></c><c r="E9"'));
  return zipSync(parts);
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "phuluc-review-keeps-"));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const RECORD_LISTS = ["xl/sharedStrings.xml", "xl/styles.xml"];

describe("the review commands keep the rest of the user's file", () => {
  it("explain --in-place adds the PhuLuc sheet to the unit's file and changes nothing else of it", async () => {
    await fs.writeFile(at("DV01.xlsx"), await unitCopy());
    const before = await read("DV01.xlsx");
    const run = await runMain([
      "explain",
      at("DV01.xlsx"),
      "--sheet",
      SHEET,
      "--cell",
      "D9",
      "--rule",
      "total-mismatch",
      "--text",
      "Kinh phí chuyển từ năm trước",
      "--in-place",
    ]);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const after = await read("DV01.xlsx");
    expect(partChanges(before, after)).toEqual({
      changed: ["[Content_Types].xml", "xl/_rels/workbook.xml.rels", ...RECORD_LISTS, "xl/workbook.xml"].sort(),
      added: ["xl/worksheets/sheet3.xml"],
      removed: [],
    });
    const store = reviewStoreOf((await readWorkbook(after)).grids);
    expect(store.explanations.map((e) => [e.sheet, e.cell, e.rule, e.text])).toEqual([
      [SHEET, "D9", "total-mismatch", "Kinh phí chuyển từ năm trước"],
    ]);
  });

  it("approve and return rewrite the consolidated workbook's two review sheets and nothing else of it", async () => {
    const unit = await unitCopy();
    await fs.writeFile(at("DV02.xlsx"), unit);
    const received: ReviewStore = {
      explanations: [],
      preserved: [],
      statuses: [
        {
          unit: "DV02",
          state: "da-nhan",
          file: "DV02.xlsx",
          sha256: createHash("sha256").update(unit).digest("hex"),
          errors: 1,
          warnings: 0,
          explained: 0,
          by: "KHTC",
          at: "2026-12-02T10:00:00.000Z",
        },
      ],
    };
    await fs.writeFile(at("TONG-HOP.xlsx"), await workbookWithReviewStore(await khtcTemplate(), received));
    const sheetsOnly = {
      changed: ["xl/sharedStrings.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml"],
      added: [],
      removed: [],
    };

    const merged = await read("TONG-HOP.xlsx");
    const returned = await runMain(["return", at("TONG-HOP.xlsx"), "--unit", "DV02", "-o", at("PHAN-HOI.xlsx")]);
    expect(returned.err).toBe("");
    expect(returned.code).toBe(0);
    const afterReturn = await read("TONG-HOP.xlsx");
    expect(partChanges(merged, afterReturn)).toEqual(sheetsOnly);

    const approved = await runMain(["approve", at("TONG-HOP.xlsx"), "--unit", "DV02", "--by", "Trưởng phòng"]);
    expect(approved.err).toBe("");
    expect(approved.code).toBe(0);
    const afterApprove = await read("TONG-HOP.xlsx");
    expect(partChanges(afterReturn, afterApprove)).toEqual(sheetsOnly);
    expect(reviewStoreOf((await readWorkbook(afterApprove)).grids).statuses).toMatchObject([
      { unit: "DV02", state: "da-duyet", by: "Trưởng phòng" },
    ]);
  });

  it("a workbook whose styles the patcher cannot follow: approve and return write nothing, exit 2 with a message naming it", async () => {
    const unit = await unitCopy();
    await fs.writeFile(at("DV03.xlsx"), unit);
    const status = {
      unit: "DV03",
      state: "da-nhan" as const,
      file: "DV03.xlsx",
      sha256: createHash("sha256").update(unit).digest("hex"),
      by: "",
      at: "2026-12-02T10:00:00.000Z",
    };
    const parts = unzipSync(
      await workbookWithReviewStore(await khtcTemplate(), { explanations: [], preserved: [], statuses: [status] }),
    );
    // Read as "no styles" by the reader; the records' text format has no <styleSheet> to go into.
    parts["xl/styles.xml"] = strToU8('<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
    await fs.writeFile(at("TH-HONG.xlsx"), zipSync(parts));
    const before = await read("TH-HONG.xlsx");

    const approved = await runMain(["approve", at("TH-HONG.xlsx"), "--unit", "DV03"]);
    expect(approved.code).toBe(2);
    expect(approved.err).toContain("Tệp “TH-HONG.xlsx” bị hỏng ở phần “xl/styles.xml” (XML không đúng cấu trúc)");
    const returned = await runMain(["return", at("TH-HONG.xlsx"), "--unit", "DV03", "-o", at("PHAN-HOI-3.xlsx")]);
    expect(returned.code).toBe(2);
    expect(returned.err).toContain(
      "Hãy mở tệp trong Excel (đồng ý nếu Excel hỏi có sửa tệp không), lưu lại rồi thử lại",
    );
    expect(await read("TH-HONG.xlsx")).toEqual(before);
    await expect(fs.stat(at("PHAN-HOI-3.xlsx"))).rejects.toThrow();
  });
});
