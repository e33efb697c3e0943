/** The corpus scorecard inside `npm test`: 100 % of planted findings, no false alarm on any workbook. */
import { isPerfect, renderScorecard, scoreCorpus } from "./scorecard";
import { CORPUS } from "./cases";

jest.setTimeout(120_000);

test("the corpus has at least 25 workbooks, every planted one with its clean twin", () => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(25);
  const names = new Set(CORPUS.map((c) => c.file));
  for (const c of CORPUS) {
    if (c.sheets.some((s) => s.expect.length > 0) && !c.file.startsWith("00-seed")) {
      expect(names.has(c.file.replace(/\.xlsx$/, "-sach.xlsx"))).toBe(true);
    }
  }
});

test("scorecard: every planted finding found, no false error or warning, every template right", async () => {
  const scores = await scoreCorpus();
  const card = renderScorecard(scores);
  expect(scores.filter((s) => !isPerfect(s)).map((s) => s.file)).toEqual([]);
  expect(card).toContain("lỗi cài (100,0%), 0 lỗi báo sai, 0 cảnh báo báo sai");
});
