/**
 * Reading a Đánh giá cell (spec §2.3): Đạt, Vượt, Chưa đạt, Không đạt — ignoring case, diacritics,
 * spaces, NFD and a trailing full stop.
 *
 * Decisions: `Hoàn thành` reads as Đạt, `Chưa hoàn thành` as Chưa đạt, `Không hoàn thành` as Không
 * đạt, `Vượt chỉ tiêu`/`Vượt kế hoạch`/`Hoàn thành vượt` as Vượt — the same verdicts in the words
 * some units use. Anything else (blank, `Có thể đạt`, `Chưa đánh giá`) is no assessment: undefined.
 */
import type { Assessment } from "../model";
import { foldText } from "../text";

const ASSESSMENTS: Record<string, Assessment> = {
  dat: "Đạt",
  hoanthanh: "Đạt",
  vuot: "Vượt",
  vuotchitieu: "Vượt",
  vuotkehoach: "Vượt",
  hoanthanhvuot: "Vượt",
  chuadat: "Chưa đạt",
  chuahoanthanh: "Chưa đạt",
  khongdat: "Không đạt",
  khonghoanthanh: "Không đạt",
};

export function parseAssessment(text: string): Assessment | undefined {
  const key = foldText(text).replace(/[\s.!]+/g, "");
  return Object.hasOwn(ASSESSMENTS, key) ? ASSESSMENTS[key] : undefined;
}
