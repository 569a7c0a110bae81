/**
 * The bench's HTTP phase: the real server (`dist/apps/api/src/main.js`, with the node flags and
 * environment of `npm start`) on the bench's data folder, loaded by autocannon over loopback, one
 * route at a time, bounded in time. autocannon runs in a process of its own, as a load generator
 * would: inside the bench's process it shared that process's heap (hundreds of MB of the phases
 * before, a 128 MB young generation) and its collections showed up as the server's latency.
 * Both processes share this machine's cores. Also the peak RSS of a process, sampled from /proc
 * while it runs, and its CPU time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';

/** USER_HZ of /proc/PID/stat: 100 on Linux. */
const CLOCK_TICKS_PER_SECOND = 100;

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
  /** CPU time the process has used, user and system, in ms (from /proc/PID/stat). */
  cpuMs(): number {
    try {
      const fields = readFileSync(`/proc/${this.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
    } catch {
      return Number.NaN;
    }
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
  /** The node flags and environment of `npm start` it runs with. */
  command: string;
  baseUrl: string;
  token: string;
  rss: PeakRss;
  stop(): Promise<void>;
}

/**
 * The environment variables and node flags of package.json's `start` script
 * (`[VAR=value ...] node [--flag ...] dist/apps/api/src/main.js`), so that the bench's server is
 * the one `npm start` runs.
 */
export function npmStartCommand(): { env: Record<string, string>; nodeFlags: string[] } {
  const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
  const words = packageJson.scripts.start.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (/^[A-Z_][A-Z0-9_]*=/.test(words[0] ?? '')) {
    const [name, ...value] = words.shift()!.split('=');
    env[name] = value.join('=');
  }
  if (words.shift() !== 'node' || words.at(-1) !== 'dist/apps/api/src/main.js') throw new Error(`unexpected start script: ${packageJson.scripts.start}`);
  return { env, nodeFlags: words.slice(0, -1) };
}

/** Starts the API on `dataDir` as `npm start` runs it, and waits for /health. */
export async function startServer(dataDir: string): Promise<RunningServer> {
  const port = await freePort();
  const token = 'bench-viewer-token';
  const start = npmStartCommand();
  const child: ChildProcess = spawn(process.execPath, [...start.nodeFlags, fileURLToPath(new URL('../apps/api/src/main.js', import.meta.url))], {
    env: {
      ...process.env,
      ...start.env,
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
    command: [...Object.entries(start.env).map(([name, value]) => `${name}=${value}`), 'node', ...start.nodeFlags].join(' '),
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
  /** The server's CPU time (all its threads) per answered request, in µs: less noisy than req/s on a shared machine. */
  serverCpuMicrosPerRequest: number;
}

interface ClientJob {
  url: string;
  token: string;
  paths: string[];
  connections: number;
  seconds: number;
}
type ClientFigures = Omit<LoadFigures, 'distinctUrls' | 'serverCpuMicrosPerRequest'>;

/** autocannon on one route: `paths` taken in turn, `connections` at once, for `seconds`; in a process of its own. */
export async function loadRoute(server: RunningServer, paths: string[], options: { connections: number; seconds: number }): Promise<LoadFigures> {
  const cpuBefore = server.rss.cpuMs();
  const client = spawn(process.execPath, [fileURLToPath(import.meta.url), '--load-client'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let stdout = '';
  client.stdout!.on('data', (chunk) => (stdout += chunk));
  const job: ClientJob = { url: server.baseUrl, token: server.token, paths, ...options };
  client.stdin!.end(JSON.stringify(job));
  const status = await new Promise<number | null>((done) => client.once('exit', done));
  if (status !== 0) throw new Error(`autocannon's process failed (exit ${status}): ${stdout}`);
  const figures = JSON.parse(stdout) as ClientFigures;
  const cpuMs = server.rss.cpuMs() - cpuBefore;
  return { ...figures, distinctUrls: new Set(paths).size, serverCpuMicrosPerRequest: Math.round((cpuMs * 1000) / Math.max(1, figures.requests)) };
}

/** The load client's process: a job on stdin, its figures on stdout. */
async function runLoadClient(): Promise<void> {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const job = JSON.parse(input) as ClientJob;
  let next = 0;
  const result = await autocannon({
    url: job.url,
    connections: job.connections,
    duration: job.seconds,
    headers: { authorization: `Bearer ${job.token}` },
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: job.paths[next++ % job.paths.length] }) }],
  });
  const figures: ClientFigures = {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
  process.stdout.write(JSON.stringify(figures));
}

if (process.argv[2] === '--load-client' && import.meta.url === pathToFileURL(process.argv[1]).href) await runLoadClient();
