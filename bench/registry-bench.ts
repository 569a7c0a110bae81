/**
 * `npm run bench`: the phases of docs/benchmark.md on the embedded default (SQLite event store, SQLite read
 * store), on a generated registry; prints one JSON object as its last line. Not a test: the
 * machine is shared, so compare figures measured in one run.
 *
 * Options: --jurisdictions N (100) --bodies N (100 per jurisdiction) --seed N --queries N (200) --dir PATH
 *   --decision-jurisdictions N (3): copies of the demo history run through the command path
 *   --load-seconds N (5): autocannon per route, 50 connections, loopback
 *   --peer: then run the Emmett + SQLite peer (--peer-dir, default ../shared/peers/emmett-bench) on
 *   the same number of jurisdictions and bodies, and print both with the ratios
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, existsSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { streamIds } from '#domain';
import { GENESIS_HASH, newEventId, SqliteEventStore, sealEvents, type EventEnvelope, type StoredEvent } from '#event-store';
import { Projector, RegistryQueries, SqliteReadStore, registryByReplay } from '#read-model';
import { runDecisionPhase } from './decisions.js';
import { loadRoute, PeakRss, startServer, type LoadFigures } from './load.js';
import { generateWorkload, jurisdictionCode, prng, type BodyHistory } from './workload.js';

/** `--name value` or `--name=value` (the peer's form). */
function optionText(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  if (index > 0) return process.argv[index + 1];
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}
function option(name: string, fallback: number): number {
  const text = optionText(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} 须为非负数：${text}`);
  return value;
}
const jurisdictions = option('jurisdictions', 100);
const bodiesPerJurisdiction = option('bodies', 100);
const seed = option('seed', 20200331);
const queryCount = option('queries', 200);
const decisionJurisdictions = option('decision-jurisdictions', 3);
const loadSeconds = option('load-seconds', 5);
const withPeer = process.argv.includes('--peer');
const peerDir = resolve(optionText('peer-dir') ?? '../shared/peers/emmett-bench');
/** Differences found by the bench's own checks; any makes it exit 1 after printing. */
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  if (!ok) {
    failures.push(what);
    process.stderr.write(`检查未通过：${what}\n`);
  }
};
const dirOption = optionText('dir');
const dirIndex = dirOption === undefined ? -1 : 1;
const dir = dirOption ?? mkdtempSync(join(tmpdir(), 'registry-bench-'));
const log = (line: string) => process.stderr.write(`${line}\n`);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

const eventStore = new SqliteEventStore(join(dir, 'events.sqlite'));
const readStore = SqliteReadStore.inDataDir(dir);
const bodiesByJurisdiction = new Map<string, string[]>();

// Transaction time advances with the log, as the server clock would.
let clock = Date.parse('2026-01-02T00:00:00.000Z');

function envelope(body: BodyHistory, draft: BodyHistory['events'][number], correlationId: string): Omit<EventEnvelope, 'version' | 'previousHash' | 'hash'> {
  return {
    eventId: newEventId(),
    type: draft.type,
    schemaVersion: 1,
    streamId: streamIds.body(body.bodyId),
    jurisdiction: body.jurisdiction,
    bodyId: body.bodyId,
    effectiveDate: draft.effectiveDate,
    recordedAt: new Date(clock++).toISOString(),
    recordedBy: 'bench',
    documentNo: draft.documentNo,
    ...(draft.reason ? { reason: draft.reason } : {}),
    correlationId,
    causationId: correlationId,
    data: draft.data,
  };
}

// Phase 1: append every stream in chunks of 20 events, each chunk one append with the expected version.
log(`生成并追加：${jurisdictions} 个行政区划 × ${bodiesPerJurisdiction} 个机构 → ${dir}`);
let appended = 0;
let dataBytes = 0;
// the payload sizes are the bench's own bookkeeping (the peer counts them in a phase of their own): not timed
let bookkeepingMs = 0;
const appendStarted = performance.now();
for (const body of generateWorkload({ jurisdictions, bodiesPerJurisdiction, seed })) {
  const list = bodiesByJurisdiction.get(body.jurisdiction) ?? [];
  list.push(body.bodyId);
  bodiesByJurisdiction.set(body.jurisdiction, list);
  let stream = { version: 0, lastHash: GENESIS_HASH };
  for (let i = 0; i < body.events.length; i += 20) {
    const correlationId = newEventId();
    const chunk = body.events.slice(i, i + 20).map((draft) => envelope(body, draft, correlationId));
    const events = sealEvents(chunk, stream);
    await eventStore.append([{ streamId: streamIds.body(body.bodyId), expectedVersion: stream.version, events }]);
    stream = { version: events.at(-1)!.version, lastHash: events.at(-1)!.hash };
    appended += events.length;
    const counting = performance.now();
    for (const e of events) dataBytes += Buffer.byteLength(JSON.stringify(e.data));
    bookkeepingMs += performance.now() - counting;
  }
}
const appendSeconds = (performance.now() - appendStarted - bookkeepingMs) / 1000;
log(`追加 ${appended} 个事件，${round(appended / appendSeconds, 0)} 个/秒`);

// Phase 2: read the whole log in global order, decoded.
const readStarted = performance.now();
let read = 0;
for (let after = 0; ; ) {
  const page = await eventStore.readAll({ after, limit: 10_000 });
  if (page.length === 0) break;
  read += page.length;
  after = page[page.length - 1].position;
}
const readSeconds = (performance.now() - readStarted) / 1000;
check(read === appended, `read all saw ${read} events, ${appended} appended`);
log(`读全部 ${read} 个事件，${round(read / readSeconds, 0)} 个/秒`);

// Phase 3: rebuild the read models from the log (fresh tables, switched over at the end),
// from a collected heap as in the CLI's own process: the garbage of the phases before made
// V8 mark and compact during the rebuild (measured 62,500 events/s here against 80,000 alone).
(globalThis as { gc?: () => void }).gc?.();
const projector = new Projector({ eventStore, readStore });
const rebuild = await projector.rebuild();
log(`重建读模型 ${rebuild.events} 个事件，${rebuild.eventsPerSecond} 个/秒`);
check(rebuild.events === appended, `the in-process rebuild saw ${rebuild.events} events, ${appended} appended`);

// Phase 4: registry as of a date, by replaying the jurisdiction's streams and from the read model.
const random = prng(seed + 1);
const queries = Array.from({ length: queryCount }, () => {
  const jurisdiction = jurisdictionCode(Math.floor(random() * jurisdictions));
  const start = Date.UTC(1995, 0, 1);
  const date = new Date(start + Math.floor(random() * (Date.UTC(2026, 0, 1) - start))).toISOString().slice(0, 10);
  return { jurisdiction, date };
});
const knownAt = new Date(clock + 1000).toISOString();
const registryQueries = new RegistryQueries(readStore, () => new Date(clock + 1000));
const replayMs: number[] = [];
const readModelMs: number[] = [];
let mismatches = 0;
const replayAnswer = async (query: (typeof queries)[number]) => {
  const events: StoredEvent[] = [];
  for (const bodyId of bodiesByJurisdiction.get(query.jurisdiction) ?? []) events.push(...(await eventStore.readStream(streamIds.body(bodyId))));
  return registryByReplay(events, query.jurisdiction, query.date, knownAt);
};
// A warm-up pass of every query of each kind, not measured: steady-state latency, the code
// compiled, the statements prepared, each jurisdiction's pages read once (a first pass had
// read-model outliers of 3-10 ms, all first touches).
for (const query of queries) {
  await registryQueries.registry(query.jurisdiction, query.date, knownAt);
  await replayAnswer(query);
}
// Each kind in a loop of its own: interleaved, a 0.3 ms read paid for the garbage of the 70 ms
// replay before it (its p99 doubled), which says more about the replay than about the read.
// Each loop starts from a collected heap (npm run bench passes --expose-gc), so that neither pays for the other's garbage.
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();
const replayed: Array<Awaited<ReturnType<typeof replayAnswer>>> = [];
collectGarbage();
for (const query of queries) {
  const started = performance.now();
  replayed.push(await replayAnswer(query));
  replayMs.push(performance.now() - started);
}
collectGarbage();
for (const [i, query] of queries.entries()) {
  const started = performance.now();
  const fromReadModel = await registryQueries.registry(query.jurisdiction, query.date, knownAt);
  readModelMs.push(performance.now() - started);
  // The whole answer: counts, every body with every field, the order.
  if (!isDeepStrictEqual(fromReadModel, replayed[i])) {
    mismatches++;
    if (mismatches === 1) log(`as-of 不一致 ${JSON.stringify(query)}：读模型 ${JSON.stringify(fromReadModel).slice(0, 800)} 重放 ${JSON.stringify(replayed[i]).slice(0, 800)}`);
  }
}
check(mismatches === 0, `${mismatches} of ${queries.length} as-of answers differ from replay`);
replayMs.sort((a, b) => a - b);
readModelMs.sort((a, b) => a - b);

// Phase 5: decisions through the real command path, and the bitemporal as-of questions
// auditors ask (late recordings, corrections, mergers, baselines; knownAt varied), each
// answer compared in full with replay.
const decisionCodes = Array.from({ length: decisionJurisdictions }, (_, i) => String(820101 + i * 100));
const decisionStart = await eventStore.headPosition();
const decisionPhase = await runDecisionPhase(eventStore, decisionCodes, log);
const head = await eventStore.headPosition();
await projector.start();
check(await projector.waitForPosition(head, 60_000), `the projector did not reach ${head}`);
const decisionEvents = (await eventStore.readAll({ after: decisionStart })).filter((e) => e.position <= head);
check(decisionEvents.length === decisionPhase.events, `the decision phase appended ${decisionEvents.length} events, its answers name ${decisionPhase.events}`);
const bitemporalRandom = prng(seed + 2);
let bitemporalQueries = 0;
let bitemporalMismatches = 0;
const bitemporalMs: number[] = [];
for (const code of decisionCodes) {
  const events = decisionEvents.filter((e) => e.jurisdiction === code);
  for (const knownAtMoment of decisionPhase.moments) {
    for (let n = 0; n < 10; n++) {
      const start = Date.UTC(2000, 0, 1);
      const date = new Date(start + Math.floor(bitemporalRandom() * (Date.UTC(2026, 6, 1) - start))).toISOString().slice(0, 10);
      const started = performance.now();
      const fromReadModel = await registryQueries.registry(code, date, knownAtMoment);
      bitemporalMs.push(performance.now() - started);
      const byReplay = registryByReplay(events, code, date, knownAtMoment);
      bitemporalQueries++;
      if (!isDeepStrictEqual(fromReadModel, byReplay)) {
        bitemporalMismatches++;
        if (bitemporalMismatches === 1) log(`双时态 as-of 不一致 ${code} ${date} ${knownAtMoment}：读模型 ${JSON.stringify(fromReadModel).slice(0, 800)} 重放 ${JSON.stringify(byReplay).slice(0, 800)}`);
      }
    }
  }
}
bitemporalMs.sort((a, b) => a - b);
check(bitemporalMismatches === 0, `${bitemporalMismatches} of ${bitemporalQueries} bitemporal as-of answers differ from replay`);
log(`双时态 as-of ${bitemporalQueries} 次，与重放不一致 ${bitemporalMismatches} 次`);

await projector.stop();
await readStore.close();
await eventStore.close();
const totalEvents = head;
const fileBytes = ['events.sqlite', 'events.sqlite-wal'].map((f) => join(dir, f)).filter(existsSync).reduce((sum, f) => sum + statSync(f).size, 0);
const eventStoreBytesPerEvent = fileBytes / totalEvents;
const peakRssMb = process.resourceUsage().maxRSS / 1024;

// Phase 6: the same rebuild as an operator runs it, `npm run cli -- rebuild`, in a process of
// its own on the same log (this process's phases before leave their heap and compiled code),
// with the heap flag `npm run cli` gives it and without, for the peak RSS of each.
const semiSpaceFlags = process.execArgv.filter((flag) => flag.startsWith('--max-semi-space-size'));
async function cliRebuild(flags: string[]) {
  log(`在独立进程中重建（npm run cli -- rebuild ${flags.join(' ') || '(V8 默认新生代)'}）`);
  const child = spawn(process.execPath, [...flags, fileURLToPath(new URL('../apps/cli/src/main.js', import.meta.url)), 'rebuild'], {
    env: { ...process.env, REGISTRY_DATA_DIR: dir, EVENTSTORE_URL: '', MONGO_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const rss = new PeakRss(child.pid!);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const status = await new Promise<number | null>((done) => child.once('exit', done));
  const peakRssMb = rss.stop();
  const summary = status === 0 ? (JSON.parse(stdout.trim().split('\n').at(-1)!) as { eventsPerSecond: number; elapsedMs: number; events: number }) : undefined;
  if (!summary) {
    if (dirIndex < 0) rmSync(dir, { recursive: true, force: true });
    throw new Error(`CLI rebuild failed (exit ${status}): ${stdout}\n${stderr}`);
  }
  check(summary.events === totalEvents, `the CLI rebuild saw ${summary.events} events, the log holds ${totalEvents}`);
  log(`独立进程重建 ${summary.events} 个事件，${summary.eventsPerSecond} 个/秒，峰值 RSS ${peakRssMb} MB`);
  return { eventsPerSecond: summary.eventsPerSecond, seconds: round(summary.elapsedMs / 1000), peakRssMb };
}
const rebuildByCli = await cliRebuild(semiSpaceFlags);
const rebuildByCliDefaultHeap = semiSpaceFlags.length > 0 ? await cliRebuild([]) : undefined;

// Phase 7: the real server as `npm start` runs it (its node flags and environment, read from
// package.json) on this log, with its views removed: it rebuilds them at start (the peak RSS of
// a server rebuilding the whole log, worker threads included), then the dashboard's reads over
// HTTP, autocannon on loopback in a process of its own.
for (const file of readdirSync(dir)) if (file.startsWith('read-models.')) rmSync(join(dir, file), { force: true });
log(`服务器启动(读模型为空，启动时重建 ${totalEvents} 个事件)`);
const serverStarted = performance.now();
const server = await startServer(dir);
const serverStartSeconds = round((performance.now() - serverStarted) / 1000);
const rebuildRssMb = server.rss.sample();
log(`服务器重建并启动 ${serverStartSeconds} 秒，峰值 RSS ${rebuildRssMb} MB；HTTP 负载：每个路由 ${loadSeconds} 秒，50 个连接`);
const bodySample = [...bodiesByJurisdiction.values()].flatMap((ids) => ids.slice(0, 2)).slice(0, queryCount);
const routes: Record<string, string[]> = {
  registry: queries.map((q) => `/api/v1/jurisdictions/${q.jurisdiction}/registry?date=${q.date}`),
  quota: [...bodiesByJurisdiction.keys()].map((code) => `/api/v1/jurisdictions/${code}/quota?from=2001-01-01&to=2026-12-31`),
  bodyHistory: bodySample.map((id) => `/api/v1/bodies/${id}/history`),
};
const load: Record<string, LoadFigures> = {};
try {
  for (const [route, paths] of Object.entries(routes)) {
    // One pass first, not measured: every answer computed once, as a dashboard's first visitor would.
    for (const path of new Set(paths)) {
      const answer = await fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${server.token}` } });
      check(answer.status === 200, `GET ${path} answered ${answer.status}`);
      await answer.arrayBuffer();
    }
    load[route] = await loadRoute(server, paths, { connections: 50, seconds: loadSeconds });
    check(load[route].non2xx === 0 && load[route].errors === 0, `${route}: ${load[route].non2xx} non-2xx answers, ${load[route].errors} errors under load`);
    log(`${route}: ${load[route].requestsPerSecond} 次/秒，p50 ${load[route].p50Ms} ms，p99 ${load[route].p99Ms} ms，服务器每次 CPU ${load[route].serverCpuMicrosPerRequest} µs`);
  }
} finally {
  await server.stop();
}
const serverPeakRssMb = server.rss.stop();
if (dirIndex < 0) rmSync(dir, { recursive: true, force: true });

const percentileOf = (sorted: number[], p: number) => (sorted.length ? round(percentile(sorted, p), 3) : null);
const project = {
  benchmark: 'registry (docs/benchmark.md workload), embedded SQLite event store + SQLite read store',
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, note: 'shared with other work: figures wander ±10–20%; compare ratios within one run' },
  workload: { jurisdictions, bodiesPerJurisdiction, seed, events: appended, averageDataBytes: round(dataBytes / appended, 0), asOfQueries: queryCount },
  append: { eventsPerSecond: round(appended / appendSeconds, 0), seconds: round(appendSeconds) },
  readAll: { events: read, eventsPerSecond: round(read / readSeconds, 0), seconds: round(readSeconds) },
  rebuild: { events: rebuild.events, eventsPerSecond: rebuild.eventsPerSecond, seconds: round(rebuild.elapsedMs / 1000) },
  asOfByReplay: { p50Ms: round(percentile(replayMs, 50)), p99Ms: round(percentile(replayMs, 99)) },
  asOfFromReadModel: { p50Ms: round(percentile(readModelMs, 50), 3), p99Ms: round(percentile(readModelMs, 99), 3) },
  asOfSpeedup: { p50: round(percentile(replayMs, 50) / percentile(readModelMs, 50), 1), p99: round(percentile(replayMs, 99) / percentile(readModelMs, 99), 1) },
  asOfAnswersCompared: queries.length,
  asOfAnswersDiffering: mismatches,
  decisions: {
    jurisdictions: decisionPhase.jurisdictions.length,
    decisions: decisionPhase.decisions,
    events: decisionPhase.events,
    decisionsPerSecond: round(decisionPhase.decisionsPerSecond, 0),
    seconds: round(decisionPhase.seconds),
    idempotentRepeatsPerSecond: round(decisionPhase.idempotentRepeats.perSecond, 0),
    byKind: decisionPhase.byKind,
  },
  bitemporalAsOf: { answersCompared: bitemporalQueries, answersDiffering: bitemporalMismatches, knownAtMoments: decisionPhase.moments.length, p50Ms: percentileOf(bitemporalMs, 50), p99Ms: percentileOf(bitemporalMs, 99) },
  rebuildByCli: { events: totalEvents, ...rebuildByCli, heap: semiSpaceFlags.join(' ') },
  ...(rebuildByCliDefaultHeap ? { rebuildByCliDefaultHeap: { ...rebuildByCliDefaultHeap, heap: 'V8 default' } } : {}),
  http: { connections: 50, secondsPerRoute: loadSeconds, client: 'autocannon in a process of its own, on the same cores as the server', ...load },
  size: { eventStoreBytesPerEvent: round(eventStoreBytesPerEvent, 0) },
  server: { startWithRebuildSeconds: serverStartSeconds, command: `${server.command} (npm start)` },
  memory: { benchProcessPeakRssMb: round(peakRssMb, 0), serverPeakRssMbDuringStartRebuild: rebuildRssMb, serverPeakRssMbAfterLoad: serverPeakRssMb, cliRebuildPeakRssMb: rebuildByCli.peakRssMb },
  checksFailed: failures,
};

// The peer: Emmett + SQLite on its own generator of the same shape, same jurisdictions × bodies.
interface PeerSummary {
  events: number;
  appendEventsPerSec: number;
  rebuildReadAllEventsPerSec: number;
  rebuildConsumerEventsPerSec: number;
  asOfP50ms: number;
  asOfP99ms: number;
  dbSizeMB: number;
  peakRssMB: number;
}
let peer: { summary: PeerSummary; version?: unknown; dir: string; runs: number } | undefined;
if (withPeer) {
  // The peer sends `PRAGMA journal_mode = WAL` without waiting for it, and in some runs its file
  // stays in rollback-journal mode, at about half its WAL rate (its own results/100k-2.json): such a
  // run is not the durability we compare with, so it is run again, three times at most.
  for (let attempt = 1; attempt <= 3 && !peer; attempt++) {
    log(`对照：Emmett + SQLite（${peerDir}/run.sh --jurisdictions=${jurisdictions} --bodies=${bodiesPerJurisdiction}），第 ${attempt} 次`);
    const run = spawnSync('bash', [join(peerDir, 'run.sh'), `--jurisdictions=${jurisdictions}`, `--bodies=${bodiesPerJurisdiction}`], {
      cwd: peerDir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const last = run.status === 0 ? run.stdout.trim().split('\n').at(-1) : undefined;
    if (!last) throw new Error(`peer failed (exit ${run.status}${run.error ? `, ${run.error.message}` : ''}): ${run.stdout.slice(-2000)}`);
    const parsed = JSON.parse(last) as { summary: PeerSummary; env?: { pragmas?: { journal_mode?: string } } };
    const journalMode = parsed.env?.pragmas?.journal_mode;
    if (journalMode === 'wal') peer = { summary: parsed.summary, version: parsed.env, dir: peerDir, runs: attempt };
    else log(`对照的数据库未处于 WAL 模式（journal_mode=${journalMode}），与本项目的持久性不同：重跑`);
  }
  check(peer !== undefined, 'the peer ran in WAL mode in none of 3 runs');
}
const ratio = (a: number, b: number) => round(a / b, 2);
const result = peer
  ? {
      project,
      peer: { system: 'Emmett 0.42 + SQLite (emmett-sqlite, WAL, synchronous FULL)', ...peer.summary, env: peer.version, runsUntilWal: peer.runs },
      ratios: {
        note: 'project ÷ peer; above 1 the project is faster (or, for latency, size and memory, above 1 it is larger)',
        appendEventsPerSecond: ratio(project.append.eventsPerSecond, peer.summary.appendEventsPerSec),
        readAllEventsPerSecond: ratio(project.readAll.eventsPerSecond, peer.summary.rebuildReadAllEventsPerSec),
        rebuildEventsPerSecondVsPeerConsumer: ratio(project.rebuildByCli.eventsPerSecond, peer.summary.rebuildConsumerEventsPerSec),
        asOfP50MsReadModelVsPeerReplay: ratio(project.asOfFromReadModel.p50Ms, peer.summary.asOfP50ms),
        asOfP99MsReadModelVsPeerReplay: ratio(project.asOfFromReadModel.p99Ms, peer.summary.asOfP99ms),
        asOfP50MsReplayVsPeerReplay: ratio(project.asOfByReplay.p50Ms, peer.summary.asOfP50ms),
        bytesPerEvent: ratio(project.size.eventStoreBytesPerEvent, (peer.summary.dbSizeMB * 1024 * 1024) / peer.summary.events),
        peakRssMbServer: ratio(project.memory.serverPeakRssMbAfterLoad, peer.summary.peakRssMB),
      },
    }
  : project;
console.log(JSON.stringify(result));
if (failures.length > 0) process.exitCode = 1;
