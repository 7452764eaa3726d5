import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_LANG, LANGS, type Lang } from '../i18n';
import { storage } from '../platform/storage';
import { STORAGE_KEYS } from './storage-keys';

/** The chosen language, kept on the device; zh-CN until the player picks another. */
export function useStoredLang(): [Lang, (lang: Lang) => void] {
  const [lang, setLang] = useState<Lang>(DEFAULT_LANG);

  useEffect(() => {
    void storage.get(STORAGE_KEYS.lang).then((saved) => {
      if (saved !== null && (LANGS as readonly string[]).includes(saved)) setLang(saved as Lang);
    });
  }, []);

  const choose = useCallback((next: Lang) => {
    setLang(next);
    void storage.set(STORAGE_KEYS.lang, next);
  }, []);

  return [lang, choose];
}
