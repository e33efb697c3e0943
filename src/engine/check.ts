/**
 * Checking a sheet: Grid → (recognise) Table → (every sheet rule) Findings, plus plain notes about odd
 * input the user should know of (hidden rows, formulas never calculated, what the reader skipped,
 * content below the table that was not read, merged data cells, very long text, error values no
 * finding names, a rule that failed). A rule that throws never ends the check: its failure becomes a
 * note and the other rules still run. PhuLuc's own merge log sheet is not a Phụ lục: it is skipped
 * with a note, not reported as an unknown template.
 */
import { userMessage } from "./errors";
import { sortFindings, type Finding } from "./finding";
import { a1, firstTextOf, type CellRange, type Grid } from "./grid";
import type { Table, TableStop } from "./model";
import { formatVietnameseNumber } from "./parse/number";
import { recogniseTable } from "./recognise";
import { SHEET_RULES } from "./rules";
import { BLANK_RUN_END } from "./structure";
import { tidyText } from "./text";
import type { Rule, RuleContext } from "./rules/rule";
import type { TemplateId } from "./template";
import { DEFAULT_UNITS } from "./units";
import { ownSheetKind } from "./review/sheets";

export interface SheetReport {
  sheet: string;
  template: TemplateId | null;
  findings: Finding[];
  /** Vietnamese plain statements about odd input (never errors by themselves). */
  notes: string[];
  table?: Table;
}

/** Text longer than this is said (Excel allows 32.767 characters; a Phụ lục cell rarely needs 1.000). */
export const LONG_TEXT = 2000;
/** At most this many addresses are listed in one note; the rest are counted. */
const LIST_LIMIT = 10;

function listAddresses(addresses: string[]): string {
  const shown = addresses.slice(0, LIST_LIMIT).join(", ");
  const rest = addresses.length - LIST_LIMIT;
  return rest > 0 ? `${shown} và ${formatVietnameseNumber(rest)} ô khác` : shown;
}

function rangeText(range: CellRange): string {
  return `${a1(range.top, range.left)}:${a1(range.bottom, range.right)}`;
}

/** Notes that need only the grid (and, for merged data cells, where the data starts). */
export function gridNotes(grid: Grid, table?: Table): string[] {
  const notes: string[] = [];
  if (grid.hiddenRows.length > 0) {
    const rows = grid.hiddenRows.map((r) => String(r + 1));
    const shown = rows.slice(0, LIST_LIMIT).join(", ") + (rows.length > LIST_LIMIT ? ", …" : "");
    notes.push(`Có ${formatVietnameseNumber(rows.length)} dòng bị ẩn (dòng ${shown}); các dòng ẩn vẫn được kiểm tra.`);
  }
  const uncalculated: string[] = [];
  const long: string[] = [];
  grid.rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      if (!cell) return;
      if (cell.formula && cell.value === null && !cell.error) uncalculated.push(a1(r, c));
      if (typeof cell.value === "string" && cell.value.length > LONG_TEXT) long.push(a1(r, c));
    }),
  );
  if (uncalculated.length > 0) {
    notes.push(
      `Có ${formatVietnameseNumber(uncalculated.length)} ô công thức chưa có kết quả lưu sẵn (${listAddresses(uncalculated)}): ` +
        `giá trị chưa biết cho đến khi Excel tính lại; hãy mở tệp bằng Excel, lưu lại rồi kiểm tra lần nữa.`,
    );
  }
  if (long.length > 0) {
    notes.push(
      `Có ô chứa văn bản rất dài (trên ${formatVietnameseNumber(LONG_TEXT)} ký tự: ${listAddresses(long)}); ` +
        `vẫn được kiểm tra, nhưng thông báo chỉ trích phần đầu.`,
    );
  }
  const truncated = grid.truncated;
  if (truncated?.rows) {
    notes.push(
      `Đã bỏ qua ${formatVietnameseNumber(truncated.rows)} dòng cuối của trang tính để giới hạn bộ nhớ; các dòng đó không được kiểm tra.`,
    );
  }
  if (truncated?.columns) {
    notes.push(
      `Đã bỏ qua ${formatVietnameseNumber(truncated.columns)} cột bên phải của trang tính để giới hạn bộ nhớ; các cột đó không được kiểm tra.`,
    );
  }
  if (table) {
    const dataRows = new Set(table.rows.map((row) => row.row));
    const inData = (m: CellRange) => {
      for (let r = m.top; r <= m.bottom; r++) if (dataRows.has(r)) return true;
      return false;
    };
    const merged = grid.merges.filter((m) => (m.bottom > m.top || m.right > m.left) && inData(m));
    if (merged.length > 0) {
      notes.push(
        `Có ô gộp (merge) trong vùng dữ liệu (${merged.slice(0, LIST_LIMIT).map(rangeText).join(", ")}` +
          `${merged.length > LIST_LIMIT ? ", …" : ""}); giá trị được đọc từ ô đầu tiên của mỗi vùng gộp.`,
      );
    }
  }
  return notes;
}

/** Why reading stopped, for every reason but a signature footer (the ordinary end of a Phụ lục). */
const STOP_REASONS: Record<Exclude<TableStop["reason"], "footer">, string> = {
  "blank-run": `bảng được coi là đã hết sau ${BLANK_RUN_END} hàng trống liên tiếp. Nếu phần đó vẫn là dữ liệu của bảng, hãy xóa bớt các hàng trống`,
  "after-total":
    "bảng được coi là đã hết ở dòng tổng cộng phía trên. Nếu phần đó vẫn là dữ liệu của bảng, hãy đưa dòng tổng cộng xuống cuối bảng",
  "next-table": "ở đó bắt đầu một Phụ lục khác. Hãy đặt mỗi Phụ lục trên một trang tính riêng để được kiểm tra",
};
/** How much of the first text of the unread row is quoted. */
const QUOTE_LENGTH = 60;

/** Content left below the table, unless it is only the signature footer. */
export function stopNote(grid: Grid, table: Table): string[] {
  const stop = table.stoppedAt;
  if (!stop || stop.reason === "footer") return [];
  const first = tidyText(firstTextOf(grid.rows[stop.row]));
  const quoted = first.length > QUOTE_LENGTH ? `${first.slice(0, QUOTE_LENGTH)}…` : first;
  return [
    `Từ hàng ${formatVietnameseNumber(stop.row + 1)} trở xuống không được đọc` +
      `${quoted ? ` (bắt đầu bằng “${quoted}”)` : ""}: ${STOP_REASONS[stop.reason]}.`,
  ];
}

/**
 * Excel error values (#REF!, #DIV/0!…) in the table's rows that no finding already names (those in
 * number columns are not-a-number findings; elsewhere they are still worth saying).
 */
function errorNotes(grid: Grid, table: Table, findings: Finding[]): string[] {
  const named = new Set(findings.map((f) => f.cell));
  const errors: string[] = [];
  for (const row of table.rows) {
    grid.rows[row.row]?.forEach((cell, c) => {
      if (!cell?.error) return;
      const address = a1(row.row, c);
      if (!named.has(address)) errors.push(`${address} (${cell.error})`);
    });
  }
  return errors.length === 0
    ? []
    : [`Có ô mang giá trị lỗi của Excel: ${listAddresses(errors)}; hãy kiểm tra công thức của các ô đó.`];
}

/** Runs one rule; a rule that throws says so in a note instead of ending the check. */
function runRule(rule: Rule, table: Table, ctx: RuleContext, notes: string[]): Finding[] {
  try {
    return rule.check(table, ctx);
  } catch (error) {
    notes.push(
      `Không thực hiện được quy tắc “${rule.id}” trên trang tính này (${userMessage(error)}); ` +
        `các quy tắc khác vẫn được kiểm tra. Hãy báo lỗi này cho người quản trị PhuLuc.`,
    );
    return [];
  }
}

/** Checks one sheet: recognises its template and runs every sheet rule (spec §4). */
export function checkGrid(
  grid: Grid,
  ctx: Partial<RuleContext> = {},
  rules: readonly Rule[] = SHEET_RULES,
): SheetReport {
  const notes: string[] = [];
  let recognised: ReturnType<typeof recogniseTable>;
  try {
    recognised = recogniseTable(grid);
  } catch (error) {
    // Never expected; but one odd sheet must not stop the check of the others.
    notes.push(
      `Không đọc được cấu trúc bảng của trang tính này (${userMessage(error)}); trang tính chưa được kiểm tra.`,
    );
    return { sheet: grid.name, template: null, findings: [], notes };
  }
  const { table, findings } = recognised;
  const own = table ? undefined : ownSheetKind(grid.name);
  if (own) {
    const note = `Trang tính “${grid.name}” là ${own.vi} do PhuLuc ghi, không phải Phụ lục; bỏ qua.`;
    return { sheet: grid.name, template: null, findings: [], notes: [note] };
  }
  notes.push(...gridNotes(grid, table));
  if (!table) return { sheet: grid.name, template: null, findings: sortFindings(findings), notes };
  notes.push(...stopNote(grid, table));
  const context: RuleContext = {
    units: ctx.units ?? DEFAULT_UNITS,
    references: ctx.references,
    file: ctx.file,
    note: (text) => {
      notes.push(text);
      ctx.note?.(text);
    },
  };
  for (const rule of rules) findings.push(...runRule(rule, table, context, notes));
  notes.push(...errorNotes(grid, table, findings));
  return { sheet: grid.name, template: table.templateId, findings: sortFindings(findings), notes, table };
}

/** Checks every sheet of a workbook, in order. */
export function checkGrids(grids: Grid[], ctx: Partial<RuleContext> = {}): SheetReport[] {
  return grids.map((grid) => checkGrid(grid, ctx));
}
