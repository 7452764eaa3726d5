import { screenStrings } from './screens';
import { tableStrings } from './table';
import { walletStrings } from './wallet';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
export const DEFAULT_LANG: Lang = 'zh-CN';

/** Every UI string by language; each area keeps its own file so that two people can work on them at once. */
const STRINGS = {
  'zh-CN': { ...screenStrings['zh-CN'], ...tableStrings['zh-CN'], ...walletStrings['zh-CN'] },
  en: { ...screenStrings.en, ...tableStrings.en, ...walletStrings.en },
};

export type StringKey = keyof (typeof STRINGS)['en'];
export type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

/** The string for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function translate(lang: Lang, key: StringKey, params?: Record<string, string | number>): string {
  const text: string = STRINGS[lang][key] ?? STRINGS.en[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;
}

/** Every string of every language, for the font subset (a character missing from it would draw as nothing). */
export function allStrings(): string[] {
  return LANGS.flatMap((lang) => Object.values(STRINGS[lang]) as string[]);
}
