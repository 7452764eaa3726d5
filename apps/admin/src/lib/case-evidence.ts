import type { ChatLine } from '@guandan/protocol';

/** A chat line of the game, marked when one of the accounts the case is about wrote it. */
export type TranscriptLine = ChatLine & { bySubject: boolean };

/** One sanctions designation of a screened address: which list (or provider) names it, under what name. */
export interface ScreeningHit {
  source: string;
  name: string;
  category: string;
}

/** Sanctions screening's evidence: the address refused, what it was to be used as, and the lists naming it. */
export interface Screening {
  address: string;
  purpose: string;
  hits: ScreeningHit[];
}

/**
 * What a case holds as evidence, ready to show: a report's chat of the game as a transcript, sanctions screening's
 * address and designations, or anything else (a detector's figures, or evidence of another shape than this console
 * knows) as it came, to be shown as indented JSON, so that nothing the server sent is hidden.
 */
export type CaseEvidence = { kind: 'chat'; lines: TranscriptLine[] } | { kind: 'screening'; screening: Screening } | { kind: 'figures'; value: unknown } | { kind: 'none' };

export function readEvidence(source: string, evidence: unknown, subjectIds: readonly string[]): CaseEvidence {
  if (evidence === null || evidence === undefined) return { kind: 'none' };
  const screening = source === 'aml' ? screeningOf(evidence) : null;
  if (screening !== null) return { kind: 'screening', screening };
  const chat = source === 'report' ? chatOf(evidence) : null;
  if (chat === null) return { kind: 'figures', value: evidence };
  const subjects = new Set(subjectIds);
  return { kind: 'chat', lines: chat.map((line) => ({ ...line, bySubject: line.user_id !== null && subjects.has(line.user_id) })) };
}

/** The `chat` of a report's evidence in order, or null unless every line has the shape of a chat line. */
function chatOf(evidence: unknown): ChatLine[] | null {
  if (typeof evidence !== 'object' || evidence === null || !('chat' in evidence)) return null;
  const { chat } = evidence as { chat: unknown };
  if (!Array.isArray(chat) || !chat.every(isChatLine)) return null;
  return [...chat].sort((a, b) => a.seq - b.seq);
}

function isChatLine(value: unknown): value is ChatLine {
  if (typeof value !== 'object' || value === null) return false;
  const line = value as Record<string, unknown>;
  const nullableString = (field: unknown) => field === null || typeof field === 'string';
  return (
    typeof line.seq === 'number' &&
    nullableString(line.user_id) &&
    typeof line.username === 'string' &&
    nullableString(line.text) &&
    nullableString(line.emoji) &&
    typeof line.at === 'string'
  );
}

/** Screening's evidence with only the fields shown, or null unless it has that shape throughout. */
function screeningOf(evidence: unknown): Screening | null {
  if (typeof evidence !== 'object' || evidence === null) return null;
  const { address, purpose, hits } = evidence as Record<string, unknown>;
  if (typeof address !== 'string' || typeof purpose !== 'string' || !Array.isArray(hits) || !hits.every(isScreeningHit)) return null;
  return { address, purpose, hits: hits.map(({ source, name, category }) => ({ source, name, category })) };
}

function isScreeningHit(value: unknown): value is ScreeningHit {
  if (typeof value !== 'object' || value === null) return false;
  const hit = value as Record<string, unknown>;
  return typeof hit.source === 'string' && typeof hit.name === 'string' && typeof hit.category === 'string';
}
