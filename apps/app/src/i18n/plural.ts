import type { Lang } from './strings';

/**
 * A message that holds a count: one text per plural category of the language (CLDR, as `Intl.PluralRules` names
 * them). The count is always the placeholder `{n}`. English needs `one` and `other`; Chinese has only `other`, so
 * its counted messages stay plain strings.
 */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** A UI string: plain text with `{name}` placeholders, or a counted message. */
export type Message = string | PluralMessage;

export function isPlural(message: Message): message is PluralMessage {
  return typeof message !== 'string';
}

const rules = new Map<Lang, Intl.PluralRules>();

/** The form of `message` for the count `n` in `lang`, by the language's own plural rule. */
export function pluralForm(lang: Lang, message: PluralMessage, n: number): string {
  let rule = rules.get(lang);
  if (rule === undefined) {
    rule = new Intl.PluralRules(lang);
    rules.set(lang, rule);
  }
  return message[rule.select(n)] ?? message.other;
}
