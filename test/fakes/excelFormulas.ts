/**
 * The little of Excel's calculation the fake needs: numbers, cell references, ranges, + - * /, unary minus,
 * parentheses and SUM. Anything else (a word, an unknown function) evaluates to #NAME?, as Excel shows for text
 * that became a formula by accident ("- Tuyên truyền" → =- Tuyên truyền → #NAME?).
 * Also how references move when whole rows are inserted or deleted above or inside them.
 */
import { a1, parseA1 } from "../../src/engine/grid";

export type FormulaResult = { value: number } | { error: string };

type Lookup = (row: number, col: number) => FormulaResult | undefined;

const TOKEN = /\s*(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\d+(?:\.\d+)?|[A-Z][A-Z0-9.]*(?=\()|[-+*/(),]|\S+)/giy;

function tokens(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text))) out.push(m[1]);
  return out;
}

class Failure extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** Evaluates `formula` (with its leading "="); `lookup` gives other cells' results (undefined = empty). */
export function evaluate(formula: string, lookup: Lookup): FormulaResult {
  const list = tokens(formula.replace(/^=/, ""));
  let i = 0;
  const peek = () => list[i];
  const cellNumber = (ref: string): number => {
    const at = parseA1(ref)!;
    const result = lookup(at.row, at.col);
    if (!result) return 0;
    if ("error" in result) throw new Failure(result.error);
    return result.value;
  };
  const rangeValues = (ref: string): number[] => {
    const [from, to = from] = ref.split(":");
    const a = parseA1(from)!;
    const b = parseA1(to)!;
    const values: number[] = [];
    for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++)
      for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) values.push(cellNumber(a1(r, c)));
    return values;
  };
  const primary = (): number => {
    const t = list[i++];
    if (t === undefined) throw new Failure("#NAME?");
    if (t === "-") return -primary();
    if (t === "+") return primary();
    if (t === "(") {
      const v = sum();
      if (list[i++] !== ")") throw new Failure("#NAME?");
      return v;
    }
    if (/^\d/.test(t)) return Number(t);
    if (/^SUM$/i.test(t) && peek() === "(") {
      i++;
      let total = 0;
      while (peek() !== ")") {
        const arg = list[i];
        if (arg !== undefined && /^\$?[A-Z]{1,3}\$?\d+:/i.test(arg)) {
          i++;
          total += rangeValues(arg).reduce((a, b) => a + b, 0);
        } else total += sum();
        if (peek() === ",") i++;
        else if (peek() !== ")") throw new Failure("#NAME?");
      }
      i++;
      return total;
    }
    if (parseA1(t)) return cellNumber(t);
    throw new Failure("#NAME?");
  };
  const product = (): number => {
    let v = primary();
    while (peek() === "*" || peek() === "/") {
      const op = list[i++];
      const r = primary();
      if (op === "/" && r === 0) throw new Failure("#DIV/0!");
      v = op === "*" ? v * r : v / r;
    }
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (peek() === "+" || peek() === "-") v = list[i++] === "+" ? v + product() : v - product();
    return v;
  };
  try {
    const value = sum();
    if (i < list.length) return { error: "#NAME?" };
    return { value };
  } catch (e) {
    if (e instanceof Failure) return { error: e.code };
    throw e;
  }
}

const REF = /(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?(?![A-Z0-9(])/gi;

/**
 * A formula after `count` whole rows were inserted (count > 0) at 0-based row `at`, or deleted (count < 0) from
 * `at`: references at or below move; a range whose end is inside or below grows or shrinks, as Excel does; a single
 * reference to a deleted row becomes #REF!.
 */
export function shiftFormula(formula: string, at: number, count: number): string {
  const moveRow = (row: number): number | undefined => {
    if (row < at) return row;
    if (count > 0) return row + count;
    return row < at - count ? undefined : row + count;
  };
  return formula.replace(REF, (whole, d1, c1, d2, r1, d3, c2, d4, r2) => {
    const top = Number(r1) - 1;
    if (r2 === undefined) {
      const row = moveRow(top);
      return row === undefined ? "#REF!" : `${d1}${c1}${d2}${row + 1}`;
    }
    const bottom = Number(r2) - 1;
    const newTop = top >= at ? (moveRow(top) ?? at) : top;
    const newBottom = moveRow(bottom) ?? at - 1;
    if (newBottom < newTop) return "#REF!";
    void whole;
    return `${d1}${c1}${d2}${newTop + 1}:${d3}${c2}${d4}${newBottom + 1}`;
  });
}
