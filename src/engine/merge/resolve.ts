/**
 * One consolidated cell, several units' values: the lead unit's value is taken (co-leads in the
 * order the Đơn vị chủ trì cell names them; the first that sent a value wins), an equal value from
 * anyone else agrees, a different one is a merge-conflict — unless the user settled it.
 */
import type { Cell } from "../grid";
import type { ParsedValue } from "../model";
import { mergeConflict } from "../rules/merge-conflict";
import { scaleSuspect } from "../rules/scale-suspect";
import { settle, type Contribution, type MergeRun } from "./context";
import type { Conflict, FilledValue } from "./types";
import { cellValueOf, displayParsed, explanationOf, sameValue } from "./values";

export interface Candidate {
  contribution: Contribution;
  /** Address in the unit's sheet. */
  address: string;
  cell: Cell | undefined;
  parsed: ParsedValue;
}

export interface CellQuestion {
  sheet: string;
  /** Consolidated address. */
  cell: string;
  indicator: string;
  column: string;
  leads: string[];
  candidates: Candidate[];
  /** A value the template already holds that no unit may change (a plan's approved target). */
  fixed?: { parsed: ParsedValue };
}

/** Scale slips (224.591 typed for 224591) show as a ratio near 1000 between two reports of one figure. */
export function looksScaled(a: number, b: number): boolean {
  if (a === 0 || b === 0) return false;
  const ratio = Math.abs(a / b) >= 1 ? Math.abs(a / b) : Math.abs(b / a);
  return ratio >= 500 && ratio <= 2000;
}

/** Settles the cell; returns the candidate whose value goes in (none when the template's stays). */
export function resolveCell(run: MergeRun, question: CellQuestion): Candidate | undefined {
  const { candidates } = question;
  if (candidates.length === 0) return undefined;
  const id = `${question.sheet}!${question.cell}`;
  const chosenUnit = run.resolutions.size > 0 ? run.resolutions.get(id) : undefined;
  const chosen = chosenUnit ? candidates.find((c) => c.contribution.source.unit === chosenUnit) : undefined;
  const byLead = question.leads
    .map((lead) => candidates.find((c) => c.contribution.source.unit === lead))
    .find((c) => c !== undefined);
  const kept = chosen ?? (question.fixed ? undefined : (byLead ?? candidates[0]));
  const reference = kept?.parsed ?? question.fixed?.parsed ?? { kind: "empty" };
  const keptName = kept ? kept.contribution.source.unit : "mẫu tổng hợp";

  const differing = candidates.filter((c) => c !== kept && !sameValue(c.parsed, reference));
  const target = { sheet: question.sheet, cell: question.cell };
  for (const candidate of candidates) {
    const outcome =
      candidate === kept ? "merged" : !differing.includes(candidate) ? "agreed" : chosen ? "rejected" : "conflict";
    const note =
      outcome === "merged" && chosen
        ? `KHTC chọn giá trị này cho ô ${question.cell}.`
        : outcome === "merged" && !question.leads.includes(keptName) && question.leads.length > 0
          ? `Đơn vị chủ trì chưa gửi; lấy tạm giá trị này.`
          : outcome === "rejected"
            ? `KHTC chọn giá trị của ${keptName} cho ô ${question.cell}.`
            : outcome === "conflict"
              ? `Khác giá trị của ${keptName} ở ô ${question.cell}.`
              : undefined;
    candidate.contribution.outcomes.push(outcome);
    if (note) candidate.contribution.notes.push(note);
    settle(
      candidate.contribution,
      candidate.address,
      note ? { fate: outcome, reason: note, target } : { fate: outcome, target },
    );
  }
  if (differing.length === 0) return kept;

  const conflict: Conflict = {
    id,
    sheet: question.sheet,
    cell: question.cell,
    indicator: question.indicator,
    column: question.column,
    kept: keptName,
    leads: question.leads,
    choices: (kept ? [kept, ...differing] : differing).map((c) => ({
      unit: c.contribution.source.unit,
      file: c.contribution.source.file,
      sheet: c.contribution.source.table.sheet,
      cell: c.address,
      value: cellValueOf(c.cell),
      text: displayParsed(c.parsed),
      ...(explanationOf(c.contribution.row) ? { explanation: explanationOf(c.contribution.row) } : {}),
    })),
    resolved: chosen !== undefined,
  };
  run.conflicts.push(conflict);
  if (chosen) return kept;

  const keptText = displayParsed(reference);
  for (const other of differing) {
    const otherText = displayParsed(other.parsed);
    const source = other.contribution.source;
    run.finding(
      mergeConflict,
      {
        sheet: question.sheet,
        cell: question.cell,
        file: source.file,
        explanation: explanationOf(other.contribution.row),
      },
      {
        column: question.column,
        indicator: question.indicator,
        unit: source.unit,
        file: source.file,
        source: other.address,
        value: otherText,
        kept: keptText,
        keptBy: keptName,
        expected: keptText,
        actual: otherText,
      },
    );
    if (
      reference.kind === "number" &&
      other.parsed.kind === "number" &&
      looksScaled(reference.value, other.parsed.value)
    ) {
      run.finding(
        scaleSuspect,
        { sheet: question.sheet, cell: question.cell, file: source.file },
        {
          kind: "kept-value",
          unit: source.unit,
          value: otherText,
          kept: keptText,
          keptBy: keptName,
          expected: keptText,
          actual: otherText,
        },
      );
    }
  }
  return kept;
}

/** The consolidated value of a settled cell, with where it came from and the giải trình it carries. */
export function filledValue(question: CellQuestion, kept: Candidate, cell: Cell | undefined): FilledValue {
  const source = kept.contribution.source;
  const explanation = explanationOf(kept.contribution.row);
  return {
    sheet: question.sheet,
    cell: question.cell,
    indicator: question.indicator,
    column: question.column,
    value: cell?.value ?? null,
    ...(cell?.numFmt ? { numFmt: cell.numFmt } : {}),
    source: { file: source.file, sheet: source.table.sheet, cell: kept.address, unit: source.unit },
    ...(explanation ? { explanation } : {}),
  };
}
