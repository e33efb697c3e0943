/**
 * Writes the seeds' four Phụ lục tables as one workbook, to try the CLI on real figures:
 *   npx tsx scripts/seed-workbook.ts bao-cao-2024.xlsx [--text]
 * `--text` keeps numbers as the documents print them (`224.591` as text), as a pasted table has them.
 */
import { seedReportSheets } from "../test/fixtures/examples";
import { seedWorkbook } from "../test/fixtures/seedGrids";

const [out = "bao-cao-2024.xlsx", ...flags] = process.argv.slice(2);
const numbers = flags.includes("--text") ? "text" : "number";

seedWorkbook(out, seedReportSheets(numbers)).then(
  () => console.log(`Đã ghi ${out}`),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
