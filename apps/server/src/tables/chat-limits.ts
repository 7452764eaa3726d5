import { ProtocolError } from '@guandan/protocol';
import { KeyedRateLimit } from '../realtime/index.js';

export interface ChatLimitSettings {
  CHAT_USER_BURST: number;
  CHAT_USER_PER_SECOND: number;
  CHAT_TABLE_BURST: number;
  CHAT_TABLE_PER_SECOND: number;
}

/**
 * How much chat a table takes: a few lines per person, and a cap for the whole table, since every line is a table
 * event written to the database and sent to each seat. Kept by the node that runs the table, which every chat
 * command reaches (forwarded on a cluster), so the limits hold across nodes.
 */
export class ChatLimits {
  private readonly perUser: KeyedRateLimit;
  private readonly perTable: KeyedRateLimit;

  constructor(settings: ChatLimitSettings) {
    this.perUser = new KeyedRateLimit(settings.CHAT_USER_PER_SECOND, settings.CHAT_USER_BURST);
    this.perTable = new KeyedRateLimit(settings.CHAT_TABLE_PER_SECOND, settings.CHAT_TABLE_BURST);
  }

  /** Takes a line from the person's and the table's allowance, or refuses it with CHAT_RATE_LIMITED. */
  take(gameId: string, userId: string): void {
    if (!this.perUser.take(userId)) throw new ProtocolError('CHAT_RATE_LIMITED', 'you are chatting too fast: wait a few seconds');
    if (!this.perTable.take(gameId)) throw new ProtocolError('CHAT_RATE_LIMITED', 'this table is chatting too fast: wait a few seconds');
  }
}
