import { z } from 'zod';

/** The longest chat line, in UTF-16 units, after it is cleaned. */
export const CHAT_TEXT_MAX = 200;

/** Line breaks and tabs: they would let one line pose as several, so each becomes a space. */
const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/gu;
/**
 * Control characters (C0, DEL, C1) and the bidirectional controls that reorder what follows them, so that a line
 * can show text other than what was sent (U+061C, U+200E/F, U+202A-E, U+2066-9).
 */
const CONTROLS = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
/**
 * What shows nothing on its own: white space, format characters, default-ignorable code points (U+200B, U+3164
 * HANGUL FILLER, U+FFA0, variation selectors, tags ...) and U+2800 BRAILLE PATTERN BLANK.
 */
const INVISIBLE = /[\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** A chat line as it may be shown: line breaks become spaces, control and bidi characters go, the ends are trimmed. */
export function cleanChatText(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(CONTROLS, '').trim();
}

/** Whether a text has anything to see: not only white space and invisible characters. */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, '').length > 0;
}

/**
 * A chat line on the wire: cleaned first, then refused when nothing visible is left or it is too long. The raw
 * bound keeps the cleaning cheap; a realtime frame is at most 16 KiB anyway.
 */
export const ChatTextSchema = z
  .string()
  .max(CHAT_TEXT_MAX * 4)
  .transform(cleanChatText)
  .pipe(
    z
      .string()
      .max(CHAT_TEXT_MAX)
      .refine(hasVisibleText, { message: 'the text has no visible characters' }),
  );
