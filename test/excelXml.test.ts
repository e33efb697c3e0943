/**
 * Readers against .xlsx files written the way Excel 365, LibreOffice, the Open XML SDK and export
 * tools write them (test/fixtures/excelXml), not the way exceljs does. Each expected Grid was decided
 * by hand from what Excel shows; where a reader is known to differ, the fixture records the
 * difference and why (`known`), so fixing the reader fails the test until the record goes.
 * READERS lists every reader that must give these Grids.
 */
import { readWorkbook, type ReadOptions, type WorkbookRead } from "../src/adapters/xlsx/readWorkbook";
import { checkGrids } from "../src/engine/check";
import { EXCEL_XML_CASES } from "./fixtures/excelXml";
import { phuLucII, phuLucIIPlanted } from "./fixtures/excelXml/phuLuc";
import { EXCELJS, picture, type ExcelXmlCase, type ReadPicture } from "./fixtures/excelXml/picture";

interface Reader {
  name: string;
  read: (bytes: Uint8Array, options?: ReadOptions) => Promise<WorkbookRead>;
}

const READERS: Reader[] = [{ name: EXCELJS, read: readWorkbook }];

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

describe.each(READERS)("phuluc check through $name on a Phụ lục II typed in Excel", (reader) => {
  const check = async (fixture: ExcelXmlCase) => {
    const [report] = checkGrids((await reader.read(fixture.bytes())).grids);
    return { template: report.template, findings: report.findings.map((f) => [f.rule, f.cell]), notes: report.notes };
  };

  it("says nothing about a clean sheet", async () => {
    expect(await check(phuLucII)).toEqual({ template: "kinh-phi", findings: [], notes: [] });
  });

  it("finds a section SUM one row short, and the Tổng cộng it makes wrong", async () => {
    expect(await check(phuLucIIPlanted)).toEqual({
      template: "kinh-phi",
      findings: [
        ["total-mismatch", "D17"],
        ["total-mismatch", "D24"],
      ],
      notes: [],
    });
  });
});
