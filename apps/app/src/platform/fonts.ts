/** On phones the fonts are bundled assets; Skia loads them by module id. */
export const CANVAS_FONTS = {
  regular: require('../../public/fonts/NotoSansSC-Regular.ttf') as number,
  bold: require('../../public/fonts/NotoSansSC-Bold.ttf') as number,
};

/** Platform text on phones uses the system font, which covers Chinese. */
export const UI_FONT_FAMILY: string | undefined = undefined;

/** Phones draw emoji with their own colour emoji font. */
export const EMOJI_FONT_FAMILY: string | undefined = undefined;

export function installWebFonts(): void {}
