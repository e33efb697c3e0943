/**
 * Settings the user edits once and the add-in keeps (with the document in Excel, in a JSON file for
 * the CLI): the texts of the submission file's header block (Nghị định 30/2020/NĐ-CP) and the units list.
 * Quốc hiệu and Tiêu ngữ are fixed by law, so they are constants, not settings.
 */
import * as z from "zod";
import { PhuLucError } from "./errors";
import { DEFAULT_UNITS } from "./units";

export const QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const TIEU_NGU = "Độc lập - Tự do - Hạnh phúc";

const UnitDefSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string()),
});

function isRealDay(text: string): boolean {
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

/** `yyyy-mm-dd`, or empty while the document is not dated yet (printed `ngày … tháng … năm …`). */
const isoDate = z.union([
  z.literal(""),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "ngày phải có dạng yyyy-mm-dd")
    // Date.parse takes 2026-02-30 as 2 March: the day must read back as written.
    .refine((text) => isRealDay(text), "ngày không tồn tại"),
]);

export const SettingsSchema = z.object({
  /** Cơ quan, tổ chức chủ quản (upper line of the left block). */
  coQuanChuQuan: z.string().default("UBND TỈNH AN GIANG"),
  /** Cơ quan ban hành (bold capitals under it). */
  coQuanBanHanh: z.string().default("SỞ THÔNG TIN VÀ TRUYỀN THÔNG"),
  /** Số, ký hiệu of the document (`…/BC-STTTT`); printed after `Số: `. */
  soKyHieu: z.string().default("…/BC-STTTT"),
  /** Địa danh in the date line. */
  diaDanh: z.string().default("An Giang"),
  /** Date of the document; also the date in the file name when set. */
  ngay: isoDate.default(""),
  /** Reporting period as it goes into the file name (`9T-2024`, `Q1-2024`, `2024`). */
  kyBaoCao: z.string().default(""),
  /** Agency short name for file names (`STTTT`). */
  tenVietTat: z.string().default("STTTT"),
  /** The document the Phụ lục are attached to, printed `(Kèm theo …)` under each title. */
  vanBanKemTheo: z.string().default(""),
  /** Units (đơn vị) the rules match lead units against (spec §1). */
  units: z.array(UnitDefSchema).default(() => DEFAULT_UNITS.map((u) => ({ ...u, aliases: [...u.aliases] }))),
});

export type Settings = z.infer<typeof SettingsSchema>;

/** Fields of a settings object that no setting reads (a typo such as `soKyhieu` would otherwise vanish unseen). */
export function unknownSettingsFields(raw: unknown): string[] {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return [];
  return Object.keys(raw).filter((key) => !Object.prototype.hasOwnProperty.call(SettingsSchema.shape, key));
}

export function defaultSettings(): Settings {
  return SettingsSchema.parse({});
}

/**
 * Reads stored settings: missing fields take their defaults (older documents keep working when
 * fields are added). Throws a PhuLucError naming the bad field.
 */
export function parseSettings(raw: unknown, source = "cài đặt"): Settings {
  const result = SettingsSchema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.join(".") || "(gốc)";
  throw new PhuLucError(
    "bad-argument",
    `${source}: trường "${field}" không hợp lệ (${issue.message}).`,
    `${source}: field "${field}" is invalid (${issue.message}).`,
  );
}

/** The units list as the settings form shows it: one unit a line, `ID | Tên đầy đủ | bí danh; bí danh`. */
export function unitLines(units: Settings["units"]): string {
  return units.map((u) => [u.id, u.name, u.aliases.join("; ")].join(" | ")).join("\n");
}

/** Reads the form's units text back; throws a PhuLucError naming the first bad line. */
export function parseUnitLines(text: string): Settings["units"] {
  const units: Settings["units"] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    const [id = "", name = "", aliases = ""] = line.split("|").map((part) => part.trim());
    if (!id || !name) {
      throw new PhuLucError(
        "bad-argument",
        `Dòng ${i + 1} của danh sách đơn vị cần “mã | tên đầy đủ | bí danh; …” (nhận được “${line.trim()}”).`,
        `Line ${i + 1} of the units list needs "id | full name | alias; …".`,
      );
    }
    units.push({
      id,
      name,
      aliases: aliases
        .split(";")
        .map((a) => a.trim())
        .filter(Boolean),
    });
  });
  return units;
}
