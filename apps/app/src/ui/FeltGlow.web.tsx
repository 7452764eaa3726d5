import { colors } from './theme';

/** On the web, a real radial gradient: the lit centre of the felt fading to a dark rim. */
export function FeltGlow() {
  return (
    <div
      aria-hidden
      style={{
        position: 'absolute',
        inset: 0,
        pointerEvents: 'none',
        backgroundImage: `radial-gradient(ellipse 75% 85% at 50% 42%, ${colors.felt} 0%, #0c4a34 45%, ${colors.feltEdge} 78%, #041a12 100%)`,
      }}
    />
  );
}
