import { useCallback, useEffect, useState } from 'react';
import { LANGS, type Lang } from '../i18n';
import { langOfLocales } from '../i18n/locale';
import { deviceLocales, markDocumentLang } from '../platform/device-locales';
import { storage } from '../platform/storage';
import { STORAGE_KEYS } from './storage-keys';

/** The language: the one the player chose on this device if any, else the device's (browser's) own. */
export function useStoredLang(): [Lang, (lang: Lang) => void] {
  const [lang, setLang] = useState<Lang>(() => langOfLocales(deviceLocales()));

  useEffect(() => {
    void storage.get(STORAGE_KEYS.lang).then((saved) => {
      if (saved !== null && (LANGS as readonly string[]).includes(saved)) setLang(saved as Lang);
    });
  }, []);

  useEffect(() => markDocumentLang(lang), [lang]);

  const choose = useCallback((next: Lang) => {
    setLang(next);
    void storage.set(STORAGE_KEYS.lang, next);
  }, []);

  return [lang, choose];
}
