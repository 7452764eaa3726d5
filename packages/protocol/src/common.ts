import { cardId, EngineError, PLAY_TYPES, type PlayType, RANKS, type Rank } from '@guandan/engine';
import { z } from 'zod';

/** A card in the engine's notation (`H7`, `ST`, `SB`, `HR`); any other string is refused. */
export const CardSchema = z
  .string()
  .max(3)
  .refine((text) => isCardName(text), { message: 'not a card (suit S H C D + rank 2-9 T J Q K A, or SB / HR)' })
  .meta({ description: 'A card: suit S H C D and rank 2-9 T J Q K A (e.g. H7, ST), or SB / HR for the jokers' });

function isCardName(text: string): boolean {
  try {
    cardId(text);
    return true;
  } catch (error) {
    if (error instanceof EngineError) return false;
    throw error;
  }
}

export const CardsSchema = z.array(CardSchema).min(1).max(27);

/** The reading of an ambiguous play (e.g. a straight or a plate made with a wild). */
export const ReadingSchema = z.strictObject({
  type: z.enum(PLAY_TYPES as [PlayType, ...PlayType[]]),
  rank: z.union([z.enum(RANKS as [Rank, ...Rank[]]), z.enum(['SB', 'HR', 'JOKER'])]),
});

const positiveSeconds = z.int().min(5).max(600);

/** The rule options of RULES.md; every field is optional and defaults to the competition rules. */
export const RulesSchema = z
  .strictObject({
    aWinRequires: z.enum(['first-and-second-or-third', 'first-and-second']),
    aMaxFailures: z.union([z.int().min(1).max(10), z.literal('none')]),
    returnCap: z.union([z.literal(10), z.literal('any')]),
    equalDoubleTribute: z.enum(['next-player', 'random']),
    maxBombSize: z.union([z.literal(10), z.literal(8)]),
    fullHouseJokerPair: z.boolean(),
    matchEnd: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('a-level') }),
      z.strictObject({ kind: z.literal('deals'), deals: z.int().min(1).max(50) }),
    ]),
    timers: z
      .strictObject({ tribute: positiveSeconds, return: positiveSeconds, firstLead: positiveSeconds, play: positiveSeconds })
      .partial(),
  })
  .partial();

export const BOT_LEVEL_NAMES = ['random', 'easy', 'normal', 'hard'] as const;
export const BotLevelSchema = z.enum(BOT_LEVEL_NAMES);

export const UuidSchema = z.uuid();

/** Paging for lists: `?page=1&limit=20`. */
export const PageQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const ErrorBodySchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .meta({ id: 'Error', description: 'Every refusal: a stable code and a message for people' });
