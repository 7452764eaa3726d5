import type { Play, PlayRank } from '@guandan/engine';
import type { Translate } from '../../i18n';
import { cardLabel, playTypeKey } from '../model/labels';

/** A play's rank as players say it: 10 for T, the jokers by name, nothing for the joker bomb. */
export function rankWord(rank: PlayRank, t: Translate): string {
  if (rank === 'T') return '10';
  if (rank === 'SB') return t('card.smallJoker');
  if (rank === 'HR') return t('card.bigJoker');
  if (rank === 'JOKER') return '';
  return rank;
}

/** A reading named by type and rank, e.g. 三带二 9. */
export function readingWords(play: Pick<Play, 'type' | 'rank'>, t: Translate): string {
  return t('readingOption', { type: t(playTypeKey(play.type)), rank: rankWord(play.rank, t) }).trim();
}

/** A play on the table: its cards then its type, e.g. ♠K ♥K 对子. */
export function playWords(play: Play, t: Translate): string {
  const shown = play.cards.slice(0, 6).map(cardLabel).join(' ');
  return `${shown}${play.cards.length > 6 ? ' …' : ''} ${t(playTypeKey(play.type))}`;
}
