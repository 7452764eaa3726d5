import AsyncStorage from '@react-native-async-storage/async-storage';

/** Small key-value persistence; on phones, AsyncStorage. */
export const storage = {
  get(key: string): Promise<string | null> {
    return AsyncStorage.getItem(key);
  },
  set(key: string, value: string): Promise<void> {
    return AsyncStorage.setItem(key, value);
  },
  remove(key: string): Promise<void> {
    return AsyncStorage.removeItem(key);
  },
};
