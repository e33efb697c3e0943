/**
 * What a merge amounts to, as data and as the Vietnamese lines the CLI prints: the same figures for
 * the CLI and the pane (which renders them), so both account for the same things — units, rows filled,
 * conflicts, missing reports, unknown rows, proposals, and every unit value by fate.
 */
import type { NotMerged } from "./logSheet";
import type { MergeResult, MergeStatus } from "./types";

export interface MergeSummary {
  /** Unit files merged (at least one sheet read). */
  files: number;
  expectedUnits: string[];
  sentUnits: string[];
  receivedEarlier: string[];
  missingUnits: string[];
  filledRows: number;
  indicatorRows: number;
  percent: number;
  /** Open findings (without a giải trình) by merge rule; proposals waiting for the user. */
  conflicts: number;
  missingReports: number;
  unknownRows: number;
  /** Findings of those rules a unit's giải trình (its Ghi chú) covers: still listed, shown as accepted. */
  explained: number;
  proposals: number;
  /** Unit sheets refused as another template than the consolidated sheet. */
  wrongTemplate: number;
  /** Every non-empty unit value, by what became of it. */
  values: Record<MergeStatus, number>;
  /** Files (or sheets) that could not be read or recognised at all. */
  notMerged: NotMerged[];
}

const MERGE_RULES = ["merge-conflict", "missing-report", "unknown-row"];

const FATES: MergeStatus[] = [
  "merged",
  "agreed",
  "conflict",
  "rejected",
  "unknown",
  "superseded",
  "recomputed",
  "not-merged",
];

export function summariseMerge(result: MergeResult, notMerged: NotMerged[] = []): MergeSummary {
  const open = (rule: string) => result.findings.filter((f) => f.rule === rule && !f.explanation).length;
  const explained = result.findings.filter((f) => MERGE_RULES.includes(f.rule) && f.explanation).length;
  const values = Object.fromEntries(FATES.map((fate) => [fate, 0])) as Record<MergeStatus, number>;
  for (const value of result.values) values[value.fate]++;
  const c = result.completeness;
  return {
    files: new Set(result.units.map((u) => u.file)).size,
    expectedUnits: c.expectedUnits,
    sentUnits: c.sentUnits,
    receivedEarlier: c.receivedEarlier,
    missingUnits: c.missingUnits,
    filledRows: c.filledRows,
    indicatorRows: c.indicatorRows,
    percent: c.percent,
    conflicts: open("merge-conflict"),
    missingReports: open("missing-report"),
    unknownRows: open("unknown-row"),
    explained,
    proposals: result.proposals.length,
    wrongTemplate: result.findings.filter((f) => f.rule === "wrong-template").length,
    values,
    notMerged,
  };
}

/** The summary in plain Vietnamese, a line per subject (the CLI prints these; findings follow). */
export function summaryLines(summary: MergeSummary, output: string): string[] {
  const v = summary.values;
  const total = Object.values(v).reduce((a, b) => a + b, 0);
  const kept = [
    [v.superseded, "bị thay bằng tệp mới hơn"],
    [v.conflict + v.rejected, "xung đột"],
    [v.unknown, "ở dòng không khớp mẫu"],
    [v["not-merged"], "không tổng hợp (có lý do trong JSON và nhật ký)"],
    [v.recomputed, "là tổng do đơn vị ghi, được tính lại"],
  ].filter(([n]) => n) as [number, string][];
  return [
    `Đã tổng hợp ${summary.files} tệp vào ${output}.`,
    `Đơn vị: cần ${summary.expectedUnits.length}, đã gửi ${summary.sentUnits.length}${summary.receivedEarlier.length ? `, đã nhận từ lần trước: ${summary.receivedEarlier.join(", ")}` : ""}${summary.missingUnits.length ? `, chưa nộp: ${summary.missingUnits.join(", ")}` : ""}.`,
    `Hoàn thành ${summary.filledRows}/${summary.indicatorRows} chỉ tiêu (${String(summary.percent).replace(".", ",")}%).`,
    `Xung đột: ${summary.conflicts}; thiếu báo cáo: ${summary.missingReports}; dòng không khớp mẫu: ${summary.unknownRows}; đề xuất khớp gần đúng: ${summary.proposals}${summary.wrongTemplate ? `; trang tính khác mẫu: ${summary.wrongTemplate}` : ""}${summary.explained ? `; đã giải trình (vẫn liệt kê bên dưới): ${summary.explained}` : ""}.`,
    `Giá trị của đơn vị: ${total}, đã tổng hợp hoặc trùng khớp ${v.merged + v.agreed}${kept.map(([n, what]) => `; ${n} ${what}`).join("")}.`,
    ...summary.notMerged.map((n) => `Không tổng hợp: ${n.file}${n.sheet ? ` › ${n.sheet}` : ""} — ${n.reason}`),
  ];
}
