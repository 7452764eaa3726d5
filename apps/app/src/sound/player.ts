import { type AudioPlayer, createAudioPlayer, setAudioModeAsync } from 'expo-audio';
import { CUE_SOURCES } from './cue-sources';
import { CUES, type Cue } from './cues';
import type { SoundPlayer } from './sound-player';

const VOLUME = 0.8;
const players = new Map<Cue, AudioPlayer>();
let loadTimer: ReturnType<typeof setTimeout> | null = null;

function load(): void {
  // Game effects: silent when the phone is on silent, mixed with the player's own music, never in the background.
  void setAudioModeAsync({ playsInSilentMode: false, interruptionMode: 'mixWithOthers', shouldPlayInBackground: false, allowsRecording: false }).catch(
    () => undefined,
  );
  for (const cue of CUES) {
    const player = createAudioPlayer(CUE_SOURCES[cue]);
    player.volume = VOLUME;
    players.set(cue, player);
  }
}

export const soundPlayer: SoundPlayer = {
  arm(delayMs) {
    if (loadTimer !== null) return;
    loadTimer = setTimeout(load, delayMs);
  },
  play(cue) {
    const player = players.get(cue);
    if (player === undefined || !player.isLoaded) return;
    // One player per cue: a cue heard before is rewound first.
    void player
      .seekTo(0)
      .then(() => player.play())
      .catch(() => undefined);
  },
};
