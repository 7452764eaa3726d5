import { CUES, type Cue, cuePath } from './cues';
import type { SoundPlayer } from './sound-player';

/** Any of these counts as the user's first gesture; browsers let audio start inside one. */
const GESTURES = ['pointerdown', 'keydown', 'touchend'] as const;
const VOLUME = 0.8;

interface Audio {
  context: AudioContext;
  output: GainNode;
  buffers: Map<Cue, AudioBuffer>;
}

let audio: Audio | null = null;
/** The table wants sound. */
let armed = false;
/** The user has clicked, tapped or typed since this page loaded. */
let gestured = false;

function audioContextClass(): typeof AudioContext | undefined {
  // Older Safari only has the prefixed constructor.
  return window.AudioContext ?? (window as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
}

/** Creates the context and fetches and decodes every cue (small files: about 80 KB in all). */
function load(): void {
  if (audio !== null) return;
  const Context = audioContextClass();
  if (Context === undefined) return;
  const context = new Context();
  const output = context.createGain();
  output.gain.value = VOLUME;
  output.connect(context.destination);
  const loaded: Audio = { context, output, buffers: new Map() };
  audio = loaded;
  for (const cue of CUES) {
    fetch(cuePath(cue))
      .then((response) => (response.ok ? response.arrayBuffer() : Promise.reject(new Error(`${response.status}`))))
      .then((data) => context.decodeAudioData(data))
      .then((buffer) => loaded.buffers.set(cue, buffer))
      // A cue that cannot be fetched or decoded stays silent; the game goes on without it.
      .catch(() => undefined);
  }
}

/** Every gesture also wakes a suspended context (iOS suspends it after a call or when the tab was hidden). */
function onGesture(): void {
  gestured = true;
  if (!armed) return;
  load();
  if (audio !== null && audio.context.state !== 'running') void audio.context.resume().catch(() => undefined);
}

// Listening from the app's start (this module loads with it), so the clicks that led to the table count as the first
// gesture. Not the browser's sticky activation: after a reload it may say yes, and nothing is fetched before the
// player touches this page.
for (const type of GESTURES) window.addEventListener(type, onGesture, { capture: true, passive: true });

export const soundPlayer: SoundPlayer = {
  arm(delayMs) {
    armed = true;
    if (gestured) setTimeout(onGesture, delayMs);
  },
  play(cue) {
    // A suspended context would queue the sound and play it, stale, at the next gesture.
    if (audio === null || audio.context.state !== 'running') return;
    const buffer = audio.buffers.get(cue);
    if (buffer === undefined) return;
    const source = audio.context.createBufferSource();
    source.buffer = buffer;
    source.connect(audio.output);
    source.start();
  },
};
