/** A platform event between domains (e.g. `GameEnded`), delivered at least once; consumers are idempotent. */
export interface BusEvent {
  id: string;
  kind: string;
  payload: unknown;
}

export type BusHandler = (event: BusEvent) => Promise<void>;

/**
 * The port domains publish and subscribe through. It runs in each process: on a cluster, events still cross nodes
 * through the outbox table every node's relay sweeps (each consumer applies an event once), not through the bus.
 */
export interface EventBus {
  publish(event: BusEvent): Promise<void>;
  subscribe(kind: string, handler: BusHandler): void;
}

/** The embedded bus: handlers run in the publishing process, one after another; a failing handler is reported. */
export class InProcessBus implements EventBus {
  private readonly handlers = new Map<string, BusHandler[]>();

  constructor(private readonly onError: (error: unknown, event: BusEvent) => void) {}

  subscribe(kind: string, handler: BusHandler): void {
    this.handlers.set(kind, [...(this.handlers.get(kind) ?? []), handler]);
  }

  async publish(event: BusEvent): Promise<void> {
    const failures: unknown[] = [];
    for (const handler of this.handlers.get(event.kind) ?? []) {
      try {
        await handler(event);
      } catch (error) {
        this.onError(error, event);
        failures.push(error);
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, `${failures.length} handler(s) failed for ${event.kind} ${event.id}`);
  }
}
