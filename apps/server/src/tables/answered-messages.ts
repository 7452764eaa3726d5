/**
 * The client message ids a live table has answered, each with the seq of the event it produced: a message sent again
 * (a retry after a lost acknowledgement) is recognised without reading the database. Filled from the table's event
 * log when the table opens on a node, so it survives restarts and moves between nodes like the log does.
 */
export class AnsweredMessages {
  private readonly seqs = new Map<string, number>();

  constructor(entries: Iterable<{ userId: string; clientMsgId: string; seq: number }> = []) {
    for (const entry of entries) this.add(entry.userId, entry.clientMsgId, entry.seq);
  }

  add(userId: string, clientMsgId: string, seq: number): void {
    this.seqs.set(keyOf(userId, clientMsgId), seq);
  }

  /** The seq of the event a person's message produced, if the table answered it before. */
  seqOf(userId: string, clientMsgId: string): number | undefined {
    return this.seqs.get(keyOf(userId, clientMsgId));
  }
}

// A user id never holds a newline (ids are UUIDs), so the pair's key is unambiguous.
function keyOf(userId: string, clientMsgId: string): string {
  return `${userId}\n${clientMsgId}`;
}
