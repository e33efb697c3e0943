import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { consolidatedWorkbookBuffer } from "../../test/helpers/consolidatedWorkbook";
import { exportCommand } from "./export";

let dir: string;
let input: string;

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await exportCommand(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "phuluc-export-"));
  input = path.join(dir, "TongHop.xlsx");
  await fs.writeFile(input, await consolidatedWorkbookBuffer());
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("phuluc export", () => {
  it("refuses while errors remain: lists them on stderr, exit 1, writes nothing", async () => {
    const out = path.join(dir, "refused.xlsx");
    const result = await run([input, "-o", out]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/còn 1 lỗi/);
    expect(result.err).toMatch(/Phụ lục II!D19 \[total-mismatch\].*224\.591.*225\.091/);
    expect(result.err).toMatch(/--allow-errors để vẫn xuất/);
    await expect(fs.stat(out)).rejects.toThrow();
  });

  it("--allow-errors writes the file with the standard name into a folder given as -o, and leaves the input untouched", async () => {
    const before = await fs.readFile(input);
    const settingsFile = path.join(dir, "settings.json");
    await fs.writeFile(settingsFile, JSON.stringify({ kyBaoCao: "9T-2024", ngay: "2024-10-01" }));
    const result = await run([input, "-o", dir, "--allow-errors", "--settings", settingsFile]);
    expect(result.code).toBe(0);
    const written = path.join(dir, "STTTT_PhuLuc-I-II_9T-2024_20241001.xlsx");
    expect(result.out).toContain(written);
    expect(result.out).toMatch(/Bỏ qua trang “Nhật ký tổng hợp”/);
    expect(result.out).toMatch(/224\.591.*225\.091/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(written);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Phụ lục I", "Phụ lục II"]);
    expect(await fs.readFile(input)).toEqual(before);
  });

  it("writes to the exact path -o names", async () => {
    const out = path.join(dir, "nop.xlsx");
    expect((await run([input, "-o", out, "--allow-errors"])).code).toBe(0);
    expect((await fs.stat(out)).size).toBeGreaterThan(0);
  });

  it("exits 2 with a Vietnamese message for a bad settings file, a missing input or a bad option", async () => {
    const bad = path.join(dir, "bad.json");
    await fs.writeFile(bad, JSON.stringify({ ngay: "1/10/2024" }));
    const badSettings = await run([input, "--allow-errors", "--settings", bad]);
    expect(badSettings).toMatchObject({ code: 2 });
    expect(badSettings.err).toMatch(/bad\.json: trường "ngay"/);
    const missing = await run([path.join(dir, "khong-co.xlsx"), "-o", dir]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/khong-co\.xlsx/);
    expect((await run([input, "--fast"])).code).toBe(2);
  });

  it("says which fields of --settings it does not know, and still exports (found by QA: a typo vanished unseen)", async () => {
    const settings = path.join(dir, "go-nham.json");
    await fs.writeFile(settings, JSON.stringify({ soKyhieu: "12/BC-STTTT", kyBaoCao: "9T-2024" }));
    const exported = await run([
      input,
      "--allow-errors",
      "--force",
      "-o",
      path.join(dir, "go-nham.xlsx"),
      "--settings",
      settings,
    ]);
    expect(exported.code).toBe(0);
    expect(exported.err).toContain(`${settings}: bỏ qua trường không dùng “soKyhieu” (các trường: coQuanChuQuan, `);
    expect(exported.err).toContain("soKyHieu");
  });

  it("names the file that holds no Phụ lục to export (found by QA)", async () => {
    const empty = path.join(dir, "trang-trong.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1");
    await workbook.xlsx.writeFile(empty);
    const run2 = await run([empty, "-o", dir]);
    expect(run2.code).toBe(2);
    expect(run2.err.trim()).toBe(
      `Tệp “${empty}”: Không có bảng Phụ lục nào để xuất (chỉ có nhật ký, trang ẩn hoặc trang không nhận ra mẫu).`,
    );
  });

  it("keeps the two permissions apart: errors allowed never replaces a file, --force never exports errors", async () => {
    const existing = path.join(dir, "ban-cu.xlsx");
    await fs.writeFile(existing, "bản cũ");
    const allowed = await run([input, "-o", existing, "--allow-errors"]);
    expect(allowed.code).toBe(2);
    expect(allowed.err).toContain(`Tệp “${existing}” đã có; PhuLuc không ghi đè khi chưa được phép: thêm --force`);
    expect(await fs.readFile(existing, "utf8")).toBe("bản cũ");

    const fresh = path.join(dir, "moi.xlsx");
    const forced = await run([input, "-o", fresh, "--force"]);
    expect(forced.code).toBe(1);
    expect(forced.err).toMatch(/còn 1 lỗi/);
    await expect(fs.stat(fresh)).rejects.toThrow();

    const both = await run([input, "-o", existing, "--allow-errors", "--force"]);
    expect(both.code).toBe(0);
    expect((await fs.readFile(existing)).subarray(0, 2).toString()).toBe("PK");
  });

  it("never overwrites the input", async () => {
    const result = await run([input, "-o", input, "--allow-errors", "--force"]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/trùng tệp nguồn/);
  });
});
