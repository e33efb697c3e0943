/**
 * The registry of note definitions: NoteId, NOTE_IDS and renderNote(note, locale), the way
 * rules/index.ts is for findings. A new note is one definition in one of these files and one line here.
 */
import type { Locale } from "../locale";
import { FORMATS } from "../locale";
import type { Note, NoteDefinition } from "./note";
import * as references from "./references";
import * as sheet from "./sheet";
import * as workbook from "./workbook";

export const NOTE_DEFINITIONS = [
  ...Object.values(sheet),
  ...Object.values(references),
  ...Object.values(workbook),
] as const;

export type NoteId = (typeof NOTE_DEFINITIONS)[number]["id"];
export const NOTE_IDS: readonly NoteId[] = NOTE_DEFINITIONS.map((d) => d.id);

const BY_ID = new Map<string, NoteDefinition>(NOTE_DEFINITIONS.map((d) => [d.id, d as NoteDefinition]));

export function noteDefinition(id: string): NoteDefinition {
  const definition = BY_ID.get(id);
  if (!definition) throw new Error(`Unknown note id: ${id}`);
  return definition;
}

/** A note's text in one language, rendered from its params (the same text makeNote stored). */
export function renderNote(note: Note, locale: Locale): string {
  return noteDefinition(note.id).message[locale](note.params, FORMATS[locale]);
}

export type { Note } from "./note";
