/**
 * Writes the example workbooks (test/fixtures/examples.ts) into examples/, or into the folder given:
 *   npx tsx scripts/examples.ts [FOLDER]
 * Run it after changing the seeds' fixtures; test/examples.test.ts says when examples/ is stale.
 */
import path from "node:path";
import { EXAMPLE_WORKBOOKS } from "../test/fixtures/examples";
import { seedWorkbook } from "../test/fixtures/seedGrids";

const folder = process.argv[2] ?? path.join(__dirname, "..", "examples");

Promise.all(EXAMPLE_WORKBOOKS.map(({ file, sheets }) => seedWorkbook(path.join(folder, file), sheets))).then(
  () =>
    console.log(
      `Đã ghi ${EXAMPLE_WORKBOOKS.length} tệp vào ${folder}: ${EXAMPLE_WORKBOOKS.map((e) => e.file).join(", ")}`,
    ),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
