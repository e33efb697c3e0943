/**
 * KHTC merges every month into the last consolidated workbook, and approves, returns and explains in it, for years:
 * each write patches the file's own shared strings and styles, so each must add only what is new — Excel holds at
 * most 64,000 cell formats. Measured before (session 7): each merge round of the examples added 184 shared strings
 * and 4 xfs, each approve 49 strings, 2 xfs and a font.
 *
 * Decided by hand: merging the same three example units into the last output changes nothing after the first round
 * (the receipts are the same files, so the records keep their time; the log has no time), so rounds 2–5 are part for
 * part the first. Approving Thanh tra again only gives its status a new time (`at`, and maybe a new minute in Tình
 * trạng nộp): the two review sheets and the shared strings change, by the texts the table did not hold, and nothing
 * else. A merge after the approval adds the lock formats once. Throughout, `count` is the workbook's string cells.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8 } from "fflate";
import { sharedStrings } from "../../src/adapters/xlsx/ooxml/sharedStrings";
import { WorkbookFile } from "../../src/adapters/xlsx/patch/package";
import { stringCells } from "../../src/adapters/xlsx/patch/sharedStrings";
import { StylePatch } from "../../src/adapters/xlsx/patch/styles";
import { readWorkbook } from "../../src/adapters/xlsx/readWorkbook";
import { REVIEW_SHEET_NAME, STATUS_SHEET_NAME, reviewStoreOf } from "../../src/engine/review";
import { runMain } from "../helpers/cliRun";
import { partChanges, partsOf } from "../helpers/packageParts";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const UNITS = ["CNTT-BCVT.xlsx", "THANH-TRA.xlsx", "TTBCXB.xlsx"].map((file) => path.join(EXAMPLES, file));
const SST = "xl/sharedStrings.xml";
let dir: string;
const at = (name: string) => path.join(dir, name);
const read = (name: string) => fs.readFile(at(name)).then((buffer) => new Uint8Array(buffer));

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "phuluc-growth-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function merge(template: string, out: string): Promise<void> {
  const run = await runMain(["merge", "--template", template, ...UNITS, "-o", at(out)]);
  expect(run.err).toBe("");
  expect(run.code).toBe(0);
}

/** What the shared strings and styles hold, and the string cells of every worksheet. */
function lists(bytes: Uint8Array) {
  const parts = partsOf(bytes);
  const sst = strFromU8(parts[SST]);
  const styles = strFromU8(parts["xl/styles.xml"]);
  const attr = (xml: string, pattern: RegExp) => Number(pattern.exec(xml)?.[1]);
  return {
    strings: sharedStrings(sst),
    count: attr(sst, /\scount="(\d+)"/),
    uniqueCount: attr(sst, /\suniqueCount="(\d+)"/),
    xfs: attr(styles, /<cellXfs count="(\d+)"/),
    stringCells: Object.keys(parts)
      .filter((part) => /^xl\/worksheets\/[^/]+\.xml$/.test(part))
      .reduce((sum, part) => sum + stringCells(strFromU8(parts[part])), 0),
  };
}

/** The worksheet parts of the two review sheets. */
async function reviewParts(bytes: Uint8Array): Promise<string[]> {
  const file = await WorkbookFile.open(bytes, (xml) => new StylePatch(xml));
  return [REVIEW_SHEET_NAME, STATUS_SHEET_NAME].map((name) => file.sheet(name)!.part);
}

const REVIEW_SHEETS = [REVIEW_SHEET_NAME, STATUS_SHEET_NAME];
/** Every sheet's cells but the review records'. */
const otherGrids = async (bytes: Uint8Array) =>
  (await readWorkbook(bytes)).grids.filter((grid) => !REVIEW_SHEETS.includes(grid.name));

describe("writing into the last consolidated workbook again and again", () => {
  it("merging the same units 5 rounds: after the first, every part is the first round's", async () => {
    const template = path.join(EXAMPLES, "mau-phu-luc-I.xlsx");
    await merge(template, "TH1.xlsx");
    const first = await read("TH1.xlsx");
    const before = lists(new Uint8Array(await fs.readFile(template)));
    const after = lists(first);
    // The template's own strings first, as they were; only new texts after them, each once.
    expect(after.strings.slice(0, before.strings.length)).toEqual(before.strings);
    expect(new Set(after.strings).size).toBe(after.strings.length);
    expect([after.count, after.uniqueCount]).toEqual([after.stringCells, after.strings.length]);

    for (let round = 2; round <= 5; round++) {
      await merge(at(`TH${round - 1}.xlsx`), `TH${round}.xlsx`);
      expect(partChanges(first, await read(`TH${round}.xlsx`))).toEqual({ changed: [], added: [], removed: [] });
    }
  });

  it("approving the same unit 20 times: only the review sheets and their new texts change", async () => {
    await fs.copyFile(at("TH1.xlsx"), at("DUYET.xlsx"));
    const merged = await read("DUYET.xlsx");
    const [records, statuses] = await reviewParts(merged);
    const grids = await otherGrids(merged);
    let before = merged;
    for (let time = 1; time <= 20; time++) {
      const run = await runMain(["approve", at("DUYET.xlsx"), "--unit", "Thanh tra", "--by", "KHTC Hà"]);
      expect(run.err).toBe("");
      expect(run.code).toBe(0);
      const after = await read("DUYET.xlsx");
      const changes = partChanges(before, after);
      expect(changes.changed.filter((part) => ![SST, records, statuses].includes(part))).toEqual([]);
      expect([changes.added, changes.removed]).toEqual([[], []]);

      const [old, now] = [lists(before), lists(after)];
      const texts = (await readWorkbook(after)).grids
        .filter((grid) => REVIEW_SHEETS.includes(grid.name))
        .flatMap((grid) => grid.rows.flatMap((row) => row.map((cell) => cell?.value)))
        .filter((value): value is string => typeof value === "string");
      const added = new Set(texts.filter((text) => !old.strings.includes(text)));
      expect(now.strings).toEqual([...old.strings, ...added]);
      expect([now.count, now.uniqueCount, now.xfs]).toEqual([now.stringCells, now.strings.length, old.xfs]);

      expect(await otherGrids(after)).toEqual(grids);
      const status = reviewStoreOf((await readWorkbook(after)).grids).statuses.find((s) => s.unit === "THANH-TRA");
      expect(status).toMatchObject({ state: "da-duyet", by: "KHTC Hà" });
      // New the first time: da-duyet, Đã duyệt, KHTC Hà and the time; then only the time. Either time's minute
      // in Tình trạng nộp may be new too.
      expect(added).toContain(status!.at);
      expect(added.size).toBeLessThanOrEqual(time === 1 ? 5 : 2);
      before = after;
    }
  });

  it("merging after the approval: the lock formats are added once, and each round reads back the same", async () => {
    await merge(at("DUYET.xlsx"), "KHOA1.xlsx");
    const approved = lists(await read("DUYET.xlsx"));
    const locked = lists(await read("KHOA1.xlsx"));
    expect(locked.xfs).toBeGreaterThan(approved.xfs);
    expect(locked.count).toBe(locked.stringCells);
    const grids = (await readWorkbook(await read("KHOA1.xlsx"))).grids;
    for (let round = 2; round <= 4; round++) {
      await merge(at(`KHOA${round - 1}.xlsx`), `KHOA${round}.xlsx`);
      const bytes = await read(`KHOA${round}.xlsx`);
      expect(lists(bytes)).toEqual(locked);
      expect((await readWorkbook(bytes)).grids).toEqual(grids);
    }
  });
});
