import { ACE, rankIndex, rankName, type Rank } from '../cards.js';
import type { Rules } from '../rules.js';
import { type DealResult, partnerOf, type Seat, type Team, teamOf } from './types.js';

export interface Settlement {
  result: Omit<DealResult, 'number' | 'restCards'>;
  /** The team that won the match with this deal, if any. */
  matchWinner: Team | null;
}

/**
 * Levels after a deal. Only the first finisher's team goes up: +3 with the partner 2nd, +2 with the partner 3rd,
 * +1 with the partner last, never past A. A deal played at a team's own A wins the match when its player is first
 * and the partner 2nd (or 3rd, by default); otherwise it is a failed attempt, and enough of them send the team
 * back to 2.
 */
export function settleDeal(
  level: Rank,
  levelTeam: Team | null,
  order: Seat[],
  levelsBefore: [Rank, Rank],
  aFailuresBefore: [number, number],
  rules: Rules,
): Settlement {
  const levels: [Rank, Rank] = [...levelsBefore];
  const aFailures: [number, number] = [...aFailuresBefore];
  const first = order[0];
  const team = teamOf(first);
  const partnerPlace = order.indexOf(partnerOf(first));
  const rise = 4 - partnerPlace;
  const atOwnAce = levelTeam !== null && rankIndex(level) === ACE;
  const winsAtAce =
    atOwnAce &&
    levelTeam === team &&
    (partnerPlace === 1 || (partnerPlace === 2 && rules.aWinRequires === 'first-and-second-or-third'));
  levels[team] = rankName(Math.min(ACE, rankIndex(levels[team]) + rise));
  let failedAttempt: Team | null = null;
  let demoted: Team | null = null;
  if (atOwnAce && !winsAtAce && levelTeam !== null) {
    failedAttempt = levelTeam;
    aFailures[levelTeam]++;
    if (rules.aMaxFailures !== 'none' && aFailures[levelTeam] >= rules.aMaxFailures) {
      levels[levelTeam] = '2';
      aFailures[levelTeam] = 0;
      demoted = levelTeam;
    }
  }
  return {
    result: { level, levelTeam, order, team, rise, levels, aFailures, failedAttempt, demoted },
    matchWinner: winsAtAce ? team : null,
  };
}

/** The winner of a match stopped by deal count or time: the higher level, or null for a draw. */
export function leaderByLevel(levels: [Rank, Rank]): Team | null {
  const difference = rankIndex(levels[0]) - rankIndex(levels[1]);
  return difference === 0 ? null : difference > 0 ? 0 : 1;
}
