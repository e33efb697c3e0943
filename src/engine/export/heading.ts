/**
 * Texts above the table: the Nghị định 30/2020/NĐ-CP header block (from settings) and each Phụ
 * lục's own heading (taken from the sheet, so the consolidated template's wording survives).
 */
import { cellText, type Grid } from "../grid";
import type { Table } from "../model";
import { QUOC_HIEU, TIEU_NGU, type Settings } from "../settings";
import { foldText, tidyText, trimText } from "../text";

export interface PhuLucHeading {
  /** `PHỤ LỤC II` */
  heading: string;
  /** `II` (empty when the heading has no number). */
  label: string;
  /** The title line, printed in bold capitals. */
  title: string;
  /** `(Kèm theo …)`, printed in italics; empty when neither settings nor sheet give one. */
  attachedTo: string;
  /** `Đvt: triệu đồng`; empty when the sheet has none. */
  unitLine: string;
}

const HEADING = /^phu luc\b\s*(.*)$/;
const UNIT_LINE = /^(dvt|don vi tinh)\s*:/;

/**
 * Text lines above the header, as the sheet writes them: only trimmed, because the runs of spaces in
 * `Kế hoạch số:    /KH-STTTT ngày    tháng 9` are the blanks the signer fills in.
 */
function linesAbove(grid: Grid, table: Table): string[] {
  const first = Math.min(...table.headerRows);
  const lines: string[] = [];
  for (let r = 0; r < first; r++) {
    const text = (grid.rows[r] ?? [])
      .map((cell) => trimText(cellText(cell)))
      .filter(Boolean)
      .join(" ");
    if (text) lines.push(text);
  }
  return lines.length ? lines : table.titleLines;
}

export function phuLucHeading(grid: Grid, table: Table, settings: Settings): PhuLucHeading {
  const lines = linesAbove(grid, table);
  const headingLine = lines.find((line) => HEADING.test(foldText(line)));
  const heading = (headingLine ?? table.template.defaultHeading).toUpperCase();
  // The number is what follows "PHỤ LỤC" (`II`, `3`), written as the sheet writes it.
  const label = tidyText(heading.replace(/^\S+\s+\S+\s*/, "")).split(" ")[0] ?? "";
  const rest = lines.filter((line) => line !== headingLine);
  const unitLine = table.unitLine?.text ?? rest.find((line) => UNIT_LINE.test(foldText(line))) ?? "";
  const ownAttached = rest.find((line) => line.startsWith("("));
  const title = rest.find((line) => line !== unitLine && line !== ownAttached) ?? table.template.nameVi;
  const attachedTo = settings.vanBanKemTheo.trim()
    ? `(Kèm theo ${settings.vanBanKemTheo.trim()})`
    : (ownAttached ?? "");
  return { heading, label, title, attachedTo, unitLine: tidyText(unitLine) };
}

/** `An Giang, ngày 01 tháng 10 năm 2024`; blanks `…` while undated (the date is written at signing). */
export function dateLine(settings: Settings): string {
  if (!settings.ngay) return `${settings.diaDanh}, ngày … tháng … năm …`;
  const [y, m, d] = settings.ngay.split("-").map(Number);
  // Nghị định 30: days below 10 and months 1 and 2 take a leading zero.
  const day = String(d).padStart(2, "0");
  const month = m <= 2 ? `0${m}` : String(m);
  return `${settings.diaDanh}, ngày ${day} tháng ${month} năm ${y}`;
}

export interface HeaderBlockLine {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Points: Nghị định 30 sets 12–13 for the agency lines and Quốc hiệu, 13–14 for Tiêu ngữ. */
  size: number;
}

/** The three rows of the header block, left and right half. */
export function headerBlockLines(settings: Settings): { left: HeaderBlockLine; right: HeaderBlockLine }[] {
  return [
    {
      left: { text: settings.coQuanChuQuan.toUpperCase(), size: 12 },
      right: { text: QUOC_HIEU, bold: true, size: 12 },
    },
    {
      left: { text: settings.coQuanBanHanh.toUpperCase(), bold: true, size: 12 },
      right: { text: TIEU_NGU, bold: true, size: 13 },
    },
    {
      left: { text: `Số: ${settings.soKyHieu}`, size: 13 },
      right: { text: dateLine(settings), italic: true, size: 13 },
    },
  ];
}
