import type { Lang } from './strings';

/**
 * The UI language for the device's preferred locales, best first (BCP 47 tags: `en-US`, `zh-Hans-CN`, `zh-TW`):
 * the first that is Chinese or English decides. Chinese in any script gets zh-CN, the only Chinese the app has.
 * A device with neither gets English, the more widely read of the two.
 */
export function langOfLocales(locales: readonly string[]): Lang {
  for (const tag of locales) {
    const language = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (language === 'zh') return 'zh-CN';
    if (language === 'en') return 'en';
  }
  return 'en';
}
