import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ServerClock } from '../src/session/server-clock';

/** fast-check from a fixed seed, so every run checks the same cases. */
const PROPERTY = { seed: 20_261_207, numRuns: 300 };

const START = Date.UTC(2026, 11, 7, 16, 0, 0);
const skew = fc.integer({ min: -3_600_000, max: 3_600_000 });
const delays = fc.array(fc.integer({ min: 0, max: 800 }), { minLength: 1, maxLength: 40 });

describe("the server's clock, estimated from its messages' stamps", () => {
  it("counts down on the server's clock however far the device's is off: within the quickest message's delay", () => {
    fc.assert(
      fc.property(skew, delays, (deviceAhead, messageDelays) => {
        const clock = new ServerClock();
        messageDelays.forEach((delay, index) => {
          const sent = START + index * 1000;
          clock.note(sent, sent + delay + deviceAhead);
        });
        const quickest = Math.min(...messageDelays.slice(-32));
        assert.ok(clock.ahead >= deviceAhead && clock.ahead <= deviceAhead + quickest, `ahead ${clock.ahead}, device ${deviceAhead}, delay ${quickest}`);
        const serverTime = START + 60_000;
        const estimate = clock.at(serverTime + deviceAhead);
        assert.ok(estimate <= serverTime && estimate >= serverTime - quickest);
      }),
      PROPERTY,
    );
  });

  it('messages sent again on a resume (old stamps) do not move the estimate', () => {
    const clock = new ServerClock();
    clock.note(START, START + 40);
    const before = clock.ahead;
    clock.note(START - 90_000, START + 1_000);
    clock.note(START - 5_000, START + 1_100);
    assert.equal(clock.ahead, before);
  });

  it('follows a device clock that is set again, within the messages it looks back over', () => {
    const clock = new ServerClock();
    for (let index = 0; index < 10; index++) clock.note(START + index * 1000, START + index * 1000 + 20);
    const ahead = (): number => clock.ahead;
    assert.equal(ahead(), 20);
    // The device's clock is put 5 minutes ahead.
    let index = 10;
    for (; index < 60 && ahead() !== 300_020; index++) clock.note(START + index * 1000, START + index * 1000 + 300_020);
    assert.equal(ahead(), 300_020);
    assert.ok(index - 10 <= 32, `followed after ${index - 10} messages`);
  });

  it('the device clock as it is before any message, and no stamp at all changes nothing', () => {
    const clock = new ServerClock();
    assert.equal(clock.at(START), START);
    clock.note(0, START);
    clock.note(Number.NaN, START);
    assert.equal(clock.ahead, 0);
  });
});
