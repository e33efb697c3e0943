/** Every rule that judges one sheet on its own (spec §4), in the order they are run. */
import { assessmentContradiction } from "./assessment-contradiction";
import { attainmentMismatch } from "./attainment-mismatch";
import { duplicateRow } from "./duplicate-row";
import { notANumber } from "./not-a-number";
import { numbering } from "./numbering";
import { outOfRange } from "./out-of-range";
import { outlier } from "./outlier";
import { partsMismatch } from "./parts-mismatch";
import { periodRegression } from "./period-regression";
import { planMismatch } from "./plan-mismatch";
import { ratioMismatch } from "./ratio-mismatch";
import { requiredEmpty } from "./required-empty";
import type { Rule } from "./rule";
import { scaleSuspect } from "./scale-suspect";
import { totalMismatch } from "./total-mismatch";
import { unknownUnit } from "./unknown-unit";

export type { Rule, RuleContext } from "./rule";

export const SHEET_RULES: readonly Rule[] = [
  notANumber,
  requiredEmpty,
  unknownUnit,
  numbering,
  duplicateRow,
  totalMismatch,
  partsMismatch,
  ratioMismatch,
  attainmentMismatch,
  assessmentContradiction,
  outOfRange,
  scaleSuspect,
  planMismatch,
  periodRegression,
  outlier,
];
