/**
 * A dịch vụ công file named by code (`xa-018.xlsx`) whose row writes its unit another way than the template
 * (`Huyện Tri Tôn` for the template's `UBND huyện Tri Tôn`). Found by hand (session 7): the row was merged
 * into the template's row and the summary said every unit had sent, but Tình trạng nộp listed `UBND huyện
 * Tri Tôn: Chưa nộp` and a fourth unit `Huyện Tri Tôn: Đã nhận` — the file's unit was the row's text as written.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { runMain } from "../helpers/cliRun";

const HEADER = ["Đơn vị / Kỳ", "Tổng số dịch vụ công", "DVCTT một phần", "DVCTT toàn trình"];
let dir: string;
const at = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "phuluc-dvc-unit-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function servicesFile(file: string, rows: (string | number)[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Dịch vụ công").addRows([["PHỤ LỤC III"], HEADER, ...rows]);
  await workbook.xlsx.writeFile(at(file));
}

describe("merge dich-vu-cong: a unit that writes its name another way than the template", () => {
  it("is the template's unit in Tình trạng nộp, received, not a new unit beside a missing one", async () => {
    await servicesFile("MAU.xlsx", [["UBND huyện Chợ Mới"], ["UBND huyện Tri Tôn"], ["UBND huyện Châu Phú"]]);
    await servicesFile("xa-017.xlsx", [["UBND huyện Chợ Mới", 420, 190, 200]]);
    await servicesFile("xa-018.xlsx", [["Huyện Tri Tôn", 1250, 600, 600]]);

    const run = await runMain(
      ["merge", "--template", at("MAU.xlsx"), at("xa-017.xlsx"), at("xa-018.xlsx")].concat([
        "-o",
        at("TH.xlsx"),
        "--json",
      ]),
    );
    const { status } = JSON.parse(run.out) as { status: { unit: string; state: string; file?: string }[] };
    expect(status.map(({ unit, state, file }) => [unit, state, file])).toEqual([
      ["UBND huyện Châu Phú", "chua-nop", undefined],
      ["UBND huyện Chợ Mới", "da-nhan", "xa-017.xlsx"],
      ["UBND huyện Tri Tôn", "da-nhan", "xa-018.xlsx"],
    ]);

    // KHTC approves it by the name the unit uses.
    const approve = await runMain(["approve", at("TH.xlsx"), "--unit", "Huyện Tri Tôn", "--by", "KHTC"]);
    expect(approve.err).toBe("");
    expect(approve.out).toMatch(/^Đã duyệt UBND huyện Tri Tôn \(xa-018\.xlsx\) lúc /);
  });
});
