import { formatCards } from './cards.js';
import type { Play } from './play.js';
import type { MatchEvent, MatchState, Seat, Team } from './match/types.js';

const seatName = (seat: Seat): string => `seat ${seat}`;
const teamName = (team: Team): string => `team ${team} (seats ${team} & ${team + 2})`;
const formatPlay = (play: Play): string => `${play.type} ${play.rank} [${formatCards(play.cards)}]`;
const PLACES = ['', '1st (头游)', '2nd (二游)', '3rd (三游)', '4th (末游)'];

/** One readable line (or a few) for a match event; `state` is the state after the event's action. */
export function describeEvent(event: MatchEvent, state: MatchState): string[] {
  switch (event.kind) {
    case 'dealStarted': {
      const lines = [
        '',
        `Deal ${event.deal} · level ${event.level}${event.levelTeam === null ? '' : ` (team ${event.levelTeam}'s)`} · levels ${state.levels.join('/')}`,
      ];
      if (state.deal.number === event.deal) {
        state.deal.hands.forEach((hand, seat) => lines.push(`  ${seatName(seat as Seat)}: ${formatCards(hand)}`));
      }
      return lines;
    }
    case 'antiTribute':
      return [`  anti-tribute (抗贡): ${event.seats.map(seatName).join(' and ')} show both big jokers; no tribute`];
    case 'tributeSubmitted':
      return [`  ${seatName(event.seat)} hands in a tribute card`];
    case 'tributePaid':
      return [`  tribute: ${seatName(event.exchange.from)} -> ${seatName(event.exchange.to)}: ${event.exchange.card}`];
    case 'tributeReturned':
      return [`  return:  ${seatName(event.exchange.from)} -> ${seatName(event.exchange.to)}: ${event.exchange.card}`];
    case 'playBegins':
      return [`  ${seatName(event.leader)} leads`];
    case 'played':
      return [`  ${seatName(event.seat)} plays ${formatPlay(event.play)}`];
    case 'passed':
      return [`  ${seatName(event.seat)} passes`];
    case 'trickWon':
      return event.leader === event.seat
        ? [`  -- ${seatName(event.seat)} wins the trick`]
        : [`  -- ${seatName(event.seat)}'s play stands; partner ${seatName(event.leader)} leads (接风)`];
    case 'playerOut':
      return [`  ** ${seatName(event.seat)} is out, ${PLACES[event.place]}`];
    case 'dealEnded': {
      const result = event.result;
      const lines = [
        `Deal ${result.number} ends: order ${result.order.join(', ')}; ${teamName(result.team)} goes up ${result.rise}; levels ${result.levels.join('/')}`,
      ];
      if (result.failedAttempt !== null) {
        lines.push(`  team ${result.failedAttempt} failed at A (${result.aFailures[result.failedAttempt]} so far)`);
      }
      if (result.demoted !== null) lines.push(`  team ${result.demoted} goes back to level 2`);
      return lines;
    }
    case 'matchEnded':
      return [
        '',
        event.winner === null
          ? `Match drawn at levels ${event.levels.join('/')}`
          : `Winner: ${teamName(event.winner)} · levels ${event.levels.join('/')} after ${state.history.length} deals`,
      ];
  }
}
