/**
 * The log-wide hash chain and its check (docs/decisions/0005-event-format-and-log-chain.md).
 *
 * Each event's stream hash (hash-chain.ts) links it to the event before it in its stream. The
 * log chain links every event to the one before it in the whole log:
 *
 *   logHash(n) = SHA-256( logHash(n-1) ":" position(n) ":" hash(n) )      (UTF-8, hex, decimal)
 *
 * with logHash(0) = 64 zeros. A digest `{position, hash}` taken at some time is the log chain's
 * hash there; the log still holds that exact prefix if and only if recomputing the chain from
 * the first event gives that hash at that position. So deleting any event up to it, deleting
 * a stream, or editing an event and recomputing its stream's (and even the log's) hashes is
 * found against a digest kept outside; without one, the stored log hashes still show where a
 * row was removed or changed unless every later one was recomputed too.
 */
import { hash as digestOf } from 'node:crypto';
import type { AuditRow, EventStore, LogHead, ReadPagesOptions, StoredEvent } from './event-store.port.js';
import { GENESIS_HASH, hashEnvelope, type ChainProblem } from './hash-chain.js';

/** The log chain's link: the hash at `position` given the one before and the event's stream hash. */
export function logLink(previousLogHash: string, position: number, eventHash: string): string {
  return digestOf('sha256', `${previousLogHash}:${position}:${eventHash}`, 'hex');
}

/** What an auditor keeps: the log chain's hash at a position, and when it was taken. */
export interface LogDigest extends LogHead {
  at: string;
}

/** Reads a digest given as JSON text (`{"position":…,"hash":"…"}`); throws a Chinese message naming the field. */
export function parseDigest(text: string): LogHead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('摘要须为 JSON，如 {"position":123,"hash":"…"}');
  }
  const digest = value as Partial<LogDigest> | null;
  if (!digest || typeof digest !== 'object') throw new Error('摘要须为 JSON 对象');
  if (!Number.isSafeInteger(digest.position) || (digest.position as number) < 0) throw new Error('摘要的 position 须为非负整数');
  if (typeof digest.hash !== 'string' || !/^[0-9a-f]{64}$/.test(digest.hash)) throw new Error('摘要的 hash 须为 64 位十六进制');
  return { position: digest.position as number, hash: digest.hash };
}

export interface LogCheck {
  events: number;
  streams: number;
  /** The log chain recomputed up to the last event: the digest of the log as it now is. */
  head: LogHead;
  problems: ChainProblem[];
  /** The result against a digest kept before, when one was given. */
  against?: LogHead & { holds: boolean };
}

/**
 * Checks the log row by row, oldest first: each stream's chain (versions, links, each event's
 * hash over its content), the stored log chain, and, given a digest, that the recomputed log
 * chain passes through it. Keeps one entry per stream, never the events.
 */
export class LogVerifier {
  private readonly streams = new Map<string, { version: number; hash: string }>();
  private readonly problems: ChainProblem[] = [];
  private events = 0;
  /** The chain recomputed from the first event, never reset: what a digest is compared with. */
  private computed = GENESIS_HASH;
  /** The stored chain: a stored hash is checked against the stored one before it. */
  private stored = GENESIS_HASH;
  private position = 0;
  private digestHolds: boolean | undefined;

  constructor(private readonly against?: LogHead) {
    if (against?.position === 0) this.digestHolds = against.hash === GENESIS_HASH;
  }

  add(row: AuditRow): void {
    this.events++;
    // built only for a problem: this runs once an event, beside the rebuild's fold
    const where = () => ({ position: row.position, streamId: row.streamId, version: row.version, eventId: row.eventId ?? '' });
    let stream = this.streams.get(row.streamId);
    if (!stream) this.streams.set(row.streamId, (stream = { version: 0, hash: GENESIS_HASH }));
    if (row.version !== stream.version + 1) {
      this.problems.push({ ...where(), problem: 'version-gap', message: `流中第 ${stream.version + 1} 个事件缺失(见到的是第 ${row.version} 个)` });
    }
    if (!row.event) {
      this.problems.push({ ...where(), type: row.type, problem: 'corrupt-row', message: `事件无法读取：${row.problem ?? '格式有误'}` });
    } else {
      if (row.event.previousHash !== stream.hash) {
        this.problems.push({ ...where(), problem: 'broken-link', message: '前序事件哈希不符：此前的事件被删改' });
      }
      // a match the adapter found off this thread is a proof; anything else is checked in full
      if (!row.checked?.hash && hashEnvelope(row.event) !== row.hash) {
        this.problems.push({ ...where(), problem: 'hash-mismatch', message: '事件内容与其哈希不符：事件被改动' });
      }
    }
    // one entry per stream, updated in place
    stream.version = row.version;
    stream.hash = row.hash;

    if (this.against && this.digestHolds === undefined && row.position > this.against.position) {
      this.digestHolds = false;
      this.problems.push({ ...where(), problem: 'digest-mismatch', message: `摘要所在位置 ${this.against.position} 的事件已不在日志中：其后的事件之前有事件被删除` });
    }
    // the adapter linked the stored chain (row.checked.logLink: from the stored hash before,
    // which is this.stored); while the recomputed chain has not left the stored one, that link is its link too
    const linked = row.logHash !== undefined && row.checked?.logLink === true;
    this.computed = linked && this.computed === this.stored ? row.logHash! : logLink(this.computed, row.position, row.hash);
    if (row.logHash !== undefined) {
      if (!linked && row.logHash !== logLink(this.stored, row.position, row.hash)) {
        this.problems.push({ ...where(), problem: 'log-chain-broken', message: '日志链不符：此事件或其前一个事件被删除、插入或改动' });
      }
      this.stored = row.logHash;
    }
    if (this.against && row.position === this.against.position) {
      this.digestHolds = this.computed === this.against.hash;
      if (!this.digestHolds) {
        this.problems.push({ ...where(), problem: 'digest-mismatch', message: `日志已不含摘要所证明的前缀：位置 ${row.position} 处日志链的哈希与摘要不符，此前有事件被删改` });
      }
    }
    this.position = row.position;
  }

  finish(): LogCheck {
    if (this.against && this.digestHolds === undefined) {
      this.digestHolds = false;
      this.problems.push({
        position: this.against.position,
        problem: 'digest-mismatch',
        message: `日志只到位置 ${this.position}，摘要在位置 ${this.against.position}：其间的事件被删除`,
      });
    }
    return {
      events: this.events,
      streams: this.streams.size,
      head: { position: this.position, hash: this.computed },
      problems: this.problems,
      ...(this.against ? { against: { position: this.against.position, hash: this.against.hash, holds: this.digestHolds === true } } : {}),
    };
  }
}

/** Audit rows from an adapter's decoded pages, for an adapter that keeps no log chain of its own. */
async function* auditRowsOf(pages: AsyncIterable<StoredEvent[]>): AsyncGenerator<AuditRow[]> {
  for await (const page of pages) {
    yield page.map((event) => ({ position: event.position, streamId: event.streamId, version: event.version, type: event.type, eventId: event.eventId, hash: event.hash, event }));
  }
}

/** The log for an audit, page by page, from whatever the adapter offers. */
export function auditPagesOf(store: EventStore, options: ReadPagesOptions = {}): AsyncIterable<AuditRow[]> {
  return store.readAuditPages ? store.readAuditPages(options) : auditRowsOf(store.readAllPages(options));
}

/**
 * The store, with its readAllPages also feeding `verifier` every row it reads, for a rebuild that
 * checks what it folds in the same read (ADR 0016); undefined when the adapter cannot
 * (`auditsPageReads`), and then the caller runs verifyLog alongside. Read its pages once.
 */
export function verifyingReads(store: EventStore, verifier: LogVerifier): EventStore | undefined {
  if (!store.auditsPageReads) return undefined;
  const readAllPages = (options: ReadPagesOptions = {}) => store.readAllPages({ ...options, onAuditRow: (row) => verifier.add(row) });
  return new Proxy(store, {
    get(target, key) {
      if (key === 'readAllPages') return readAllPages;
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Checks the whole log in pages; given a digest, also that the log still holds its prefix. */
export async function verifyLog(store: EventStore, options: { against?: LogHead; pageSize?: number } = {}): Promise<LogCheck> {
  const verifier = new LogVerifier(options.against);
  for await (const page of auditPagesOf(store, { pageSize: options.pageSize ?? 5_000 })) {
    for (const row of page) verifier.add(row);
  }
  return verifier.finish();
}

/** The log chain's head: stored where the adapter keeps it, else recomputed by reading the log. */
export async function logHeadOf(store: EventStore): Promise<LogHead> {
  if (store.logHead) return store.logHead();
  let head: LogHead = { position: 0, hash: GENESIS_HASH };
  for await (const page of store.readAllPages({ pageSize: 5_000 })) {
    for (const event of page) head = { position: event.position, hash: logLink(head.hash, event.position, event.hash) };
  }
  return head;
}

/** A digest of the log as it is now, to keep outside the system. */
export async function takeDigest(store: EventStore, now = new Date()): Promise<LogDigest> {
  const head = await logHeadOf(store);
  return { position: head.position, hash: head.hash, at: now.toISOString() };
}
