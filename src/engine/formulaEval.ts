/**
 * Evaluates the formulas report templates use, over the Grid of their own sheet, as Excel would — so a
 * consolidated sheet whose inputs the merge filled carries results that match them (a `Tỷ lệ` `=D14/C14*100`
 * the blank template cached as `#DIV/0!`). What it cannot evaluate faithfully — another sheet, a name, an
 * unknown function, an array, a cycle — is "unsupported" (undefined): the caller then drops the stale cache.
 */
import type { Cell, Grid } from "./grid";
import { parseA1 } from "./grid";

export interface FormulaError {
  error: string;
}
/** A formula's result: what Excel would cache for it. */
export type Computed = number | string | boolean | FormulaError;
/** A value during evaluation: null is an empty cell (0 in arithmetic, "" beside text). */
type Value = Computed | null;

class Unsupported extends Error {}
const unsupported = (why: string): never => {
  throw new Unsupported(why);
};

const DIV0: FormulaError = { error: "#DIV/0!" };
const VALUE: FormulaError = { error: "#VALUE!" };
const NUM: FormulaError = { error: "#NUM!" };

const isError = (v: unknown): v is FormulaError => typeof v === "object" && v !== null && "error" in v;

// ---- syntax

type Node =
  | { kind: "literal"; value: Value }
  | { kind: "missing" }
  | { kind: "ref"; top: number; left: number; bottom: number; right: number; range: boolean }
  | { kind: "unary"; op: "-" | "+" | "%"; arg: Node }
  | { kind: "binary"; op: string; left: Node; right: Node }
  | { kind: "call"; name: string; args: Node[] };

/** One token: its kind and text. Anything not listed (names, `{`, `[`, `;`, a space between refs) is unsupported. */
const TOKEN = new RegExp(
  [
    `(?<space>\\s+)`,
    `(?<string>"(?:[^"]|"")*")`,
    `(?<error>#(?:NULL!|DIV/0!|VALUE!|REF!|NAME\\?|NUM!|N/A))`,
    `(?<sheet>(?:'(?:[^']|'')*'|[A-Za-z_\\u0080-\\uFFFF][\\w.\\u0080-\\uFFFF]*)!)`,
    `(?<ref>\\$?[A-Za-z]{1,3}\\$?\\d+(?::\\$?[A-Za-z]{1,3}\\$?\\d+)?)(?![\\w.(!:])`,
    `(?<func>[A-Za-z_][\\w.]*)(?=\\()`,
    `(?<bool>TRUE|FALSE)(?![\\w.(])`,
    `(?<number>(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)`,
    `(?<op><=|>=|<>|[-+*/^&%=<>(),])`,
  ].join("|"),
  "iy",
);

interface Token {
  kind: "string" | "error" | "sheet" | "ref" | "func" | "bool" | "number" | "op";
  text: string;
}

/**
 * Whether everything the formula reads is in its cell references: no defined name, whole column or syntax
 * PhuLuc cannot read (any of which may read cells it does not name).
 */
export function readsOnlyCells(formula: string): boolean {
  try {
    tokenize(formula);
    return true;
  } catch (error) {
    if (error instanceof Unsupported) return false;
    throw error;
  }
}

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < formula.length) {
    const match = TOKEN.exec(formula);
    if (!match?.groups) return unsupported(`cannot read "${formula.slice(TOKEN.lastIndex)}"`);
    const [kind, text] = Object.entries(match.groups).find(([, t]) => t !== undefined)!;
    if (kind !== "space") tokens.push({ kind: kind as Token["kind"], text });
  }
  return tokens;
}

/** Excel's operator precedence, loosest first: comparison, &, + -, * /, ^ (then unary -, then %). */
const LEVELS = [["=", "<>", "<", ">", "<=", ">="], ["&"], ["+", "-"], ["*", "/"], ["^"]];

class Parser {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly sheet: string,
  ) {}

  formula(): Node {
    const node = this.binary(0);
    if (this.at < this.tokens.length) unsupported(`unexpected "${this.tokens[this.at].text}"`);
    return node;
  }

  private peekOp(): string | undefined {
    const token = this.tokens[this.at];
    return token?.kind === "op" ? token.text : undefined;
  }

  private binary(level: number): Node {
    if (level === LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (let op = this.peekOp(); op && LEVELS[level].includes(op); op = this.peekOp()) {
      this.at++;
      left = { kind: "binary", op, left, right: this.binary(level + 1) };
    }
    return left;
  }

  private unary(): Node {
    const op = this.peekOp();
    if (op === "-" || op === "+") {
      this.at++;
      return { kind: "unary", op, arg: this.unary() };
    }
    let node = this.primary();
    while (this.peekOp() === "%") {
      this.at++;
      node = { kind: "unary", op: "%", arg: node };
    }
    return node;
  }

  private primary(): Node {
    const token = this.tokens[this.at++] ?? unsupported("formula ends early");
    switch (token.kind) {
      case "number":
        return { kind: "literal", value: Number(token.text) };
      case "string":
        return { kind: "literal", value: token.text.slice(1, -1).replace(/""/g, '"') };
      case "bool":
        return { kind: "literal", value: token.text.toUpperCase() === "TRUE" };
      case "error":
        return { kind: "literal", value: { error: token.text.toUpperCase() } };
      case "sheet":
        return this.qualified(token.text.slice(0, -1));
      case "ref":
        return reference(token.text);
      case "func":
        return this.call(token.text.toUpperCase());
      case "op":
        if (token.text === "(") {
          const inner = this.binary(0);
          this.expect(")");
          return inner;
        }
    }
    return unsupported(`unexpected "${token.text}"`);
  }

  /** `Sheet!A1`: only this sheet's own cells can be read. */
  private qualified(name: string): Node {
    const sheet = name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
    const next = this.tokens[this.at++];
    if (sheet.toLowerCase() !== this.sheet.toLowerCase() || next?.kind !== "ref") unsupported(`refers to ${name}`);
    return reference(next.text);
  }

  private call(name: string): Node {
    this.expect("(");
    const args: Node[] = [];
    if (this.peekOp() === ")") {
      this.at++;
      return { kind: "call", name, args };
    }
    for (;;) {
      const op = this.peekOp();
      args.push(op === "," || op === ")" ? { kind: "missing" } : this.binary(0));
      const next = this.tokens[this.at++];
      if (next?.text === ")") return { kind: "call", name, args };
      if (next?.text !== ",") unsupported(`${name}: unexpected "${next?.text ?? "end"}"`);
    }
  }

  private expect(op: string): void {
    if (this.tokens[this.at++]?.text !== op) unsupported(`"${op}" expected`);
  }
}

function reference(text: string): Node {
  const [first, last = first] = text.split(":").map((end) => parseA1(end) ?? unsupported(`bad reference ${text}`));
  return {
    kind: "ref",
    top: Math.min(first.row, last.row),
    bottom: Math.max(first.row, last.row),
    left: Math.min(first.col, last.col),
    right: Math.max(first.col, last.col),
    range: text.includes(":"),
  };
}

// ---- coercion

/** A text every Excel reads as the same number in arithmetic, whatever its locale: digits, a sign, a `%`. */
const PLAIN_NUMBER_TEXT = /^\s*([+-]?\d+)\s*(%?)\s*$/;

/**
 * Arithmetic's operand: empty → 0, TRUE → 1, "12" → 12, "95%" → 0.95, text without digits → #VALUE!. A number
 * typed as text with a separator is unsupported: `2.120`, as units type it, is 2120 to a Vietnamese Excel and
 * 2.12 to an English one, and which one will open the file is not known here.
 */
function toNumber(v: Value): number | FormulaError {
  if (v === null) return 0;
  if (typeof v === "number" || isError(v)) return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const plain = PLAIN_NUMBER_TEXT.exec(v);
  if (plain) return plain[2] ? Number(plain[1]) / 100 : Number(plain[1]);
  return /\d/.test(v) ? unsupported(`the text "${v}" read in the user's locale`) : VALUE;
}

/** General format's text of a number: 15 significant digits, as Excel shows and concatenates it. */
function toText(v: Exclude<Value, FormulaError>): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return typeof v === "number" ? String(Number(v.toPrecision(15))) : v;
}

/** A condition: numbers (≠ 0), booleans, "TRUE"/"FALSE"; other text → #VALUE! (IF function docs). */
function toBoolean(v: Value): boolean | FormulaError {
  if (v === null) return false;
  if (typeof v === "boolean" || isError(v)) return v;
  if (typeof v === "number") return v !== 0;
  const upper = v.toUpperCase();
  return upper === "TRUE" ? true : upper === "FALSE" ? false : VALUE;
}

/** A finite number, else #NUM! (Excel has no NaN or infinity). */
const finite = (n: number): number | FormulaError => (Number.isFinite(n) ? n : NUM);

/** Excel orders numbers < text < booleans; text compares case-insensitively; empty is 0, "" or FALSE beside them. */
function compare(a: Exclude<Value, FormulaError>, b: Exclude<Value, FormulaError>): number {
  const rank = (v: Exclude<Value, FormulaError>) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  const blankAs = (other: Exclude<Value, FormulaError>) =>
    typeof other === "number" || other === null ? 0 : typeof other === "string" ? "" : false;
  const x = a ?? blankAs(b);
  const y = b ?? blankAs(a);
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === "string") {
    const [p, q] = [x.toLowerCase(), (y as string).toLowerCase()];
    return p < q ? -1 : p > q ? 1 : 0;
  }
  return Number(x) - Number(y);
}

const COMPARISONS: Record<string, (order: number) => boolean> = {
  "=": (o) => o === 0,
  "<>": (o) => o !== 0,
  "<": (o) => o < 0,
  ">": (o) => o > 0,
  "<=": (o) => o <= 0,
  ">=": (o) => o >= 0,
};

function arithmetic(op: string, x: number, y: number): number | FormulaError {
  switch (op) {
    case "+":
      return finite(x + y);
    case "-":
      return finite(x - y);
    case "*":
      return finite(x * y);
    case "/":
      return y === 0 ? DIV0 : finite(x / y);
    default:
      // 0^0 is #NUM! in Excel (MS-OI29500 §2.1.1018, POWER), as is a negative base to a fractional power (NaN).
      return x === 0 && y === 0 ? NUM : finite(x ** y);
  }
}

/** Rounds |x| at `digits` decimals (negative: left of the point) by `mode`, sign kept (ROUND: half away from 0). */
function rounded(x: number, digits: number, mode: "round" | "up" | "down"): number | FormulaError {
  const factor = 10 ** Math.trunc(digits);
  // Through 15 significant digits first: 2.675*100 is 267.49999999999997 in binary, 267.5 to Excel.
  const scaled = Number((Math.abs(x) * factor).toPrecision(15));
  const whole = mode === "round" ? Math.round(scaled) : mode === "up" ? Math.ceil(scaled) : Math.floor(scaled);
  return finite((Math.sign(x) * whole) / factor);
}

// ---- evaluation

/** An argument as a function sees it: a reference's cells (which aggregates read differently) or a value. */
type Arg = { cells: Value[] } | { value: Value };

/** The numbers an aggregate adds up: a reference's numbers only; typed arguments coerced (SUM function docs). */
function numbersOf(args: Arg[]): number[] | FormulaError {
  const numbers: number[] = [];
  for (const arg of args) {
    if ("cells" in arg) {
      for (const v of arg.cells) {
        if (isError(v)) return v;
        if (typeof v === "number") numbers.push(v);
      }
    } else {
      const n = toNumber(arg.value);
      if (isError(n)) return n;
      numbers.push(n);
    }
  }
  return numbers;
}

/** The logical values AND/OR read: a reference's text and blanks skipped, none at all → #VALUE! (AND docs). */
function booleansOf(args: Arg[]): boolean[] | FormulaError {
  const out: boolean[] = [];
  for (const arg of args) {
    const values = "cells" in arg ? arg.cells.filter((v) => typeof v !== "string" && v !== null) : [arg.value];
    for (const v of values) {
      const b = toBoolean(v);
      if (isError(b)) return b;
      out.push(b);
    }
  }
  return out.length ? out : VALUE;
}

const ARITY: Record<string, [number, number]> = {
  SUM: [1, 255],
  AVERAGE: [1, 255],
  MIN: [1, 255],
  MAX: [1, 255],
  COUNT: [1, 255],
  COUNTA: [1, 255],
  AND: [1, 255],
  OR: [1, 255],
  IF: [1, 3],
  IFERROR: [2, 2],
  ISBLANK: [1, 1],
  NOT: [1, 1],
  ABS: [1, 1],
  ROUND: [2, 2],
  ROUNDUP: [2, 2],
  ROUNDDOWN: [2, 2],
};

/** One sheet's formulas, each evaluated once (memoised): a formula cell another one cites is evaluated first. */
export class SheetFormulas {
  private readonly results = new Map<number, Computed | undefined>();
  private readonly pending = new Set<number>();

  constructor(private readonly grid: Grid) {}

  /** What the formula in `row`, `col` computes to now; undefined when unsupported. */
  cellResult(row: number, col: number): Computed | undefined {
    const key = row * 16384 + col;
    if (this.results.has(key)) return this.results.get(key);
    const formula = this.grid.rows[row]?.[col]?.formula;
    if (formula === undefined) return undefined;
    if (this.pending.has(key)) unsupported("circular reference");
    this.pending.add(key);
    let result: Computed | undefined;
    try {
      result = this.evaluate(formula);
    } finally {
      this.pending.delete(key);
    }
    this.results.set(key, result);
    return result;
  }

  /** A formula (without "=") evaluated over this sheet; undefined when unsupported. */
  evaluate(formula: string): Computed | undefined {
    try {
      const value = this.value(new Parser(tokenize(formula), this.grid.name).formula());
      // A formula citing an empty cell shows 0.
      return value ?? 0;
    } catch (error) {
      if (error instanceof Unsupported) return undefined;
      throw error;
    }
  }

  private cellValue(row: number, col: number): Value {
    const cell: Cell | undefined = this.grid.rows[row]?.[col];
    if (!cell) return null;
    if (cell.formula !== undefined) return this.cellResult(row, col) ?? unsupported("cites an unsupported formula");
    if (cell.error) return { error: cell.error };
    if (cell.value instanceof Date) return unsupported("a date");
    return cell.value;
  }

  private cells(node: Extract<Node, { kind: "ref" }>): Value[] {
    const out: Value[] = [];
    for (let row = node.top; row <= node.bottom; row++) {
      for (let col = node.left; col <= node.right; col++) out.push(this.cellValue(row, col));
    }
    return out;
  }

  private value(node: Node): Value {
    switch (node.kind) {
      case "literal":
        return node.value;
      case "missing":
        return null;
      case "ref":
        // A range outside a function (implicit intersection) is not what a template means.
        return node.range ? unsupported("range as a value") : this.cellValue(node.top, node.left);
      case "unary": {
        const n = toNumber(this.value(node.arg));
        if (isError(n)) return n;
        return node.op === "-" ? -n : node.op === "%" ? n / 100 : n;
      }
      case "binary":
        return this.binary(node.op, this.value(node.left), this.value(node.right));
      case "call":
        return this.call(node.name, node.args);
    }
  }

  private binary(op: string, a: Value, b: Value): Value {
    if (isError(a)) return a;
    if (isError(b)) return b;
    if (op === "&") return toText(a) + toText(b);
    const comparison = COMPARISONS[op];
    if (comparison) return comparison(compare(a, b));
    const x = toNumber(a);
    if (isError(x)) return x;
    const y = toNumber(b);
    return isError(y) ? y : arithmetic(op, x, y);
  }

  private arg(node: Node): Arg {
    return node.kind === "ref" ? { cells: this.cells(node) } : { value: this.value(node) };
  }

  private call(name: string, nodes: Node[]): Value {
    const [min, max] = ARITY[name] ?? unsupported(`function ${name}`);
    if (nodes.length < min || nodes.length > max) unsupported(`${name} with ${nodes.length} arguments`);
    switch (name) {
      case "IF": {
        const condition = toBoolean(this.value(nodes[0]));
        if (isError(condition)) return condition;
        const chosen = condition ? nodes[1] : nodes[2];
        // IF(c, x) false gives FALSE; an argument left empty, IF(c, , x), gives 0.
        if (!chosen) return false;
        return chosen.kind === "missing" ? 0 : this.value(chosen);
      }
      case "IFERROR": {
        const value = this.value(nodes[0]);
        return isError(value) ? this.value(nodes[1]) : value;
      }
      case "ISBLANK": {
        const value = this.value(nodes[0]);
        // Only an empty cell is blank: a formula's "" is not (ISBLANK, IS functions docs).
        return nodes[0].kind === "ref" && value === null;
      }
      case "NOT": {
        const b = toBoolean(this.value(nodes[0]));
        return isError(b) ? b : !b;
      }
      case "ABS": {
        const n = toNumber(this.value(nodes[0]));
        return isError(n) ? n : Math.abs(n);
      }
      case "ROUND":
      case "ROUNDUP":
      case "ROUNDDOWN": {
        const x = toNumber(this.value(nodes[0]));
        if (isError(x)) return x;
        const digits = toNumber(this.value(nodes[1]));
        if (isError(digits)) return digits;
        return rounded(x, digits, name === "ROUND" ? "round" : name === "ROUNDUP" ? "up" : "down");
      }
    }
    const args = nodes.map((node) => this.arg(node));
    switch (name) {
      case "COUNT":
        // Numbers in references; typed numbers, booleans and numeric text count; errors never (COUNT docs).
        return args.reduce(
          (n, arg) =>
            n +
            ("cells" in arg
              ? arg.cells.filter((v) => typeof v === "number").length
              : Number(arg.value !== null && !isError(toNumber(arg.value)))),
          0,
        );
      case "COUNTA":
        // Anything but an empty cell, a formula's "" and errors included (COUNTA docs).
        return args.reduce((n, arg) => n + ("cells" in arg ? arg.cells.filter((v) => v !== null).length : 1), 0);
      case "AND":
      case "OR": {
        const booleans = booleansOf(args);
        if (isError(booleans)) return booleans;
        return name === "AND" ? booleans.every(Boolean) : booleans.some(Boolean);
      }
    }
    const numbers = numbersOf(args);
    if (isError(numbers)) return numbers;
    const sum = numbers.reduce((a, b) => a + b, 0);
    switch (name) {
      case "SUM":
        return finite(sum);
      case "AVERAGE":
        return numbers.length ? finite(sum / numbers.length) : DIV0;
      // No numbers at all: MIN and MAX give 0 (MIN function docs).
      case "MIN":
        return numbers.length ? Math.min(...numbers) : 0;
      default:
        return numbers.length ? Math.max(...numbers) : 0;
    }
  }
}

/** A formula (without "=") evaluated over the Grid of its own sheet; undefined when unsupported. */
export function evaluateFormula(formula: string, grid: Grid): Computed | undefined {
  return new SheetFormulas(grid).evaluate(formula);
}
