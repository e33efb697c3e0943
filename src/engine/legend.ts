/**
 * The row of column numbers under a header (spec §2.0): `(1) (2) (3)…`, `A B 1 2 3…`, and formula
 * legends such as `(6)=(5)/(4)` or `(8)=(4)+(5)+(6)`, which also say which columns a computed column
 * comes from.
 *
 * Decisions:
 * - Every non-empty cell of the row must be a column number or a formula legend, and the numbers
 *   must follow one another (letters after letters, digits after digits), so a row of small counts
 *   is still data. At least min(3, header columns) tokens.
 * - A legend's operands are column numbers; they name the grid columns whose own legend number they
 *   are. A factor such as `x100` or `*100%` is allowed and ignored.
 */
import { cellText, type Grid } from "./grid";
import type { LegendFormula } from "./model";
import { tidyText } from "./text";

const NUMBER_TOKEN = /^\(?([0-9]{1,2}|[A-Za-z])\)?\.?$/;
const OPERAND = String.raw`\(?\s*(\d{1,2})\s*\)?`;
const FORMULA = new RegExp(
  String.raw`^${OPERAND}\s*=\s*(${OPERAND}(?:\s*[-+/*:x×]\s*${OPERAND})+)\s*(?:[*x×]\s*100\s*%?)?$`,
  "i",
);

interface Token {
  col: number;
  label: string;
  formula?: { operator: LegendFormula["operator"]; operands: number[] };
}

function tokenOf(text: string, col: number): Token | undefined {
  const plain = NUMBER_TOKEN.exec(text);
  if (plain) return { col, label: plain[1].toUpperCase() };
  const formula = FORMULA.exec(text.replace(/\s+/g, ""));
  if (!formula) return undefined;
  const operands = [...formula[2].matchAll(/\d{1,2}/g)].map((m) => Number(m[0]));
  const operator = /[/:]/.test(formula[2]) ? "/" : /^[^-*x×]*$/i.test(formula[2]) ? "+" : "other";
  return { col, label: formula[1], formula: { operator, operands } };
}

export interface ColumnNumberRow {
  /** Formulas the row states, by the grid column they compute. */
  formulas: LegendFormula[];
}

/** Reads `row` as a column-number row; undefined when it is not one. */
export function readColumnNumberRow(
  grid: Grid,
  row: number,
  headerColumns: number,
  maxColumns: number,
): ColumnNumberRow | undefined {
  const cells = grid.rows[row];
  if (!cells) return undefined;
  const tokens: Token[] = [];
  for (let col = 0; col < Math.min(cells.length, maxColumns); col++) {
    const text = tidyText(cellText(cells[col]));
    if (!text) continue;
    const token = tokenOf(text, col);
    if (!token) return undefined;
    tokens.push(token);
  }
  const isDigit = (label: string) => /\d/.test(label);
  const follows = (prev: string, next: string) =>
    isDigit(prev) ? Number(next) === Number(prev) + 1 : next.charCodeAt(0) === prev.charCodeAt(0) + 1;
  const ordered = tokens.every(
    (t, i) => i === 0 || isDigit(tokens[i - 1].label) !== isDigit(t.label) || follows(tokens[i - 1].label, t.label),
  );
  if (!ordered || tokens.length < Math.min(3, headerColumns)) return undefined;
  const colOfNumber = new Map(tokens.filter((t) => isDigit(t.label)).map((t) => [Number(t.label), t.col]));
  const formulas: LegendFormula[] = [];
  for (const token of tokens) {
    if (!token.formula) continue;
    const sources = token.formula.operands.map((n) => colOfNumber.get(n));
    if (sources.every((c): c is number => c !== undefined)) {
      formulas.push({ col: token.col, operator: token.formula.operator, sources });
    }
  }
  return { formulas };
}
