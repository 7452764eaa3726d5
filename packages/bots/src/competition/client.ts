import type { Rules, Seat } from '@guandan/engine';
import { WebSocket } from 'ws';
import type { BotLevel } from '../bot.js';
import { createBot } from '../create.js';
import { chooseIndex } from './choose.js';
import { ClientTable } from './client-table.js';
import { parseWire, rawText } from './wire.js';

export interface ClientOptions {
  /** `ws://HOST:PORT/game/NAME` */
  url: string;
  level: BotLevel;
  seed?: string | number;
  /** The host's rule options, when they differ from the defaults (the protocol does not send them). */
  rules?: Partial<Rules>;
  /** Progress lines; default silent. */
  log?: (line: string) => void;
}

export interface ClientResult {
  /** The seat the host gave us (from the first `beginning`), null if none came. */
  seat: Seat | null;
  /** `act` messages answered. */
  acts: number;
  /** Answers that were index 0 because the bot's choice could not be used. */
  fallbacks: number;
  gameResult: { victoryNum: number[]; draws: number[] } | null;
}

/**
 * Plays one seat for a host of the AI-competition protocol with one of our bots: every `act` is answered with
 * `{"actIndex": i}`, the index of the bot's choice in the host's actionList. Resolves when the host closes the
 * connection; rejects if it cannot connect.
 */
export function runClient(options: ClientOptions): Promise<ClientResult> {
  const log = options.log ?? (() => {});
  const bot = createBot(options.level, { seed: options.seed });
  const table = new ClientTable(options.rules);
  const result: ClientResult = { seat: null, acts: 0, fallbacks: 0, gameResult: null };
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(options.url);
    let opened = false;
    socket.on('open', () => {
      opened = true;
      log(`connected to ${options.url} as a ${options.level} bot`);
    });
    socket.on('message', (data) => {
      const message = parseWire(rawText(data));
      if (message === null) return;
      if (message.type === 'notify') {
        table.notify(message);
        if (message.stage === 'beginning' && result.seat === null) {
          result.seat = table.seat;
          log(`playing seat ${result.seat}`);
        }
        if (message.stage === 'gameResult') result.gameResult = table.gameResult;
        return;
      }
      if (message.type !== 'act') return;
      const actionList = Array.isArray(message.actionList) ? message.actionList : [];
      const choice = chooseIndex(bot, table.viewForAct(message), actionList);
      result.acts++;
      if (choice.fallback !== undefined) {
        result.fallbacks++;
        log(`index 0 sent: ${choice.fallback}`);
      }
      socket.send(JSON.stringify({ actIndex: choice.index }));
    });
    socket.on('error', (error) => {
      if (!opened) reject(error);
    });
    socket.on('close', (code, reason) => {
      log(`closed by the host (${code}${reason.length > 0 ? ` ${reason.toString()}` : ''})`);
      resolve(result);
    });
  });
}
