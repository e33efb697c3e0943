/**
 * The merge work behind the pane, the same in the worker and (for tests) on the main thread: read the
 * template and the unit files with the xlsx reader, recognise, merge, and write the consolidated file.
 * It keeps the last files so a settled conflict is merged again without reading them twice.
 */
import { sha256Hex } from "../../adapters/sha256";
import { mergeBudget, type InflateBudget } from "../../adapters/xlsx/inputLimits";
import { PhuLucError } from "../../engine/errors";
import type { Grid } from "../../engine/grid";
import { mergeWorkbook, type MergeOptions, type TemplateSheet, type UnitInput } from "../../engine/merge";
import { templateSheets, unitInputs } from "../../engine/merge/inputs";
import type { NotMerged } from "../../engine/merge/logSheet";
import { summariseMerge } from "../../engine/merge/summary";
import {
  approvalConflicts,
  approveUnit,
  carryExplanations,
  mergedExplanations,
  receiptsOfUnits,
  receivedUnits,
  recordMerge,
  returnUnit,
  reviewStoreOf,
  sheetReceipt,
  sheetValuesText,
  type Receipt,
  type ReviewStore,
  type SubmissionStatus,
} from "../../engine/review";
import type { FileProgress, MergeOutcome, MergeRequest, ProgressStage, StatusChange, StatusChanged } from "./protocol";

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
  /** The template's own PhuLuc records (a consolidated workbook merged into again keeps them). */
  review: ReviewStore;
  /** The units' files and sheets as received (hash, findings on arrival), and the files' bytes for Trả lại. */
  receipts: Receipt[];
  unitBytes: Map<string, ArrayBuffer>;
  /** Sheets of the template workbook that are a unit's report (their receipt is named by the sheet). */
  unitSheets: string[];
}

/** The pane knows no user name: `by` stays empty, the time says when. */
const now = () => ({ by: "", at: new Date().toISOString() });

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
    const sheetReceipts: Omit<Receipt, "unit">[] = [];
    for (const grid of grids.filter(isUnitSheet)) {
      inputs.push(...unitInputs(grid.name, [grid]).inputs);
      const sha256 = await sha256Hex(new TextEncoder().encode(sheetValuesText(grid)));
      sheetReceipts.push(sheetReceipt(grid, grids, sha256));
    }
    const { readUnitFiles } = await import(/* webpackChunkName: "xlsx-reader" */ "../../adapters/xlsx/readUnitFiles");
    const read = await readUnitFiles(
      request.units.map((unit) => ({ name: unit.name, source: unit.bytes, lastModified: unit.lastModified })),
      { budget },
      (file, stage, message) =>
        progress({ file, stage, fraction: STAGE_FRACTION[stage], message: message?.vi, messageEn: message?.en }),
    );
    inputs.push(...read.inputs);
    const notMerged = read.notMerged;
    const review = reviewStoreOf(grids);
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
      review,
      receipts: receiptsOfUnits(
        [...sheetReceipts, ...read.receipts],
        inputs,
        templates.map((template) => template.table),
      ),
      unitBytes: new Map(request.units.map((unit) => [unit.name, unit.bytes])),
      unitSheets: request.unitSheets,
    };
    this.reopened = [];
    return this.remerge(request.options);
  }

  /** Approved units whose new file the user agreed to take (the CLI's --reopen). */
  private reopened: string[] = [];

  /**
   * Merges again. A new file of an approved unit is left out (its approved figures stay) and asked about
   * (`approvals`) until the user reopens that unit.
   */
  remerge(options: MergeOptions, reopen: string[] = []): MergeOutcome {
    const loaded = this.need();
    this.reopened = [...new Set([...this.reopened, ...reopen])];
    const approvals = approvalConflicts(loaded.review.statuses, loaded.receipts, this.reopened);
    const held = new Set(approvals.map((a) => a.file));
    const inputs = loaded.inputs.filter((input) => !held.has(input.file));
    const result = mergeWorkbook(loaded.templates, inputs, {
      ...options,
      receivedEarlier: receivedUnits(loaded.review.statuses),
    });
    const taken = loaded.receipts.filter((r) => !held.has(r.file));
    const statuses = recordMerge(loaded.review.statuses, result.completeness.expectedUnits, taken, now());
    this.reviewed = {
      ...loaded.review,
      explanations: mergedExplanations(
        loaded.review.explanations,
        carryExplanations(result, inputs),
        result.units.map((u) => u.unit),
      ),
      statuses,
    };
    this.lastOutcome = {
      result,
      notMerged: loaded.notMerged,
      workbookSheets: loaded.workbookSheets,
      summary: summariseMerge(result, loaded.notMerged),
      statuses,
      approvals,
      review: this.reviewed,
    };
    return this.lastOutcome;
  }

  /** The records the consolidated workbook gets: giải trình carried, Tình trạng nộp after this merge. */
  private reviewed?: ReviewStore;

  /** Trả lại or Đã duyệt for one unit: the new statuses, and for Trả lại the unit's feedback workbook. */
  async changeStatus(change: StatusChange): Promise<StatusChanged> {
    const loaded = this.need();
    const reviewed = this.reviewed ?? loaded.review;
    const statuses: SubmissionStatus[] = (change.action === "approve" ? approveUnit : returnUnit)(
      reviewed.statuses,
      change.unit,
      now(),
    );
    let feedback: StatusChanged["feedback"];
    if (change.action === "return") {
      const status = reviewed.statuses.find((s) => s.unit === change.unit)!;
      // A unit's sheet in the open workbook goes back as that sheet alone, out of the workbook's bytes.
      const sheet = status.file && loaded.unitSheets.includes(status.file) ? status.file : undefined;
      const bytes = sheet ? loaded.templateBytes : status.file ? loaded.unitBytes.get(status.file) : undefined;
      if (!bytes) {
        throw new PhuLucError(
          "file-not-found",
          `Tệp “${status.file ?? ""}” của ${change.unit} không có trong lần tổng hợp này; hãy chọn lại tệp đó rồi tổng hợp.`,
          `${change.unit}'s file “${status.file ?? ""}” is not in this merge; choose it again and merge.`,
        );
      }
      const { feedbackWorkbook } = await import(
        /* webpackChunkName: "xlsx-writer" */ "../../adapters/xlsx/feedbackWorkbook"
      );
      const written = await feedbackWorkbook(bytes, status.file!, {}, sheet);
      feedback = { ...written, fileName: sheet ? `PHAN-HOI_${sheet}.xlsx` : `PHAN-HOI_${status.file}` };
    }
    this.reviewed = { ...reviewed, statuses };
    if (this.lastOutcome) this.lastOutcome = { ...this.lastOutcome, statuses, review: this.reviewed };
    return { statuses, review: this.reviewed, ...(feedback ? { feedback } : {}) };
  }

  async write(): Promise<Uint8Array> {
    const loaded = this.need();
    if (!this.lastOutcome) throw new PhuLucError("write-failed", "Chưa có kết quả tổng hợp để ghi.");
    const { writeConsolidated } = await import(
      /* webpackChunkName: "xlsx-writer" */ "../../adapters/xlsx/writeConsolidated"
    );
    return writeConsolidated(loaded.templateBytes, this.lastOutcome.result, {
      notMerged: loaded.notMerged,
      ...(this.reviewed ? { review: this.reviewed } : {}),
    });
  }

  private need(): Loaded {
    if (!this.loaded) throw new PhuLucError("write-failed", "Chưa chọn mẫu và tệp của đơn vị để tổng hợp.");
    return this.loaded;
  }
}
