/**
 * One cause, one finding. A unit's count typed 1000× too big (`296.000` for 296) is seen twice on the
 * consolidated sheet: by the merge's own comparison with the other units (`scale-suspect`, units-median)
 * and by the check of the consolidated sheet (`outlier` across units). The outlier is kept: it names the
 * column, the direction and the factor (`gấp 977 lần trung vị của 6 đơn vị`) where the scale-suspect says
 * "1000× or 1/1000"; it takes the scale-suspect's file, so KHTC still knows which unit's file to return.
 * With fewer units than the outlier needs, the scale-suspect is the only one and stays.
 */
import type { Finding } from "../finding";

const key = (f: Finding) => `${f.sheet}!${f.cell}`;

export function oneFindingPerCause(
  mergeFindings: Finding[],
  checked: Finding[],
): { mergeFindings: Finding[]; checked: Finding[] } {
  const outliers = new Set(checked.filter((f) => f.rule === "outlier").map(key));
  const files = new Map<string, string | undefined>();
  const kept = mergeFindings.filter((f) => {
    const same =
      f.rule === "scale-suspect" && (f.params as { kind?: string }).kind === "units-median" && outliers.has(key(f));
    if (same) files.set(key(f), f.file);
    return !same;
  });
  return {
    mergeFindings: kept,
    checked: checked.map((f) => {
      const file = f.rule === "outlier" && !f.file ? files.get(key(f)) : undefined;
      return file ? { ...f, file } : f;
    }),
  };
}
