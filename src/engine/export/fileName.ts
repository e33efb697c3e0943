/** The standard file name of a submission: `<cơ quan>_<phụ lục>_<kỳ>_<yyyymmdd>.xlsx` (spec §7). */
import type { Settings } from "../settings";
import { withoutDiacritics } from "../text";

/** ASCII without diacritics or spaces: `Sở TTTT 9T/2024` → `So-TTTT-9T-2024`. */
export function asciiToken(text: string): string {
  return withoutDiacritics(text)
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Local calendar date as `yyyymmdd`. */
export function yyyymmdd(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
}

/** The document's date: the settings' `ngay` when set, otherwise today. */
export function documentDate(settings: Settings, today: Date = new Date()): Date {
  if (!settings.ngay) return today;
  const [y, m, d] = settings.ngay.split("-").map(Number);
  return new Date(y, m - 1, d);
}

/**
 * `exportFileName(settings, ["I", "II"], date)` → `STTTT_PhuLuc-I-II_9T-2024_20241001.xlsx`.
 * Several Phụ lục in one file join their numbers (`PhuLuc-I-II`, in sheet order, each once); a
 * heading without a number gives `PhuLuc`. An empty kỳ báo cáo or cơ quan is left out rather than
 * leaving `__` in the name.
 */
export function exportFileName(settings: Settings, phuLuc: string | string[], date: Date): string {
  const labels = [...new Set((Array.isArray(phuLuc) ? phuLuc : [phuLuc]).map(asciiToken).filter(Boolean))];
  const parts = [
    asciiToken(settings.tenVietTat),
    ["PhuLuc", ...labels].join("-"),
    asciiToken(settings.kyBaoCao),
    yyyymmdd(date),
  ].filter(Boolean);
  return `${parts.join("_")}.xlsx`;
}
