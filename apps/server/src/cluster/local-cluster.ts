import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

/**
 * `npm run cluster -- --nodes 3`: N server processes on one PostgreSQL database and one Redis, behind nginx (from
 * Debian) on one port, as docs/SCALING.md describes. Stop it with Ctrl-C.
 */
const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '3' },
    port: { type: 'string', default: '8080' },
    'first-node-port': { type: 'string', default: '3101' },
    'database-url': { type: 'string', default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/guandan_cluster' },
    'redis-url': { type: 'string', default: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
    'data-dir': { type: 'string', default: './data/cluster' },
  },
});

const nodes = Number(values.nodes);
const firstPort = Number(values['first-node-port']);
const dataDir = resolve(values['data-dir']);
const main = fileURLToPath(new URL('../main.js', import.meta.url));

/** Creates the cluster's database on first use. */
async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

/** nginx in front: any node for any request, WebSocket upgrades passed through, no sticky sessions. */
function nginxConfig(ports: number[]): string {
  return `worker_processes 1;
pid ${join(dataDir, 'nginx.pid')};
error_log ${join(dataDir, 'nginx-error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${join(dataDir, 'nginx-body')};
  proxy_temp_path ${join(dataDir, 'nginx-proxy')};
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  upstream guandan { least_conn; ${ports.map((port) => `server 127.0.0.1:${port} max_fails=1 fail_timeout=2s;`).join(' ')} }
  server {
    listen ${values.port};
    location / {
      proxy_pass http://guandan;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_read_timeout 120s;
      proxy_next_upstream error timeout;
    }
  }
}
`;
}

async function run(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  await ensureDatabase(values['database-url']);
  const shared = {
    DATABASE_URL: values['database-url'],
    REDIS_URL: values['redis-url'],
    JWT_SECRET: process.env.JWT_SECRET ?? randomBytes(32).toString('hex'),
    TRUST_PROXY: 'true',
    CHAIN: process.env.CHAIN ?? 'off',
  };
  const children: ChildProcess[] = [];
  const ports = Array.from({ length: nodes }, (_, index) => firstPort + index);
  for (const [index, port] of ports.entries()) {
    const nodeDir = join(dataDir, `node-${index}`);
    mkdirSync(nodeDir, { recursive: true });
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, ...shared, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: nodeDir, NODE_ID: `node-${index}` },
      stdio: 'inherit',
    });
    children.push(child);
    // The first node migrates the database; the others start once it is up.
    if (index === 0) await untilReady(`http://127.0.0.1:${port}`);
  }
  await Promise.all(ports.map((port) => untilReady(`http://127.0.0.1:${port}`)));
  const configFile = join(dataDir, 'nginx.conf');
  writeFileSync(configFile, nginxConfig(ports));
  const nginx = spawn('nginx', ['-c', configFile, '-g', 'daemon off;'], { stdio: 'inherit' });
  nginx.on('error', () => console.log(`nginx is not installed (apt-get install nginx); its configuration is in ${configFile}. The nodes answer on ${ports.join(', ')}.`));
  children.push(nginx);
  console.log(`Guandan Global cluster: ${nodes} nodes on ports ${ports.join(', ')}, nginx at http://127.0.0.1:${values.port}`);
  const stop = (): void => {
    for (const child of children) child.kill('SIGTERM');
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function untilReady(url: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (await fetch(`${url}/readyz`).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not become ready`);
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
