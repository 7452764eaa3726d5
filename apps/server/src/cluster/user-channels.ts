import type { AnyServerMessage } from '@guandan/protocol';
import type { RedisLink } from './redis-link.js';

/** Delivers an already serialized message to a user's sockets on this node. */
export type LocalDelivery = (userId: string, seq: number, serialized: string) => void;

/**
 * The fan-out of server messages across nodes. A message for a user goes straight to the user's sockets on this node,
 * and, if another node holds one of their sockets (the cluster's presence says so), on the user's channel, which
 * every node holding one of their sockets listens on. The messages for a user in one turn of the event loop (an
 * action and the view after it) go in one publish: a line naming the publishing node (whose own sockets already have
 * them), then a line with the seq and a line with the message for each (a serialised message holds no raw newline).
 * The messages of one publisher reach each listener in the order they were sent.
 */
export class UserChannels {
  private readonly waiting = new Map<string, string[]>();

  constructor(
    private readonly link: RedisLink,
    private readonly nodeId: string,
    private readonly deliverLocally: LocalDelivery,
    /** Whether a node other than this one holds a socket of the user. */
    private readonly onOtherNode: (userId: string) => boolean,
    private readonly log: { error(object: unknown, message: string): void },
  ) {}

  sendToUser = (userId: string, message: AnyServerMessage): void => {
    this.sendToUsers([userId], message);
  };

  sendToUsers = (userIds: readonly string[], message: AnyServerMessage): void => {
    if (userIds.length === 0) return;
    const serialized = JSON.stringify(message);
    for (const userId of userIds) {
      this.deliverLocally(userId, message.seq, serialized);
      if (!this.onOtherNode(userId)) continue;
      if (this.waiting.size === 0) setImmediate(() => this.publishWaiting());
      const frames = this.waiting.get(userId);
      const frame = `${message.seq}\n${serialized}`;
      if (frames === undefined) this.waiting.set(userId, [frame]);
      else frames.push(frame);
    }
  };

  private publishWaiting(): void {
    for (const [userId, frames] of this.waiting) {
      this.link.publish(this.channel(userId), `${this.nodeId}\n${frames.join('\n')}`).catch((error: unknown) => {
        this.log.error({ err: error, userId, messages: frames.length }, 'publishing messages to a user failed');
      });
    }
    this.waiting.clear();
  }

  /** This node holds a socket of the user now: resolves once their messages will arrive here. */
  follow(userId: string): Promise<void> {
    return this.link.listen(this.channel(userId), (batch) => {
      const lines = batch.split('\n');
      if (lines[0] === this.nodeId) return;
      for (let index = 1; index + 1 < lines.length; index += 2) this.deliverLocally(userId, Number(lines[index]), lines[index + 1]);
    });
  }

  unfollow(userId: string): Promise<void> {
    return this.link.unlisten(this.channel(userId));
  }

  private channel(userId: string): string {
    return this.link.key('user', userId);
  }
}
