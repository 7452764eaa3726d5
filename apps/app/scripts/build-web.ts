/**
 * Builds the web app into dist/: the font subsets, the favicon and CanvasKit's wasm into public/, `expo export`, then a brotli
 * and a gzip copy beside every compressible file (the server sends those as they are).
 *   --if-missing  do nothing when dist/index.html exists (npm start)
 *   --assets-only only the fonts, the favicon and the wasm (before a native export)
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { buildFavicon } from './favicon';
import { buildFonts } from './fonts';

const require = createRequire(import.meta.url);
const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(appDir, 'dist');
const COMPRESSIBLE = new Set(['.js', '.html', '.json', '.wasm', '.ttf', '.css', '.svg']);

async function buildAssets(): Promise<void> {
  await buildFonts();
  mkdirSync(join(appDir, 'public'), { recursive: true });
  copyFileSync(require.resolve('canvaskit-wasm/bin/canvaskit.wasm'), join(appDir, 'public', 'canvaskit.wasm'));
  writeFileSync(join(appDir, 'public', 'favicon.ico'), buildFavicon());
}

function exportWeb(): void {
  const result = spawnSync('npx', ['--no-install', 'expo', 'export', '--platform', 'web', '--output-dir', 'dist'], {
    cwd: appDir,
    stdio: 'inherit',
    env: { ...process.env, CI: '1' },
  });
  if (result.status !== 0) throw new Error(`expo export failed (${result.status ?? result.signal})`);
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function precompress(): { raw: number; brotli: number } {
  let raw = 0;
  let brotli = 0;
  for (const file of files(distDir)) {
    if (!COMPRESSIBLE.has(extname(file))) continue;
    const content = readFileSync(file);
    const br = brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } });
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
    raw += content.length;
    brotli += br.length;
  }
  return { raw, brotli };
}

const args = new Set(process.argv.slice(2));
if (args.has('--if-missing') && existsSync(join(distDir, 'index.html'))) {
  console.log('web build present: apps/app/dist');
} else {
  await buildAssets();
  if (!args.has('--assets-only')) {
    exportWeb();
    const { raw, brotli } = precompress();
    console.log(`web build: ${(raw / 1e6).toFixed(2)} MB, ${(brotli / 1e6).toFixed(2)} MB over brotli`);
  }
}
