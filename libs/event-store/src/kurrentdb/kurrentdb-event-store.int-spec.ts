/**
 * The EventStore contract against a real KurrentDB, when EVENTSTORE_URL names one, e.g.
 *   docker compose up -d kurrentdb
 *   EVENTSTORE_URL='kurrentdb://localhost:2113?tls=false' TEST_LAYER=int \
 *     NODE_OPTIONS=--experimental-vm-modules npx jest kurrentdb
 * The server is shared and never emptied: every test writes to fresh `body-<uuid>` streams and
 * reads the log only after the head position it saw first. `connect` runs `verifyServer`, so
 * the suite fails at once, saying why, on a server the adapter cannot use.
 */
import { eventStoreContract } from '../event-store.contract.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';

const url = process.env.EVENTSTORE_URL;

if (url) {
  eventStoreContract('KurrentDB (EVENTSTORE_URL)', () => KurrentDbEventStore.connect(url), {
    // another connection, as another API process would have
    openPeer: () => KurrentDbEventStore.connect(url),
  });
} else {
  const reason =
    'KurrentDB contract suite skipped: EVENTSTORE_URL is not set ' +
    '(start one with `docker compose up -d kurrentdb` and set EVENTSTORE_URL=kurrentdb://localhost:2113?tls=false)';
  // Jest drops console output of a file whose tests are all skipped; stderr always shows.
  process.stderr.write(`\n${reason}\n\n`);
  describe.skip(reason, () => {
    it('runs the EventStore contract against KurrentDB', () => undefined);
  });
}
