import type { BotLevel } from '@guandan/bots';
import type { Rules } from '@guandan/engine';
import type { AnyServerMessage, GameMode } from '@guandan/protocol';
import type { UnitOfWork } from '../platform/db/unit-of-work.js';
import type { FinishedGame } from '../records/index.js';
import type { TableCommand, TableEnding } from './table-commands.js';

/** What the tables domain needs from rooms: to close a room with its game, and to free a seat someone quit. */
export interface RoomLifecycle {
  gameFinished(work: UnitOfWork, roomId: string): Promise<void>;
  memberQuit(work: UnitOfWork, roomId: string, userId: string): Promise<void>;
}

/** What the tables domain needs from records: write a finished game with its outbox event, and publish soon. */
export interface GameRecorder {
  recordFinishedGame(work: UnitOfWork, game: FinishedGame): Promise<void>;
  kick(): void;
}

/**
 * Where this node's tables are announced. On one process there is nothing to announce; on a cluster a table is run
 * by the node that holds its lease, which also takes the commands other nodes forward for it.
 */
export interface TableHosting {
  /** May this node run the table (true if it already does)? */
  claim(gameId: string): Promise<boolean>;
  /** This node runs the table now, for these seated people. */
  opened(gameId: string, userIds: string[]): Promise<void>;
  /** A person left the table for good. */
  left(gameId: string, userId: string): void;
  /** This node stopped running the table: it is over, or (`finished` false) another node has it now. */
  closed(gameId: string, userIds: string[], finished: boolean): void;
}

/** One process: every table is this node's. */
export const SOLE_HOST: TableHosting = {
  claim: async () => true,
  opened: async () => undefined,
  left: () => undefined,
  closed: () => undefined,
};

/** What rooms and the realtime dispatcher need of the tables, wherever the table runs. */
export interface TablePort {
  create(work: UnitOfWork, input: NewTable): Promise<void>;
  open(gameId: string): Promise<void>;
  run(command: TableCommand): Promise<void>;
  /** An operator ends a table before its match is over, wherever it runs. */
  end(ending: TableEnding): Promise<void>;
  resumeMessages(userId: string, gameId: string, lastSeq: number): Promise<AnyServerMessage[]>;
}

/** The tables this node runs itself: what a cluster's table hosting hands commands, leases and takeovers to. */
export interface LocalTables extends TablePort {
  /** The game the user is seated in on this node, if any. */
  gameOf(userId: string): string | undefined;
  runs(gameId: string): boolean;
  runningIds(): string[];
  /** Stops running a table whose lease this node lost (another node takes it over). */
  handOver(gameId: string): Promise<void>;
}

export interface NewTable {
  gameId: string;
  roomId: string;
  gameMode: GameMode;
  baseBet: number;
  rules: Partial<Rules>;
  /** The bot level that plays for a person who quits. */
  replacementLevel: BotLevel;
  seats: { userId: string | null; username: string; botLevel: BotLevel | null }[];
}
