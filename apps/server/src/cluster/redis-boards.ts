import type { RankingEntry } from '@guandan/protocol';
import { type BoardRecord, type Boards, rankedEntries, type Usernames } from '../ranking/index.js';
import type { BoardEntry } from '../ranking/index.js';
import type { RedisLink } from './redis-link.js';

/** Puts a person's entry in place of their old one; `only-new` skips people already on the board (a rebuild). */
const PLACE = `
local old = redis.call('HGET', KEYS[2], ARGV[1])
if old and ARGV[3] == 'only-new' then return 0 end
if old then redis.call('ZREM', KEYS[1], old) end
redis.call('ZADD', KEYS[1], 0, ARGV[2])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
return 1`;

const SCORE_OFFSET = 1e15;
const WINS_OFFSET = 1e9;

/**
 * An entry as a member of a sorted set whose scores are all 0, so that Redis orders members byte by byte: the
 * score and wins inverted and zero-padded (higher first), then the update time (earlier first), then the user id,
 * the same order as the table's query.
 */
function memberOf(row: BoardEntry): string {
  const score = String(SCORE_OFFSET - row.score).padStart(16, '0');
  const wins = String(WINS_OFFSET - row.wins).padStart(10, '0');
  return `${score}|${wins}|${row.updated_at}|${row.user_id}`;
}

function rowOf(member: string): BoardEntry {
  const [score, wins, updatedAt, userId] = member.split('|');
  return { score: SCORE_OFFSET - Number(score), wins: WINS_OFFSET - Number(wins), updated_at: updatedAt, user_id: userId };
}

/**
 * The boards of a cluster as Redis sorted sets beside the table: a page is one ZRANGE, a rank one ZRANK. Entries
 * are written as the absolute values the table returns from the consumer's update, so an event applied again (or
 * a transaction that rolled back after writing here) converges on the table's values. A board Redis lost is rebuilt
 * from the table on its first read.
 */
export class RedisBoards implements Boards {
  constructor(
    private readonly link: RedisLink,
    private readonly record: BoardRecord,
    private readonly usernames: Usernames,
  ) {}

  async page(board: string, page: number, limit: number): Promise<RankingEntry[]> {
    await this.ensure(board);
    const first = (page - 1) * limit;
    return this.entries(await this.link.commands.zrange(this.setKey(board), String(first), String(first + limit - 1)), first + 1);
  }

  async around(board: string, userId: string, span: number): Promise<RankingEntry[]> {
    await this.ensure(board);
    const member = await this.link.commands.hget(this.membersKey(board), userId);
    if (member === null) return [];
    const rank = await this.link.commands.zrank(this.setKey(board), member);
    if (rank === null) return [];
    const first = Math.max(0, rank - span);
    return this.entries(await this.link.commands.zrange(this.setKey(board), String(first), String(rank + span)), first + 1);
  }

  async changed(board: string, entry: BoardEntry): Promise<void> {
    await this.place(board, entry, 'replace');
  }

  private async ensure(board: string): Promise<void> {
    if ((await this.link.commands.exists(this.membersKey(board))) === 1) return;
    for (const row of await this.record.entries(board)) await this.place(board, row, 'only-new');
  }

  private place(board: string, row: BoardEntry, mode: 'replace' | 'only-new'): Promise<unknown> {
    return this.link.commands.eval(PLACE, 2, this.setKey(board), this.membersKey(board), row.user_id, memberOf(row), mode);
  }

  private entries(members: string[], firstRank: number): Promise<RankingEntry[]> {
    return rankedEntries(members.map(rowOf), firstRank, this.usernames);
  }

  private setKey(board: string): string {
    return this.link.key('board', board);
  }

  private membersKey(board: string): string {
    return this.link.key('board-members', board);
  }
}
