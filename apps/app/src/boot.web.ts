import { LoadSkiaWeb } from '@shopify/react-native-skia/lib/module/web';
import { registerRootComponent } from 'expo';
import { installWebFonts } from './platform/fonts';

/** CanvasKit must be loaded before any module that touches Skia is evaluated, hence the dynamic import. */
export function boot(): void {
  installWebFonts();
  void LoadSkiaWeb({ locateFile: (file: string) => `/${file}` }).then(async () => {
    const { App } = await import('./App');
    registerRootComponent(App);
  });
}
