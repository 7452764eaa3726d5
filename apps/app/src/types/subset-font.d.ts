declare module 'subset-font' {
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: {
      targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
      /** Keep only the glyphs of `text`, not those OpenType substitutions could reach from them. */
      noLayoutClosure?: boolean;
    },
  ): Promise<Buffer>;
}
