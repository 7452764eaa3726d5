// `npm start`: builds the console into dist/ the first time, and leaves an existing build as it is
// (`npm run build -w apps/admin` rebuilds it after a change).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const consoleDir = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(consoleDir, 'dist', 'index.html'))) {
  const result = spawnSync('npx', ['--no-install', 'vite', 'build'], { cwd: consoleDir, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
