/**
 * Writes the seeds' four Phụ lục tables as one workbook, to try the CLI on real figures:
 *   npx tsx scripts/seed-workbook.ts bao-cao-2024.xlsx [--text]
 * `--text` keeps numbers as the documents print them (`224.591` as text), as a pasted table has them.
 */
import { seedWorkbook } from "../test/fixtures/seedGrids";
import { SEED_DICH_VU_CONG, SEED_KET_QUA, SEED_PHU_LUC_I, SEED_PHU_LUC_II } from "../test/fixtures/seedTables";

const [out = "bao-cao-2024.xlsx", ...flags] = process.argv.slice(2);
const numbers = flags.includes("--text") ? "text" : "number";

seedWorkbook(out, [
  { seed: SEED_PHU_LUC_I, options: { sheetName: "Phụ lục I", numbers } },
  { seed: SEED_PHU_LUC_II, options: { sheetName: "Phụ lục II", numbers } },
  { seed: SEED_KET_QUA, options: { sheetName: "Kết quả 6 tháng", numbers } },
  { seed: SEED_DICH_VU_CONG, options: { sheetName: "Dịch vụ công", numbers } },
]).then(
  () => console.log(`Đã ghi ${out}`),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
