import { beats } from './beats.js';
import { type Card, parseCards } from './cards.js';
import { classify } from './classify.js';
import { EngineError } from './errors.js';
import { legalMoves } from './moves.js';
import type { Play } from './play.js';
import type { Rules } from './rules.js';
import { returnOptions, tributeOptions } from './tribute.js';

export type EvalReply =
  | { ok: true; result: unknown; id?: unknown }
  | { ok: false; error: { code: string; message: string }; id?: unknown };

interface EvalRequest {
  op: unknown;
  level: unknown;
  cards?: unknown;
  hand?: unknown;
  play?: unknown;
  over?: unknown;
  rules?: unknown;
  id?: unknown;
}

class RequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function cards(request: EvalRequest, field: 'cards' | 'hand'): Card[] {
  const value = request[field];
  if (!Array.isArray(value)) throw new RequestError('BAD_REQUEST', `"${field}" must be an array of cards`);
  return parseCards(value as string[]);
}

function level(request: EvalRequest): string {
  if (typeof request.level !== 'string') throw new RequestError('BAD_REQUEST', '"level" must be a rank such as "2" or "T"');
  return request.level;
}

function rules(request: EvalRequest): Partial<Rules> | undefined {
  if (request.rules === undefined) return undefined;
  if (typeof request.rules !== 'object' || request.rules === null) throw new RequestError('BAD_REQUEST', '"rules" must be an object');
  return request.rules as Partial<Rules>;
}

function run(request: EvalRequest): unknown {
  switch (request.op) {
    case 'classify':
      return classify(cards(request, 'cards'), level(request), rules(request));
    case 'beats':
      return beats(request.play as Play, request.over as Play, level(request), rules(request));
    case 'moves':
      if (request.over === undefined) throw new RequestError('BAD_REQUEST', '"over" must be a play or null');
      return legalMoves(cards(request, 'hand'), level(request), request.over as Play | null, rules(request));
    case 'tribute':
      return tributeOptions(cards(request, 'hand'), level(request));
    case 'return':
      return returnOptions(cards(request, 'hand'), level(request), rules(request));
    default:
      throw new RequestError('BAD_REQUEST', `unknown op ${JSON.stringify(request.op)}; use classify, beats, moves, tribute or return`);
  }
}

/** Answers one JSON line of `guandan eval`. Never throws: a bad line gets `{ok: false, error}`. */
export function evaluate(line: string): EvalReply {
  let request: EvalRequest;
  try {
    request = JSON.parse(line) as EvalRequest;
  } catch {
    return { ok: false, error: { code: 'BAD_JSON', message: 'the line is not JSON' } };
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return { ok: false, error: { code: 'BAD_REQUEST', message: 'a request is a JSON object with an "op"' } };
  }
  const id = request.id === undefined ? {} : { id: request.id };
  try {
    return { ok: true, result: run(request), ...id };
  } catch (error) {
    if (error instanceof EngineError || error instanceof RequestError) {
      return { ok: false, error: { code: error.code, message: error.message }, ...id };
    }
    return { ok: false, error: { code: 'INTERNAL', message: String(error) }, ...id };
  }
}
