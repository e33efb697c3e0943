import ExcelJS from "exceljs";
import { readdirSync } from "node:fs";
import path from "node:path";
import { EXAMPLE_WORKBOOKS } from "./fixtures/examples";
import { seedWorkbookBuffer } from "./fixtures/seedGrids";

const EXAMPLES = path.join(__dirname, "..", "examples");

/** What a reader of the workbook sees: per sheet, every non-empty cell's value and number format, and merges. */
function contents(workbook: ExcelJS.Workbook) {
  return workbook.worksheets.map((sheet) => {
    const cells: [string, unknown, string | undefined][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => cells.push([cell.address, cell.value, cell.numFmt || undefined])),
    );
    const merges = Object.keys((sheet as unknown as { _merges: Record<string, unknown> })._merges).sort();
    return {
      name: sheet.name,
      cells,
      merges,
      hidden: sheet.getRows(1, sheet.rowCount)?.filter((r) => r.hidden).length,
    };
  });
}

async function load(source: string | Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  if (typeof source === "string") await workbook.xlsx.readFile(source);
  else await workbook.xlsx.load(source as unknown as ArrayBuffer);
  return workbook;
}

describe("examples/ (run `npx tsx scripts/examples.ts` when this fails)", () => {
  it("holds exactly the example workbooks", () => {
    const onDisk = readdirSync(EXAMPLES).filter((f) => f.endsWith(".xlsx"));
    expect(onDisk.sort()).toEqual(EXAMPLE_WORKBOOKS.map((e) => e.file).sort());
  });

  it.each(EXAMPLE_WORKBOOKS.map((e) => [e.file, e] as const))(
    "%s has the cells the seeds' tables give it today",
    async (file, { sheets }) => {
      const committed = contents(await load(path.join(EXAMPLES, file)));
      const rebuilt = contents(await load(await seedWorkbookBuffer(sheets)));
      expect(committed).toEqual(rebuilt);
      expect(committed.flatMap((s) => s.cells).length).toBeGreaterThan(20);
    },
  );
});
