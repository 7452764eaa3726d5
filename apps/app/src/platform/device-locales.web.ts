/** The browser's preferred languages, best first (Accept-Language order); older browsers give one. */
export function deviceLocales(): string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? [...navigator.languages] : [navigator.language].filter(Boolean);
}

/** `<html lang>` follows the UI, so screen readers, hyphenation and CJK glyph choice match what is shown. */
export function markDocumentLang(lang: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}
