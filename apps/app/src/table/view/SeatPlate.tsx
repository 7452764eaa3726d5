import type { Seat } from '@guandan/engine';
import type { TablePlayer } from '@guandan/protocol';
import { memo } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { useT } from '../../i18n';
import { colors, fonts } from '../../ui/theme';
import { relationKey, relationLongKey, type SeatRelation, seatIdentity } from '../model/seat-identity';
import type { Point } from './table-layout';

export interface SeatPlateProps {
  seat: Seat;
  centre: Point;
  player: TablePlayer | undefined;
  /** Where the seat sits from mine: 对家 / 上家 / 下家 are marked on the plate. */
  relation: SeatRelation;
  /** Bots' names and avatars are stable per seat of a room. */
  roomId: string;
  cardCount: number;
  /** 1 for 头游 ... once the seat is out. */
  place: number | null;
  acting: boolean;
  compact: boolean;
  /** The avatar's radius: the canvas draws the turn timer around it. */
  radius: number;
  /** The widest the name tag and tags may be: the layout's plate width, so a long name never reaches a neighbour. */
  width: number;
}

/**
 * A player's name plate: an avatar of its own (colour and first character; bots each have a persona), the seat's
 * relation to me on a badge (the partner's filled in the team colour, so it is found at a glance), the name, the
 * card count and tags. Its outer size is the avatar's width: the layout places it by its centre.
 */
function SeatPlateView({ seat, centre, player, relation, roomId, cardCount, place, acting, compact, radius, width }: SeatPlateProps) {
  const t = useT();
  const team = seat % 2 === 0 ? colors.team0 : colors.team1;
  const isMe = relation === 'me';
  const identity = player === undefined ? null : seatIdentity(player, roomId, t);
  const name = isMe ? t('seat.me') : (identity?.name ?? t('seatName', { n: seat + 1 }));
  const partner = relation === 'partner';
  const botTag = identity?.botPlays ? (identity.persona === null ? t('seat.botPlays') : t('bot')) : null;
  const otherTags = [player?.autoPlay ? t('autoPlayOn') : null, player && !player.connected && !player.isBot ? t('offline') : null];
  // A small plate leaves the bot tag out of sight (the avatar and name tell it); screen readers always hear it.
  const tags = [otherTags[0], compact ? null : botTag, otherTags[1]].filter((tag): tag is string => tag !== null);
  const label = [isMe ? null : t(relationLongKey(relation as Exclude<SeatRelation, 'me'>)), name, t('cardCount', { n: cardCount }), place !== null ? t(placeKey(place)) : null, botTag, ...otherTags]
    .filter(Boolean)
    .join(', ');
  return (
    <View
      testID={`seat-${seat}`}
      accessibilityLabel={label}
      style={[styles.plate, { left: centre.x - radius, top: centre.y - radius, width: radius * 2 }]}
      pointerEvents="none"
    >
      <View
        style={[
          styles.avatar,
          { width: radius * 2, height: radius * 2, borderRadius: radius, borderColor: team, backgroundColor: identity?.colour ?? '#123f30' },
          partner && styles.partnerRing,
          acting && styles.acting,
        ]}
      >
        <Text style={[styles.initial, { fontSize: radius * 0.9 }]}>{identity?.glyph ?? '?'}</Text>
        {!isMe && (
          <View style={[styles.relation, partner ? { backgroundColor: team, borderColor: colors.text } : styles.opponent]} testID={`seat-${seat}-relation`}>
            <Text style={[styles.relationText, partner && styles.partnerText]} numberOfLines={1}>
              {t(relationKey(relation))}
            </Text>
          </View>
        )}
        {place !== null && (
          <View style={styles.place}>
            <Text style={styles.placeText}>{t(placeKey(place))}</Text>
          </View>
        )}
      </View>
      <View style={[styles.nameTag, compact && styles.nameTagCompact, partner && { borderColor: team }, { maxWidth: width }]}>
        <Text numberOfLines={1} style={[styles.name, compact && styles.small]}>
          {name}
        </Text>
        {!isMe && (
          <Text style={[styles.count, compact && styles.small]}>{t('cardCount', { n: cardCount })}</Text>
        )}
      </View>
      {tags.length > 0 && <Text style={[styles.tags, { width }]}>{tags.join(' · ')}</Text>}
    </View>
  );
}

export function placeKey(place: number): 'place.1' | 'place.2' | 'place.3' | 'place.4' {
  return place <= 1 ? 'place.1' : place === 2 ? 'place.2' : place === 3 ? 'place.3' : 'place.4';
}

/** Every prop the same, the player compared by value: each server message brings new player objects. */
function samePlate(before: SeatPlateProps, after: SeatPlateProps): boolean {
  return (Object.keys(after) as (keyof SeatPlateProps)[]).every((key) =>
    key === 'player' ? samePlayer(before.player, after.player) : Object.is(before[key], after[key]),
  );
}

function samePlayer(before: TablePlayer | undefined, after: TablePlayer | undefined): boolean {
  if (before === undefined || after === undefined) return before === after;
  return (Object.keys(after) as (keyof TablePlayer)[]).every((key) => Object.is(before[key], after[key]));
}

/** Re-rendered only when what it shows changes, not on every server message. */
export const SeatPlate = memo(SeatPlateView, samePlate);

const styles = StyleSheet.create({
  plate: { position: 'absolute', alignItems: 'center', overflow: 'visible' },
  avatar: {
    backgroundColor: '#123f30',
    borderWidth: 3,
    alignItems: 'center',
    justifyContent: 'center',
    shadowColor: '#000',
    shadowOpacity: 0.5,
    shadowRadius: 6,
    shadowOffset: { width: 0, height: 2 },
  },
  // The avatar keeps its colour while acting (it is the seat's identity): the turn shows as a gold glow instead.
  acting: { shadowColor: colors.gold, shadowOpacity: 0.9, shadowRadius: 12 },
  partnerRing: { borderWidth: 4 },
  initial: { color: '#fff', fontWeight: '700', fontFamily: fonts.family, textShadowColor: 'rgba(0,0,0,0.45)', textShadowRadius: 3 },
  relation: {
    position: 'absolute',
    top: -9,
    borderRadius: 8,
    borderWidth: 1,
    paddingHorizontal: 5,
    paddingVertical: 0,
  },
  opponent: { backgroundColor: 'rgba(4,28,20,0.92)', borderColor: 'rgba(232,195,90,0.6)' },
  relationText: { color: colors.gold, fontSize: 10, fontWeight: '700', fontFamily: fonts.family, lineHeight: 14 },
  partnerText: { color: '#fff' },
  place: {
    position: 'absolute',
    bottom: -8,
    backgroundColor: colors.gold,
    borderRadius: 8,
    paddingHorizontal: 6,
    paddingVertical: 1,
  },
  placeText: { color: '#2a1d00', fontSize: 11, fontWeight: '700', fontFamily: fonts.family },
  nameTag: {
    marginTop: 6,
    minWidth: 84,
    paddingHorizontal: 8,
    paddingVertical: 3,
    borderRadius: 10,
    backgroundColor: 'rgba(4,28,20,0.78)',
    borderWidth: 1,
    borderColor: 'rgba(232,195,90,0.35)',
    alignItems: 'center',
  },
  nameTagCompact: { marginTop: 3, minWidth: 64, paddingVertical: 1 },
  name: { color: colors.text, fontSize: 13, fontWeight: '700', fontFamily: fonts.family },
  count: { color: colors.gold, fontSize: 12, fontFamily: fonts.family },
  small: { fontSize: 11 },
  tags: { marginTop: 2, color: colors.textDim, fontSize: 10, fontFamily: fonts.family, textAlign: 'center' },
});
