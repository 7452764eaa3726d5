import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Flight, SceneCard } from '../src/table/view/card-motion';
import { sameScene } from '../src/table/view/same-scene';
import type { HandSlot } from '../src/table/view/table-layout';
import type { Scene } from '../src/table/view/table-scene';

/** fast-check from a fixed seed, so every run checks the same cases. */
const PROPERTY = { seed: 20_261_207, numRuns: 300 };

const coordinate = fc.integer({ min: -50, max: 1300 });
const rect = fc.record({ x: coordinate, y: coordinate, width: fc.integer({ min: 1, max: 200 }), height: fc.integer({ min: 1, max: 200 }) });
const card = fc.record({ key: fc.string({ minLength: 1, maxLength: 8 }), tile: fc.nat(56), x: coordinate, y: coordinate, scale: fc.constantFrom(0.5, 0.72, 1) });
const flight = fc.record(
  { fromX: coordinate, fromY: coordinate, fromScale: fc.constantFrom(0.5, 1), delay: fc.nat(800), duration: fc.nat(600), spin: fc.constantFrom(-0.5, 0.8) },
  { requiredKeys: ['fromX', 'fromY', 'fromScale', 'delay', 'duration'] },
);
const slot = fc.record({ x: coordinate, y: coordinate, scale: fc.constantFrom(0.8, 1), rect, strip: rect });

const scene: fc.Arbitrary<Scene> = fc
  .record({
    cards: fc.uniqueArray(card, { minLength: 1, maxLength: 40, selector: (one) => one.key }),
    flightsFor: fc.array(flight, { minLength: 40, maxLength: 40 }),
    slots: fc.array(slot, { minLength: 1, maxLength: 27 }),
  })
  .map(({ cards, flightsFor, slots }) => ({ cards, flights: new Map(cards.map((one, index) => [one.key, flightsFor[index]])), slots }));

/** The same scene as new objects, as a rebuild from the same inputs makes it. */
function copy(of: Scene): Scene {
  return {
    cards: of.cards.map((one) => ({ ...one })),
    flights: new Map([...of.flights].map(([key, one]) => [key, { ...one }])),
    slots: of.slots.map((one) => ({ ...one, rect: { ...one.rect }, strip: { ...one.strip } })),
  };
}

type Change = (of: Scene, index: number) => void;
const nudgeCard =
  (field: 'x' | 'y' | 'scale' | 'tile'): Change =>
  (of, index) => {
    const target: SceneCard = of.cards[index % of.cards.length];
    target[field] += 1;
  };
const nudgeFlight =
  (field: 'fromX' | 'fromY' | 'delay' | 'duration'): Change =>
  (of, index) => {
    const target = of.flights.get(of.cards[index % of.cards.length].key) as Flight;
    target[field] += 1;
  };
const nudgeSlot =
  (field: 'x' | 'y' | 'scale'): Change =>
  (of, index) => {
    const target: HandSlot = of.slots[index % of.slots.length];
    target[field] += 1;
  };
const CHANGES: Record<string, Change> = {
  'a card moves': nudgeCard('x'),
  'a card drops': nudgeCard('y'),
  'a card grows': nudgeCard('scale'),
  'a card shows another face': nudgeCard('tile'),
  'a card is renamed': (of, index) => {
    of.cards[index % of.cards.length].key += '!';
  },
  'a card is added': (of) => of.cards.push({ key: '\u0000new', tile: 0, x: 0, y: 0, scale: 1 }),
  'a flight starts elsewhere': nudgeFlight('fromX'),
  'a flight starts lower': nudgeFlight('fromY'),
  'a flight waits longer': nudgeFlight('delay'),
  'a flight lasts longer': nudgeFlight('duration'),
  'a flight stops spinning': (of, index) => {
    const target = of.flights.get(of.cards[index % of.cards.length].key) as Flight;
    target.spin = target.spin === undefined ? 1 : undefined;
  },
  'a flight is dropped': (of, index) => of.flights.delete(of.cards[index % of.cards.length].key),
  'a slot moves': nudgeSlot('x'),
  'a slot rises': nudgeSlot('y'),
  'a slot scales': nudgeSlot('scale'),
  "a slot's visible strip narrows": (of, index) => {
    of.slots[index % of.slots.length].strip.width += 1;
  },
  'a slot is removed': (of) => of.slots.pop(),
};

describe('sameScene', () => {
  it('holds for a scene rebuilt from the same inputs (new objects, same values)', () => {
    fc.assert(
      fc.property(scene, (one) => {
        assert.ok(sameScene(one, copy(one)));
        assert.ok(sameScene(copy(one), one));
      }),
      PROPERTY,
    );
  });

  for (const [name, change] of Object.entries(CHANGES)) {
    it(`fails when ${name}`, () => {
      fc.assert(
        fc.property(scene, fc.nat(100), (one, index) => {
          const changed = copy(one);
          change(changed, index);
          assert.equal(sameScene(one, changed), false);
          assert.equal(sameScene(changed, one), false);
        }),
        PROPERTY,
      );
    });
  }
});
