/**
 * An error as the pane shows it, in both languages (the language switch changes a message already shown).
 * Errors cross the check and merge workers as this pair, since an Error's class does not survive postMessage.
 */
import { userMessages, type Bilingual } from "../engine/errors";
import { excelErrorMessage, isExcelError } from "../adapters/excel/excelErrors";

export type { Bilingual };

/** An error that already carries its text in both languages (one that came back from a worker). */
export class ShownError extends Error {
  constructor(readonly shown: Bilingual) {
    super(shown.vi);
    this.name = "ShownError";
  }
}

export function shownError(error: unknown): Bilingual {
  if (error instanceof ShownError) return error.shown;
  // Excel's own message is not meant for users (its code is): mark, compute, select and write all end here.
  if (isExcelError(error)) return excelErrorMessage(error);
  return userMessages(error);
}
