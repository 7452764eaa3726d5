/** How many recent messages the estimate looks back over: a device clock that is reset is followed within this many. */
const WINDOW = 32;

/**
 * The server's time, estimated from the times it stamps on what it sends: the realtime messages' `timestamp` and the
 * REST responses' Date header (whole seconds, rounded down). Deadlines (a turn's, the pause between deals, a room's
 * bot fill) are the server's instants: a phone whose clock is minutes off must still count them down right. Each
 * stamp is taken before the message arrives, so `local − stamp` is the clocks' difference plus the message's delay
 * (plus the rounding, for a Date header); the smallest of the recent ones is the difference with the least delay in
 * it. Messages sent again on a resume carry their first stamps, which only make that figure larger.
 */
export class ServerClock {
  private readonly samples: number[] = [];
  private offset = 0;

  /** A message stamped `serverMs` arrived when the device's clock read `localMs`. */
  note(serverMs: number, localMs: number): void {
    if (!Number.isFinite(serverMs) || serverMs <= 0) return;
    this.samples.push(localMs - serverMs);
    if (this.samples.length > WINDOW) this.samples.shift();
    this.offset = Math.min(...this.samples);
  }

  /** How far the device's clock runs ahead of the server's (negative: behind); 0 before any message. */
  get ahead(): number {
    return this.offset;
  }

  /** The server's time when the device's clock reads `localMs`. */
  at(localMs: number): number {
    return localMs - this.offset;
  }
}

/** The app's one estimate, fed by the REST client and the realtime connection (`useSession`). */
export const serverClock = new ServerClock();

/** Now on the server's clock, to count down to the server's deadlines. */
export function serverNow(): number {
  return serverClock.at(Date.now());
}
