/**
 * The plan and previous-period workbooks picked for this workbook (spec §9), remembered in the
 * workbook's own settings (`context.workbook.settings`, kept inside the .xlsx) as snapshots of their
 * tables, so the next session checks against them without picking again. One sync to load; saving
 * adds the setting and syncs once.
 */
import { PhuLucError } from "../../engine/errors";
import type { StoredReferences } from "../../engine/periods/snapshot";

export const REFERENCES_KEY = "phuluc.references";

export async function loadReferenceSettings(context: Excel.RequestContext): Promise<StoredReferences> {
  const item = context.workbook.settings.getItemOrNullObject(REFERENCES_KEY);
  item.load("value");
  await context.sync();
  if (item.isNullObject) return {};
  try {
    return (typeof item.value === "string" ? JSON.parse(item.value) : item.value) as StoredReferences;
  } catch (error) {
    throw new PhuLucError(
      "corrupt",
      "Kế hoạch và kỳ trước lưu trong sổ tính này bị hỏng; hãy chọn lại tệp kế hoạch và tệp kỳ trước.",
      "The plan and previous period remembered in this workbook are damaged; choose the plan and previous-period files again.",
      { cause: error },
    );
  }
}

export async function saveReferenceSettings(context: Excel.RequestContext, stored: StoredReferences): Promise<void> {
  context.workbook.settings.add(REFERENCES_KEY, JSON.stringify(stored));
  await context.sync();
}
