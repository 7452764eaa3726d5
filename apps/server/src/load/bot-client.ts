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
 * sends the auto-play choice. `onSent` sees each action (for latency measurement).
 */
export function playByHint(client: RealtimeClient, onSent?: (id: string, view: SeatView) => void): () => void {
  let answered = -1;
  return client.on('GAME_STATE_UPDATE', (message: ServerMessage<'GAME_STATE_UPDATE'>) => {
    const { view } = message.payload as GameStatePayload;
    if (!mustActIn(view) || message.seq <= answered) return;
    if (view.phase === 'tribute' && view.tribute?.mySubmitted != null) return;
    answered = message.seq;
    const id = sendAction(client, autoPlay(view));
    onSent?.(id, view);
  });
}
