/**
 * Where the export settings live. In Excel: with the document (adapters/excel/exportSettings). In a
 * plain browser (file mode) there is no document to keep them in, so localStorage keeps them for the
 * next visit; storage that is blocked (private mode) means defaults each time, said to the user.
 */
import { defaultSettings, parseSettings, type Settings } from "../../engine/settings";
import { shownError, type Bilingual } from "../shownError";

export const LOCAL_SETTINGS_KEY = "phuluc.exportSettings";

export function loadLocalSettings(storage: Storage | undefined = globalThis.localStorage): {
  settings: Settings;
  problem?: Bilingual;
} {
  try {
    const text = storage?.getItem(LOCAL_SETTINGS_KEY);
    if (!text) return { settings: defaultSettings() };
    return { settings: parseSettings(JSON.parse(text), "Cài đặt xuất file đã lưu trong trình duyệt") };
  } catch (error) {
    return { settings: defaultSettings(), problem: shownError(error) };
  }
}

export function saveLocalSettings(settings: Settings, storage: Storage | undefined = globalThis.localStorage): void {
  if (!storage) throw new Error("trình duyệt không cho lưu cài đặt (localStorage bị chặn)");
  storage.setItem(LOCAL_SETTINGS_KEY, JSON.stringify(settings));
}
