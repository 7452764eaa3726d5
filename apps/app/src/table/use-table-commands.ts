import type { Card, Play } from '@guandan/engine';
import type { EMOJIS } from '@guandan/protocol';
import type { RealtimeClient } from '@guandan/sdk';
import { useRef } from 'react';
import { useT } from '../i18n';
import { nextHint } from './model/hint';
import type { Judgement } from './model/judge';
import type { TableState } from './model/table-state';

/** How long the notice that nothing beats the table stays. */
const NO_HINT_MS = 2000;

export interface TableCommandsInput {
  realtime: RealtimeClient;
  state: TableState;
  myTurn: boolean;
  /** The selected cards, and what they would do. */
  chosen: Card[];
  judgement: Judgement;
  clearSelection: () => void;
  selectCards: (cards: readonly Card[]) => void;
  /** Shows only this notice (see useNotices). */
  showNotice: (line: string, ms: number) => void;
  /** Back to the lobby. */
  onLeave: () => void;
}

export interface TableCommands {
  /** Plays the selection, or gives it as tribute or return; with several readings, `reading` is the one chosen. */
  play: (reading?: Play) => void;
  pass: () => void;
  /** Selects the next suggestion (round and round), or says there is none. */
  hint: () => void;
  setAutoPlay: (on: boolean) => void;
  sendText: (text: string) => void;
  sendEmoji: (emoji: (typeof EMOJIS)[number]) => void;
  /** Leaves for good (a bot plays on), for the lobby. */
  quit: () => void;
}

/** What the player tells the server from the table. */
export function useTableCommands({ realtime, state, myTurn, chosen, judgement, clearSelection, selectCards, showNotice, onLeave }: TableCommandsInput): TableCommands {
  const t = useT();
  const hintCounter = useRef(0);
  // After a play or a pass the hints start again from the first.
  const done = () => {
    clearSelection();
    hintCounter.current = 0;
  };
  return {
    play: (reading) => {
      if (!myTurn) return;
      if (judgement.kind === 'tribute') realtime.send('TRIBUTE', { card: judgement.card });
      else if (judgement.kind === 'return') realtime.send('RETURN_TRIBUTE', { card: judgement.card });
      else if (judgement.kind === 'play') {
        const choice = reading ?? (judgement.readings.length === 1 ? judgement.readings[0] : undefined);
        // Several readings: the chooser above the buttons names them; the player picks one there.
        if (choice === undefined) return;
        realtime.send('PLAY_CARDS', { cards: chosen, reading: { type: choice.type, rank: choice.rank } });
      } else return;
      done();
    },
    pass: () => {
      if (!myTurn || !state.legal.canPass) return;
      realtime.send('PASS', {});
      done();
    },
    hint: () => {
      const cards = nextHint(state, hintCounter.current);
      hintCounter.current++;
      if (cards !== null) selectCards(cards);
      else if (myTurn) showNotice(t('noBetterPlay'), NO_HINT_MS);
    },
    setAutoPlay: (on) => realtime.send('AUTO_PLAY', { on }),
    sendText: (text) => realtime.send('SEND_MESSAGE', { text }),
    sendEmoji: (emoji) => realtime.send('SEND_EMOJI', { emoji }),
    quit: () => {
      realtime.send('QUIT', {});
      onLeave();
    },
  };
}
