import { Platform } from 'react-native';
import { EMOJI_FONT_FAMILY, UI_FONT_FAMILY } from '../platform/fonts';

/** The palette: a dark felt table with gold accents, red for hearts/diamonds and warnings. */
export const colors = {
  background: '#0b2e23',
  felt: '#0f5a3f',
  feltEdge: '#083826',
  panel: '#12382c',
  panelBorder: '#2c6b52',
  text: '#f4efe1',
  textDim: '#a8c4b6',
  gold: '#e8c35a',
  goldDark: '#b08d2e',
  red: '#d8423a',
  danger: '#c0392b',
  team0: '#4aa3df',
  team1: '#e67e5a',
  cardFace: '#fbf8f0',
  cardInk: '#1d1d1f',
  cardRed: '#c8102e',
  selected: '#ffd54a',
} as const;

export const fonts = { family: UI_FONT_FAMILY, emoji: EMOJI_FONT_FAMILY } as const;

export const space = (n: number): number => n * 4;

/** Fixed-width digits for codes (invite codes read best with every character the same width). */
export const monoFamily = Platform.select({ web: 'ui-monospace, Menlo, Consolas, monospace', ios: 'Menlo', default: 'monospace' });
