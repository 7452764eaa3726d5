import type { ChatLine } from '@guandan/protocol';

/** A chat line of the game, marked when one of the accounts the case is about wrote it. */
export type TranscriptLine = ChatLine & { bySubject: boolean };

/**
 * What a case holds as evidence, ready to show: a report's chat of the game as a transcript, or anything else (a
 * detector's figures, or a report whose evidence has another shape than this console knows) as it came, to be shown
 * as indented JSON, so that nothing the server sent is hidden.
 */
export type CaseEvidence = { kind: 'chat'; lines: TranscriptLine[] } | { kind: 'figures'; value: unknown } | { kind: 'none' };

export function readEvidence(source: string, evidence: unknown, subjectIds: readonly string[]): CaseEvidence {
  if (evidence === null || evidence === undefined) return { kind: 'none' };
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
