import type { AnyServerMessage } from '@guandan/protocol';
import type { RedisLink } from './redis-link.js';

/** Delivers an already serialized message to a user's sockets on this node. */
export type LocalDelivery = (userId: string, seq: number, serialized: string) => void;

/**
 * The fan-out of server messages across nodes: a message for a user is published on the user's channel, and every
 * node holding one of that user's sockets listens on it. The table's node never needs to know where the sockets are,
 * and the messages of one publisher reach each listener in the order they were sent.
 */
export class UserChannels {
  constructor(
    private readonly link: RedisLink,
    private readonly deliverLocally: LocalDelivery,
    private readonly log: { error(object: unknown, message: string): void },
  ) {}

  sendToUser = (userId: string, message: AnyServerMessage): void => {
    this.link.publish(this.channel(userId), `${message.seq}\n${JSON.stringify(message)}`).catch((error: unknown) => {
      this.log.error({ err: error, userId, type: message.type }, 'publishing a message to a user failed');
    });
  };

  /** This node holds a socket of the user now: resolves once their messages will arrive here. */
  follow(userId: string): Promise<void> {
    return this.link.listen(this.channel(userId), (framed) => {
      const newline = framed.indexOf('\n');
      this.deliverLocally(userId, Number(framed.slice(0, newline)), framed.slice(newline + 1));
    });
  }

  unfollow(userId: string): Promise<void> {
    return this.link.unlisten(this.channel(userId));
  }

  private channel(userId: string): string {
    return this.link.key('user', userId);
  }
}
