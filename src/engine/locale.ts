/**
 * The languages PhuLuc speaks and how each writes a number and names a cell. The engine keeps what
 * it found as data (a finding's params, a note's params) and every text is rendered from it by one
 * of these, at the edge: Vietnamese first (224.591, 94,2%), English beside it (224,591, 94.2%).
 */
import { enNumber, quote, vnNumber, type NumberStyle } from "./messages";

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** One value per language: a rule's label, a renderer, a phrase a rule passes in its params. */
export type Localized<T> = Record<Locale, T>;
/** A phrase in every language (the subject or basis of a finding). */
export type Words = Localized<string>;

export interface LocaleFormat {
  locale: Locale;
  number(value: number, style?: NumberStyle): string;
  /** `“…”`, tidied and cut when very long (the same in every language). */
  quote(text: string): string;
  /** `Ô D15` / `Cell D15`: how a message names the cell at fault. */
  cell(address: string): string;
}

export const FORMATS: Localized<LocaleFormat> = {
  vi: { locale: "vi", number: vnNumber, quote, cell: (address) => `Ô ${address}` },
  en: { locale: "en", number: enNumber, quote, cell: (address) => `Cell ${address}` },
};

/** A text in every language from one renderer over the locale's format. */
export function localize(render: (format: LocaleFormat) => string): Words {
  return { vi: render(FORMATS.vi), en: render(FORMATS.en) };
}
