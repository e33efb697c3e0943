/**
 * Readers against .xlsx files written the way Excel 365, LibreOffice, the Open XML SDK and export
 * tools write them (test/fixtures/excelXml), not the way exceljs does. Each expected Grid was decided
 * by hand from what Excel shows; where a reader is known to differ, the fixture records the
 * difference and why (`known`), so fixing the reader fails the test until the record goes.
 * READERS lists every reader that must give these Grids.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CheckResult } from "../src/cli/checkResult";
import { readWorkbook, type ReadOptions, type WorkbookRead } from "../src/adapters/xlsx/readWorkbook";
import { checkGrids } from "../src/engine/check";
import type { Grid } from "../src/engine/grid";
import type { TemplateId } from "../src/engine/template";
import { readWorkbookExceljs } from "../bench/lib/exceljsReader";
import { EXCEL_XML_CASES } from "./fixtures/excelXml";
import { fileResult, runMain, sheetOf, type CliRun } from "./helpers/cliRun";
import { percentPoints } from "./fixtures/excelXml/percentPoints";
import { ketQuaCase, phuLucII, phuLucIIPlanted } from "./fixtures/excelXml/phuLuc";
import { EXCELJS, gridOf, picture, type ExcelXmlCase, type ReadPicture } from "./fixtures/excelXml/picture";

interface Reader {
  name: string;
  read: (bytes: Uint8Array, options?: ReadOptions) => Promise<WorkbookRead>;
}

const READERS: Reader[] = [
  { name: "PhuLuc (readWorkbook)", read: readWorkbook },
  { name: EXCELJS, read: readWorkbookExceljs },
];

async function pictureOf(reader: Reader, bytes: Uint8Array, options?: ReadOptions): Promise<ReadPicture> {
  try {
    return picture(await reader.read(bytes, options));
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** What Excel shows, turned into what this reader is known to give instead. */
function expectedFor(fixture: ExcelXmlCase, reader: string): ReadPicture {
  let expected = structuredClone(fixture.expected);
  for (const known of fixture.known ?? []) {
    if (known.reader !== reader) continue;
    if ("error" in expected) throw new Error(`${fixture.name}: a known difference needs an expected read`);
    expected = known.patch(expected) ?? expected;
  }
  return expected;
}

describe.each(READERS)("$name on files as Excel and other producers write them", (reader) => {
  it.each(EXCEL_XML_CASES.map((fixture) => [fixture.name, fixture] as const))("%s", async (_, fixture) => {
    const got = await pictureOf(reader, fixture.bytes(), fixture.options);
    expect(got).toStrictEqual(expectedFor(fixture, reader.name));
  });
});

/** `phuluc check` on a fixture: the findings a person would expect, and where a reader is known to cause others. */
interface CheckCase {
  fixture: ExcelXmlCase;
  template: TemplateId;
  findings: [rule: string, cell: string][];
  known?: { reader: string; why: string; findings: [rule: string, cell: string][] }[];
}

const CHECKS: CheckCase[] = [
  { fixture: phuLucII, template: "kinh-phi", findings: [] },
  { fixture: ketQuaCase, template: "ket-qua", findings: [] },
  {
    fixture: phuLucIIPlanted,
    template: "kinh-phi",
    // Section III's SUM stops a row short, and Tổng cộng adds the sections: both show less than the items.
    findings: [
      ["total-mismatch", "D17"],
      ["total-mismatch", "D24"],
    ],
  },
  {
    fixture: percentPoints,
    template: "chi-tieu",
    findings: [],
    known: [
      {
        reader: EXCELJS,
        why: "exceljs turns `0\\%` into `0%`, so 100 and 84 read as 10.000% and 8.400%: four false errors",
        findings: [
          ["out-of-range", "D4"],
          ["attainment-mismatch", "E4"],
          ["out-of-range", "D5"],
          ["attainment-mismatch", "E5"],
        ],
      },
    ],
  },
];

function checked(grids: Grid[]) {
  const [report] = checkGrids(grids);
  return { template: report.template, findings: report.findings.map((f) => [f.rule, f.cell]), notes: report.notes };
}

describe("phuluc check on Excel-written Phụ lục sheets", () => {
  const sheets = (fixture: ExcelXmlCase) => ("sheets" in fixture.expected ? fixture.expected.sheets : []);

  it.each(CHECKS.map((c) => [c.fixture.name, c] as const))("%s read as Excel shows it", (_, c) => {
    const expected = { template: c.template, findings: c.findings, notes: [] };
    expect(checked(sheets(c.fixture).map(gridOf))).toEqual(expected);
  });

  describe.each(READERS)("read by $name", (reader) => {
    it.each(CHECKS.map((c) => [c.fixture.name, c] as const))("%s", async (_, c) => {
      const known = c.known?.find((k) => k.reader === reader.name);
      const expected = { template: c.template, findings: known?.findings ?? c.findings, notes: [] };
      expect(checked((await reader.read(c.fixture.bytes())).grids)).toEqual(expected);
    });
  });
});

describe("phuluc check (the CLI, from disk) on the Phụ lục II typed in Excel", () => {
  it("passes the clean file and fails the planted one on D17 and D24", async () => {
    const dir = mkdtempSync(join(tmpdir(), "phuluc-excel-xml-"));
    writeFileSync(join(dir, "sach.xlsx"), phuLucII.bytes());
    writeFileSync(join(dir, "loi.xlsx"), phuLucIIPlanted.bytes());
    const clean = await runMain(["check", join(dir, "sach.xlsx"), "--json"]);
    const planted = await runMain(["check", join(dir, "loi.xlsx"), "--json"]);
    const findings = (run: CliRun) =>
      sheetOf(fileResult(JSON.parse(run.out) as CheckResult, ".xlsx"), "Phụ lục II").findings.map((f) => [
        f.rule,
        f.cell,
      ]);
    expect([clean.code, findings(clean)]).toEqual([0, []]);
    expect([planted.code, findings(planted)]).toEqual([
      1,
      [
        ["total-mismatch", "D17"],
        ["total-mismatch", "D24"],
      ],
    ]);
  });
});
