import type { Seat } from '@guandan/engine';
import type { TablePlayer } from '@guandan/protocol';
import { StyleSheet, Text, View } from 'react-native';
import { useT } from '../../i18n';
import { colors, fonts } from '../../ui/theme';
import type { Point } from './table-layout';

export interface SeatPlateProps {
  seat: Seat;
  centre: Point;
  player: TablePlayer | undefined;
  isMe: boolean;
  cardCount: number;
  /** 1 for 头游 ... once the seat is out. */
  place: number | null;
  acting: boolean;
  compact: boolean;
  /** The avatar's radius: the canvas draws the turn timer around it. */
  radius: number;
}

/** A player's name plate: avatar in the team's colour, name (platform text: any script), card count and tags. */
export function SeatPlate({ seat, centre, player, isMe, cardCount, place, acting, compact, radius }: SeatPlateProps) {
  const t = useT();
  const team = seat % 2 === 0 ? colors.team0 : colors.team1;
  const name = isMe ? t('seat.me') : (player?.username ?? t('seatName', { n: seat + 1 }));
  const initial = Array.from(player?.username ?? '?')[0]?.toUpperCase() ?? '?';
  const tags = [
    player?.autoPlay ? t('autoPlayOn') : null,
    player?.isBot && !compact ? t('bot') : null,
    player && !player.connected && !player.isBot ? t('offline') : null,
  ].filter((tag): tag is string => tag !== null);
  const label = [name, t('cardCount', { n: cardCount }), place !== null ? t(placeKey(place)) : null, ...tags].filter(Boolean).join(', ');
  return (
    <View
      testID={`seat-${seat}`}
      accessibilityLabel={label}
      style={[styles.plate, { left: centre.x - radius, top: centre.y - radius, width: radius * 2 }]}
      pointerEvents="none"
    >
      <View style={[styles.avatar, { width: radius * 2, height: radius * 2, borderRadius: radius, borderColor: team }, acting && styles.acting]}>
        <Text style={[styles.initial, { fontSize: radius * 0.9 }]}>{initial}</Text>
        {place !== null && (
          <View style={styles.place}>
            <Text style={styles.placeText}>{t(placeKey(place))}</Text>
          </View>
        )}
      </View>
      <View style={[styles.nameTag, compact && styles.nameTagCompact]}>
        <Text numberOfLines={1} style={[styles.name, compact && styles.small]}>
          {name}
        </Text>
        {!isMe && (
          <Text style={[styles.count, compact && styles.small]}>{t('cardCount', { n: cardCount })}</Text>
        )}
      </View>
      {tags.length > 0 && <Text style={styles.tags}>{tags.join(' · ')}</Text>}
    </View>
  );
}

export function placeKey(place: number): 'place.1' | 'place.2' | 'place.3' | 'place.4' {
  return place <= 1 ? 'place.1' : place === 2 ? 'place.2' : place === 3 ? 'place.3' : 'place.4';
}

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
  acting: { backgroundColor: '#1d5a44' },
  initial: { color: colors.text, fontWeight: '700', fontFamily: fonts.family },
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
    maxWidth: 140,
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
  tags: { marginTop: 2, color: colors.textDim, fontSize: 10, fontFamily: fonts.family, width: 140, textAlign: 'center' },
});
