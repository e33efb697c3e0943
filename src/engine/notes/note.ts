/**
 * Notes: what the check says about odd input, never a fault (hidden rows, formulas never calculated,
 * what it compared with). Like findings, a note is data — an id and typed params — and its texts are
 * rendered per locale from a definition (./index.ts holds the registry and renderNote).
 */
import type { LocaleFormat, Localized } from "../locale";
import { FORMATS } from "../locale";
import type { MessageRenderer } from "../rules/rule";

/** A note's params: plain JSON (numbers, strings, cell addresses, phrases in every language). */
export type NoteParams = object;

export interface NoteDefinition<Id extends string = string, P extends NoteParams = NoteParams> {
  id: Id;
  message: Localized<MessageRenderer<P>>;
  /** Params the locale parity test renders in every language: one per shape of message. */
  examples: readonly P[];
}

export interface Note<Id extends string = string> {
  id: Id;
  /** Always `info`: a note states, it never faults (same scale as Finding.severity). */
  severity: "info";
  params: NoteParams;
  /** Vietnamese, as the CLI's `notes` has always said it. */
  message: string;
  messageEn: string;
}

/** The one way a note is made: both messages rendered from `params`. */
export function makeNote<Id extends string, P extends NoteParams>(
  definition: NoteDefinition<Id, P>,
  params: P,
): Note<Id> {
  return {
    id: definition.id,
    severity: "info",
    params,
    message: definition.message.vi(params, FORMATS.vi),
    messageEn: definition.message.en(params, FORMATS.en),
  };
}

/** A note definition with its params type inferred (one literal per note). */
export function defineNote<Id extends string, P extends NoteParams>(
  definition: Omit<NoteDefinition<Id, P>, "examples"> & { examples: readonly NoInfer<P>[] },
): NoteDefinition<Id, P> {
  return definition;
}

/** At most this many addresses are listed in one note; the rest are counted. */
export const LIST_LIMIT = 10;

/** `D5, D6 và 3 ô khác` / `D5, D6 and 3 other cells`. */
export function listCells(cells: readonly string[], f: LocaleFormat): string {
  const shown = cells.slice(0, LIST_LIMIT).join(", ");
  const rest = cells.length - LIST_LIMIT;
  if (rest <= 0) return shown;
  return f.locale === "vi" ? `${shown} và ${f.number(rest)} ô khác` : `${shown} and ${f.number(rest)} other cells`;
}

/** `3, 4, …`: the first few of a list, then an ellipsis when there are more. */
export function listFew(items: readonly (string | number)[]): string {
  return items.slice(0, LIST_LIMIT).join(", ") + (items.length > LIST_LIMIT ? ", …" : "");
}
