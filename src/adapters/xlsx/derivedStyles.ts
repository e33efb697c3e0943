/**
 * A cell's style changed on a copy, never in place: exceljs gives every loaded cell of one style (workbook-wide,
 * every sheet) the same style object, so `cell.numFmt = …` or `cell.protection = …` changed all of them (a Kế
 * hoạch column sharing Thực hiện's borders shown as percentages; another sheet's cells unlocked with the
 * consolidated sheet's). Each copy is made once per (style, change) and shared: exceljs hashes every distinct
 * style object as it writes, and a cell without a style has one of its own (12,000 new cells in a 40 × 300 merge).
 */
import type ExcelJS from "exceljs";

type Style = Partial<ExcelJS.Style>;

export class DerivedStyles {
  private readonly made = new Map<Style, Map<string, Style>>();
  /** Stands for every style without a property: they all give the same style once changed. */
  private readonly unstyled: Style = {};

  /** Gives `cell` its style with `change`, which `key` names (the same key, the same change). */
  set(cell: ExcelJS.Cell, key: string, change: Style): void {
    const style = cell.style as Style;
    const base = Object.keys(style).length === 0 ? this.unstyled : style;
    let changes = this.made.get(base);
    if (!changes) this.made.set(base, (changes = new Map()));
    let made = changes.get(key);
    if (!made) changes.set(key, (made = { ...style, ...change }));
    cell.style = made;
  }
}
