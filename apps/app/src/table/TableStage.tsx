import { createContext, type ReactNode, useContext, useLayoutEffect, useMemo, useState } from 'react';
import { Circle, Group, Path, Skia } from '@shopify/react-native-skia';
import { StyleSheet, useWindowDimensions, View } from 'react-native';
import { colors } from '../ui/theme';
import type { Flight } from './view/card-motion';
import { TableCanvas, type TableCanvasProps } from './view/TableCanvas';
import { FIRST_LEVEL } from './view/table-art';
import { type TableLayout, tableLayout } from './view/table-layout';
import { deckCards } from './view/table-scene';
import { useTableArt } from './view/use-table-art';

type Claim = (scene: TableCanvasProps | null) => void;

const StageContext = createContext<Claim | null>(null);
const NO_FLIGHTS: ReadonlyMap<string, Flight> = new Map();

/**
 * The table's Skia canvas, there from the room (while seats fill) to the end of the game. Before the deal it shows
 * the felt and the deck; the table then draws on it. Creating a canvas, its GPU context, its shaders and the felt's
 * and the cards' textures takes hundreds of milliseconds on a slow device: done while the player waits for the
 * table, not in the first frames of the deal. A screen for a room keeps one stage: give it the room's id as its key.
 */
export function TableStage({ children }: { children: ReactNode }) {
  const window = useWindowDimensions();
  const layout = useMemo(() => tableLayout({ width: window.width, height: window.height }), [window.width, window.height]);
  const { felt, atlas } = useTableArt(layout, layout.card, FIRST_LEVEL);
  const deck = useMemo(() => deckCards(layout), [layout]);
  const [claimed, setClaimed] = useState<TableCanvasProps | null>(null);
  const warmUp = useMemo(() => <WarmUpShapes layout={layout} />, [layout]);
  const shown: TableCanvasProps = claimed ?? { size: layout.size, felt, atlas, cards: atlas === null ? [] : deck, flights: NO_FLIGHTS, children: warmUp };
  return (
    <View style={styles.stage}>
      <TableCanvas size={shown.size} felt={shown.felt} atlas={shown.atlas} cards={shown.cards} flights={shown.flights} shake={shown.shake}>
        {shown.children}
      </TableCanvas>
      <StageContext.Provider value={setClaimed}>{children}</StageContext.Provider>
    </View>
  );
}

/**
 * Drawn before the deal, under the room's screen: the kinds of shape the table draws over its cards (the turn
 * timer's stroked circle and its round-capped arc), so that their GPU programs are compiled while the player waits
 * rather than in the deal's first frames (~100 ms under software WebGL). Static: the canvas does not redraw for it.
 */
function WarmUpShapes({ layout }: { layout: TableLayout }) {
  const { centre, avatar } = layout;
  const arc = useMemo(
    () => Skia.PathBuilder.Make().addArc(Skia.XYWHRect(centre.x - avatar, centre.y - avatar, avatar * 2, avatar * 2), -90, 270).build(),
    [centre.x, centre.y, avatar],
  );
  return (
    <Group>
      <Circle cx={centre.x} cy={centre.y} r={avatar} color="rgba(0,0,0,0.35)" style="stroke" strokeWidth={6} />
      <Path path={arc} color="#ffd54a" style="stroke" strokeWidth={4} strokeCap="round" />
    </Group>
  );
}

/** The table's canvas: drawn on the stage around it when there is one, else a canvas of its own (a replay). */
export function StagedCanvas({ size, felt, atlas, cards, flights, shake, children }: TableCanvasProps) {
  const claim = useContext(StageContext);
  useLayoutEffect(() => {
    claim?.({ size, felt, atlas, cards, flights, shake, children });
  }, [claim, size, felt, atlas, cards, flights, shake, children]);
  useLayoutEffect(() => {
    if (claim === null) return;
    return () => claim(null);
  }, [claim]);
  if (claim !== null) return null;
  return (
    <TableCanvas size={size} felt={felt} atlas={atlas} cards={cards} flights={flights} shake={shake}>
      {children}
    </TableCanvas>
  );
}

const styles = StyleSheet.create({
  stage: { flex: 1, backgroundColor: colors.background, overflow: 'hidden' },
});
