/** Typed errors: every one carries a Vietnamese message the user reads, and an English one. */

/** A text in both languages the user may switch between. */
export interface Bilingual {
  vi: string;
  en: string;
}

export type PhuLucErrorCode =
  | "file-not-found"
  | "legacy-xls"
  | "encrypted"
  | "not-xlsx"
  | "corrupt"
  | "too-large"
  | "no-sheets"
  | "bad-template"
  | "excel-too-old"
  | "not-in-excel"
  | "write-failed"
  | "bad-argument"
  | "unknown-unit"
  | "not-submitted"
  | "approved-unit";

export class PhuLucError extends Error {
  constructor(
    readonly code: PhuLucErrorCode,
    /** Vietnamese, shown to the user; names the file or cell concerned. */
    readonly messageVi: string,
    readonly messageEn: string = messageVi,
    options?: { cause?: unknown },
  ) {
    super(messageVi, options);
    this.name = "PhuLucError";
  }
}

/** The Vietnamese message of any thrown value, for showing to the user (never a stack trace). */
export function userMessage(error: unknown): string {
  return userMessages(error).vi;
}

/** The messages of any thrown value in every language (a note that quotes an error renders either). */
export function userMessages(error: unknown): Bilingual {
  if (error instanceof PhuLucError) return { vi: error.messageVi, en: error.messageEn };
  const detail = error instanceof Error ? error.message : String(error);
  return { vi: `Lỗi không mong đợi: ${detail}`, en: `Unexpected error: ${detail}` };
}
