import { existsSync, readFileSync } from 'node:fs';
import { ProtocolError } from '@guandan/protocol';
import { z } from 'zod';

/** One sanctions designation of an address, as a screening source names it. */
export interface Identification {
  name: string;
  category: string;
}

/** A sanctions screening service (Chainalysis): the designations of an address, none when it is clean. */
export interface SanctionsProvider {
  readonly name: string;
  identifications(address: string): Promise<Identification[]>;
}

const ScreeningSchema = z.object({ identifications: z.array(z.object({ name: z.string(), category: z.string() }).passthrough()) });

/**
 * Chainalysis's sanctions screening API: `GET /api/v1/address/{address}` with the key in `X-API-Key`, answering the
 * address's `identifications` (empty when it is not sanctioned).
 */
export class ChainalysisSanctions implements SanctionsProvider {
  readonly name = 'chainalysis';

  constructor(private readonly settings: { apiKey: string; apiUrl: string }) {}

  async identifications(address: string): Promise<Identification[]> {
    const response = await fetch(`${this.settings.apiUrl}/api/v1/address/${encodeURIComponent(address)}`, {
      headers: { 'x-api-key': this.settings.apiKey, accept: 'application/json' },
      signal: AbortSignal.timeout(10_000),
    }).catch(() => {
      throw new ProtocolError('UNAVAILABLE', 'sanctions screening did not answer: try again');
    });
    if (!response.ok) throw new ProtocolError('UNAVAILABLE', `sanctions screening answered ${response.status}: try again`);
    return ScreeningSchema.parse(await response.json()).identifications.map(({ name, category }) => ({ name, category }));
  }
}

/**
 * The local sanctions list: a file of addresses, one per line (`#` starts a comment), compared without case.
 * A missing file is an error at start: a list the operator configured must be there.
 */
export function localSanctionsList(file: string | undefined): ReadonlySet<string> {
  if (file === undefined) return new Set();
  if (!existsSync(file)) throw new Error(`bad configuration: SANCTIONS_LIST_FILE ${file} does not exist`);
  const entries = readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim().toLowerCase())
    .filter((line) => line !== '');
  return new Set(entries);
}
