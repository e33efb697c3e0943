/** The built-in templates, in the order ties are broken (spec §2). */
import { PhuLucError } from "../errors";
import type { TemplateDef, TemplateId } from "../template";
import { CHI_TIEU } from "./chi-tieu";
import { DICH_VU_CONG } from "./dich-vu-cong";
import { KET_QUA } from "./ket-qua";
import { KINH_PHI } from "./kinh-phi";

export const TEMPLATES: TemplateDef[] = [CHI_TIEU, KINH_PHI, KET_QUA, DICH_VU_CONG];

export function templateById(id: TemplateId): TemplateDef {
  const template = TEMPLATES.find((t) => t.id === id);
  // TEMPLATES covers every TemplateId, so this only fails if the list is edited wrongly.
  if (!template) throw new PhuLucError("bad-template", `Không có mẫu Phụ lục "${id}".`, `No template "${id}".`);
  return template;
}

export { CHI_TIEU, DICH_VU_CONG, KET_QUA, KINH_PHI };
