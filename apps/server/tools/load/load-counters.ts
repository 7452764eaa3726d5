/** What went wrong during a run, by kind, with the first few messages to tell why. */
export interface ErrorTally {
  total: number;
  /** ERROR messages received over realtime, by code. */
  messages: Record<string, number>;
  connectFailures: number;
  restFailures: number;
  examples: string[];
}

const KEPT_EXAMPLES = 5;

/** The run's counts that are not latencies: errors, finished games, actions the server played for a person. */
export class LoadCounters {
  private readonly messages = new Map<string, number>();
  private connectFailures = 0;
  private restFailures = 0;
  private readonly examples: string[] = [];
  gamesFinished = 0;
  /** Actions the server made for a seated person (their turn timed out, or they were away): none when all is well. */
  serverPlayed = 0;
  /** WebSocket message payloads received and sent by every client (framing and TCP not counted). */
  bytesIn = 0;
  bytesOut = 0;

  errorMessage(code: string, message: string): void {
    this.messages.set(code, (this.messages.get(code) ?? 0) + 1);
    this.example(`ERROR ${code}: ${message}`);
  }

  connectFailed(error: unknown): void {
    this.connectFailures++;
    this.example(`connect: ${describe(error)}`);
  }

  restFailed(error: unknown): void {
    this.restFailures++;
    this.example(`REST: ${describe(error)}`);
  }

  errors(): ErrorTally {
    const messages = Object.fromEntries(this.messages);
    const total = Object.values(messages).reduce((sum, count) => sum + count, 0) + this.connectFailures + this.restFailures;
    return { total, messages, connectFailures: this.connectFailures, restFailures: this.restFailures, examples: [...this.examples] };
  }

  private example(text: string): void {
    if (this.examples.length < KEPT_EXAMPLES) this.examples.push(text);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
