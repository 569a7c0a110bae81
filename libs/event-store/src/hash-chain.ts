import { hash as digestOf } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { EventEnvelope, StoredEvent } from './event-store.port.js';

export const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 over RFC 8785 (JCS) canonical JSON of the envelope without `hash` and `position`. */
export function hashEnvelope(envelope: Omit<EventEnvelope, 'hash'> & { hash?: string; position?: number }): string {
  // the members in order without a copy of the envelope left out of them first
  const ordered = inCanonicalOrder(envelope, true);
  let text: string;
  if (ordered === UNSURE) {
    const { hash: _hash, position: _position, ...content } = envelope;
    text = canonicalJsonByMembers(content);
  } else {
    text = JSON.stringify(ordered);
  }
  // one-shot hash: a third of createHash's cost for inputs this small
  return digestOf('sha256', text, 'hex');
}

const SURROGATE = /[\uD800-\uDFFF]/;
const UNSURE = Symbol('unsure');

/**
 * RFC 8785 (JCS) canonical JSON, as the `canonicalize` package writes it (a property test
 * holds them equal: hash-chain.spec.ts). For plain JSON values (the events this program
 * writes) the members are put in canonical order and one native JSON.stringify writes the text,
 * since JCS writes numbers and strings as JSON.stringify does; anything it might write otherwise
 * goes through the member-by-member writer. Measured on the bench's envelopes (708 characters):
 * 6.0 µs member by member, 3.9 µs this way.
 */
export function canonicalJson(value: unknown): string {
  const ordered = inCanonicalOrder(value);
  return ordered === UNSURE ? canonicalJsonByMembers(value) : JSON.stringify(ordered);
}

/**
 * The value with every object's members in code-unit order of their keys (without `hash` and
 * `position` at the top when `envelope`), or UNSURE when
 * JSON.stringify might not write it as JCS does: a toJSON, a number that is not finite, a
 * function, a surrogate (JCS refuses a lone one), a key JavaScript would
 * put first whatever the order it was added in (an array index) or that would set the prototype.
 */
function inCanonicalOrder(value: unknown, envelope = false): unknown {
  switch (typeof value) {
    case 'string':
      return SURROGATE.test(value) ? UNSURE : value;
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : UNSURE;
    case 'object': {
      if (value === null) return value;
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return UNSURE;
      if (Array.isArray(value)) {
        let copy: unknown[] | undefined;
        for (let i = 0; i < value.length; i++) {
          const item = value[i] as unknown;
          // both write null for these
          if (item === undefined || typeof item === 'symbol') continue;
          const ordered = inCanonicalOrder(item);
          if (ordered === UNSURE) return UNSURE;
          if (ordered !== item) (copy ??= value.slice())[i] = ordered;
        }
        return copy ?? value;
      }
      // a fresh plain object of the own members, as both writers see any object (a boxed value too)
      const object = value as Record<string, unknown>;
      const copy: Record<string, unknown> = {};
      // the default sort compares UTF-16 code units, as JCS does
      for (const key of Object.keys(object).sort()) {
        const first = key.charCodeAt(0);
        if ((first >= 0x30 && first <= 0x39) || key === '__proto__' || SURROGATE.test(key)) return UNSURE;
        if (envelope && (key === 'hash' || key === 'position')) continue;
        const item = object[key];
        // both leave these members out
        if (item === undefined || typeof item === 'symbol') continue;
        const ordered = inCanonicalOrder(item);
        if (ordered === UNSURE) return UNSURE;
        copy[key] = ordered;
      }
      return copy;
    }
    default:
      return UNSURE;
  }
}

/** The member-by-member writer: any value, and the errors for what JSON cannot hold (exported for its test). */
export function canonicalJsonByMembers(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return SURROGATE.test(value) ? (canonicalize as unknown as (v: unknown) => string)(value) : JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`${value} cannot be serialised`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalJsonByMembers((value as { toJSON: () => unknown }).toJSON());
      if (Array.isArray(value)) {
        let text = '[';
        for (let i = 0; i < value.length; i++) {
          const item = value[i] as unknown;
          text += (i === 0 ? '' : ',') + (item === undefined || typeof item === 'symbol' ? 'null' : canonicalJsonByMembers(item));
        }
        return `${text}]`;
      }
      const object = value as Record<string, unknown>;
      let text = '{';
      let first = true;
      for (const key of Object.keys(object).sort()) {
        const item = object[key];
        if (item === undefined || typeof item === 'symbol') continue;
        text += `${first ? '' : ','}${canonicalJsonByMembers(key)}:${canonicalJsonByMembers(item)}`;
        first = false;
      }
      return `${text}}`;
    }
    default:
      throw new Error('event cannot be serialised');
  }
}

/** Links drafts onto a stream's chain: versions, previous hashes and own hashes. */
export function sealEvents(
  drafts: Array<Omit<EventEnvelope, 'version' | 'previousHash' | 'hash'>>,
  stream: { version: number; lastHash: string },
): EventEnvelope[] {
  let previousHash = stream.lastHash;
  return drafts.map((draft, index) => {
    // one copy of the draft, its hash filled in after (hashEnvelope leaves `hash` out)
    const sealed: EventEnvelope = { ...draft, version: stream.version + index + 1, previousHash, hash: '' };
    sealed.hash = hashEnvelope(sealed);
    previousHash = sealed.hash;
    return sealed;
  });
}

export interface ChainProblem {
  /** Place in the log; absent only for a digest whose position the log no longer reaches. */
  position?: number;
  streamId?: string;
  version?: number;
  eventId?: string;
  /** The event's type, for a row that could not be read. */
  type?: string;
  problem: 'hash-mismatch' | 'broken-link' | 'version-gap' | 'corrupt-row' | 'log-chain-broken' | 'digest-mismatch';
  message: string;
}

/** Checks one stream's events, oldest first: each hash matches its content and links to the one before. */
export function verifyStreamChain(events: readonly StoredEvent[]): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let previousHash = GENESIS_HASH;
  let expectedVersion = 1;
  for (const event of events) {
    const where = { streamId: event.streamId, version: event.version, eventId: event.eventId };
    if (event.version !== expectedVersion) {
      problems.push({ ...where, problem: 'version-gap', message: `第 ${expectedVersion} 个事件缺失(见到的是第 ${event.version} 个)` });
    }
    if (event.previousHash !== previousHash) {
      problems.push({ ...where, problem: 'broken-link', message: '前序事件哈希不符：此前的事件被删改' });
    }
    if (hashEnvelope(event) !== event.hash) {
      problems.push({ ...where, problem: 'hash-mismatch', message: '事件内容与其哈希不符：事件被改动' });
    }
    previousHash = event.hash;
    expectedVersion = event.version + 1;
  }
  return problems;
}
