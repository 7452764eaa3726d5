import { loadConfig } from './config.js';
import { createServer } from './http/server.js';

/** `npm start`: the whole platform on the configured adapters (embedded defaults with no settings). */
async function main(): Promise<void> {
  const server = await createServer(loadConfig());
  const url = await server.start();
  server.app.log.info({ url, database: server.platform.config.database.kind }, `Guandan Global is up at ${url} (API docs at ${url}/docs)`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
