/**
 * The export settings saved with the document: in the workbook's own settings
 * (`context.workbook.settings`, the Excel API's view of Office.context.document.settings), which
 * Excel keeps inside the .xlsx — so the header texts travel with the consolidated file.
 * One sync to load, none extra to save (the caller's next sync writes it).
 */
import { userMessage } from "../../engine/errors";
import { parseSettings, defaultSettings, type Settings } from "../../engine/settings";

export const EXPORT_SETTINGS_KEY = "phuluc.exportSettings";

/**
 * The document's settings, or the defaults when it has none. A damaged entry is not fatal: the
 * defaults are returned with the reason, for the pane to show.
 */
export async function loadExportSettings(
  context: Excel.RequestContext,
): Promise<{ settings: Settings; problem?: string }> {
  const item = context.workbook.settings.getItemOrNullObject(EXPORT_SETTINGS_KEY);
  item.load("value");
  await context.sync();
  if (item.isNullObject) return { settings: defaultSettings() };
  try {
    const raw: unknown = typeof item.value === "string" ? JSON.parse(item.value) : item.value;
    return { settings: parseSettings(raw, "Cài đặt xuất file lưu trong tài liệu") };
  } catch (error) {
    return { settings: defaultSettings(), problem: userMessage(error) };
  }
}

export async function saveExportSettings(context: Excel.RequestContext, settings: Settings): Promise<void> {
  context.workbook.settings.add(EXPORT_SETTINGS_KEY, JSON.stringify(settings));
  await context.sync();
}
