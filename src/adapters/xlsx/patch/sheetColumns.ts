/**
 * `<cols>` (CT_Cols, §18.3.1.17) in the part's text before `<sheetData>`: each `<col min max style>` gives the
 * style Excel shows in that column's cells that have none of their own (nor a formatted row).
 */
import { attribute, withAttribute } from "./rawXml";

interface ColXml {
  /** 0-based, inclusive. */
  first: number;
  last: number;
  tag: string;
  attrs: string;
}

const COLS = /<((?:[A-Za-z_][\w.-]*:)?cols)(\s[^>]*?)?>([\s\S]*?)<\/\1\s*>/;
const COL = /<((?:[A-Za-z_][\w.-]*:)?col)(\s[^>]*?)?\/>/g;

export class SheetColumns {
  private readonly cols: ColXml[] = [];

  constructor(beforeRows: string) {
    const cols = COLS.exec(beforeRows);
    if (!cols) return;
    for (const [, tag, attrs = ""] of cols[3].matchAll(COL)) {
      const first = Number(attribute(attrs, "min")) - 1;
      const last = Number(attribute(attrs, "max")) - 1;
      if (first >= 0 && last >= first) this.cols.push({ first, last, tag, attrs });
    }
  }

  /** The style of the column's `<col>`, 0 when it has none. */
  styleOf(col: number): number {
    const found = this.cols.find((c) => col >= c.first && col <= c.last);
    return Number(found && attribute(found.attrs, "style")) || 0;
  }

  /**
   * Every `<col>`'s style mapped, and the columns up to `used` that have no `<col>` given one with style
   * `map(0)` (as exceljs's `column.style = …` for each used column), so their empty cells show it too.
   * Returns the text before sheetData with the new `<cols>` (put before sheetData when there was none:
   * CT_Worksheet's sequence, §18.3.1.99, has cols right before sheetData).
   */
  mapStyles(beforeRows: string, map: (s: number) => number, used: number, prefix: string): string {
    const fill = map(0);
    const width = defaultWidth(beforeRows);
    const cols = this.cols.map((c) => ({
      ...c,
      attrs: styled(c.attrs, map(Number(attribute(c.attrs, "style")) || 0)),
    }));
    if (fill !== 0) {
      let next = 0;
      const gaps: ColXml[] = [];
      for (const c of [...cols].sort((a, b) => a.first - b.first)) {
        if (c.first > next && next < used) gaps.push(gap(next, Math.min(c.first, used) - 1, prefix, fill, width));
        next = Math.max(next, c.last + 1);
      }
      if (next < used) gaps.push(gap(next, used - 1, prefix, fill, width));
      cols.push(...gaps);
      cols.sort((a, b) => a.first - b.first);
    }
    this.cols.splice(0, this.cols.length, ...cols);
    if (cols.length === 0) return beforeRows;
    const items = cols.map((c) => `<${c.tag}${c.attrs}/>`).join("");
    const existing = COLS.exec(beforeRows);
    if (existing) {
      const [whole, tag, attrs = ""] = existing;
      return beforeRows.replace(whole, () => `<${tag}${attrs}>${items}</${tag}>`);
    }
    return `${beforeRows}<${prefix}cols>${items}</${prefix}cols>`;
  }
}

const styled = (attrs: string, style: number) => withAttribute(attrs, "style", style === 0 ? undefined : style);

const gap = (first: number, last: number, prefix: string, style: number, width: string): ColXml => ({
  first,
  last,
  tag: `${prefix}col`,
  attrs: ` min="${first + 1}" max="${last + 1}" width="${width}" style="${style}"`,
});

/**
 * A new `<col>`'s width: the sheet's default (`<sheetFormatPr defaultColWidth>`), else Excel's own default
 * (8.43 characters of Calibri 11, stored as 9.140625): a `<col>` without width may show as a hidden column.
 */
function defaultWidth(beforeRows: string): string {
  const format = /<(?:[A-Za-z_][\w.-]*:)?sheetFormatPr(\s[^>]*?)?\/?>/.exec(beforeRows);
  return (format && attribute(format[1] ?? "", "defaultColWidth")) ?? "9.140625";
}
