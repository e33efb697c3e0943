/**
 * A fake Excel.RequestContext for adapter and component tests. It mirrors the real API's shape and its
 * batching: proxies queue loads and writes; nothing is read or written until `context.sync()`, and reading a
 * property that was not loaded (or before the sync) throws as Office.js does. `syncCount` counts round trips.
 * Only what PhuLuc calls is implemented; any other argument throws, so the fake cannot silently drift.
 */
import { a1, parseA1, type CellRange, type Grid } from "../../src/engine/grid";

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor: string | null;
}

export interface FakeCell {
  value?: string | number | boolean;
  /** Formula text with its leading "=". */
  formula?: string;
  numberFormat?: string;
  /** Error code shown in the cell (#REF!…); the cell's value is then this code, as Office.js reports it. */
  error?: string;
  fill?: FakeFill;
}

export interface FakeSheet {
  name: string;
  /** Keyed by A1 address. */
  cells: Record<string, FakeCell>;
  merges: CellRange[];
  hiddenRows: number[];
}

/** What a workbook file keeps: cells, fills, and the add-in's settings (saved as JSON, like Excel does). */
export interface FakeWorkbookFile {
  sheets: FakeSheet[];
  activeSheet: string;
  settings: Record<string, string>;
  selection?: { sheet: string; address: string };
}

export const NO_FILL: FakeFill = { color: "#FFFFFF", pattern: "None", patternColor: null };

type Op = () => void;

export class FakeContext {
  syncCount = 0;
  private queue: Op[] = [];
  readonly workbook: FakeWorkbook;
  constructor(readonly file: FakeWorkbookFile) {
    this.workbook = new FakeWorkbook(this);
  }
  enqueue(op: Op): void {
    this.queue.push(op);
  }
  async sync(): Promise<void> {
    this.syncCount++;
    const ops = this.queue;
    this.queue = [];
    for (const op of ops) op();
  }
  sheet(name: string): FakeSheet {
    const sheet = this.file.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`ItemNotFound: worksheet "${name}"`);
    return sheet;
  }
}

/** Saving and reopening the file: only what a .xlsx keeps survives (a deep copy through JSON). */
export function reopen(file: FakeWorkbookFile): FakeContext {
  return new FakeContext(JSON.parse(JSON.stringify(file)) as FakeWorkbookFile);
}

export function fakeContext(file: FakeWorkbookFile): { context: Excel.RequestContext; fake: FakeContext } {
  const fake = new FakeContext(file);
  return { context: fake as unknown as Excel.RequestContext, fake };
}

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
      for (const p of list) this.loaded.set(p, this.read(p, resolved));
    });
    return this;
  }
  get isNullObject(): boolean {
    if (!this.nullKnown) throw new Error("PropertyNotLoaded: isNullObject (load and sync first)");
    return this.isNull;
  }
  protected get(property: string): never {
    if (!this.loaded.has(property)) throw new Error(`PropertyNotLoaded: ${property} (load and sync first)`);
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

class FakeWorksheets extends FakeClientObject {
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
}

class FakeWorksheet extends FakeClientObject {
  constructor(
    ctx: FakeContext,
    private readonly sheetName: () => string,
  ) {
    super(ctx);
  }
  protected resolve() {
    return this.ctx.sheet(this.sheetName());
  }
  protected read(property: string, sheet: FakeSheet) {
    if (property !== "name") throw new Error(`fake: unsupported load ${property}`);
    return sheet.name;
  }
  get name(): string {
    return this.get("name");
  }
  activate(): void {
    this.ctx.enqueue(() => {
      this.ctx.file.activeSheet = this.sheetName();
    });
  }
  getRange(address: string): FakeRange {
    const rect = parseRangeAddress(address);
    return new FakeRange(this.ctx, this.sheetName, () => rect);
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== true) throw new Error("fake: PhuLuc reads getUsedRange(true) only");
    return new FakeRange(this.ctx, this.sheetName, () => usedArea(this.ctx.sheet(this.sheetName())));
  }
}

/** "A1", "A1:C3" or a row band "1:5000" (all columns). */
function parseRangeAddress(address: string): CellRange {
  const band = /^(\d+):(\d+)$/.exec(address);
  if (band) return { top: Number(band[1]) - 1, bottom: Number(band[2]) - 1, left: 0, right: 16383 };
  const [from, to = from] = address.split(":");
  const start = parseA1(from);
  const end = parseA1(to);
  if (!start || !end) throw new Error(`fake: bad address ${address}`);
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

class FakeRange extends FakeClientObject {
  readonly format: { fill: FakeRangeFill };
  constructor(
    ctx: FakeContext,
    readonly sheetName: () => string,
    readonly rect: () => CellRange | null,
  ) {
    super(ctx);
    this.format = { fill: new FakeRangeFill(ctx, this) };
  }
  protected resolve() {
    return this.rect();
  }
  cellAt(row: number, col: number): FakeCell | undefined {
    return this.ctx.sheet(this.sheetName()).cells[a1(row, col)];
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
  get values(): unknown[][] {
    return this.get("values");
  }
  set values(values: unknown[][]) {
    this.ctx.enqueue(() => {
      const rect = this.rect();
      if (!rect) throw new Error("fake: write to a null range");
      values.forEach((row, r) =>
        row.forEach((value, c) => {
          const cells = this.ctx.sheet(this.sheetName()).cells;
          const address = a1(rect.top + r, rect.left + c);
          cells[address] = {
            ...cells[address],
            value: value as FakeCell["value"],
            formula: undefined,
            error: undefined,
          };
        }),
      );
    });
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  set numberFormat(formats: unknown[][]) {
    this.ctx.enqueue(() => {
      const rect = this.rect();
      if (!rect) throw new Error("fake: format of a null range");
      formats.forEach((row, r) =>
        row.forEach((numberFormat, c) => {
          const cells = this.ctx.sheet(this.sheetName()).cells;
          const address = a1(rect.top + r, rect.left + c);
          cells[address] = { ...cells[address], numberFormat: numberFormat as string };
        }),
      );
    });
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }
  getIntersectionOrNullObject(other: FakeRange): FakeRange {
    return new FakeRange(this.ctx, this.sheetName, () => {
      const a = this.rect();
      const b = other.rect();
      return a && b ? intersect(a, b) : null;
    });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this.sheetName, () => {
      const rect = this.rect();
      if (!rect) return null;
      // As documented: the merged areas whose top-left cell lies in the range.
      const merges = this.ctx
        .sheet(this.sheetName())
        .merges.filter((m) => intersect(rect, { ...m, bottom: m.top, right: m.left }));
      return merges.length ? merges : null;
    });
  }
  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    if (cellType !== "Visible") throw new Error(`fake: unsupported special cells ${cellType}`);
    return new FakeRangeAreas(this.ctx, this.sheetName, () => {
      const rect = this.rect();
      if (!rect) return null;
      const hidden = new Set(this.ctx.sheet(this.sheetName()).hiddenRows);
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
  select(): void {
    this.ctx.enqueue(() => {
      const rect = this.rect()!;
      this.ctx.file.selection = { sheet: this.sheetName(), address: a1(rect.top, rect.left) };
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
    if (property !== "address") throw new Error(`fake: unsupported load ${property}`);
    return areaAddress(this.sheetName(), areas);
  }
  get address(): string {
    return this.get("address");
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
    if (!rect) throw new Error("fake: fill of a null range");
    const sheet = this.ctx.sheet(this.range.sheetName());
    return matrix(rect, (r, c) => (sheet.cells[a1(r, c)] ??= {})).flat();
  }
  protected read(property: string) {
    const fill = this.cells()[0].fill ?? NO_FILL;
    if (property === "color" || property === "pattern" || property === "patternColor") return fill[property];
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
    });
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
  return { name: grid.name, cells, merges: grid.merges, hiddenRows: grid.hiddenRows };
}
