/** On the web the fonts are static files served beside the app (never from a CDN). */
export const CANVAS_FONTS = {
  regular: '/fonts/NotoSansSC-Regular.ttf',
  bold: '/fonts/NotoSansSC-Bold.ttf',
};

/** The table's emoji, cut from Noto Emoji (scripts/fonts.ts): for browsers on systems with no emoji font. */
const EMOJI_FONT = '/fonts/NotoEmoji.ttf';

/**
 * Emoji: the system's colour emoji font where there is one, else the shipped glyphs. Families are tried glyph by
 * glyph, so none of these takes a letter from the fonts before it.
 */
const EMOJI_FAMILIES = '"Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji", GuandanEmoji';

/** The font family of DOM text; the subset comes first, system fonts cover what it lacks (player names). */
export const UI_FONT_FAMILY = `NotoSansSC, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif, ${EMOJI_FAMILIES}`;

/** The font family of text that is only emoji (the chat's emoji buttons and bubbles). */
export const EMOJI_FONT_FAMILY = EMOJI_FAMILIES;

/** Declares the subset fonts for DOM text; called once before the first render. */
export function installWebFonts(): void {
  const style = document.createElement('style');
  style.textContent = [
    `@font-face{font-family:NotoSansSC;font-weight:400;font-display:swap;src:url(${CANVAS_FONTS.regular}) format('truetype')}`,
    `@font-face{font-family:NotoSansSC;font-weight:700;font-display:swap;src:url(${CANVAS_FONTS.bold}) format('truetype')}`,
    // One face for every weight (the glyphs are monochrome outlines): bold chat text must not fall back to boxes.
    `@font-face{font-family:GuandanEmoji;font-weight:100 900;font-display:swap;src:url(${EMOJI_FONT}) format('truetype')}`,
    `html,body{background:#0b2e23;font-family:${UI_FONT_FAMILY}}`,
  ].join('\n');
  document.head.appendChild(style);
}
