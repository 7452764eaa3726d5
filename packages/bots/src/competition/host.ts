import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveRules, type Rules, type Seat, SEATS } from '@guandan/engine';
import { WebSocketServer } from 'ws';
import { createBot } from '../create.js';
import { type DealSummary, type MatchSummary, playMatch } from './match-runner.js';
import { gameOverNotify, gameResultNotify, type ServerMessage } from './messages.js';
import { SeatLink } from './seat-link.js';

export interface HostOptions {
  /** 0 picks a free port (see RunningHost.port). */
  port: number;
  /** Address to listen on; default all interfaces. */
  bindAddress?: string;
  /** Matches to play; default 1. */
  matches?: number;
  /** Match i (from 0) is dealt from `seed + i` (a number seed) or `${seed}:${i}` (a string seed). Default 0. */
  seed?: string | number;
  rules?: Partial<Rules>;
  /** How long a seat has to answer an act before its default move is played; default 30 000 ms. */
  actTimeoutMs?: number;
  /** Required when rules.matchEnd is {kind: 'time'}: the length of each match in ms. */
  matchTimeMs?: number;
  /** Progress and results; default silent. */
  log?: (line: string) => void;
}

export interface HostResult {
  /** The name each seat connected with (`/game/{name}`). */
  names: string[];
  matches: MatchSummary[];
  /** Matches won per seat, and drawn per seat. */
  victoryNum: number[];
  draws: number[];
  /** Default moves made per seat over all matches. */
  defaultMoves: number[];
}

export interface RunningHost {
  readonly port: number;
  /** Resolves when every match is played (and the sockets are closed); rejects if the host is closed first. */
  readonly result: Promise<HostResult>;
  /** Stops the host: closes every socket and the server. */
  close(): Promise<void>;
}

/** The table name of a request path `/game/{name}`, or null for any other path. */
export function tableName(url: string | undefined): string | null {
  try {
    const match = /^\/game\/([^/]+)\/?$/.exec(new URL(url ?? '/', 'ws://host').pathname);
    return match === null ? null : decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

function matchSeed(seed: string | number, index: number): string | number {
  return typeof seed === 'number' ? seed + index : `${seed}:${index}`;
}

function describeDeal(match: number, deal: DealSummary): string {
  return `match ${match} deal ${deal.number} at level ${deal.level}: order ${deal.order.join(' ')}; levels ${deal.levels.join('/')}`;
}

function describeMatch(match: number, summary: MatchSummary): string {
  const outcome =
    summary.winner === null ? 'drawn' : `won by team ${summary.winner} (seats ${summary.winner}+${summary.winner + 2})`;
  const deals = summary.deals.length;
  return `match ${match} ${outcome} after ${deals} deal${deals === 1 ? '' : 's'}; levels ${summary.levels.join('/')}`;
}

/**
 * Starts a host for the AI-competition protocol: a WebSocket server taking four seats at `/game/{name}` in
 * connection order, then playing the matches. Resolves once it listens.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const rules = options.rules ?? {};
  const resolved = resolveRules(rules); // bad rules fail here, before anyone connects
  if (resolved.matchEnd.kind === 'time' && options.matchTimeMs === undefined) {
    throw new Error('rules.matchEnd is "time": give the match length (matchTimeMs / --minutes)');
  }
  const matches = options.matches ?? 1;
  if (!Number.isInteger(matches) || matches < 1) throw new Error('matches must be a positive integer');
  const log = options.log ?? (() => {});
  const actTimeoutMs = options.actTimeoutMs ?? 30_000;
  const seed = options.seed ?? 0;

  const links: SeatLink[] = [];
  let aborted = false;
  let stopped: Promise<void> | null = null;
  let seatsTaken: () => void = () => {};
  let abortWait: (error: Error) => void = () => {};
  const seated = new Promise<void>((resolve, reject) => {
    seatsTaken = resolve;
    abortWait = reject;
  });

  const server = createServer((_request, response) => {
    response.writeHead(404).end('Guandan competition host: connect with WebSocket to /game/{name}\n');
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    const name = tableName(request.url);
    const refusal = name === null ? '404 Not Found' : links.length >= 4 || stopped !== null ? '409 Conflict' : null;
    if (name === null || refusal !== null) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      if (links.length >= 4 || stopped !== null) {
        ws.close(1013, 'table full');
        return;
      }
      const seat = links.length as Seat;
      const onDisconnect = (): void => {
        if (stopped === null) log(`seat ${seat} (${name}) disconnected`);
      };
      links.push(new SeatLink(seat, name, ws, actTimeoutMs, onDisconnect));
      log(`seat ${seat} joined: ${name}`);
      if (links.length === 4) seatsTaken();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.bindAddress, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  const shutdown = (reason: string): Promise<void> => {
    stopped ??= (async () => {
      abortWait(new Error('the host was closed before four seats joined'));
      await Promise.all(links.map((link) => link.close(reason)));
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    })();
    return stopped;
  };
  const broadcast = (message: ServerMessage): void => links.forEach((link) => link.send(message));

  const play = async (): Promise<HostResult> => {
    await seated;
    const standIns = SEATS.map((seat) => createBot('normal', { seed: `${seed}:stand-in:${seat}` }));
    const result: HostResult = {
      names: links.map((link) => link.name),
      matches: [],
      victoryNum: [0, 0, 0, 0],
      draws: [0, 0, 0, 0],
      defaultMoves: [0, 0, 0, 0],
    };
    for (let index = 0; index < matches; index++) {
      const number = index + 1;
      const summary = await playMatch(
        { seed: matchSeed(seed, index), rules, timeLimitMs: options.matchTimeMs },
        links,
        standIns,
        {
          aborted: () => aborted,
          onDeal: (deal) => log(describeDeal(number, deal)),
          onDefault: (seat, reason) => {
            if (reason !== 'disconnected') log(`seat ${seat}: default move (${reason})`);
          },
        },
      );
      result.matches.push(summary);
      for (const seat of SEATS) {
        result.defaultMoves[seat] += summary.defaultMoves[seat];
        if (summary.winner === null) result.draws[seat]++;
        else if (seat % 2 === summary.winner) result.victoryNum[seat]++;
      }
      log(describeMatch(number, summary));
      broadcast(gameOverNotify(number, matches));
    }
    broadcast(gameResultNotify(result.victoryNum, result.draws));
    log(`seats ${result.names.map((name, seat) => `${seat}:${name}`).join(' ')}`);
    log(`wins per seat ${result.victoryNum.join(' ')}; draws ${result.draws.join(' ')}; default moves ${result.defaultMoves.join(' ')}`);
    return result;
  };

  const result = play().finally(() => shutdown('all matches played'));
  result.catch(() => {}); // the caller sees the rejection through `result`; never an unhandled one
  return {
    port,
    result,
    close: () => {
      aborted = true;
      return shutdown('host closed');
    },
  };
}

/** Runs a host until its matches are played, logging to the console by default; returns the results. */
export async function runHost(options: HostOptions): Promise<HostResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const host = await startHost({ ...options, log });
  log(`listening on port ${host.port} (seed ${options.seed ?? 0}): clients connect to ws://HOST:${host.port}/game/{name}`);
  return host.result;
}
