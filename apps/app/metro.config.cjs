// Metro loads its config with require(), so this file stays CommonJS in an ESM package.
const { getDefaultConfig } = require('expo/metro-config');

const config = getDefaultConfig(__dirname);

// The "full" CanvasKit adds Skottie and other modules the table never uses; the default
// build has everything it draws with and is 260 KB smaller over brotli.
const resolveDefault = config.resolver.resolveRequest;
config.resolver.resolveRequest = (context, moduleName, platform) => {
  const name = moduleName === 'canvaskit-wasm/bin/full/canvaskit' ? 'canvaskit-wasm/bin/canvaskit' : moduleName;
  return (resolveDefault ?? context.resolveRequest)(context, name, platform);
};

module.exports = config;
