import type { AnyServerMessage } from '@guandan/protocol';
import type { RedisLink } from './redis-link.js';

/** Delivers an already serialized message to a user's sockets on this node. */
export type LocalDelivery = (userId: string, seq: number, serialized: string) => void;

/**
 * The fan-out of server messages across nodes: a message for a user is published on the user's channel, and every
 * node holding one of that user's sockets listens on it. The table's node never needs to know where the sockets are,
 * and the messages of one publisher reach each listener in the order they were sent. The messages for a user in one
 * turn of the event loop (an action and the view after it) go in one publish: a line with the seq, a line with the
 * message, and so on (a serialised message holds no raw newline).
 */
export class UserChannels {
  private readonly waiting = new Map<string, string[]>();

  constructor(
    private readonly link: RedisLink,
    private readonly deliverLocally: LocalDelivery,
    private readonly log: { error(object: unknown, message: string): void },
  ) {}

  sendToUser = (userId: string, message: AnyServerMessage): void => {
    this.sendToUsers([userId], message);
  };

  sendToUsers = (userIds: readonly string[], message: AnyServerMessage): void => {
    if (userIds.length === 0) return;
    const framed = `${message.seq}\n${JSON.stringify(message)}`;
    if (this.waiting.size === 0) setImmediate(() => this.publishWaiting());
    for (const userId of userIds) {
      const frames = this.waiting.get(userId);
      if (frames === undefined) this.waiting.set(userId, [framed]);
      else frames.push(framed);
    }
  };

  private publishWaiting(): void {
    for (const [userId, frames] of this.waiting) {
      this.link.publish(this.channel(userId), frames.join('\n')).catch((error: unknown) => {
        this.log.error({ err: error, userId, messages: frames.length }, 'publishing messages to a user failed');
      });
    }
    this.waiting.clear();
  }

  /** This node holds a socket of the user now: resolves once their messages will arrive here. */
  follow(userId: string): Promise<void> {
    return this.link.listen(this.channel(userId), (batch) => {
      const lines = batch.split('\n');
      for (let index = 0; index + 1 < lines.length; index += 2) this.deliverLocally(userId, Number(lines[index]), lines[index + 1]);
    });
  }

  unfollow(userId: string): Promise<void> {
    return this.link.unlisten(this.channel(userId));
  }

  private channel(userId: string): string {
    return this.link.key('user', userId);
  }
}
