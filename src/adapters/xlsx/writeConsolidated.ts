/**
 * Writes the consolidated workbook by patching the template's own parts (patch/): the template file itself is
 * never written. Each consolidated sheet's XML is patched in place (rows inserted above Tổng cộng where
 * kinh-phi/dịch vụ công grew, values written with their number formats, Đã duyệt's locks), the
 * `Nhật ký tổng hợp` log sheet put (replacing the template's own), and the review records (PhuLuc,
 * Tình trạng nộp) when given. Every other part (styles, charts, conditional formats, other sheets) is kept
 * as the template has it: exceljs, which wrote this before, loaded and rendered the whole template again —
 * most of a 40 × 300 merge's write (bench/README.md) — and dropped what its model lacks.
 */
import { PhuLucError } from "../../engine/errors";
import { parseA1 } from "../../engine/grid";
import type { MergeResult, SheetPatch } from "../../engine/merge";
import { LOG_SHEET_NAME, logSheetRows, type NotMerged } from "../../engine/merge/logSheet";
import { PROTECTION_ALLOWS, protectionPlan, withProtectedSheets, type ReviewStore } from "../../engine/review";
import { moveCitedRows } from "./patch/citedRows";
import { listSheetXml } from "./patch/listSheet";
import { deflateFiles, WorkbookFile, type ZipFiles } from "./patch/package";
import { putReviewStore } from "./patch/reviewStore";
import { serialDay } from "./patch/serialDay";
import { StylePatch } from "./patch/styles";
import { cannotPatch, UnpatchablePart } from "./patch/unpatchable";
import { WorksheetXml } from "./patch/worksheet";

type Workbook = WorkbookFile<StylePatch>;

const LOG_WIDTHS = [28, 16, 8, 14, 60, 36, 22, 50];

function applyPatch(file: Workbook, sheet: WorksheetXml, patch: SheetPatch): void {
  if (patch.rowChange) sheet.changeRows(patch.rowChange.at, patch.rowChange.delta);
  for (const { row, col, value, numFmt, formula, error } of patch.writes) {
    const date = value instanceof Date;
    const style = numFmt || date ? file.styles.derive(sheet.styleAt(row, col), { numFmt, date }) : undefined;
    const cell = date ? serialDay(value, file.date1904) : value;
    sheet.setCell(row, col, cell, { strings: file.strings, formula, style, error });
  }
}

/** The consolidated sheets' XML, each read once; refused when someone else protected one (per `store`'s records). */
function consolidatedSheets(file: Workbook, result: MergeResult, store?: ReviewStore): Map<string, WorksheetXml> {
  const ours = new Set(store?.protectedSheets ?? []);
  const sheets = new Map<string, WorksheetXml>();
  for (const { sheet: name } of result.sheets) {
    const entry = file.sheet(name);
    if (!entry) {
      throw new PhuLucError(
        "write-failed",
        `Mẫu tổng hợp không có trang tính “${name}”.`,
        `The consolidated template has no sheet “${name}”.`,
      );
    }
    const sheet = new WorksheetXml(file.text(entry.part), entry.name);
    if (sheet.isProtected && !ours.has(name)) {
      throw new PhuLucError(
        "write-failed",
        `Trang “${name}” của mẫu tổng hợp đang được bảo vệ (không phải do PhuLuc) nên PhuLuc không ghi vào được. Hãy mở ` +
          `mẫu trong Excel, bỏ bảo vệ trang (Xem lại → Bỏ bảo vệ Trang tính), lưu lại rồi tổng hợp lại; PhuLuc sẽ tự ` +
          `khoá các ô của đơn vị đã duyệt.`,
        `Sheet “${name}” of the consolidated template is protected (not by PhuLuc), so PhuLuc cannot write to it. Open ` +
          `the template in Excel, unprotect the sheet (Review → Unprotect Sheet), save it and merge again; PhuLuc locks ` +
          `the approved units' cells itself.`,
      );
    }
    sheets.set(name, sheet);
  }
  return sheets;
}

/**
 * Đã duyệt (engine/review/protection.ts says which cells and why no password): the approved units' cells locked
 * and the sheet protected, as the pane does in the open workbook (adapters/excel/protection.ts). Locks are set on
 * derived styles (StylePatch.derive), never on the template's, which other sheets' cells share. Returns the
 * records with the sheets PhuLuc protects.
 */
function protectApproved(
  file: Workbook,
  sheets: Map<string, WorksheetXml>,
  result: MergeResult,
  store: ReviewStore,
): ReviewStore {
  const plans = protectionPlan(result, store);
  const locked = (locked: boolean) => (s: number) => file.styles.derive(s, { locked });
  for (const plan of plans) {
    const sheet = sheets.get(plan.sheet)!;
    if (!plan.protect) {
      // No approved unit left: PhuLuc's protection lifted (the cells' Locked format no longer matters).
      if (plan.ours) sheet.unprotect();
      continue;
    }
    // The first time, every cell unlocked (Excel locks every cell by default) so the rest stays editable.
    if (!plan.ours) sheet.mapStyles(locked(false));
    for (const [cells, lock] of [
      [plan.unlock, false],
      [plan.lock, true],
    ] as const) {
      for (const address of cells) {
        const at = parseA1(address);
        if (at) sheet.setStyle(at.row, at.col, locked(lock)(sheet.styleAt(at.row, at.col)));
      }
    }
    sheet.protect({ ...PROTECTION_ALLOWS, selectLockedCells: true, selectUnlockedCells: true });
  }
  return withProtectedSheets(store, plans);
}

export interface ConsolidatedWrite {
  notMerged?: NotMerged[];
  /** The review records after this merge (giải trình carried, Tình trạng nộp updated): PhuLuc + Tình trạng nộp sheets. */
  review?: ReviewStore;
  /** Zips the written parts: fflate's deflate unless the caller has a faster one (the CLI: Node's zlib). */
  zip?: (files: ZipFiles) => Uint8Array;
}

/** Throws a PhuLucError (bad-template) naming the part of the template a patch cannot rewrite. */
export async function writeConsolidated(
  template: Uint8Array | ArrayBuffer,
  result: MergeResult,
  options: ConsolidatedWrite = {},
): Promise<Uint8Array> {
  try {
    return await patched(template instanceof Uint8Array ? template : new Uint8Array(template), result, options);
  } catch (error) {
    if (!(error instanceof UnpatchablePart)) throw error;
    throw cannotPatch(
      error,
      "bad-template",
      { vi: "Mẫu tổng hợp", en: "The consolidated template" },
      { vi: "tổng hợp lại", en: "merge again" },
    );
  }
}

async function patched(bytes: Uint8Array, result: MergeResult, options: ConsolidatedWrite): Promise<Uint8Array> {
  const file = await WorkbookFile.open(bytes, (xml) => new StylePatch(xml));
  const sheets = consolidatedSheets(file, result, options.review);
  for (const merged of result.sheets) applyPatch(file, sheets.get(merged.sheet)!, merged.patch);
  // The approved units' cells locked first: the records then say which sheets PhuLuc protects.
  const review = options.review && protectApproved(file, sheets, result, options.review);
  for (const [name, sheet] of sheets) file.setText(file.sheet(name)!.part, sheet.toXml());
  // Then what cites their moved rows from other parts (notes, drawings, defined names, charts, other sheets).
  for (const { sheet, patch } of result.sheets) if (patch.rowChange) moveCitedRows(file, sheet, patch.rowChange);
  // Cells moved and formulas changed: Excel rebuilds its calculation chain rather than trust a stale one.
  if (sheets.size > 0) file.dropCalcChain();
  // A formula whose result PhuLuc could not compute (merge/sheetBuilder.ts) is written without one: Excel computes it.
  if (result.sheets.some(({ patch }) => patch.writes.some((w) => w.formula && w.value === null && !w.error)))
    file.calculateOnLoad();
  const log = logSheetRows(result.log, options.notMerged ?? []);
  file.putSheet(
    LOG_SHEET_NAME,
    listSheetXml(log, { strings: file.strings, styles: file.styles, header: true, widths: LOG_WIDTHS }),
  );
  if (review) putReviewStore(file, review);
  return (options.zip ?? deflateFiles)(file.files());
}
