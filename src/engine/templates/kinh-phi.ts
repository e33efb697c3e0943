/** Phụ lục II — dự kiến kinh phí (spec §2.2): items with their owner and one or more amount columns. */
import { defineTemplate } from "../template";
import { CODE, LEAD_UNIT, NOTE, STT, SUBTOTAL_LABELS, TOTAL_LABELS } from "./common";

export const KINH_PHI = defineTemplate({
  id: "kinh-phi",
  nameVi: "Phụ lục dự kiến kinh phí",
  nameEn: "Budget appendix",
  defaultHeading: "PHỤ LỤC II",
  columns: [
    STT,
    CODE,
    {
      role: "indicator",
      required: true,
      kind: "text",
      header: "Nội dung, nhiệm vụ",
      headerEn: "Task",
      synonyms: [
        "^noi dung\\b",
        "^(ten )?(nhiem vu|du an|cong trinh|hang muc)\\b",
        "^danh muc\\b",
        "^ten (du an|nhiem vu|cong trinh|hang muc)\\b",
      ],
    },
    // Budget tables name outside owners (UBND huyện …, Ban QLDA …): any non-empty owner is accepted.
    { ...LEAD_UNIT, synonyms: [...LEAD_UNIT.synonyms, "^chu dau tu$", "^don vi$"] },
    {
      role: "amount",
      required: true,
      kind: "number",
      header: "Nhu cầu kinh phí",
      headerEn: "Budget",
      multiple: true,
      summable: true,
      synonyms: [
        "nhu cau kinh phi",
        "\\bvon (dau tu|su nghiep|ngan sach|doi ung|khac|xdcb|chi thuong xuyen)\\b",
        "^(?!nguon).*\\bkinh phi\\b",
        "^so tien\\b",
        "\\bdu toan\\b",
        "\\btong muc dau tu\\b",
        "^ngan sach (trung uong|tinh|huyen|dia phuong|nha nuoc)\\b",
        "^(nstw|nsdp|nst|nsh)$",
      ],
      totalSynonyms: ["^tong( cong)?$", "^tong so$"],
    },
    NOTE,
  ],
  numbering: "continuous",
  subtotalLabels: SUBTOTAL_LABELS,
  totalLabels: TOTAL_LABELS,
  hasUnitLine: true,
  policies: {
    required: { rows: "entry-leaves", roles: ["leadUnit"], anyAmount: true },
    duplicateScope: { section: false, owner: true },
    totalsAcross: true,
    figures: "amounts",
    scaleBasis: "column-items",
    leadUnits: "any",
    mergeStrategy: "budget-items",
  },
});
