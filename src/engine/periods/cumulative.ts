/**
 * Is an indicator's figure cumulative over the year? Decided by the template's data
 * (templates/cumulative.ts): an override by Mã chỉ tiêu or label first, then a percentage value or the
 * not-cumulative ĐVT/wording, then the cumulative ĐVT/wording. Undefined means "not known", and an
 * indicator not known to be cumulative is never reported as falling (a false warning costs trust).
 */
import { labelKey } from "../merge/keys";
import type { TableRow } from "../model";
import type { CumulativeDef } from "../template";
import { foldTidy } from "../text";

interface Compiled {
  def: CumulativeDef;
  cumulative: { measures: RegExp[]; wording: RegExp[] };
  notCumulative: { measures: RegExp[]; wording: RegExp[] };
  overrides: Map<string, boolean>;
}

const compiled = new WeakMap<CumulativeDef, Compiled>();

function compile(def: CumulativeDef): Compiled {
  let known = compiled.get(def);
  if (!known) {
    const regexes = (sources: string[]) => sources.map((source) => new RegExp(source));
    known = {
      def,
      cumulative: { measures: regexes(def.cumulative.measures), wording: regexes(def.cumulative.wording) },
      notCumulative: { measures: regexes(def.notCumulative.measures), wording: regexes(def.notCumulative.wording) },
      overrides: new Map(Object.entries(def.overrides).map(([key, value]) => [labelKey(key), value])),
    };
    compiled.set(def, known);
  }
  return known;
}

const anyMatch = (patterns: RegExp[], text: string) => text !== "" && patterns.some((p) => p.test(text));

export function isCumulative(def: CumulativeDef | undefined, row: TableRow, percentValue: boolean): boolean {
  if (!def) return false;
  const rules = compile(def);
  if (rules.overrides.size > 0) {
    const code = row.cells.code?.text.trim();
    const override =
      (code ? rules.overrides.get(labelKey(code)) : undefined) ?? rules.overrides.get(labelKey(row.label));
    if (override !== undefined) return override;
  }
  if (percentValue) return false;
  const measure = foldTidy(row.cells.measure?.text ?? "");
  const wording = foldTidy(row.label);
  if (anyMatch(rules.notCumulative.measures, measure) || anyMatch(rules.notCumulative.wording, wording)) return false;
  return anyMatch(rules.cumulative.measures, measure) || anyMatch(rules.cumulative.wording, wording);
}
