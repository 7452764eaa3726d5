import { Linking } from 'react-native';

/** Leaves the app for a page of another site (the payment page): on phones, the browser. */
export function openExternal(url: string): Promise<void> {
  return Linking.openURL(url);
}
