/**
 * The Projector keeps the read store up to date with the event log: it subscribes to the
 * event store from the stored checkpoint, feeds the events in log order to the registry
 * projection, and writes the documents together with the checkpoint in batches (up to
 * `batchSize` events or `batchMs` milliseconds, sooner when someone waits for a position).
 *
 * A crash between append and projection loses nothing: the checkpoint lags behind the log and
 * the next start resumes from it. An event at or below the checkpoint changes nothing.
 * Plain TypeScript: the NestJS app and the CLI construct it (see README of this library).
 */
import type { EventStore, ReadPagesOptions, StoredEvent, Subscription } from '#event-store';
import { loadHistory } from '../projections/history.js';
import { RegistryProjection } from '../projections/registry.projection.js';
import type { ReadStore } from '../read-store.port.js';

export interface ProjectorOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  /** Events per written batch while following the log (default 1000). */
  batchSize?: number;
  /** Longest an applied event waits to be written while following the log (default 50 ms). */
  batchMs?: number;
  /**
   * Events per written batch during a rebuild (default 1000) and per page read (default 2000).
   * Small enough that events and documents die young: with 5000 and 10,000 they outlived
   * V8's young generation, and the rebuild ran 20% slower in twice the memory (measured).
   */
  rebuildBatchSize?: number;
  rebuildPageSize?: number;
  /** Fold in-order events onto timelines in memory (default true). */
  fastPath?: boolean;
  /** Told about failures the projector recovers from (it restarts from the stored checkpoint). */
  onError?: (error: unknown) => void;
}

export interface RebuildProgress {
  /** Position reached in the log. */
  position: number;
  /** Head of the log when the rebuild started. */
  head: number;
  events: number;
  elapsedMs: number;
}

/** What a caller of `rebuild` may add at its read loop and its switch-over (the audit's check). */
export interface RebuildChecks {
  /** Called with the events left out of the log's pages because they could not be read; without it such an event fails the rebuild. */
  onCorrupt?: ReadPagesOptions['onCorrupt'];
  /** Called once the new views are written, before readers are switched to them; throwing keeps the old views. */
  beforeSwitch?: (rebuilt: { position: number; events: number }) => Promise<void>;
}

export interface RebuildResult {
  events: number;
  position: number;
  elapsedMs: number;
  eventsPerSecond: number;
}

interface Waiter {
  position: number;
  resolve: (reached: boolean) => void;
  timer: NodeJS.Timeout;
}

export class Projector {
  private readonly eventStore: EventStore;
  private readonly readStore: ReadStore;
  private readonly batchSize: number;
  private readonly batchMs: number;
  private readonly rebuildBatchSize: number;
  private readonly rebuildPageSize: number;
  private readonly fastPath: boolean;
  private readonly onError: (error: unknown) => void;

  private projection: RegistryProjection | undefined;
  private subscription: Subscription | undefined;
  private following = false;
  /** Set when a write failed: events are ignored until the restart from the stored checkpoint. */
  private broken = false;
  private flushTimer: NodeJS.Timeout | undefined;
  private writes: Promise<void> = Promise.resolve();
  private durable = 0;
  private waiters: Waiter[] = [];
  private restarting: Promise<void> | undefined;

  constructor(options: ProjectorOptions) {
    this.eventStore = options.eventStore;
    this.readStore = options.readStore;
    this.batchSize = options.batchSize ?? 1000;
    this.batchMs = options.batchMs ?? 50;
    this.rebuildBatchSize = options.rebuildBatchSize ?? 1000;
    this.rebuildPageSize = options.rebuildPageSize ?? 2000;
    this.fastPath = options.fastPath ?? true;
    this.onError = options.onError ?? ((error) => console.error('[projector]', error));
  }

  /** Position of the last event written to the read store (readers see everything up to it). */
  get position(): number {
    return this.durable;
  }

  get isFollowing(): boolean {
    return this.following;
  }

  /** Subscribes from the stored checkpoint; resolves once caught up with the log as it was. */
  async start(): Promise<void> {
    if (this.following) return;
    this.following = true;
    await this.subscribe();
    await this.flush().catch(() => undefined);
  }

  /** Stops following the log, after writing what was applied. */
  async stop(): Promise<void> {
    this.following = false;
    await this.restarting;
    await this.unsubscribe();
    await this.flush();
  }

  /**
   * Resolves true once the read store holds the event at `position` (read-your-own-write),
   * false after `timeoutMs`.
   */
  waitForPosition(position: number, timeoutMs = 5000): Promise<boolean> {
    if (this.durable >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        position,
        resolve,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve(false);
        }, timeoutMs),
      };
      this.waiters.push(waiter);
      if (this.projection && this.projection.position >= position) void this.flush().catch(() => undefined);
    });
  }

  /** Writes what has been applied and not yet written. */
  flush(): Promise<void> {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
    }
    const projection = this.projection;
    const write = this.writes.then(async () => {
      const batch = projection?.takeBatch();
      if (!batch || projection !== this.projection) return;
      try {
        await this.readStore.apply(batch);
      } catch (error) {
        this.fail(error);
        throw error;
      }
      this.reached(batch.checkpoint.position);
    });
    this.writes = write.catch(() => undefined);
    return write;
  }

  /**
   * Rebuilds the views from position 0 into fresh tables, then switches readers over in one
   * step. Following pauses meanwhile (readers keep the old views) and resumes afterwards.
   */
  async rebuild(onProgress?: (progress: RebuildProgress) => void, checks: RebuildChecks = {}): Promise<RebuildResult> {
    const wasFollowing = this.following;
    if (wasFollowing) await this.stop();
    const started = Date.now();
    const head = await this.eventStore.headPosition();
    const build = await this.readStore.beginRebuild();
    const projection = new RegistryProjection({ fastPath: this.fastPath });
    let events = 0;
    // Batches are written while the next are projected (the SQLite store writes on its own
    // thread). With one batch in flight the projector waited 3.5 s of 14 for the writer, and
    // both threads sat idle in turn; with two, 1.4 s (measured on the bench log).
    const inFlight: Array<Promise<void>> = [];
    const writesInFlight = Number.isInteger(build.writesInFlight) ? Math.max(1, build.writesInFlight!) : 1;
    const write = async () => {
      const batch = projection.takeBatch();
      if (!batch) return;
      while (inFlight.length >= writesInFlight) await inFlight.shift();
      const written = build.apply(batch);
      written.catch(() => undefined);
      inFlight.push(written);
    };
    const allWritten = async () => {
      while (inFlight.length > 0) await inFlight.shift();
    };
    try {
      for await (const page of this.eventStore.readAllPages({ pageSize: this.rebuildPageSize, onCorrupt: checks.onCorrupt })) {
        for (const event of page) {
          // most events need no history: no promise for them
          if (projection.apply(event).status === 'needs-history') await this.applyTo(projection, event);
          events++;
          if (projection.pendingEvents >= this.rebuildBatchSize) await write();
        }
        onProgress?.({ position: page[page.length - 1].position, head, events, elapsedMs: Date.now() - started });
      }
      await write();
      await allWritten();
      await checks.beforeSwitch?.({ position: projection.position, events });
      await build.complete();
    } catch (error) {
      await Promise.allSettled(inFlight);
      await build.abandon().catch(() => undefined);
      if (wasFollowing) await this.start();
      throw error;
    }
    this.projection = projection;
    this.reached(projection.position);
    if (wasFollowing) await this.start();
    const elapsedMs = Date.now() - started;
    return { events, position: projection.position, elapsedMs, eventsPerSecond: Math.round((events / Math.max(elapsedMs, 1)) * 1000) };
  }

  /** Rebuilds when the read store is empty and the log is not (first start, or a new read store). */
  async catchUpFromScratchIfEmpty(onProgress?: (progress: RebuildProgress) => void): Promise<boolean> {
    if (!(await this.readStore.isEmpty())) return false;
    if ((await this.eventStore.headPosition()) === 0) return false;
    await this.rebuild(onProgress);
    return true;
  }

  private async subscribe(): Promise<void> {
    const checkpoint = await this.readStore.checkpoint();
    if (!this.projection || this.projection.position !== checkpoint.position || this.projection.pendingEvents > 0) {
      this.projection = new RegistryProjection({ checkpoint, fastPath: this.fastPath });
    }
    this.reached(checkpoint.position);
    this.broken = false;
    this.subscription = await this.eventStore.subscribeAll(
      { after: checkpoint.position },
      (event) => this.onEvent(event),
      (error) => this.fail(error),
    );
  }

  private async unsubscribe(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.close();
  }

  private async onEvent(event: StoredEvent): Promise<void> {
    const projection = this.projection;
    if (this.broken || !projection) return;
    try {
      await this.applyTo(projection, event);
      if (projection.pendingEvents >= this.batchSize || this.waiters.some((w) => w.position <= projection.position)) {
        await this.flush();
      } else if (!this.flushTimer && projection.pendingEvents > 0) {
        this.flushTimer = setTimeout(() => {
          this.flushTimer = undefined;
          void this.flush().catch(() => undefined);
        }, this.batchMs);
        this.flushTimer.unref();
      }
    } catch (error) {
      this.fail(error);
    }
  }

  /** Applies one event, loading the history the projection asks for. */
  private async applyTo(projection: RegistryProjection, event: StoredEvent): Promise<void> {
    for (let round = 0; ; round++) {
      const outcome = projection.apply(event);
      if (outcome.status !== 'needs-history') return;
      if (round > 3) throw new Error(`projection keeps asking for history at position ${event.position}`);
      projection.supply(await loadHistory(outcome.request, (streamId) => this.eventStore.readStream(streamId)));
    }
  }

  private reached(position: number): void {
    this.durable = position;
    const done = this.waiters.filter((w) => w.position <= position);
    if (done.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.position > position);
    for (const waiter of done) {
      clearTimeout(waiter.timer);
      waiter.resolve(true);
    }
  }

  /** A failed write or read: drop what is in memory and follow again from the stored checkpoint. */
  private fail(error: unknown): void {
    if (this.broken) return;
    this.broken = true;
    this.onError(error);
    this.projection = undefined;
    if (!this.following) return;
    const restart = async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await this.unsubscribe();
      if (this.following) await this.subscribe();
    };
    this.restarting = restart()
      .catch((e) => this.onError(e))
      .finally(() => {
        this.restarting = undefined;
      });
  }
}
