/**
 * Which indicator figures add up over the year (spec §9), for chi-tieu and ket-qua: counts of
 * dossiers, services, accounts, visits, documents, and amounts (collected, fined, disbursed) are
 * cumulative; shares, rates, per-100-inhabitants densities, averages, indexes and ranks are not.
 * Patterns are on folded text (no diacritics, lower case).
 */
import type { z } from "zod";
import type { CumulativeSchema } from "../template";

export const INDICATOR_CUMULATIVE: z.input<typeof CumulativeSchema> = {
  notCumulative: {
    measures: ["%", "^ty le\\b", "^ti le\\b", "\\/ ?100\\b", "\\bdiem\\b", "\\bhang\\b", "\\bthu hang\\b", "\\blan\\/"],
    wording: [
      "^(ty|ti) le\\b",
      "\\/ ?100 (dan|nguoi|ho)\\b",
      "\\b(binh quan|trung binh)\\b",
      "^(toc do|muc do|chi so|xep hang|thu hang|diem)\\b",
      "\\bbinh quan\\b",
    ],
  },
  cumulative: {
    measures: [
      "^(bo )?ho so\\b",
      "^luot\\b",
      "^vu( viec)?\\b",
      "^don\\b",
      "^doi tuong\\b",
      "^thue bao\\b",
      "^tai khoan\\b",
      "^dia chi\\b",
      "^(nghin |trieu |ty )?dong\\b",
      "^cuoc\\b",
      "^nguoi\\b",
      "^van ban\\b",
      "^(tin|bai|tin, bai|tin bai)\\b",
      "^giay phep\\b",
      "^dich vu\\b",
      "^(chuong trinh|lop|hoi nghi|dot)\\b",
    ],
    wording: [
      "^(tong )?so (luong |luot )?(ho so|dich vu|tai khoan|thue bao|don|vu|doi tuong|tin|bai|van ban|giay phep|nguoi|cuoc|lop|dot)\\b",
      "^so luot\\b",
      "^(tong )?so tien\\b",
      "\\bgiai ngan\\b",
      "^(tong )?(kinh phi|von) (da )?(thuc hien|giai ngan|chi)\\b",
    ],
  },
};
