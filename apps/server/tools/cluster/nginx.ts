import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { untilReady } from '../load/child-server.js';

/**
 * nginx in front of the nodes of a cluster: any node for any request, WebSocket upgrades passed through, no sticky
 * sessions (`deploy/nginx.conf` is the same for the compose file). `listen` is nginx's listen argument.
 */
export function nginxConfig(dir: string, listen: string, upstreams: string[]): string {
  return `worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'nginx-error.log')} warn;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path ${join(dir, 'nginx-body')};
  proxy_temp_path ${join(dir, 'nginx-proxy')};
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  upstream guandan { least_conn; ${upstreams.map((upstream) => `server ${upstream} max_fails=1 fail_timeout=2s;`).join(' ')} }
  server {
    listen ${listen};
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

/**
 * Writes the configuration to `dir/nginx.conf`, starts Debian's nginx on it, listening on `port` (of every address,
 * or of `host` only), and waits until a node answers through it. Fails when nginx is missing or exits.
 */
export async function startNginx(dir: string, upstreams: string[], port: number, host?: string): Promise<ChildProcess> {
  const configFile = join(dir, 'nginx.conf');
  writeFileSync(configFile, nginxConfig(dir, host === undefined ? String(port) : `${host}:${port}`, upstreams));
  const nginx = spawn('nginx', ['-c', configFile, '-g', 'daemon off;'], { stdio: 'inherit' });
  // A missing binary emits 'error' instead of 'exit': either way nginx is not running.
  const exited = once(nginx, 'exit').catch(() => undefined);
  try {
    await untilReady(`http://127.0.0.1:${port}`, exited);
  } catch (error) {
    nginx.kill('SIGTERM');
    throw new Error(`nginx did not start (apt-get install nginx); its configuration is in ${configFile}: ${String(error)}`);
  }
  return nginx;
}
