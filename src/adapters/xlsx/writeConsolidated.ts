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
import { parseA1, type CellValue } from "../../engine/grid";
import type { MergeResult, SheetPatch } from "../../engine/merge";
import { LOG_SHEET_NAME, logSheetRows, type NotMerged } from "../../engine/merge/logSheet";
import {
  PROTECTION_ALLOWS,
  REVIEW_SHEET_NAME,
  STATUS_SHEET_NAME,
  protectionPlan,
  reviewSheetRows,
  statusSheetRows,
  withProtectedSheets,
  type ReviewStore,
} from "../../engine/review";
import { moveCitedRows } from "./patch/citedRows";
import { listSheetXml } from "./patch/listSheet";
import { deflateFiles, WorkbookFile, type ZipFiles } from "./patch/package";
import { StylePatch } from "./patch/styles";
import { WorksheetXml } from "./patch/worksheet";

type Workbook = WorkbookFile<StylePatch>;

const LOG_WIDTHS = [28, 16, 8, 14, 60, 36, 22, 50];
const STATUS_WIDTHS = [14, 12, 28, 18, 66, 6, 9, 13, 18, 18];

/** A date as Excel's serial day (exceljs' dateToExcel): the 1900 system, or 1904's 1,462 days later. */
function serial(date: Date, date1904: boolean): number {
  return date.getTime() / 86_400_000 + 25569 - (date1904 ? 1462 : 0);
}

function applyPatch(file: Workbook, sheet: WorksheetXml, patch: SheetPatch): void {
  if (patch.rowChange) sheet.changeRows(patch.rowChange.at, patch.rowChange.delta);
  for (const { row, col, value, numFmt, formula } of patch.writes) {
    const style = numFmt ? file.styles.derive(sheet.styleAt(row, col), { numFmt }) : undefined;
    const cell = value instanceof Date ? serial(value, file.date1904) : value;
    sheet.setCell(row, col, cell, { strings: file.strings, formula, style });
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
    const sheet = new WorksheetXml(file.text(entry.part));
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

/** The very hidden PhuLuc records sheet, and Tình trạng nộp when there are statuses (else a stale one removed). */
function putReviewStore(file: Workbook, store: ReviewStore): void {
  const common = { strings: file.strings, styles: file.styles };
  const records = reviewSheetRows(store).map((row) => row.map((value) => recordValue(value, file.date1904)));
  // Text stays text when someone's Excel reopens it (`=…`, a date-like time, a long hash).
  file.putSheet(REVIEW_SHEET_NAME, listSheetXml(records, { ...common, textFormat: true }), "veryHidden");
  if (store.statuses.length === 0) {
    if (file.sheet(STATUS_SHEET_NAME)) file.removeSheet(STATUS_SHEET_NAME);
  } else {
    file.putSheet(
      STATUS_SHEET_NAME,
      listSheetXml(statusSheetRows(store.statuses), { ...common, header: true, widths: STATUS_WIDTHS }),
    );
  }
}

/** A record's field as a list sheet cell: a date as its serial, TRUE/FALSE as the words Excel shows. */
function recordValue(value: CellValue, date1904: boolean): string | number | null {
  if (value instanceof Date) return serial(value, date1904);
  return typeof value === "boolean" ? String(value).toUpperCase() : value;
}

export async function writeConsolidated(
  template: Uint8Array | ArrayBuffer,
  result: MergeResult,
  options: {
    notMerged?: NotMerged[];
    /** The review records after this merge (giải trình carried, Tình trạng nộp updated): PhuLuc + Tình trạng nộp sheets. */
    review?: ReviewStore;
    /** Zips the written parts: fflate's deflate unless the caller has a faster one (the CLI: Node's zlib). */
    zip?: (files: ZipFiles) => Uint8Array;
  } = {},
): Promise<Uint8Array> {
  const bytes = template instanceof Uint8Array ? template : new Uint8Array(template);
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
  const log = logSheetRows(result.log, options.notMerged ?? []);
  file.putSheet(
    LOG_SHEET_NAME,
    listSheetXml(log, { strings: file.strings, styles: file.styles, header: true, widths: LOG_WIDTHS }),
  );
  if (review) putReviewStore(file, review);
  return (options.zip ?? deflateFiles)(file.files());
}
