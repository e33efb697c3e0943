/**
 * `missing-report` (merge; plan checks): an indicator whose lead unit sent no value. `standIn`: another
 * unit's value is used meanwhile.
 */
import type { FindingParams } from "../finding";
import type { LocaleFormat } from "../locale";
import { whereText, type Where } from "../periods/where";
import type { RuleDefinition } from "./rule";

/**
 * indicator: a target's figure; item: a budget item's amount; services: a unit's service counts;
 * plan: an indicator of the approved plan (its target, where the plan states it) absent from the sheet.
 */
type MissingReportParams = FindingParams & { label: string } & (
    | {
        kind: "indicator" | "item" | "services";
        /** The lead units, comma-separated. */
        units: string;
        standIn?: boolean;
      }
    | { kind: "plan"; target: string; where: Where }
  );

/** The unit row named once when its label is the unit itself: `“Xã A”`, else `XA-017 (“Xã A”)`. */
function servicesOf(p: { units: string; label: string }, f: LocaleFormat): string {
  return p.units === p.label ? f.quote(p.label) : `${p.units} (${f.quote(p.label)})`;
}

export const missingReport: RuleDefinition<"missing-report", MissingReportParams> = {
  id: "missing-report",
  severity: "warning",
  tags: ["merge", "completeness"],
  label: { vi: "Đơn vị chưa báo cáo", en: "Missing report" },
  message: {
    vi: (p, f) => {
      if (p.kind === "services") return `chưa có số liệu dịch vụ công của ${servicesOf(p, f)}.`;
      if (p.kind === "plan")
        return (
          `chỉ tiêu ${f.quote(p.label)} (kế hoạch ${f.quote(p.target)}, ${whereText(p.where, "vi")}) ` +
          `có trong kế hoạch được duyệt nhưng không có trong trang tính này.`
        );
      if (p.kind === "item") return `chưa có kinh phí của đơn vị chủ trì ${p.units} cho ${f.quote(p.label)}.`;
      const stand = p.standIn ? " Đang lấy tạm giá trị của đơn vị khác." : "";
      return `chưa có số liệu của đơn vị chủ trì ${p.units} cho chỉ tiêu ${f.quote(p.label)}.${stand}`;
    },
    en: (p, f) => {
      if (p.kind === "services") return `no public-service figures from ${servicesOf(p, f)}.`;
      if (p.kind === "plan")
        return (
          `the indicator ${f.quote(p.label)} (target ${f.quote(p.target)}, ${whereText(p.where, "en")}) ` +
          `is in the approved plan but not in this sheet.`
        );
      if (p.kind === "item") return `no amount from the lead unit ${p.units} for ${f.quote(p.label)}.`;
      const stand = p.standIn ? " Another unit's value is used for now." : "";
      return `no figure from the lead unit ${p.units} for ${f.quote(p.label)}.${stand}`;
    },
  },
  examples: [
    { kind: "indicator", units: "CNTT-BCVT", label: "Tỷ lệ hồ sơ trực tuyến", standIn: true },
    { kind: "item", units: "VP", label: "Mua sắm thiết bị" },
    { kind: "services", units: "XA-017", label: "Xã Mỹ Hòa Hưng" },
    {
      kind: "plan",
      label: "Tỷ lệ hồ sơ trực tuyến",
      target: "70%",
      where: { file: "ke-hoach.xlsx", sheet: "Phụ lục I", cell: "B14" },
    },
  ],
};
