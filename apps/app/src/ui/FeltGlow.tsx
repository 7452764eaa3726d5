import { StyleSheet, View } from 'react-native';
import { colors } from './theme';

/** Concentric pools of lighter felt, widest and faintest first: a soft spotlight without gradients or a canvas. */
const LAYERS = [
  { width: '170%', height: '190%', top: '-45%' },
  { width: '145%', height: '165%', top: '-32%' },
  { width: '122%', height: '142%', top: '-21%' },
  { width: '102%', height: '122%', top: '-11%' },
  { width: '84%', height: '104%', top: '-2%' },
  { width: '66%', height: '86%', top: '7%' },
] as const;

/** On phones, stacked translucent ellipses stand in for a radial gradient. */
export function FeltGlow() {
  return (
    <>
      {LAYERS.map((layer) => (
        <View key={layer.width} pointerEvents="none" style={[styles.glow, layer]} />
      ))}
    </>
  );
}

const styles = StyleSheet.create({
  glow: { position: 'absolute', alignSelf: 'center', borderRadius: 9999, backgroundColor: colors.felt, opacity: 0.22 },
});
