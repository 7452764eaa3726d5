import { getLocales } from 'expo-localization';

/** The phone's preferred locales, best first, as the system settings order them. */
export function deviceLocales(): string[] {
  return getLocales().map((locale) => locale.languageTag);
}

/** Phones have no document whose language to mark. */
export function markDocumentLang(_lang: string): void {}
