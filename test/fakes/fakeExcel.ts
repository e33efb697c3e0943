/**
 * A fake Excel for adapter, component and browser tests, strict where the Office.js documentation is strict.
 * Each behaviour below cites where it is documented ("typings" = @types/office-js index.d.ts, the reference's
 * source; "limits" = learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization):
 *
 * - Batching: proxies queue loads and writes; nothing is read or written until `context.sync()`; reading a
 *   property that was not loaded and synced throws PropertyNotLoaded (application-specific-api-model.md, "load").
 * - A failing command stops the batch, and the commands queued before it STAY APPLIED: the Excel JS API has no
 *   rollback (excel-add-ins-error-handling: "any operations that were queued before the error are executed").
 * - `Range.values`: text starting with "=", "+" or "-" becomes a formula unless the cell's number format is "@"
 *   (typings, Range.values: "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="),
 *   Excel interprets this value as a formula").
 * - `getMergedAreasOrNullObject` fails when the range holds more than 512 merged areas (typings: "if the merged
 *   areas count in this range is more than 512, then this method will fail to return the result").
 * - Web profile: a request or a response over 5 MB fails with RichApi.Error (limits: "Excel on the web has a
 *   payload size limit for requests and responses of 5MB").
 * - Settings live in the document: every runtime (task pane, ribbon function file) sees the same values at its
 *   next sync (workbook.settings, ExcelApi 1.4).
 * - `WorksheetChangedEventArgs.triggerSource` exists from ExcelApi 1.14 (typings): a profile below that delivers
 *   change events without it.
 * - Conditional formats (ExcelApi 1.6, RangeAreas/getRanges 1.9) are drawn over the cell's own fill, top
 *   priority first; `stopIfTrue` hides the lower ones (typings, ConditionalFormat.stopIfTrue / priority).
 * - `Worksheet.visibility` is "Visible", "Hidden" or "VeryHidden" (typings, Excel.SheetVisibility; "ExcelApi 1.1 for
 *   reading visibility; 1.2 for setting it"); a new sheet is visible. Any other value is refused.
 * - Inserting or deleting whole rows moves cells, merges, hidden rows, conditional formats and references.
 * - Sheet protection (ExcelApi 1.2): `Worksheet.protection.protected` loads; `protect(options, password)` "Fails if
 *   the worksheet has already been protected" (typings, WorksheetProtection.protect; the code is not documented:
 *   InvalidOperation here); `unprotect(password)` lifts it, a wrong password fails (InvalidArgument, as the typings
 *   say of `pauseProtection`'s). Every cell is locked unless its format says otherwise (`RangeFormat.protection
 *   .locked`, FormatProtection; Excel's default, support.microsoft.com "Lock or unlock specific areas of a
 *   protected worksheet": "By default, all cells on a worksheet are locked"); locking only matters once the sheet
 *   is protected. On a protected sheet, writing values or formulas into a locked cell fails with AccessDenied (the
 *   typings document AccessDenied for every write refused by "worksheet protection is enabled and not paused",
 *   e.g. WorksheetProtection.updateOptions; Microsoft Graph's Excel API, the same engine, answers AccessDenied to a
 *   range write over a locked cell: microsoftgraph/microsoft-graph-docs#4546), number formats need
 *   `allowFormatCells`, inserting/deleting rows `allowInsertRows`/`allowDeleteRows` (WorksheetProtectionOptions),
 *   and changing a cell's `locked` fails (Excel's Format Cells › Protection is disabled on a protected sheet).
 * Only what PhuLuc calls is implemented; anything else throws, so the fake cannot silently drift.
 */
import { a1, parseA1, type CellRange, type Grid } from "../../src/engine/grid";
import { payloadBytes } from "../../src/adapters/excel/payload";
import { evaluate, shiftFormula, type FormulaResult } from "./excelFormulas";

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor: string | null;
  /** -1 (darker) … 1 (lighter); Excel keeps it apart from the colour (RangeFill.tintAndShade, ExcelApi 1.9). */
  tintAndShade?: number;
}

export interface FakeCell {
  value?: string | number | boolean;
  /** Formula text with its leading "=". */
  formula?: string;
  numberFormat?: string;
  /** RangeFormat.protection.locked; absent: the sheet's default (Excel: locked). */
  locked?: boolean;
  /** Error code shown in the cell (#REF!…); the cell's value is then this code, as Office.js reports it. */
  error?: string;
  fill?: FakeFill;
}

/** A custom conditional format: where it applies, its formula, the fill it draws. */
export interface FakeConditionalFormat {
  id: string;
  formula: string;
  fill?: string;
  stopIfTrue: boolean;
  areas: CellRange[];
}

export interface FakeSheet {
  name: string;
  /** Keyed by A1 address. */
  cells: Record<string, FakeCell>;
  merges: CellRange[];
  hiddenRows: number[];
  /** Highest priority first. */
  conditionalFormats?: FakeConditionalFormat[];
  /** Absent: "Visible" (Excel.SheetVisibility). */
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** Present while the sheet is protected: its options (and password, if one was given). */
  protection?: { options: Excel.WorksheetProtectionOptions; password?: string };
  /** The Locked format of every cell without its own (set on the whole sheet); absent: true, Excel's default. */
  locked?: boolean;
}

/** What a workbook file keeps: cells, fills, and the add-in's settings (saved as JSON, like Excel does). */
export interface FakeWorkbookFile {
  sheets: FakeSheet[];
  activeSheet: string;
  settings: Record<string, string>;
  selection?: { sheet: string; address: string };
}

/** Which Excel is imitated: Excel on the web enforces the 5 MB payload limit; `api` is the ExcelApi 1.x minor. */
export interface FakeProfile {
  platform: "desktop" | "web";
  api: number;
}

export const DESKTOP: FakeProfile = { platform: "desktop", api: 17 };
export const WEB: FakeProfile = { platform: "web", api: 17 };
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const MAX_MERGED_AREAS = 512;

export const NO_FILL: FakeFill = { color: "#FFFFFF", pattern: "None", patternColor: null };

/** What RichApi.Error carries: a code (Excel.ErrorCodes) and a message. */
export class FakeRichApiError extends Error {
  readonly name = "RichApi.Error";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export interface FakeChangeEvent {
  worksheetId: string;
  address: string;
  changeType: string;
  source: "Local";
  /** Only from ExcelApi 1.14. */
  triggerSource?: "ThisLocalAddin" | "Unknown";
}

/**
 * A fault to imitate: the next batch that writes values into `sheet` fails at that write (GeneralException),
 * once — e.g. the connection to Excel on the web dropping midway through an apply.
 */
const faults = new WeakMap<FakeWorkbookFile, string[]>();
export function failNextWrite(file: FakeWorkbookFile, sheet: string): void {
  faults.set(file, [...(faults.get(file) ?? []), sheet]);
}
function takeFault(file: FakeWorkbookFile, sheet: string): boolean {
  const pending = faults.get(file) ?? [];
  const i = pending.indexOf(sheet);
  if (i < 0) return false;
  pending.splice(i, 1);
  return true;
}

type Listener<E> = (event: E) => Promise<unknown> | void;

/** Event subscribers of one open workbook, shared by every runtime (pane, ribbon) that has it open. */
class Events {
  readonly changed = new Set<Listener<FakeChangeEvent>>();
  readonly activated = new Set<Listener<{ worksheetId: string }>>();
}
const eventsOf = new WeakMap<FakeWorkbookFile, Events>();
function events(file: FakeWorkbookFile): Events {
  let e = eventsOf.get(file);
  if (!e) eventsOf.set(file, (e = new Events()));
  return e;
}

/** The user types in a cell (not the add-in): the cell changes and change events fire with triggerSource Unknown. */
export function userEdit(file: FakeWorkbookFile, sheet: string, address: string, cell: FakeCell, profile = DESKTOP) {
  const target = file.sheets.find((s) => s.name === sheet)!;
  // Excel refuses to let the user type into a locked cell of a protected sheet (it shows a message; nothing changes).
  if (target.protection && isLocked(target, address)) {
    throw new FakeRichApiError("AccessDenied", `${sheet}!${address} is locked on a protected sheet`);
  }
  target.cells[address] = { ...target.cells[address], ...cell };
  recalculate(file);
  emitChange(file, profile, sheet, address, "Unknown");
}

/**
 * The user inserts whole rows above 1-based row `at` (Home › Insert Sheet Rows): cells, merges, hidden rows,
 * conditional formats and references move down, and onChanged fires with changeType "RowInserted"
 * (Excel.DataChangeType, typings) and triggerSource Unknown.
 */
export function userInsertRows(file: FakeWorkbookFile, sheet: string, at: number, count: number, profile = DESKTOP) {
  const target = file.sheets.find((s) => s.name === sheet)!;
  shiftRows(file, target, at - 1, count);
  recalculate(file);
  emitChange(file, profile, sheet, `${at}:${at + count - 1}`, "Unknown", "RowInserted");
}

/** The user clicks another sheet's tab: it becomes active and onActivated fires (WorksheetCollection.onActivated, ExcelApi 1.7). */
export function userActivate(file: FakeWorkbookFile, sheet: string) {
  file.activeSheet = file.sheets.find((s) => s.name === sheet)!.name;
  for (const listener of events(file).activated) void listener({ worksheetId: sheet });
}

function emitChange(
  file: FakeWorkbookFile,
  profile: FakeProfile,
  sheet: string,
  address: string,
  trigger: "ThisLocalAddin" | "Unknown",
  changeType = "RangeEdited",
) {
  const event: FakeChangeEvent = { worksheetId: sheet, address, changeType, source: "Local" };
  if (profile.api >= 14) event.triggerSource = trigger;
  for (const listener of events(file).changed) void listener(event);
}

type Op = () => void;

export class FakeContext {
  syncCount = 0;
  private queue: Op[] = [];
  /** Bytes of the current batch's writes and of its loaded results (for the web profile's limits). */
  requestBytes = 0;
  responseBytes = 0;
  readonly workbook: FakeWorkbook;
  /** Sheets whose cells the current batch changed (change events fire after the sync). */
  private touched = new Set<string>();
  constructor(
    readonly file: FakeWorkbookFile,
    readonly profile: FakeProfile = DESKTOP,
  ) {
    this.workbook = new FakeWorkbook(this);
  }
  enqueue(op: Op, requestBytes = 0): void {
    this.queue.push(op);
    this.requestBytes += requestBytes;
  }
  touch(sheet: string): void {
    this.touched.add(sheet);
  }
  async sync(): Promise<void> {
    this.syncCount++;
    const ops = this.queue;
    const request = this.requestBytes;
    this.queue = [];
    this.requestBytes = 0;
    this.responseBytes = 0;
    this.touched.clear();
    if (this.profile.platform === "web" && request > PAYLOAD_LIMIT) {
      throw new FakeRichApiError("RequestPayloadSizeLimitExceeded", `the request is ${request} bytes (limit 5 MB)`);
    }
    try {
      for (const op of ops) op();
    } finally {
      recalculate(this.file);
      for (const sheet of this.touched) emitChange(this.file, this.profile, sheet, "A1", "ThisLocalAddin");
    }
    if (this.profile.platform === "web" && this.responseBytes > PAYLOAD_LIMIT) {
      throw new FakeRichApiError(
        "ResponsePayloadSizeLimitExceeded",
        `the response is ${this.responseBytes} bytes (limit 5 MB)`,
      );
    }
  }
  sheet(name: string): FakeSheet {
    const sheet = this.file.sheets.find((s) => s.name === name);
    if (!sheet) throw new FakeRichApiError("ItemNotFound", `worksheet "${name}"`);
    return sheet;
  }
}

/** Saving and reopening the file: only what a .xlsx keeps survives (a deep copy through JSON). */
export function reopen(file: FakeWorkbookFile, profile: FakeProfile = DESKTOP): FakeContext {
  return new FakeContext(JSON.parse(JSON.stringify(file)) as FakeWorkbookFile, profile);
}

export function fakeContext(
  file: FakeWorkbookFile,
  profile: FakeProfile = DESKTOP,
): { context: Excel.RequestContext; fake: FakeContext } {
  const fake = new FakeContext(file, profile);
  return { context: fake as unknown as Excel.RequestContext, fake };
}

/* ---------------------------------------------------------------- calculation */

function cellResult(cell: FakeCell | undefined): FormulaResult | undefined {
  if (!cell) return undefined;
  if (cell.error) return { error: cell.error };
  if (typeof cell.value === "number") return { value: cell.value };
  return undefined;
}

/** Recalculates every formula cell (Excel's automatic calculation), in dependency order by repetition. */
export function recalculate(file: FakeWorkbookFile): void {
  for (const sheet of file.sheets) {
    const formulaCells = Object.values(sheet.cells).filter((c) => c.formula);
    for (let pass = 0; pass < 4 && formulaCells.length; pass++) {
      for (const cell of formulaCells) {
        const result = evaluate(cell.formula!, (r, c) => cellResult(sheet.cells[a1(r, c)]));
        if ("error" in result) {
          cell.error = result.error;
          cell.value = result.error;
        } else {
          delete cell.error;
          cell.value = result.value;
        }
      }
    }
  }
}

/* ---------------------------------------------------------------- proxies */

abstract class FakeClientObject {
  private loaded = new Map<string, unknown>();
  private nullKnown = false;
  private isNull = false;
  constructor(protected readonly ctx: FakeContext) {}
  /** Resolved at sync time; null for a null object. */
  protected abstract resolve(): unknown;
  protected abstract read(property: string, resolved: unknown): unknown;

  load(properties: string | string[]): this {
    const list = Array.isArray(properties) ? properties : properties.split(",").map((p) => p.trim());
    this.ctx.enqueue(() => {
      const resolved = this.resolve();
      this.nullKnown = true;
      this.isNull = resolved === null;
      if (resolved === null) return;
      for (const p of list) {
        const value = this.read(p, resolved);
        this.ctx.responseBytes += payloadBytes(value);
        this.loaded.set(p, value);
      }
    });
    return this;
  }
  get isNullObject(): boolean {
    if (!this.nullKnown) throw new FakeRichApiError("PropertyNotLoaded", "isNullObject (load and sync first)");
    return this.isNull;
  }
  protected get(property: string): never {
    if (!this.loaded.has(property))
      throw new FakeRichApiError("PropertyNotLoaded", `${property} (load and sync first)`);
    return this.loaded.get(property) as never;
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly settings: FakeSettings;
  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
    this.settings = new FakeSettings(ctx);
  }
}

class FakeEvent<E> {
  constructor(
    private readonly ctx: FakeContext,
    private readonly set: Set<Listener<E>>,
  ) {}
  add(handler: Listener<E>) {
    this.ctx.enqueue(() => this.set.add(handler));
    return {
      context: this.ctx,
      remove: () => this.ctx.enqueue(() => this.set.delete(handler)),
    };
  }
}

class FakeWorksheets extends FakeClientObject {
  readonly onChanged: FakeEvent<FakeChangeEvent>;
  readonly onActivated: FakeEvent<{ worksheetId: string }>;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.onChanged = new FakeEvent(ctx, events(ctx.file).changed);
    this.onActivated = new FakeEvent(ctx, events(ctx.file).activated);
  }
  protected resolve() {
    return this.ctx.file.sheets;
  }
  protected read(property: string, sheets: FakeSheet[]) {
    if (property !== "items/name") throw new Error(`fake: unsupported load ${property}`);
    return sheets.map((s) => ({ name: s.name }));
  }
  get items(): { name: string }[] {
    return this.get("items/name");
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.file.activeSheet);
  }
  getItem(name: string): FakeWorksheet {
    // Like Office.js, a missing sheet fails at sync, not here.
    this.ctx.enqueue(() => void this.ctx.sheet(name));
    return new FakeWorksheet(this.ctx, () => name);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => name, true);
  }
  add(name: string): FakeWorksheet {
    this.ctx.enqueue(() => {
      if (this.ctx.file.sheets.some((s) => s.name === name)) {
        throw new FakeRichApiError("ItemAlreadyExists", `worksheet "${name}"`);
      }
      this.ctx.file.sheets.push({ name, cells: {}, merges: [], hiddenRows: [] });
    });
    return new FakeWorksheet(this.ctx, () => name);
  }
}

class FakeWorksheet extends FakeClientObject {
  readonly freezePanes = {
    freezeRows: (count: number) => {
      if (!(count >= 0)) throw new FakeRichApiError("InvalidArgument", `freezeRows(${count})`);
      this.ctx.enqueue(() => void this.sheet());
    },
  };
  readonly protection: FakeWorksheetProtection;
  constructor(
    ctx: FakeContext,
    private readonly sheetName: () => string,
    private readonly orNull = false,
  ) {
    super(ctx);
    this.protection = new FakeWorksheetProtection(ctx, () => this.sheet());
  }
  private sheet(): FakeSheet {
    return this.ctx.sheet(this.sheetName());
  }
  protected resolve() {
    if (this.orNull) return this.ctx.file.sheets.find((s) => s.name === this.sheetName()) ?? null;
    return this.sheet();
  }
  protected read(property: string, sheet: FakeSheet) {
    if (property === "visibility") return sheet.visibility ?? "Visible";
    if (property !== "name") throw new Error(`fake: unsupported load ${property}`);
    return sheet.name;
  }
  get name(): string {
    return this.get("name");
  }
  get visibility(): string {
    return this.get("visibility");
  }
  /** Typings: `visibility: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden"` (set from ExcelApi 1.2). */
  set visibility(visibility: string) {
    if (this.ctx.profile.api < 2) throw new Error("fake: Worksheet.visibility is set from ExcelApi 1.2");
    this.ctx.enqueue(() => {
      if (visibility !== "Visible" && visibility !== "Hidden" && visibility !== "VeryHidden") {
        throw new FakeRichApiError("InvalidArgument", `visibility ${visibility}`);
      }
      this.sheet().visibility = visibility;
    });
  }
  activate(): void {
    this.ctx.enqueue(() => {
      this.ctx.file.activeSheet = this.sheet().name;
    });
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const sheet = this.sheet();
      this.ctx.file.sheets = this.ctx.file.sheets.filter((s) => s !== sheet);
    });
  }
  getRange(address?: string): FakeRange {
    const rect = address === undefined ? WHOLE_SHEET : parseRangeAddress(address);
    return new FakeRange(this.ctx, this.sheetName, () => rect);
  }
  /** Worksheet.getRangeByIndexes (ExcelApi 1.7). */
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    const rect = { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 };
    return new FakeRange(this.ctx, this.sheetName, () => rect);
  }
  /** RangeAreas over "D15, C15:C16" (ExcelApi 1.9). */
  getRanges(address: string): FakeRangeAreas {
    const areas = address.split(",").map((part) => parseRangeAddress(part.trim()));
    return new FakeRangeAreas(this.ctx, this.sheetName, () => areas);
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== true) throw new Error("fake: PhuLuc reads getUsedRange(true) only");
    return new FakeRange(this.ctx, this.sheetName, () => usedArea(this.sheet()));
  }
}

const WHOLE_SHEET: CellRange = { top: 0, left: 0, bottom: 1_048_575, right: 16_383 };

/** "A1", "A1:C3" or a row band "1:5000" (all columns). */
function parseRangeAddress(address: string): CellRange {
  const band = /^(\d+):(\d+)$/.exec(address);
  if (band) return { top: Number(band[1]) - 1, bottom: Number(band[2]) - 1, left: 0, right: 16383 };
  const [from, to = from] = address.split(":");
  const start = parseA1(from);
  const end = parseA1(to);
  if (!start || !end) throw new FakeRichApiError("InvalidArgument", `bad address ${address}`);
  return { top: start.row, left: start.col, bottom: end.row, right: end.col };
}

function hasContent(cell: FakeCell): boolean {
  return cell.value !== undefined || cell.formula !== undefined || cell.error !== undefined;
}

/** Excel's used range with valuesOnly: the bounding box of cells with content; A1 for an empty sheet. */
function usedArea(sheet: FakeSheet): CellRange {
  let area: CellRange | undefined;
  for (const [address, cell] of Object.entries(sheet.cells)) {
    if (!hasContent(cell)) continue;
    const { row, col } = parseA1(address)!;
    area = area
      ? {
          top: Math.min(area.top, row),
          left: Math.min(area.left, col),
          bottom: Math.max(area.bottom, row),
          right: Math.max(area.right, col),
        }
      : { top: row, left: col, bottom: row, right: col };
  }
  return area ?? { top: 0, left: 0, bottom: 0, right: 0 };
}

function intersect(a: CellRange, b: CellRange): CellRange | null {
  const r = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

function matrix<T>(rect: CellRange, fn: (row: number, col: number) => T): T[][] {
  return Array.from({ length: rect.bottom - rect.top + 1 }, (_, r) =>
    Array.from({ length: rect.right - rect.left + 1 }, (_, c) => fn(rect.top + r, rect.left + c)),
  );
}

function areaAddress(sheet: string, areas: CellRange[]): string {
  const quoted = /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return areas
    .map(
      (a) => `${quoted}!${a1(a.top, a.left)}${a.bottom > a.top || a.right > a.left ? `:${a1(a.bottom, a.right)}` : ""}`,
    )
    .join(", ");
}

function cellCount(areas: CellRange[]): number {
  return areas.reduce((n, a) => n + (a.bottom - a.top + 1) * (a.right - a.left + 1), 0);
}

/** A cell's Locked format: its own, else the sheet's, else Excel's default (locked). */
export function isLocked(sheet: FakeSheet, address: string): boolean {
  return sheet.cells[address]?.locked ?? sheet.locked ?? true;
}

/** Whether any cell of `rect` is locked (the whole sheet's cells without a format of their own count once). */
function anyLocked(sheet: FakeSheet, rect: CellRange): boolean {
  const area = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
  const own = Object.entries(sheet.cells).filter(([address]) => intersect(rect, cellRect(address)));
  if (own.some(([, cell]) => cell.locked ?? sheet.locked ?? true)) return true;
  return own.length < area && (sheet.locked ?? true);
}

function cellRect(address: string): CellRange {
  const { row, col } = parseA1(address)!;
  return { top: row, left: col, bottom: row, right: col };
}

/** The refusal of an edit a protected sheet does not allow (Excel.ErrorCodes.accessDenied). */
function refuseOnProtected(sheet: FakeSheet, what: string): never {
  throw new FakeRichApiError("AccessDenied", `${what} on the protected sheet "${sheet.name}"`);
}

/** Moves everything at or below row `at` by `count` rows (negative: rows at..at-count-1 are deleted). */
function shiftRows(file: FakeWorkbookFile, sheet: FakeSheet, at: number, count: number): void {
  const moveRow = (row: number): number | undefined =>
    row < at ? row : count > 0 ? row + count : row < at - count ? undefined : row + count;
  const cells: Record<string, FakeCell> = {};
  for (const [address, cell] of Object.entries(sheet.cells)) {
    const { row, col } = parseA1(address)!;
    const moved = moveRow(row);
    if (moved !== undefined) cells[a1(moved, col)] = cell;
  }
  sheet.cells = cells;
  const moveArea = (a: CellRange): CellRange | null => {
    const top = a.top >= at ? (moveRow(a.top) ?? at) : a.top;
    const bottom = moveRow(a.bottom) ?? at - 1;
    return bottom < top ? null : { ...a, top, bottom };
  };
  sheet.merges = sheet.merges.map(moveArea).filter((a): a is CellRange => a !== null);
  sheet.hiddenRows = sheet.hiddenRows.map(moveRow).filter((r): r is number => r !== undefined);
  for (const cf of sheet.conditionalFormats ?? []) {
    cf.areas = cf.areas.map(moveArea).filter((a): a is CellRange => a !== null);
  }
  sheet.conditionalFormats = sheet.conditionalFormats?.filter((cf) => cf.areas.length > 0);
  // References on this sheet follow the rows (references from other sheets are not modelled).
  for (const cell of Object.values(sheet.cells)) if (cell.formula) cell.formula = shiftFormula(cell.formula, at, count);
  void file;
}

/** What the user sees in a cell: the first applying conditional format's fill, else the cell's own. */
export function displayedFill(sheet: FakeSheet, address: string): FakeFill {
  const at = parseA1(address)!;
  const own = sheet.cells[address]?.fill ?? NO_FILL;
  for (const cf of sheet.conditionalFormats ?? []) {
    if (!cf.areas.some((a) => at.row >= a.top && at.row <= a.bottom && at.col >= a.left && at.col <= a.right)) continue;
    const result = evaluate(cf.formula, (r, c) => cellResult(sheet.cells[a1(r, c)]));
    const applies = ("value" in result && result.value !== 0) || /^=TRUE$|^=ISTEXT\("/i.test(cf.formula);
    if (!applies) continue;
    if (cf.fill) return { color: cf.fill, pattern: "Solid", patternColor: null };
    if (cf.stopIfTrue) break;
  }
  return own;
}

let nextCfId = 1;

class FakeRange extends FakeClientObject {
  readonly format: { fill: FakeRangeFill; font: { bold: boolean }; protection: FakeFormatProtection };
  constructor(
    ctx: FakeContext,
    readonly sheetName: () => string,
    readonly rect: () => CellRange | null,
  ) {
    super(ctx);
    const sheet = () => this.sheet();
    this.format = {
      fill: new FakeRangeFill(ctx, this),
      protection: new FakeFormatProtection(ctx, this),
      font: {
        set bold(_: boolean) {
          ctx.enqueue(() => void sheet());
        },
        get bold(): boolean {
          throw new Error("fake: PhuLuc never reads font.bold");
        },
      },
    };
  }
  sheet(): FakeSheet {
    return this.ctx.sheet(this.sheetName());
  }
  protected resolve() {
    return this.rect();
  }
  cellAt(row: number, col: number): FakeCell | undefined {
    return this.sheet().cells[a1(row, col)];
  }
  protected read(property: string, rect: CellRange) {
    switch (property) {
      case "rowIndex":
        return rect.top;
      case "columnIndex":
        return rect.left;
      case "rowCount":
        return rect.bottom - rect.top + 1;
      case "columnCount":
        return rect.right - rect.left + 1;
      case "address":
        return areaAddress(this.sheetName(), [rect]);
      case "values":
        return matrix(rect, (r, c) => {
          const cell = this.cellAt(r, c);
          return cell?.error ?? cell?.value ?? "";
        });
      case "formulas":
        return matrix(rect, (r, c) => {
          const cell = this.cellAt(r, c);
          return cell?.formula ?? cell?.error ?? cell?.value ?? "";
        });
      case "numberFormat":
        return matrix(rect, (r, c) => this.cellAt(r, c)?.numberFormat ?? "General");
      case "valueTypes":
        return matrix(rect, (r, c) => {
          const cell = this.cellAt(r, c);
          if (cell?.error) return "Error";
          const v = cell?.value;
          if (v === undefined || v === "") return "Empty";
          if (typeof v === "number") return Number.isInteger(v) ? "Integer" : "Double";
          return typeof v === "boolean" ? "Boolean" : "String";
        });
      default:
        throw new Error(`fake: unsupported load ${property}`);
    }
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get address(): string {
    return this.get("address");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  private writeCells(
    values: unknown[][],
    put: (cell: FakeCell, value: unknown) => FakeCell,
    kind: "content" | "format" = "content",
  ): void {
    this.ctx.enqueue(() => {
      const rect = this.rect();
      if (!rect) throw new FakeRichApiError("InvalidArgument", "write to a null range");
      const sheet = this.sheet();
      if (sheet.protection) {
        const refused = kind === "content" ? anyLocked(sheet, rect) : !sheet.protection.options.allowFormatCells;
        if (refused) refuseOnProtected(sheet, `writing ${kind} into locked cells`);
      }
      const rows = rect.bottom - rect.top + 1;
      const cols = rect.right - rect.left + 1;
      if (values.length !== rows || values.some((row) => row.length !== cols)) {
        // Office.js: "The number of rows or columns in the input array doesn't match the size of the range."
        throw new FakeRichApiError("InvalidArgument", "the input array doesn't match the size of the range");
      }
      if (takeFault(this.ctx.file, this.sheetName())) {
        throw new FakeRichApiError("GeneralException", "the connection to Excel was lost (injected fault)");
      }
      const cells = this.sheet().cells;
      values.forEach((row, r) =>
        row.forEach((value, c) => {
          const address = a1(rect.top + r, rect.left + c);
          cells[address] = put({ ...cells[address] }, value);
        }),
      );
      this.ctx.touch(this.sheetName());
    }, payloadBytes(values));
  }
  /** Typings, Range.values: text starting with "=", "+" or "-" is taken as a formula unless the cell is text ("@"). */
  set values(values: unknown[][]) {
    this.writeCells(values, (cell, value) => {
      delete cell.formula;
      delete cell.error;
      if (typeof value === "string" && /^[=+-]/.test(value) && cell.numberFormat !== "@") {
        cell.formula = value.startsWith("=") ? value : `=${value}`;
        delete cell.value;
      } else if (value === "" || value === null) delete cell.value;
      else cell.value = value as FakeCell["value"];
      return cell;
    });
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(formulas: unknown[][]) {
    this.writeCells(formulas, (cell, value) => {
      delete cell.error;
      if (typeof value === "string" && value.startsWith("=")) {
        cell.formula = value;
        delete cell.value;
      } else {
        delete cell.formula;
        if (value === "" || value === null) delete cell.value;
        else cell.value = value as FakeCell["value"];
      }
      return cell;
    });
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  set numberFormat(formats: unknown[][]) {
    this.writeCells(formats, (cell, numberFormat) => ({ ...cell, numberFormat: numberFormat as string }), "format");
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }
  /** Whole rows only, as PhuLuc inserts them ("15:17"). */
  insert(shift: string): void {
    this.ctx.enqueue(() => {
      const rect = this.rect()!;
      if (shift !== "Down" || rect.left !== 0 || rect.right !== 16383) throw new Error("fake: whole rows, Down only");
      const { protection } = this.sheet();
      if (protection && !protection.options.allowInsertRows) refuseOnProtected(this.sheet(), "inserting rows");
      shiftRows(this.ctx.file, this.sheet(), rect.top, rect.bottom - rect.top + 1);
      this.ctx.touch(this.sheetName());
    });
  }
  delete(shift: string): void {
    this.ctx.enqueue(() => {
      const rect = this.rect()!;
      if (shift !== "Up" || rect.left !== 0 || rect.right !== 16383) throw new Error("fake: whole rows, Up only");
      const { protection } = this.sheet();
      if (protection && (!protection.options.allowDeleteRows || anyLocked(this.sheet(), rect))) {
        refuseOnProtected(this.sheet(), "deleting rows");
      }
      shiftRows(this.ctx.file, this.sheet(), rect.top, -(rect.bottom - rect.top + 1));
      this.ctx.touch(this.sheetName());
    });
  }
  getIntersectionOrNullObject(other: FakeRange): FakeRange {
    return new FakeRange(this.ctx, this.sheetName, () => {
      const a = this.rect();
      const b = other.rect();
      return a && b ? intersect(a, b) : null;
    });
  }
  /** Typings: fails when the range holds more than 512 merged areas. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    if (this.ctx.profile.api < 13) throw new FakeRichApiError("ApiNotFound", "getMergedAreasOrNullObject (1.13)");
    return new FakeRangeAreas(this.ctx, this.sheetName, () => {
      const rect = this.rect();
      if (!rect) return null;
      // As documented: the merged areas whose top-left cell lies in the range.
      const merges = this.sheet().merges.filter((m) => intersect(rect, { ...m, bottom: m.top, right: m.left }));
      if (merges.length > MAX_MERGED_AREAS) {
        throw new FakeRichApiError("GeneralException", `${merges.length} merged areas (more than 512)`);
      }
      return merges.length ? merges : null;
    });
  }
  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    if (cellType !== "Visible") throw new Error(`fake: unsupported special cells ${cellType}`);
    return new FakeRangeAreas(this.ctx, this.sheetName, () => {
      const rect = this.rect();
      if (!rect) return null;
      const hidden = new Set(this.sheet().hiddenRows);
      const areas: CellRange[] = [];
      for (let row = rect.top; row <= rect.bottom; row++) {
        if (hidden.has(row)) continue;
        const last = areas[areas.length - 1];
        if (last && last.bottom === row - 1) last.bottom = row;
        else areas.push({ top: row, bottom: row, left: rect.left, right: rect.right });
      }
      return areas.length ? areas : null;
    });
  }
  get conditionalFormats(): FakeConditionalFormats {
    return new FakeConditionalFormats(this.ctx, this.sheetName, () => {
      const rect = this.rect();
      return rect ? [rect] : [];
    });
  }
  select(): void {
    this.ctx.enqueue(() => {
      const rect = this.rect()!;
      this.ctx.file.selection = { sheet: this.sheet().name, address: a1(rect.top, rect.left) };
    });
  }
}

class FakeRangeAreas extends FakeClientObject {
  constructor(
    ctx: FakeContext,
    private readonly sheetName: () => string,
    private readonly areas: () => CellRange[] | null,
  ) {
    super(ctx);
  }
  protected resolve() {
    return this.areas();
  }
  protected read(property: string, areas: CellRange[]) {
    if (property === "address") return areaAddress(this.sheetName(), areas);
    if (property === "cellCount") return cellCount(areas);
    throw new Error(`fake: unsupported load ${property}`);
  }
  get address(): string {
    return this.get("address");
  }
  get cellCount(): number {
    return this.get("cellCount");
  }
  /** RangeAreas.conditionalFormats (ExcelApi 1.9): a format added here covers every area. */
  get conditionalFormats(): FakeConditionalFormats {
    return new FakeConditionalFormats(this.ctx, this.sheetName, () => this.areas() ?? []);
  }
}

/** The conditional formats that intersect some areas of a sheet (Range/RangeAreas.conditionalFormats). */
class FakeConditionalFormats extends FakeClientObject {
  private loadedItems?: FakeConditionalFormatProxy[];
  constructor(
    ctx: FakeContext,
    private readonly sheetName: () => string,
    private readonly areas: () => CellRange[],
  ) {
    super(ctx);
  }
  private list(): FakeConditionalFormat[] {
    const sheet = this.ctx.sheet(this.sheetName());
    return (sheet.conditionalFormats ??= []);
  }
  protected resolve() {
    const areas = this.areas();
    return this.list().filter((cf) => cf.areas.some((a) => areas.some((b) => intersect(a, b))));
  }
  protected read(property: string, items: FakeConditionalFormat[]) {
    const known = ["items/id", "items/type", "items/customOrNullObject/rule/formula"];
    for (const p of property.split(",")) if (!known.includes(p.trim())) throw new Error(`fake: unsupported load ${p}`);
    this.loadedItems = items.map((cf) => new FakeConditionalFormatProxy(this.ctx, this.sheetName, cf.id, cf));
    return items.length;
  }
  get items(): FakeConditionalFormatProxy[] {
    if (!this.loadedItems) throw new FakeRichApiError("PropertyNotLoaded", "items (load and sync first)");
    return this.loadedItems;
  }
  /** Typings: "Adds a new conditional format to the collection at the first/top priority." */
  add(type: string): FakeConditionalFormatProxy {
    if (type !== "Custom") throw new Error(`fake: PhuLuc adds Custom conditional formats only, not ${type}`);
    const cf: FakeConditionalFormat = { id: `{cf-${nextCfId++}}`, formula: "", stopIfTrue: false, areas: [] };
    this.ctx.enqueue(() => {
      cf.areas = this.areas().map((a) => ({ ...a }));
      this.list().unshift(cf);
      this.ctx.touch(this.sheetName());
    });
    return new FakeConditionalFormatProxy(this.ctx, this.sheetName, cf.id);
  }
}

class FakeConditionalFormatProxy {
  readonly custom: {
    rule: { formula: string };
    format: { fill: { color: string } };
  };
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheetName: () => string,
    readonly id: string,
    private readonly loaded?: FakeConditionalFormat,
  ) {
    const set = (change: (cf: FakeConditionalFormat) => void) => this.ctx.enqueue(() => change(this.find()));
    const loadedCustom = () => this.loadedCustom();
    this.custom = {
      rule: {
        set formula(formula: string) {
          set((cf) => (cf.formula = formula));
        },
        get formula(): string {
          return loadedCustom().formula;
        },
      },
      format: {
        fill: {
          set color(color: string) {
            set((cf) => (cf.fill = color.toUpperCase()));
          },
          get color(): string {
            throw new Error("fake: PhuLuc never reads a conditional format's fill");
          },
        },
      },
    };
  }
  private find(): FakeConditionalFormat {
    const cf = this.ctx.sheet(this.sheetName()).conditionalFormats?.find((c) => c.id === this.id);
    if (!cf) throw new FakeRichApiError("ItemNotFound", `conditional format ${this.id}`);
    return cf;
  }
  private loadedCustom(): FakeConditionalFormat {
    if (!this.loaded) throw new FakeRichApiError("PropertyNotLoaded", "custom (load and sync first)");
    return this.loaded;
  }
  get customOrNullObject() {
    const cf = this.loadedCustom();
    return { isNullObject: !cf.formula, rule: { formula: cf.formula } };
  }
  set stopIfTrue(value: boolean) {
    this.ctx.enqueue(() => (this.find().stopIfTrue = value));
  }
  getRanges(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this.sheetName, () => this.find().areas);
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const sheet = this.ctx.sheet(this.sheetName());
      sheet.conditionalFormats = sheet.conditionalFormats?.filter((c) => c.id !== this.id);
      this.ctx.touch(this.sheetName());
    });
  }
}

/** Worksheet.protection (ExcelApi 1.2; a password from 1.7). */
class FakeWorksheetProtection extends FakeClientObject {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  protected resolve() {
    return this.sheet();
  }
  protected read(property: string, sheet: FakeSheet) {
    if (property !== "protected") throw new Error(`fake: unsupported load ${property}`);
    return sheet.protection !== undefined;
  }
  get protected(): boolean {
    return this.get("protected");
  }
  /** Typings: "Protects a worksheet. Fails if the worksheet has already been protected." */
  protect(options: Excel.WorksheetProtectionOptions = {}, password?: string): void {
    this.ctx.enqueue(() => {
      const sheet = this.sheet();
      if (sheet.protection) throw new FakeRichApiError("InvalidOperation", `"${sheet.name}" is already protected`);
      sheet.protection = { options: { ...options }, ...(password ? { password } : {}) };
    });
  }
  /** Lifts the protection; a sheet protected with a password needs it. Unprotecting an unprotected sheet does nothing. */
  unprotect(password?: string): void {
    this.ctx.enqueue(() => {
      const sheet = this.sheet();
      if (sheet.protection?.password && sheet.protection.password !== password) {
        throw new FakeRichApiError("InvalidArgument", `wrong password for "${sheet.name}"`);
      }
      delete sheet.protection;
    });
  }
}

/** RangeFormat.protection (FormatProtection, ExcelApi 1.2): the cells' Locked format. */
class FakeFormatProtection extends FakeClientObject {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  protected resolve() {
    return this.range.rect();
  }
  /** Typings, FormatProtection.locked: "A null value indicates that the entire range doesn't have uniform lock setting." */
  protected read(property: string, rect: CellRange) {
    if (property !== "locked") throw new Error(`fake: unsupported load ${property}`);
    const sheet = this.range.sheet();
    const all = matrix(rect, (r, c) => isLocked(sheet, a1(r, c))).flat();
    return all.every((l) => l === all[0]) ? all[0] : null;
  }
  get locked(): boolean | null {
    return this.get("locked");
  }
  set locked(locked: boolean) {
    this.ctx.enqueue(() => {
      const sheet = this.range.sheet();
      if (sheet.protection) refuseOnProtected(sheet, "changing the Locked format");
      const rect = this.range.rect()!;
      const whole = rect.top === 0 && rect.left === 0 && rect.bottom === 1_048_575 && rect.right === 16_383;
      if (whole) {
        sheet.locked = locked;
        for (const cell of Object.values(sheet.cells)) delete cell.locked;
        return;
      }
      if ((rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > 100_000) {
        throw new Error("fake: PhuLuc locks the whole sheet or runs of cells, not large bands");
      }
      matrix(rect, (r, c) => ((sheet.cells[a1(r, c)] ??= {}).locked = locked));
    });
  }
}

class FakeRangeFill extends FakeClientObject {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  protected resolve() {
    return this.range.rect();
  }
  private cells(): FakeCell[] {
    const rect = this.range.rect();
    if (!rect) throw new FakeRichApiError("InvalidArgument", "fill of a null range");
    const sheet = this.range.sheet();
    return matrix(rect, (r, c) => (sheet.cells[a1(r, c)] ??= {})).flat();
  }
  protected read(property: string) {
    const fill = this.cells()[0].fill ?? NO_FILL;
    if (property === "color" || property === "pattern" || property === "patternColor") return fill[property];
    if (property === "tintAndShade") return fill.tintAndShade ?? 0;
    throw new Error(`fake: unsupported load ${property}`);
  }
  private update(change: (fill: FakeFill) => FakeFill): void {
    this.ctx.enqueue(() => {
      for (const cell of this.cells()) cell.fill = change(cell.fill ?? NO_FILL);
    });
  }
  get color(): string {
    return this.get("color");
  }
  /** As in Excel, giving a colour to a cell without a pattern makes it a solid fill. */
  set color(color: string) {
    this.update((f) => ({ ...f, color: color.toUpperCase(), pattern: f.pattern === "None" ? "Solid" : f.pattern }));
  }
  get pattern(): string {
    return this.get("pattern");
  }
  set pattern(pattern: string) {
    this.update((f) => ({ ...f, pattern }));
  }
  get patternColor(): string | null {
    return this.get("patternColor");
  }
  set patternColor(patternColor: string | null) {
    this.update((f) => ({ ...f, patternColor }));
  }
  clear(): void {
    this.update(() => ({ ...NO_FILL }));
  }
}

class FakeSettings {
  constructor(private readonly ctx: FakeContext) {}
  add(key: string, value: unknown): void {
    if (typeof value !== "string") throw new Error("fake: PhuLuc stores settings as JSON strings");
    this.ctx.enqueue(() => {
      this.ctx.file.settings[key] = value;
    }, payloadBytes(value));
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key);
  }
}

class FakeSetting extends FakeClientObject {
  constructor(
    ctx: FakeContext,
    private readonly key: string,
  ) {
    super(ctx);
  }
  protected resolve() {
    return this.key in this.ctx.file.settings ? this.ctx.file.settings[this.key] : null;
  }
  protected read(property: string, value: string) {
    if (property !== "value") throw new Error(`fake: unsupported load ${property}`);
    return value;
  }
  get value(): string {
    return this.get("value");
  }
  delete(): void {
    this.ctx.enqueue(() => {
      delete this.ctx.file.settings[this.key];
    });
  }
}

/** What a person sees in a sheet's first rows and columns: values by row, "" for empty. */
export function sheetValues(file: FakeWorkbookFile, sheet: string, rows: number, cols: number): unknown[][] {
  const cells = file.sheets.find((s) => s.name === sheet)!.cells;
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cells[a1(r, c)]?.value ?? ""));
}

/** A fake sheet from rows of plain values (row 0 = sheet row 1), the way tests lay out Phụ lục sheets. */
export function fakeSheetFromRows(name: string, rows: (FakeCell | string | number | null | undefined)[][]): FakeSheet {
  const cells: Record<string, FakeCell> = {};
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === undefined || v === "") return;
      cells[a1(r, c)] = typeof v === "object" ? v : { value: v };
    }),
  );
  return { name, cells, merges: [], hiddenRows: [] };
}

/** The fake sheet an engine Grid describes (values, formats, formulas, errors, merges, hidden rows). */
export function fakeSheetFromGrid(grid: Grid): FakeSheet {
  const cells: Record<string, FakeCell> = {};
  grid.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      const value = cell.value instanceof Date || cell.value === null ? undefined : cell.value;
      cells[a1(r, c)] = {
        ...(value !== undefined ? { value } : {}),
        ...(cell.formula ? { formula: `=${cell.formula}` } : {}),
        ...(cell.numFmt ? { numberFormat: cell.numFmt } : {}),
        ...(cell.error ? { error: cell.error } : {}),
      };
    }),
  );
  return { name: grid.name, cells, merges: [...grid.merges], hiddenRows: [...grid.hiddenRows] };
}

/** The Grid a fake sheet holds (the inverse of fakeSheetFromGrid), e.g. to save the workbook as .xlsx. */
export function gridFromFakeSheet(sheet: FakeSheet): Grid {
  const rows: Grid["rows"] = [];
  for (const [address, cell] of Object.entries(sheet.cells)) {
    const { row, col } = parseA1(address)!;
    (rows[row] ??= [])[col] = {
      value: cell.error ? null : (cell.value ?? null),
      ...(cell.formula ? { formula: cell.formula.slice(1) } : {}),
      ...(cell.numberFormat ? { numFmt: cell.numberFormat } : {}),
      ...(cell.error ? { error: cell.error } : {}),
    };
  }
  return {
    name: sheet.name,
    rows: Array.from(rows, (r) => r ?? []),
    merges: [...sheet.merges],
    hiddenRows: [...sheet.hiddenRows],
  };
}
