/**
 * One side of a race between processes (sqlite-event-store.int-spec.ts): opens the SQLite
 * event store at argv[2], reads the log's head, says `ready <position>` and, once told `go`
 * on stdin, appends one event of jurisdiction argv[3] to stream argv[4] on the condition that
 * the jurisdiction is unchanged since that head. Prints `appended`, or the error's name.
 */
import { createInterface } from 'node:readline';
import { appendUnchangedSince } from '../event-store.contract.js';
import { SqliteEventStore } from '../sqlite/sqlite-event-store.js';

const [file, jurisdiction, streamId] = process.argv.slice(2);
const store = new SqliteEventStore(file);
const position = await store.headPosition();
process.stdout.write(`ready ${position}\n`);
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line !== 'go') continue;
  try {
    await appendUnchangedSince(store, streamId, jurisdiction, position);
    process.stdout.write('appended\n');
  } catch (error) {
    process.stdout.write(`${error instanceof Error ? error.name : String(error)}\n`);
  }
  break;
}
lines.close();
await store.close();
