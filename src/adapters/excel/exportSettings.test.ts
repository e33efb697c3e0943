import { fakeContext, reopen } from "../../../test/fakes/fakeExcel";
import { parseSettings } from "../../engine/settings";
import { EXPORT_SETTINGS_KEY, loadExportSettings, saveExportSettings } from "./exportSettings";

const emptyFile = () => ({ sheets: [], activeSheet: "", settings: {} as Record<string, string> });

describe("export settings in the document", () => {
  it("gives the defaults for a document that has none", async () => {
    const { context } = fakeContext(emptyFile());
    const { settings, problem } = await loadExportSettings(context);
    expect(settings.coQuanBanHanh).toBe("SỞ THÔNG TIN VÀ TRUYỀN THÔNG");
    expect(problem).toBeUndefined();
  });

  it("keeps what the user saved when the document is opened again", async () => {
    const file = emptyFile();
    const { context } = fakeContext(file);
    await saveExportSettings(context, parseSettings({ kyBaoCao: "9T-2024", soKyHieu: "123/BC-STTTT" }));
    const again = reopen(file) as unknown as Excel.RequestContext;
    const { settings } = await loadExportSettings(again);
    expect(settings.kyBaoCao).toBe("9T-2024");
    expect(settings.soKyHieu).toBe("123/BC-STTTT");
  });

  it("falls back to the defaults and says why when the stored entry is damaged", async () => {
    const file = emptyFile();
    file.settings[EXPORT_SETTINGS_KEY] = JSON.stringify({ ngay: "hôm qua" });
    const { context } = fakeContext(file);
    const { settings, problem } = await loadExportSettings(context);
    expect(settings.ngay).toBe("");
    expect(problem).toMatch(/ngay/);
  });
});
