/**
 * The attainment chart's data: the engine's per-row attainment summed per section (met / not met), worst
 * section first, at most CHART_SECTIONS of them — a 5,000-row sheet gives a short chart, not 5,000 bars.
 */
import { tableAttainment } from "../../engine/attainment";
import type { Table } from "../../engine/model";

/** Sections drawn; the rest are counted under the chart. */
export const CHART_SECTIONS = 8;

export interface SectionAttainment {
  /** STT and title of the section row; both empty for rows outside any section. */
  stt: string;
  label: string;
  /** Indicators judged Đạt or Vượt. */
  met: number;
  /** Indicators judged Chưa đạt. */
  missed: number;
}

export interface AttainmentSummary {
  sections: SectionAttainment[];
  /** Sections with judged indicators that were left out of the chart (the best ones). */
  more: number;
  /** Indicators judged in the whole table. */
  judged: number;
}

/** Share of a section's indicators not met: the chart's order, worst first. */
const missedShare = (s: SectionAttainment) => s.missed / (s.met + s.missed);

export function summariseAttainment(table: Table): AttainmentSummary {
  const bySection = new Map<number, SectionAttainment>();
  const judged = tableAttainment(table);
  for (const item of judged) {
    const sectionIndex = table.rows[item.index].section ?? -1;
    let section = bySection.get(sectionIndex);
    if (!section) {
      const row = table.rows[sectionIndex];
      section = { stt: row?.stt ?? "", label: row?.label ?? "", met: 0, missed: 0 };
      bySection.set(sectionIndex, section);
    }
    if (item.verdict === "Chưa đạt") section.missed++;
    else section.met++;
  }
  // Map order is table order, and sort is stable: equally bad sections keep the order of the sheet.
  const ranked = [...bySection.values()].sort((a, b) => missedShare(b) - missedShare(a) || b.missed - a.missed);
  return {
    sections: ranked.slice(0, CHART_SECTIONS),
    more: Math.max(0, ranked.length - CHART_SECTIONS),
    judged: judged.length,
  };
}
