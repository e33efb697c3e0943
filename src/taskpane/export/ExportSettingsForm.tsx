/** The header texts of the submission file, edited once and saved (with the document / in the browser). */
import { Button, Field, Input, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { parseSettings, parseUnitLines, unitLines, type Settings } from "../../engine/settings";
import { userMessage } from "../../engine/errors";

type TextField =
  "coQuanChuQuan" | "coQuanBanHanh" | "soKyHieu" | "diaDanh" | "kyBaoCao" | "tenVietTat" | "vanBanKemTheo";

const FIELDS: { key: TextField; label: string; hint?: string }[] = [
  { key: "coQuanChuQuan", label: "Cơ quan chủ quản" },
  { key: "coQuanBanHanh", label: "Cơ quan ban hành" },
  { key: "soKyHieu", label: "Số, ký hiệu", hint: "In sau “Số:”, ví dụ 123/BC-STTTT" },
  { key: "diaDanh", label: "Địa danh" },
  { key: "kyBaoCao", label: "Kỳ báo cáo (trong tên file)", hint: "Ví dụ 9T-2024" },
  { key: "tenVietTat", label: "Tên viết tắt cơ quan (trong tên file)", hint: "Ví dụ STTTT" },
  { key: "vanBanKemTheo", label: "Văn bản kèm theo", hint: "In “(Kèm theo …)” dưới tên Phụ lục" },
];

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface ExportSettingsFormProps {
  settings: Settings;
  onSave(settings: Settings): Promise<void>;
}

export function ExportSettingsForm({ settings, onSave }: ExportSettingsFormProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState<Settings>(settings);
  const [unitsText, setUnitsText] = useState(() => unitLines(settings.units));
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    try {
      await onSave(parseSettings({ ...draft, units: parseUnitLines(unitsText) }));
      setProblem(undefined);
    } catch (error) {
      setProblem(userMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className={styles.form}>
      {FIELDS.map(({ key, label, hint }) => (
        <Field key={key} label={label} hint={hint}>
          <Input value={draft[key]} onChange={(_, data) => setDraft({ ...draft, [key]: data.value })} />
        </Field>
      ))}
      <Field label="Ngày văn bản" hint="Để trống: in “ngày … tháng … năm …”, tên file lấy ngày hôm nay">
        <Input type="date" value={draft.ngay} onChange={(_, data) => setDraft({ ...draft, ngay: data.value })} />
      </Field>
      <Field
        label="Danh sách đơn vị (dùng khi kiểm tra trước khi xuất)"
        hint="Mỗi dòng một đơn vị: mã | tên đầy đủ | bí danh; bí danh"
      >
        <Textarea value={unitsText} resize="vertical" rows={6} onChange={(_, data) => setUnitsText(data.value)} />
      </Field>
      <Field validationMessage={problem} validationState={problem ? "error" : "none"}>
        <Button onClick={() => void save()} disabled={saving}>
          Lưu thông tin tiêu đề
        </Button>
      </Field>
    </div>
  );
}
