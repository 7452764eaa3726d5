import { Redis } from 'ioredis';

/**
 * A node's two connections to the shared Redis: one for commands, one held in subscriber mode (a subscribed
 * connection cannot send commands). Every key and channel is under the namespace, `<ns>:...`.
 */
export class RedisLink {
  readonly commands: Redis;
  readonly subscriber: Redis;
  private readonly handlers = new Map<string, (message: string) => void>();

  constructor(
    url: string,
    readonly namespace: string,
  ) {
    const options = { lazyConnect: true, maxRetriesPerRequest: 3, enableAutoPipelining: true } as const;
    this.commands = new Redis(url, { ...options, connectionName: `${namespace}-commands` });
    this.subscriber = new Redis(url, { ...options, connectionName: `${namespace}-subscriber` });
    this.subscriber.on('message', (channel: string, message: string) => this.handlers.get(channel)?.(message));
  }

  async connect(): Promise<void> {
    await Promise.all([this.commands.connect(), this.subscriber.connect()]);
  }

  async close(): Promise<void> {
    this.handlers.clear();
    await Promise.allSettled([this.subscriber.quit(), this.commands.quit()]);
  }

  key(...parts: string[]): string {
    return [this.namespace, ...parts].join(':');
  }

  /** Listens on a channel; resolves once Redis has confirmed, so nothing published after that is missed. */
  async listen(channel: string, handler: (message: string) => void): Promise<void> {
    this.handlers.set(channel, handler);
    await this.subscriber.subscribe(channel);
  }

  async unlisten(channel: string): Promise<void> {
    this.handlers.delete(channel);
    await this.subscriber.unsubscribe(channel);
  }

  /** Publishes; the number of nodes listening on the channel. */
  publish(channel: string, message: string): Promise<number> {
    return this.commands.publish(channel, message);
  }
}
