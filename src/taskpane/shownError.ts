/**
 * An error as the pane shows it, in both languages (the language switch changes a message already shown).
 * Errors cross the check and merge workers as this pair, since an Error's class does not survive postMessage.
 */
import { PhuLucError } from "../engine/errors";

export interface Bilingual {
  vi: string;
  en: string;
}

/** An error that already carries its text in both languages (one that came back from a worker). */
export class ShownError extends Error {
  constructor(readonly shown: Bilingual) {
    super(shown.vi);
    this.name = "ShownError";
  }
}

export function shownError(error: unknown): Bilingual {
  if (error instanceof ShownError) return error.shown;
  if (error instanceof PhuLucError) return { vi: error.messageVi, en: error.messageEn };
  const detail = error instanceof Error ? error.message : String(error);
  return { vi: `Lỗi không mong đợi: ${detail}`, en: `Unexpected error: ${detail}` };
}
