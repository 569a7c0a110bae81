/**
 * What an attacker with write access to the SQLite file can do, for the tests that show each
 * is found: delete rows, rewrite an event and recompute its stream's hashes, and recompute the
 * stored log chain after it. Not used by the product.
 */
import Database from 'better-sqlite3';
import { GENESIS_HASH, hashEnvelope } from '../hash-chain.js';
import { logLink } from '../log-chain.js';

function open(file: string) {
  return new Database(file);
}

/** Deletes one event, by stream and version (the newest when no version is given). */
export function deleteEvent(file: string, streamId: string, version?: number): void {
  const db = open(file);
  try {
    const stream = db.prepare<[string], { id: number }>('SELECT id FROM streams WHERE name = ?').get(streamId)!.id;
    const at = version ?? db.prepare<[number], { v: number }>('SELECT MAX(version) AS v FROM events WHERE stream = ?').get(stream)!.v;
    db.prepare('DELETE FROM events WHERE stream = ? AND version = ?').run(stream, at);
  } finally {
    db.close();
  }
}

/** Deletes every event of a stream. */
export function deleteStream(file: string, streamId: string): void {
  const db = open(file);
  try {
    db.prepare('DELETE FROM events WHERE stream = (SELECT id FROM streams WHERE name = ?)').run(streamId);
  } finally {
    db.close();
  }
}

/** Overwrites an event's stored payload text as it is (for a corrupt row). */
export function overwritePayload(file: string, position: number, text: string): void {
  const db = open(file);
  try {
    db.prepare('UPDATE events SET data = ? WHERE position = ?').run(text, position);
  } finally {
    db.close();
  }
}

/**
 * Changes an event's payload and recomputes the stream hashes of it and of every later event
 * of its stream, as a careful forger would; with `relinkLog`, also every stored log hash.
 */
export function rewriteEvent(
  file: string,
  readEnvelope: (position: number) => Record<string, unknown>,
  position: number,
  change: (data: Record<string, unknown>) => Record<string, unknown>,
  relinkLog = false,
): void {
  const db = open(file);
  try {
    const { stream, version } = db.prepare<[number], { stream: number; version: number }>('SELECT stream, version FROM events WHERE position = ?').get(position)!;
    const later = db.prepare<[number, number], { position: number }>('SELECT position FROM events WHERE stream = ? AND version >= ? ORDER BY version').all(stream, version);
    const before = db.prepare<[number, number], { hash: Buffer }>('SELECT hash FROM events WHERE stream = ? AND version = ?').get(stream, version - 1);
    let previousHash = before ? before.hash.toString('hex') : GENESIS_HASH;
    const update = db.prepare('UPDATE events SET data = ?, previous_hash = ?, hash = ? WHERE position = ?');
    for (const row of later) {
      const event = readEnvelope(row.position);
      if (row.position === position) event.data = change(event.data as Record<string, unknown>);
      event.previousHash = previousHash;
      const { position: _p, hash: _h, ...content } = event;
      const hash = hashEnvelope(content as never);
      update.run(JSON.stringify(event.data), Buffer.from(previousHash, 'hex'), Buffer.from(hash, 'hex'), row.position);
      previousHash = hash;
    }
    if (relinkLog) {
      let logHash = GENESIS_HASH;
      const relink = db.prepare('UPDATE events SET log_hash = ? WHERE position = ?');
      for (const row of db.prepare<[], { position: number; hash: Buffer }>('SELECT position, hash FROM events ORDER BY position').all()) {
        logHash = logLink(logHash, row.position, row.hash.toString('hex'));
        relink.run(Buffer.from(logHash, 'hex'), row.position);
      }
    }
  } finally {
    db.close();
  }
}
