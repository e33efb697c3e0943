import fc from "fast-check";
import { PROPOSAL_THRESHOLD, tokenSimilarity } from "./keys";
import { ProposalIndex } from "./proposalIndex";

const WORDS = [
  "tỷ",
  "lệ",
  "hồ",
  "sơ",
  "trực",
  "tuyến",
  "xã",
  "cấp",
  "huyện",
  "dịch",
  "vụ",
  "công",
  "1",
  "2",
  "3",
  "IV",
];
const label = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 9 }).map((words) => words.join(" "));

/** What a full scan answers: the highest similarity, a preferred label on a tie, else the first. */
function scan(labels: string[], query: string, allowed: (i: number) => boolean, preferred: (i: number) => boolean) {
  let best: { i: number; score: number } | undefined;
  labels.forEach((text, i) => {
    if (!allowed(i)) return;
    const similarity = tokenSimilarity(query, text);
    if (similarity < PROPOSAL_THRESHOLD) return;
    const score = similarity + (preferred(i) ? 1e-6 : 0);
    if (!best || score > best.score) best = { i, score };
  });
  return best?.i;
}

describe("ProposalIndex", () => {
  it("answers what a full scan answers, whatever the labels, exclusions and preferences", () => {
    fc.assert(
      fc.property(
        fc.array(label, { minLength: 1, maxLength: 40 }),
        fc.array(label, { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 2, max: 5 }),
        (labels, queries, modulo) => {
          const index = new ProposalIndex<number>();
          labels.forEach((text, i) => index.add(text, i));
          const allowed = (i: number) => i % modulo !== 1;
          const preferred = (i: number) => i % modulo === 0;
          for (const query of queries) {
            expect(index.nearest(query, allowed, preferred)?.value).toBe(scan(labels, query, allowed, preferred));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("proposes a retyped indicator among 12,000 near-identical ones, in the unit's own section on a tie", () => {
    const index = new ProposalIndex<string>();
    for (let u = 1; u <= 40; u++)
      for (let i = 1; i <= 300; i++)
        index.add(`Chỉ tiêu ${i} của lĩnh vực ${u}: tỷ lệ hồ sơ xử lý trực tuyến`, `${u}.${i}`);
    // `… 17 … 23 …` and `… 23 … 17 …` are the same words: the section the unit wrote it under decides.
    const retyped = "Chỉ tiêu 17 của lĩnh vực 23: tỷ lệ hồ sơ được xử lý trực tuyến";
    expect(
      index.nearest(
        retyped,
        () => true,
        (id) => id.startsWith("23."),
      ),
    ).toEqual({
      value: "23.17",
      similarity: expect.closeTo(30 / 31, 3),
    });
  });
});
