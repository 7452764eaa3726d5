import { type Card, RANKS, type Rank, type Seat } from '@guandan/engine';
import type { RawData } from 'ws';

/** A message as it arrives from a host: a JSON object, checked field by field where it is used. */
export type WireMessage = Record<string, unknown>;

/** The text of a WebSocket message. */
export function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

export function parseWire(text: string): WireMessage | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as WireMessage) : null;
  } catch {
    return null;
  }
}

export function readSeat(value: unknown): Seat | null {
  return value === 0 || value === 1 || value === 2 || value === 3 ? value : null;
}

export function readSeats(value: unknown): Seat[] | null {
  if (!Array.isArray(value)) return null;
  const seats = value.map(readSeat);
  return seats.every((seat) => seat !== null) ? (seats as Seat[]) : null;
}

export function readCards(value: unknown): Card[] | null {
  return Array.isArray(value) && value.every((card) => typeof card === 'string') ? [...(value as Card[])] : null;
}

const NUMBERED_RANKS: Record<number, Rank> = { 10: 'T', 11: 'J', 12: 'Q', 13: 'K', 14: 'A' };

/** A level: `"2"`..`"A"` (also `"10"`, and the numbers 2..14 some hosts send). */
export function readRank(value: unknown): Rank | null {
  if (typeof value === 'number') return NUMBERED_RANKS[value] ?? (value >= 2 && value <= 9 ? (String(value) as Rank) : null);
  if (value === '10') return 'T';
  return typeof value === 'string' && (RANKS as readonly string[]).includes(value) ? (value as Rank) : null;
}

/** `[[from, to, card], ...]` of a tribute or back notify. */
export function readExchanges(value: unknown): { from: Seat; to: Seat; card: Card }[] | null {
  if (!Array.isArray(value)) return null;
  const exchanges = value.map((entry: unknown) => {
    if (!Array.isArray(entry)) return null;
    const [from, to, card] = [readSeat(entry[0]), readSeat(entry[1]), Array.isArray(entry[2]) ? entry[2][0] : entry[2]];
    return from === null || to === null || typeof card !== 'string' ? null : { from, to, card };
  });
  return exchanges.every((exchange) => exchange !== null) ? (exchanges as { from: Seat; to: Seat; card: Card }[]) : null;
}
