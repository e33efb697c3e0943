/**
 * The merge work behind the pane, the same in the worker and (for tests) on the main thread: read the
 * template and the unit files with the xlsx reader, recognise, merge, and write the consolidated file.
 * It keeps the last files so a settled conflict is merged again without reading them twice.
 */
import { mergeBudget, type InflateBudget } from "../../adapters/xlsx/inputLimits";
import { PhuLucError } from "../../engine/errors";
import type { Grid } from "../../engine/grid";
import { mergeWorkbook, type MergeOptions, type TemplateSheet, type UnitInput } from "../../engine/merge";
import { templateSheets, unitInputs } from "../../engine/merge/inputs";
import type { NotMerged } from "../../engine/merge/logSheet";
import { summariseMerge } from "../../engine/merge/summary";
import type { FileProgress, MergeOutcome, MergeRequest, ProgressStage } from "./protocol";

const STAGE_FRACTION: Record<Exclude<ProgressStage, "waiting">, number> = {
  reading: 0.3,
  recognising: 0.7,
  done: 1,
  failed: 1,
};

/** Reads one file of a merge; `budget` is what the merge's files may still inflate to (spec §8). */
async function readGrids(bytes: ArrayBuffer, fileName: string, budget: InflateBudget): Promise<Grid[]> {
  const { readWorkbook } = await import(/* webpackChunkName: "xlsx-reader" */ "../../adapters/xlsx/readWorkbook");
  return (await readWorkbook(new Uint8Array(bytes), { fileName, budget })).grids;
}

interface Loaded {
  templateBytes: ArrayBuffer;
  templates: TemplateSheet[];
  inputs: UnitInput[];
  notMerged: NotMerged[];
  workbookSheets: string[];
}

export class MergeSession {
  private loaded?: Loaded;
  private lastOutcome?: MergeOutcome;

  async merge(request: MergeRequest, progress: (p: FileProgress) => void): Promise<MergeOutcome> {
    for (const unit of request.units) progress({ file: unit.name, stage: "waiting", fraction: 0 });
    progress({ file: request.template.name, stage: "reading", fraction: 0.2 });
    const budget = mergeBudget();
    const grids = await readGrids(request.template.bytes, request.template.name, budget);
    const isUnitSheet = (grid: Grid) => request.unitSheets.includes(grid.name);
    const templates = templateSheets(grids.filter((grid) => !isUnitSheet(grid)));
    if (templates.length === 0) {
      throw new PhuLucError(
        "bad-template",
        `“${request.template.name}” không có trang tính nào theo mẫu Phụ lục để làm mẫu tổng hợp.`,
        `“${request.template.name}” has no Phụ lục sheet to consolidate into.`,
      );
    }
    const sheetsFound = templates.map((t) => t.table.sheet).join(", ");
    progress({
      file: request.template.name,
      stage: "done",
      fraction: 1,
      message: `Mẫu: ${sheetsFound}`,
      messageEn: `Template: ${sheetsFound}`,
    });

    const inputs: UnitInput[] = [];
    for (const grid of grids.filter(isUnitSheet)) inputs.push(...unitInputs(grid.name, [grid]).inputs);
    const { readUnitFiles } = await import(/* webpackChunkName: "xlsx-reader" */ "../../adapters/xlsx/readUnitFiles");
    const read = await readUnitFiles(
      request.units.map((unit) => ({ name: unit.name, source: unit.bytes, lastModified: unit.lastModified })),
      { budget },
      (file, stage, message) =>
        progress({ file, stage, fraction: STAGE_FRACTION[stage], message: message?.vi, messageEn: message?.en }),
    );
    inputs.push(...read.inputs);
    const notMerged = read.notMerged;
    if (inputs.length === 0) {
      throw new PhuLucError(
        "bad-template",
        "Không tổng hợp được tệp hay trang tính nào của đơn vị.",
        "Nothing could be merged.",
      );
    }
    this.loaded = {
      templateBytes: request.template.bytes,
      templates,
      inputs,
      notMerged,
      workbookSheets: grids.map((g) => g.name),
    };
    return this.remerge(request.options);
  }

  remerge(options: MergeOptions): MergeOutcome {
    const loaded = this.need();
    const result = mergeWorkbook(loaded.templates, loaded.inputs, options);
    this.lastOutcome = {
      result,
      notMerged: loaded.notMerged,
      workbookSheets: loaded.workbookSheets,
      summary: summariseMerge(result, loaded.notMerged),
    };
    return this.lastOutcome;
  }

  async write(): Promise<Uint8Array> {
    const loaded = this.need();
    if (!this.lastOutcome) throw new PhuLucError("write-failed", "Chưa có kết quả tổng hợp để ghi.");
    const { writeConsolidated } = await import(
      /* webpackChunkName: "xlsx-writer" */ "../../adapters/xlsx/writeConsolidated"
    );
    return writeConsolidated(loaded.templateBytes, this.lastOutcome.result, { notMerged: loaded.notMerged });
  }

  private need(): Loaded {
    if (!this.loaded) throw new PhuLucError("write-failed", "Chưa chọn mẫu và tệp của đơn vị để tổng hợp.");
    return this.loaded;
  }
}
