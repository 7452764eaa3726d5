import Constants from 'expo-constants';

const LOCAL_SERVER = 'http://localhost:3000';

/** On phones the server is configured in app.json (`expo.extra.apiUrl`). */
export function serverOrigin(): string {
  const configured = Constants.expoConfig?.extra?.apiUrl;
  return typeof configured === 'string' && configured.length > 0 ? configured.replace(/\/+$/, '') : LOCAL_SERVER;
}
