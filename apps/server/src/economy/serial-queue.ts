/**
 * Runs tasks one after another: a funding key's payouts never interleave, so each payout's transactions take
 * consecutive numbers and a payout finishes (or fails) whole before the next starts.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
