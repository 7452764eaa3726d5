import { autoPlay, type Bot, type BotLevel, createBot } from '@guandan/bots';
import { type Action, EngineError, legalActions, type Seat, viewFor } from '@guandan/engine';
import type { TableSnapshot } from './snapshot.js';

/**
 * The moves the server makes for a table's seats: a bot's for a bot seat (each keeps what it saw of the game), the
 * auto-play choice for a person on 托管 or out of time. Each decides from its seat's view only.
 */
export class ServerPlayers {
  private readonly bots = new Map<Seat, Bot>();

  constructor(private readonly log: { error(object: unknown, message: string): void }) {}

  choose(table: TableSnapshot, seat: Seat): Action {
    const tableSeat = table.seats[seat];
    const view = viewFor(table.state, seat);
    try {
      if (tableSeat.botLevel !== null) return this.botOf(table.gameId, seat, tableSeat.botLevel).decide(view);
      return autoPlay(view);
    } catch (error) {
      // A bot must never stall a table: log it and take the first legal action.
      this.log.error({ err: error, gameId: table.gameId, seat }, 'bot failed; playing the first legal action');
      const fallback = legalActions(table.state, seat)[0];
      if (fallback === undefined) throw new EngineError('NOT_YOUR_TURN', `seat ${seat} has nothing to do`);
      return fallback;
    }
  }

  private botOf(gameId: string, seat: Seat, level: BotLevel): Bot {
    let bot = this.bots.get(seat);
    if (bot === undefined || bot.level !== level) {
      bot = createBot(level, { seed: `${gameId}:${seat}` });
      this.bots.set(seat, bot);
    }
    return bot;
  }
}
