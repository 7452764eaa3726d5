import { SignInBook, sessions, signInBefore, slotTimes } from './calendar.js';
import { friendGames, ordinaryGames, schemeGames } from './group-games.js';
import { matchmake, type Slot } from './matchmaking.js';
import type { GameSpec, ScheduleOptions, SimAccount } from './model.js';
import type { Population } from './population.js';
import type { Random } from './random.js';

export interface Schedule {
  games: GameSpec[];
  signIns: Map<string, number[]>;
}

/** Every game of a run, in time order with ids and seeds, and every account's sign-ins. */
export function buildSchedule(population: Population, options: ScheduleOptions, random: Random): Schedule {
  const accounts = new Map(population.accounts.map((account) => [account.id, account]));
  const book = new SignInBook();
  const slots: Slot[] = [];

  const friends = new Set(population.friendGroups.flat());
  const multiGroups = population.schemes.filter((scheme) => scheme.kind === 'multi-accounter');
  const inMultiGroup = new Set(multiGroups.flatMap((scheme) => scheme.members));
  for (const account of population.accounts) {
    if (inMultiGroup.has(account.id)) continue;
    for (const session of sessions(account.peakHour, ordinaryGames(account, options, friends), random, options)) {
      book.add(account.id, signInBefore(session.start, random));
      for (const time of slotTimes(session, random)) slots.push({ account, time });
    }
  }
  // One person behind several accounts signs into each in turn within minutes and plays them side by side.
  for (const scheme of multiGroups) {
    const members = scheme.members.map((id) => accounts.get(id) as SimAccount);
    for (const session of sessions(members[0].peakHour, options.gamesPerAccount, random, options)) {
      let signIn = session.start;
      for (const member of members) {
        signIn = signInBefore(signIn, random);
        book.add(member.id, signIn);
        for (const time of slotTimes(session, random)) slots.push({ account: member, time });
      }
    }
  }

  const drafts = [
    ...matchmake(slots.sort((x, y) => x.time - y.time), random),
    ...population.schemes.flatMap((scheme) => schemeGames(scheme, population, options, random, book)),
    ...population.friendGroups.flatMap((group) => friendGames(group.map((id) => accounts.get(id) as SimAccount), options, random, book)),
  ].sort((x, y) => x.startedAt - y.startedAt);
  const games = drafts.map((draft, index): GameSpec => {
    const gameId = `game-${String(index + 1).padStart(6, '0')}`;
    return { gameId, seed: `${options.seed}:${gameId}`, ...draft };
  });
  return { games, signIns: book.byAccount };
}
