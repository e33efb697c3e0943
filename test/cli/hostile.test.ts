/**
 * Issue 14, spec §8: the CLI as a careless or hostile sender tries it. Every input is built here
 * (bombs streamed from a repeated deflate block, never committed); each case asserts the exit code,
 * the Vietnamese message and that every input is byte-for-byte as it was.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { promises as fs, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileSystemError } from "../../src/adapters/xlsx/fileErrors";
import { seedWorkbook } from "../fixtures/seedGrids";
import { SEED_PHU_LUC_I, SEED_PHU_LUC_II } from "../fixtures/seedTables";
import { blankForm, budgetBySection, filledPhuLucI, unitCopy } from "../fixtures/mergeCases";
import { runMain } from "../helpers/cliRun";
import { bombXlsx, duplicatePartXlsx } from "../helpers/zipBomb";

let dir: string;
const at = (name: string) => path.join(dir, name);
const hash = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const NO_STACK = /\n\s+at |Error:|ERR_|errno/;

/** Runs the CLI and checks that none of `inputs` changed (content hash). */
async function runKeeping(args: string[], inputs: string[]) {
  const before = inputs.map(hash);
  const run = await runMain(args);
  expect(inputs.map(hash)).toEqual(before);
  expect(run.err).not.toMatch(NO_STACK);
  return run;
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "phuluc-hostile-"));
  const filled = filledPhuLucI();
  const budget = budgetBySection(SEED_PHU_LUC_II);
  await seedWorkbook(at("TONG-HOP.xlsx"), [
    { seed: blankForm(filled), options: { sheetName: "Phụ lục I" } },
    { seed: budget.template, options: { sheetName: "Phụ lục II" } },
  ]);
  await seedWorkbook(at("CNTT-BCVT.xlsx"), [
    { seed: unitCopy(filled, "CNTT-BCVT"), options: { sheetName: "Phụ lục I" } },
  ]);
  writeFileSync(at("bom-1g.xlsx"), await bombXlsx(1024));
  writeFileSync(at("bom-noi-doi.xlsx"), await bombXlsx(300, { lie: true }));
  writeFileSync(at("bom-200m.xlsx"), await bombXlsx(200));
  writeFileSync(at("hai-ban.xlsx"), await duplicatePartXlsx());
  await seedWorkbook(at("tong-hop-da-duyet.xlsx"), [{ seed: SEED_PHU_LUC_I, options: { sheetName: "Phụ lục I" } }]);
  execFileSync("mkfifo", [at("ong.xlsx")]);
}, 60_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("check: inputs that are not what they claim", () => {
  it("refuses a 2.6 MB file that inflates to 1 GB from its zip directory, and one whose headers lie", async () => {
    const run = await runKeeping(["check", at("bom-1g.xlsx"), at("bom-noi-doi.xlsx")], [at("bom-1g.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.out).toContain(
      "Tệp “bom-1g.xlsx” khi giải nén lên tới 1024,0 MB (giới hạn 250,0 MB, gấp 10 lần --max-mb): có thể là tệp “bom nén”",
    );
    expect(run.out).toContain(
      "Tệp “bom-noi-doi.xlsx” bị hỏng hoặc đã bị sửa ngoài Excel (phần “xl/sharedStrings.xml” khai 4096 byte nhưng giải nén ra nhiều hơn)",
    );
  }, 60_000);

  it("refuses the issue's file of 200 MB shared strings (510 KB here) at the default --max-mb, by its part's ratio", async () => {
    const run = await runKeeping(["check", at("bom-200m.xlsx"), "--json"], [at("bom-200m.xlsx")]);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.out).files[0].error).toMatch(
      /^Tệp “bom-200m\.xlsx”: phần “xl\/sharedStrings\.xml” giải nén từ \d+ KB lên tới 200,0 MB \(gấp \d+ lần; một phần lớn hơn 25,0 MB — mức --max-mb — chỉ được nén tối đa 100 lần\): có thể là tệp “bom nén”; PhuLuc không đọc tệp này\.$/,
    );
  });

  it("refuses a zip holding the same part twice", async () => {
    const run = await runKeeping(["check", at("hai-ban.xlsx"), "--json"], [at("hai-ban.xlsx")]);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.out).files[0].error).toMatch(
      /^Tệp “hai-ban\.xlsx” bị hỏng hoặc đã bị sửa ngoài Excel \(có hai phần cùng tên “xl\/worksheets\/sheet1\.xml”/,
    );
  });

  it("refuses the zero device, a FIFO and a folder at once, without reading them", async () => {
    const run = await runMain(["check", "/dev/zero", at("ong.xlsx"), dir, "--json"]);
    expect(run.code).toBe(2);
    const errors = JSON.parse(run.out).files.map((f: { error: string }) => f.error);
    expect(errors).toEqual([
      "“zero” (/dev/zero) không phải tệp thông thường (là thiết bị, ống dẫn FIFO hay socket); PhuLuc chỉ đọc tệp .xlsx.",
      `“ong.xlsx” (${at("ong.xlsx")}) không phải tệp thông thường (là thiết bị, ống dẫn FIFO hay socket); PhuLuc chỉ đọc tệp .xlsx.`,
      `“${path.basename(dir)}” (${dir}) là một thư mục, không phải tệp .xlsx.`,
    ]);
  });

  it("checks the size before reading: --max-mb refuses a large file by its size alone", async () => {
    const run = await runMain(["check", at("bom-1g.xlsx"), "--max-mb", "1"]);
    expect(run.code).toBe(2);
    expect(run.out).toMatch(/Tệp “bom-1g\.xlsx” quá lớn \(2,5 MB; giới hạn 1,0 MB\)/);
  });
});

describe("merge: outputs that would overwrite an input", () => {
  const template = () => at("TONG-HOP.xlsx");
  const unit = () => at("CNTT-BCVT.xlsx");
  const inputs = () => [template(), unit()];

  it("refuses -o naming a unit file", async () => {
    const run = await runKeeping(["merge", "--template", template(), unit(), "-o", unit(), "--force"], inputs());
    expect(run.code).toBe(2);
    expect(run.err).toContain(`Tệp kết quả “${unit()}” trùng tệp của đơn vị “${unit()}”`);
  });

  it("refuses -o through a symbolic link to the template, and a hard link to a unit file, even with --force", async () => {
    await fs.symlink(template(), at("loi-tat.xlsx"));
    await fs.link(unit(), at("lien-ket-cung.xlsx"));
    for (const [link, role, target] of [
      [at("loi-tat.xlsx"), "tệp mẫu", template()],
      [at("lien-ket-cung.xlsx"), "tệp của đơn vị", unit()],
    ]) {
      const run = await runKeeping(["merge", "--template", template(), unit(), "-o", link, "--force"], inputs());
      expect(run.code).toBe(2);
      expect(run.err).toContain(`Tệp kết quả “${link}” trùng ${role} “${target}” (cùng một tệp qua liên kết)`);
    }
  });

  it("replaces an existing output only with --force", async () => {
    const out = at("ket-qua.xlsx");
    writeFileSync(out, "bản cũ");
    const refused = await runKeeping(["merge", "--template", template(), unit(), "-o", out], [...inputs(), out]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`Tệp “${out}” đã có; PhuLuc không ghi đè khi chưa được phép: thêm --force`);
    const forced = await runKeeping(["merge", "--template", template(), unit(), "-o", out, "--force"], inputs());
    expect(forced.code).not.toBe(2);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    expect((await fs.readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 60_000);

  it("names a missing folder, a folder given as the output, and a path through a file", async () => {
    const cases: [string, string][] = [
      [at("khong-co/ket-qua.xlsx"), `Thư mục “${at("khong-co")}” không tồn tại`],
      [dir, `“${dir}” là một thư mục; hãy nêu tên tệp cần ghi.`],
      [path.join(unit(), "ket-qua.xlsx"), `Đường dẫn “${path.join(unit(), "ket-qua.xlsx")}” không hợp lệ`],
    ];
    for (const [out, message] of cases) {
      const run = await runKeeping(["merge", "--template", template(), unit(), "-o", out], inputs());
      expect(run.code).toBe(2);
      expect(run.err).toContain(message);
    }
  });

  it("sets aside bombs and tampered files as not merged and still merges the rest", async () => {
    const run = await runKeeping(
      ["merge", "--template", template(), unit(), at("bom-1g.xlsx"), at("hai-ban.xlsx"), "-o", at("tron.xlsx")],
      [...inputs(), at("bom-1g.xlsx"), at("hai-ban.xlsx")],
    );
    expect(run.code).not.toBe(2);
    expect(run.out).toContain("Không tổng hợp: bom-1g.xlsx — Tệp “bom-1g.xlsx” khi giải nén lên tới 1024,0 MB");
    expect(run.out).toContain("Không tổng hợp: hai-ban.xlsx — Tệp “hai-ban.xlsx” bị hỏng hoặc đã bị sửa ngoài Excel");
  }, 60_000);

  it("exits 2 without a trace when all of 14 units are bombs", async () => {
    // Fourteen files (a file named twice is read once: src/cli/distinctFiles.ts).
    const bombs = Array.from({ length: 14 }, (_, i) => at(`bom-${i + 1}.xlsx`));
    await Promise.all(bombs.map((bomb, i) => fs.copyFile(at(i % 2 ? "bom-1g.xlsx" : "bom-noi-doi.xlsx"), bomb)));
    const run = await runKeeping(["merge", "--template", template(), ...bombs, "-o", at("bom.xlsx")], [template()]);
    expect(run.code).toBe(2);
    expect(run.err.match(/bom nén|đã bị sửa ngoài Excel/g)).toHaveLength(14);
    await expect(fs.access(at("bom.xlsx"))).rejects.toThrow();
  }, 120_000);
});

describe("export: the same output rules", () => {
  const input = () => at("tong-hop-da-duyet.xlsx");

  it("refuses -o through a link to its input, and replaces an existing file only with --force", async () => {
    await fs.symlink(input(), at("tat-nguon.xlsx"));
    const linked = await runKeeping(["export", input(), "-o", at("tat-nguon.xlsx"), "--force"], [input()]);
    expect(linked.code).toBe(2);
    expect(linked.err).toContain("trùng tệp nguồn");
    writeFileSync(at("nop.xlsx"), "bản cũ");
    const existing = await runKeeping(["export", input(), "-o", at("nop.xlsx")], [input(), at("nop.xlsx")]);
    expect(existing.code).toBe(2);
    expect(existing.err).toContain(`Tệp “${at("nop.xlsx")}” đã có`);
    const forced = await runKeeping(["export", input(), "-o", at("nop.xlsx"), "--force"], [input()]);
    expect(forced.code).toBe(0);
    expect(readFileSync(at("nop.xlsx")).subarray(0, 2).toString()).toBe("PK");
  }, 60_000);
});

describe("export --settings: read as the inputs are", () => {
  const input = () => at("tong-hop-da-duyet.xlsx");

  it("refuses the zero device, a FIFO, a folder and an oversized file at once, exit 2, nothing written", async () => {
    writeFileSync(at("qua-lon.json"), `{"kyBaoCao": "${"x".repeat(300 * 1024)}"}`);
    const cases: [string, string][] = [
      [
        "/dev/zero",
        "“zero” (/dev/zero) không phải tệp thông thường (là thiết bị, ống dẫn FIFO hay socket); PhuLuc chỉ đọc tệp cài đặt JSON.",
      ],
      [at("ong.xlsx"), `“ong.xlsx” (${at("ong.xlsx")}) không phải tệp thông thường`],
      [dir, `“${path.basename(dir)}” (${dir}) là một thư mục, không phải tệp cài đặt JSON.`],
      [at("qua-lon.json"), "Tệp cài đặt “qua-lon.json” quá lớn (0,3 MB; giới hạn 256 KB)"],
      [at("khong-co.json"), `Không tìm thấy tệp “khong-co.json” (${at("khong-co.json")}).`],
    ];
    for (const [settings, message] of cases) {
      const out = at("nop-cai-dat.xlsx");
      const run = await runKeeping(["export", input(), "-o", out, "--settings", settings], [input()]);
      expect(run.code).toBe(2);
      expect(run.err).toContain(`Không đọc được tệp cài đặt (--settings): ${message}`);
      await expect(fs.access(out)).rejects.toThrow();
    }
  }, 60_000);
});

describe("file-system errors in Vietnamese, on real errors of this system", () => {
  function realError(action: () => void): unknown {
    try {
      action();
    } catch (error) {
      return error;
    }
    throw new Error("no error");
  }

  it("maps a full disk, a link loop and a name too long to messages naming the path, never the errno", async () => {
    const full = realError(() => writeFileSync("/dev/full", "x"));
    expect(fileSystemError(full, "/dev/full", "write").messageVi).toBe("Ổ đĩa đã đầy, không ghi được “/dev/full”.");
    await fs.symlink(at("vong-b"), at("vong-a"));
    await fs.symlink(at("vong-a"), at("vong-b"));
    const loop = realError(() => readFileSync(at("vong-a")));
    expect(fileSystemError(loop, at("vong-a"), "read").messageVi).toBe(
      `Đường dẫn “${at("vong-a")}” có liên kết vòng quanh.`,
    );
    const long = at("x".repeat(300));
    const tooLong = realError(() => readFileSync(long));
    expect(fileSystemError(tooLong, long, "read").messageVi).toBe(`Đường dẫn “${long}” quá dài.`);
    for (const message of [full, loop, tooLong].map((e) => fileSystemError(e, "p", "read").messageVi)) {
      expect(message).not.toMatch(/E[A-Z]{3,}/);
    }
  });
});
