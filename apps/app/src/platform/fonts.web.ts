/** On the web the fonts are static files served beside the app (never from a CDN). */
export const CANVAS_FONTS = {
  regular: '/fonts/NotoSansSC-Regular.ttf',
  bold: '/fonts/NotoSansSC-Bold.ttf',
};

/** The font family of DOM text; the subset comes first, system fonts cover what it lacks (player names). */
export const UI_FONT_FAMILY = 'NotoSansSC, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Declares the subset fonts for DOM text; called once before the first render. */
export function installWebFonts(): void {
  const style = document.createElement('style');
  style.textContent = [
    `@font-face{font-family:NotoSansSC;font-weight:400;font-display:swap;src:url(${CANVAS_FONTS.regular}) format('truetype')}`,
    `@font-face{font-family:NotoSansSC;font-weight:700;font-display:swap;src:url(${CANVAS_FONTS.bold}) format('truetype')}`,
    `html,body{background:#0b2e23;font-family:${UI_FONT_FAMILY}}`,
  ].join('\n');
  document.head.appendChild(style);
}
