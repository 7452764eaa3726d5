import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { consoleMessagesEn, raOverridesEn } from './en';

/**
 * English only for now. A Chinese console adds `zh.ts` (the same keys as `en.ts`, typed `ConsoleMessages`) with
 * react-admin's own Chinese messages, and lists it here.
 */
const english = {
  ...englishMessages,
  ra: { ...englishMessages.ra, auth: { ...englishMessages.ra.auth, ...raOverridesEn.auth } },
  ...consoleMessagesEn,
};
const messages = { en: english };

export const i18nProvider = polyglotI18nProvider((locale) => messages[locale as keyof typeof messages] ?? messages.en, 'en', [{ locale: 'en', name: 'English' }], {
  // Server messages (a validation refusal's text) reach notifications as they are: show them, do not warn.
  allowMissing: true,
});
