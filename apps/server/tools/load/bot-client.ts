import { autoPlay } from '@guandan/bots';
import type { Action, SeatView } from '@guandan/engine';
import type { GameStatePayload, ServerMessage } from '@guandan/protocol';
import type { RealtimeClient } from '@guandan/sdk';

/** The realtime message that carries an engine action of the client's own seat. */
export function sendAction(client: RealtimeClient, action: Action, id?: string): string {
  switch (action.kind) {
    case 'play':
      return client.send('PLAY_CARDS', { cards: action.cards, ...(action.reading === undefined ? {} : { reading: action.reading }) }, id);
    case 'pass':
      return client.send('PASS', {}, id);
    case 'tribute':
      return client.send('TRIBUTE', { card: action.card }, id);
    case 'return':
      return client.send('RETURN_TRIBUTE', { card: action.card }, id);
    case 'timeUp':
      throw new Error('timeUp is the host clock, never a player action');
  }
}

/** Whether this view asks its own seat to act. */
export function mustActIn(view: SeatView): boolean {
  return view.actors.includes(view.seat) && view.phase !== 'over';
}

/**
 * Plays a seat over the realtime protocol like a person choosing by the hint: on each view that asks it to act, it
 * sends the auto-play choice, at once or after `thinkMs()` milliseconds (a person's pace). `onSent` sees each action
 * (for latency measurement). The function returned stops it, a pending action included.
 */
export function playByHint(client: RealtimeClient, onSent?: (id: string, view: SeatView) => void, thinkMs: () => number = () => 0): () => void {
  let answered = -1;
  let thinking: NodeJS.Timeout | undefined;
  const act = (view: SeatView): void => {
    const id = sendAction(client, autoPlay(view));
    onSent?.(id, view);
  };
  const stopListening = client.on('GAME_STATE_UPDATE', (message: ServerMessage<'GAME_STATE_UPDATE'>) => {
    const { view } = message.payload as GameStatePayload;
    if (!mustActIn(view) || message.seq <= answered) return;
    if (view.phase === 'tribute' && view.tribute?.mySubmitted != null) return;
    answered = message.seq;
    const pause = thinkMs();
    if (pause > 0) thinking = setTimeout(() => act(view), pause);
    else act(view);
  });
  return () => {
    stopListening();
    clearTimeout(thinking);
  };
}
