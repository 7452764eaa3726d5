import { limitsStrings } from './limits';
import { isPlural, type Message, pluralForm } from './plural';
import { screenStrings } from './screens';
import { shopStrings } from './shop';
import { tableStrings } from './table';
import { walletStrings } from './wallet';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
/** The language before the device's or the player's choice is known (see locale.ts). */
export const DEFAULT_LANG: Lang = 'zh-CN';

/** Every UI string by language; each area keeps its own file so that two people can work on them at once. */
const STRINGS: Record<Lang, Record<string, Message>> & { en: Record<EnKey, Message> } = {
  'zh-CN': { ...screenStrings['zh-CN'], ...tableStrings['zh-CN'], ...walletStrings['zh-CN'], ...shopStrings['zh-CN'], ...limitsStrings['zh-CN'] },
  en: { ...screenStrings.en, ...tableStrings.en, ...walletStrings.en, ...shopStrings.en, ...limitsStrings.en },
};
type EnKey = keyof typeof screenStrings.en | keyof typeof tableStrings.en | keyof typeof walletStrings.en | keyof typeof shopStrings.en | keyof typeof limitsStrings.en;

export type StringKey = EnKey;
export type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

/**
 * The string for `key` in `lang`, with `{name}` placeholders filled from `params`. A counted message picks its form
 * by the language's plural rule for `params.n` ("1 deal", "2 deals").
 */
export function translate(lang: Lang, key: StringKey, params?: Record<string, string | number>): string {
  const message: Message = STRINGS[lang][key] ?? STRINGS.en[key] ?? key;
  const text = isPlural(message) ? pluralForm(lang, message, Number(params?.n ?? Number.NaN)) : message;
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;
}

/** Every text of every language, every plural form included, for the font subset (a missing character draws as nothing). */
export function allStrings(): string[] {
  return LANGS.flatMap((lang) => Object.values(STRINGS[lang]).flatMap((message) => (isPlural(message) ? Object.values(message) : [message])));
}
