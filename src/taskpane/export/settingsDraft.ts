/**
 * The export form's draft ⇄ Settings. The date is typed as dd/mm/yyyy (one tab stop, the way Vietnamese
 * documents write it) and kept as yyyy-mm-dd in the settings.
 */
import { PhuLucError } from "../../engine/errors";
import { parseSettings, parseUnitLines, unitLines, type Settings } from "../../engine/settings";
import type { SettingsDraft } from "./ExportSettingsForm";

function typedDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function isoDate(typed: string): string {
  const text = typed.trim();
  if (!text) return "";
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [day, month, year] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!m || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) {
    throw new PhuLucError(
      "bad-argument",
      `Ngày văn bản “${text}” không đúng dạng ngày/tháng/năm (ví dụ 01/10/2025).`,
      `The document date “${text}” is not day/month/year (e.g. 01/10/2025).`,
    );
  }
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function draftOf(settings: Settings): SettingsDraft {
  const { coQuanChuQuan, coQuanBanHanh, soKyHieu, diaDanh, kyBaoCao, tenVietTat, vanBanKemTheo } = settings;
  return {
    fields: { coQuanChuQuan, coQuanBanHanh, soKyHieu, diaDanh, kyBaoCao, tenVietTat, vanBanKemTheo },
    date: typedDate(settings.ngay),
    unitsText: unitLines(settings.units),
  };
}

/** The settings the draft states; throws a PhuLucError naming what is malformed. */
export function settingsOf(draft: SettingsDraft): Settings {
  return parseSettings({ ...draft.fields, ngay: isoDate(draft.date), units: parseUnitLines(draft.unitsText) });
}
