/**
 * The bench's HTTP phase: the real server (`dist/apps/api/src/main.js`, as `npm start` runs it)
 * on the bench's data folder, loaded by autocannon over loopback, one route at a time, bounded
 * in time. Also the peak RSS of a process, sampled from /proc while it runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

/** Peak RSS of a child process (VmHWM), read every 100 ms while it lives. */
export class PeakRss {
  private peakKb = 0;
  private readonly timer: NodeJS.Timeout;
  constructor(private readonly pid: number) {
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
  }
  sample(): number {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      if (hwm) this.peakKb = Math.max(this.peakKb, Number(hwm[1]));
    } catch {
      // exited: keep the last sample
    }
    return this.peakMb;
  }
  get peakMb(): number {
    return Math.round(this.peakKb / 1024);
  }
  stop(): number {
    clearInterval(this.timer);
    return this.peakMb;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  token: string;
  rss: PeakRss;
  stop(): Promise<void>;
}

/** Starts the API on `dataDir` with the given node flags, and waits for /health. */
export async function startServer(dataDir: string, nodeFlags: string[]): Promise<RunningServer> {
  const port = await freePort();
  const token = 'bench-viewer-token';
  const child: ChildProcess = spawn(process.execPath, [...nodeFlags, fileURLToPath(new URL('../apps/api/src/main.js', import.meta.url))], {
    env: {
      ...process.env,
      PORT: String(port),
      REGISTRY_DATA_DIR: dataDir,
      REGISTRY_SEED_ON_EMPTY: 'false',
      EVENTSTORE_URL: '',
      MONGO_URL: '',
      REGISTRY_TOKENS: JSON.stringify([{ token, role: 'auditor', jurisdictions: ['*'], name: 'bench' }]),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const rss = new PeakRss(child.pid!);
  const baseUrl = `http://127.0.0.1:${port}`;
  // a server whose views are empty rebuilds them before it listens
  const deadline = Date.now() + 900_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${stderr}`);
    try {
      const health = await fetch(`${baseUrl}/api/v1/health`);
      if (health.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not answer /health in 900 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    token,
    rss,
    stop: () =>
      new Promise<void>((resolve) => {
        rss.sample();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  distinctUrls: number;
}

/** autocannon on one route: `paths` taken in turn, `connections` at once, for `seconds`. */
export async function loadRoute(server: RunningServer, paths: string[], options: { connections: number; seconds: number }): Promise<LoadFigures> {
  let next = 0;
  const result = await autocannon({
    url: server.baseUrl,
    connections: options.connections,
    duration: options.seconds,
    headers: { authorization: `Bearer ${server.token}` },
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    distinctUrls: new Set(paths).size,
  };
}
