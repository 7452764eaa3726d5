import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { DEFAULT_LANG, type Lang, translate, type Translate } from './strings';

export { DEFAULT_LANG, LANGS, type Lang, type StringKey, type Translate, translate } from './strings';

const LangContext = createContext<Lang>(DEFAULT_LANG);

export function LangProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  return <LangContext.Provider value={lang}>{children}</LangContext.Provider>;
}

export function useLang(): Lang {
  return useContext(LangContext);
}

/** The translate function of the current language. */
export function useT(): Translate {
  const lang = useLang();
  return useMemo<Translate>(() => (key, params) => translate(lang, key, params), [lang]);
}
