import { StyleSheet, View } from 'react-native';
import { DecorativeCard, type DecorativeCardProps } from './DecorativeCard';

const FAN: readonly Pick<DecorativeCardProps, 'rank' | 'suit'>[] = [
  { rank: 'A', suit: 'S' },
  { rank: 'K', suit: 'H' },
  { rank: '2', suit: 'H' },
  { rank: 'Q', suit: 'C' },
  { rank: 'J', suit: 'D' },
];

/** Five cards fanned out, the way a hand is held: the landing's decoration. */
export function CardFan({ cardWidth }: { cardWidth: number }) {
  const step = 12;
  const middle = (FAN.length - 1) / 2;
  return (
    <View style={[styles.fan, { width: cardWidth * 3.2, height: cardWidth * 1.8 }]}>
      {FAN.map((card, index) => {
        const offset = index - middle;
        return (
          <View
            key={`${card.rank}${card.suit}`}
            style={[styles.slot, { left: cardWidth * 1.1 + offset * cardWidth * 0.42, top: Math.abs(offset) * cardWidth * 0.08 }]}
          >
            <DecorativeCard {...card} width={cardWidth} rotate={offset * step} />
          </View>
        );
      })}
    </View>
  );
}

const styles = StyleSheet.create({
  fan: { position: 'relative' },
  slot: { position: 'absolute' },
});
