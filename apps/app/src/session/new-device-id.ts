const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LENGTH = 22;

/** 22 characters of 64: 132 bits, from the platform's random source where there is one. */
export function newDeviceId(random: (count: number) => number[] = randomBytes): string {
  return random(LENGTH)
    .map((byte) => ALPHABET[byte % ALPHABET.length])
    .join('');
}

function randomBytes(count: number): number[] {
  const bytes = new Uint8Array(count);
  if (typeof globalThis.crypto?.getRandomValues === 'function') globalThis.crypto.getRandomValues(bytes);
  else for (let index = 0; index < count; index++) bytes[index] = Math.floor(Math.random() * 256);
  return [...bytes];
}
