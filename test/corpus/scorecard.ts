/**
 * The corpus scorecard (`npm run corpus`, and inside `npm test` through corpus.test.ts): every
 * corpus workbook is written as .xlsx, read back by the xlsx adapter and checked; each expected
 * finding is looked for by (rule, cell), and every other finding is a false alarm. A rule that
 * failed on a sheet (a note saying so) counts too.
 */
import { readWorkbook } from "../../src/adapters/xlsx/readWorkbook";
import { checkGrids } from "../../src/engine/check";
import type { Finding } from "../../src/engine/finding";
import { workbookBytes, type CorpusCase, type Expected } from "./build";
import { CORPUS } from "./cases";

export interface FileScore {
  file: string;
  planted: number;
  found: number;
  missed: (Expected & { sheet: string })[];
  falseErrors: Finding[];
  falseWarnings: Finding[];
  /** Sheets recognised as another template than the case says, and rules that failed. */
  problems: string[];
}

const RULE_FAILED = new Set(["rule-failed", "structure-unreadable"]);

export async function scoreCase(corpusCase: CorpusCase): Promise<FileScore> {
  const read = await readWorkbook(await workbookBytes(corpusCase), { fileName: corpusCase.file });
  const reports = checkGrids(read.grids);
  const score: FileScore = {
    file: corpusCase.file,
    planted: 0,
    found: 0,
    missed: [],
    falseErrors: [],
    falseWarnings: [],
    problems: [],
  };
  corpusCase.sheets.forEach((sheet, i) => {
    const report = reports[i];
    if (report.template !== sheet.template) {
      score.problems.push(`“${sheet.name}” đọc thành mẫu ${report.template ?? "không rõ"}, cần ${sheet.template}`);
    }
    score.problems.push(
      ...report.notes.filter((note) => RULE_FAILED.has(note.id)).map((n) => `“${sheet.name}”: ${n.message}`),
    );
    const expected = (f: Finding) => sheet.expect.some((e) => e.rule === f.rule && e.cell === f.cell);
    for (const e of sheet.expect) {
      score.planted++;
      if (report.findings.some((f) => f.rule === e.rule && f.cell === e.cell)) score.found++;
      else score.missed.push({ ...e, sheet: sheet.name });
    }
    for (const f of report.findings) {
      if (expected(f)) continue;
      (f.severity === "error" ? score.falseErrors : score.falseWarnings).push(f);
    }
  });
  return score;
}

export async function scoreCorpus(): Promise<FileScore[]> {
  const scores: FileScore[] = [];
  for (const corpusCase of CORPUS) scores.push(await scoreCase(corpusCase));
  return scores;
}

export function isPerfect(score: FileScore): boolean {
  return (
    score.found === score.planted &&
    score.falseErrors.length === 0 &&
    score.falseWarnings.length === 0 &&
    score.problems.length === 0
  );
}

export function renderScorecard(scores: FileScore[]): string {
  const lines: string[] = [];
  const pad = (text: string | number, width: number) => String(text).padEnd(width);
  lines.push(
    `${pad("Tệp", 34)}${pad("Lỗi cài", 9)}${pad("Tìm thấy", 10)}${pad("Báo sai (lỗi)", 15)}${pad("Báo sai (cảnh báo)", 20)}`,
  );
  for (const s of scores) {
    lines.push(
      `${pad(s.file, 34)}${pad(s.planted, 9)}${pad(s.found, 10)}${pad(s.falseErrors.length, 15)}${pad(s.falseWarnings.length, 20)}${isPerfect(s) ? "" : "✗"}`,
    );
    for (const m of s.missed) lines.push(`    bỏ sót ${m.rule} ${m.sheet}!${m.cell} — ${m.why}`);
    for (const f of [...s.falseErrors, ...s.falseWarnings])
      lines.push(`    báo sai ${f.rule} ${f.sheet}!${f.cell}: ${f.message}`);
    for (const p of s.problems) lines.push(`    ${p}`);
  }
  const planted = scores.reduce((n, s) => n + s.planted, 0);
  const found = scores.reduce((n, s) => n + s.found, 0);
  const falseErrors = scores.reduce((n, s) => n + s.falseErrors.length, 0);
  const falseWarnings = scores.reduce((n, s) => n + s.falseWarnings.length, 0);
  const percent = planted ? ((100 * found) / planted).toFixed(1).replace(".", ",") : "100";
  lines.push(
    `\n${scores.length} tệp: tìm thấy ${found}/${planted} lỗi cài (${percent}%), ${falseErrors} lỗi báo sai, ${falseWarnings} cảnh báo báo sai.`,
  );
  return lines.join("\n");
}

if (require.main === module) {
  scoreCorpus().then(
    (scores) => {
      console.log(renderScorecard(scores));
      process.exitCode = scores.every(isPerfect) ? 0 : 1;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 2;
    },
  );
}
