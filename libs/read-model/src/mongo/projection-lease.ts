/**
 * Which process projects into a shared MongoDB read store: the one holding this lease.
 *
 * The lease is one document, `{_id: name, owner, expiresAt}` in `leases`, taken and renewed
 * with a single findOneAndUpdate that matches only when this owner holds it or it has expired
 * (upsert when there is none; another holder makes the upsert fail on `_id`, which means "not
 * yours"). A holder renews well within `ttlMs` (`maintain` does it every third of it); a
 * process that dies stops renewing and another takes over once the lease expires.
 *
 * The lease only saves work. Correctness does not rest on it: every batch is a compare-and-set
 * on the checkpoint, so a former holder that still writes after losing the lease gets a
 * CheckpointConflictError instead of corrupting the views. Expiry uses the clocks of the
 * processes, so keep `ttlMs` far above their skew (the default 15 s is).
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { MongoServerError, type Collection, type Db } from 'mongodb';

export interface LeaseDocument {
  _id: string;
  owner: string;
  expiresAt: Date;
}

export interface ProjectionLeaseOptions {
  /** Which lease (default `projection`). */
  name?: string;
  /** Who this process is (default `<hostname>:<pid>:<random>`). */
  owner?: string;
  /** How long one grant lasts without renewal (default 15 000 ms). */
  ttlMs?: number;
  /** Collection of the lease documents (default `leases`). */
  collection?: string;
  /** The clock (tests). */
  now?: () => number;
}

export interface LeaseHolder {
  owner: string;
  expiresAt: Date;
}

export interface MaintainOptions {
  /** Told when holding starts (true) or stops (false); called once at the first answer. */
  onChange: (held: boolean) => void;
  /** Told about failed attempts (the lease counts as held until its last known expiry). */
  onError?: (error: unknown) => void;
  /** Between attempts (default a third of `ttlMs`). */
  everyMs?: number;
}

export const defaultLeaseOwner = () => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

export class ProjectionLease {
  readonly name: string;
  readonly owner: string;
  readonly ttlMs: number;
  private readonly now: () => number;
  /** Until when this process knows it holds the lease (0: it does not). */
  private heldUntil = 0;

  constructor(
    private readonly leases: Collection<LeaseDocument>,
    options: ProjectionLeaseOptions = {},
  ) {
    this.name = options.name ?? 'projection';
    this.owner = options.owner ?? defaultLeaseOwner();
    this.ttlMs = options.ttlMs ?? 15_000;
    this.now = options.now ?? Date.now;
  }

  static on(db: Db, options: ProjectionLeaseOptions = {}): ProjectionLease {
    return new ProjectionLease(db.collection<LeaseDocument>(options.collection ?? 'leases'), options);
  }

  /** True while this process's last grant has not expired (by its own clock). */
  get held(): boolean {
    return this.heldUntil > this.now();
  }

  /**
   * Takes the lease when it is free or expired, renews it when this owner holds it. True when
   * this process holds it now, for `ttlMs`.
   */
  async acquire(): Promise<boolean> {
    const now = this.now();
    const expiresAt = new Date(now + this.ttlMs);
    try {
      const doc = await this.leases.findOneAndUpdate(
        { _id: this.name, $or: [{ owner: this.owner }, { expiresAt: { $lte: new Date(now) } }] },
        { $set: { owner: this.owner, expiresAt } },
        { upsert: true, returnDocument: 'after' },
      );
      const mine = doc?.owner === this.owner;
      this.heldUntil = mine ? expiresAt.getTime() : 0;
      return mine;
    } catch (error) {
      // The document exists, held by another owner and not expired: the upsert collides on _id.
      if (error instanceof MongoServerError && Number(error.code) === 11000) {
        this.heldUntil = 0;
        return false;
      }
      throw error;
    }
  }

  /** Gives the lease up if this owner holds it, so that another process can take it at once. */
  async release(): Promise<void> {
    this.heldUntil = 0;
    await this.leases.deleteOne({ _id: this.name, owner: this.owner });
  }

  /** The unexpired holder, if any. */
  async holder(): Promise<LeaseHolder | undefined> {
    const doc = await this.leases.findOne({ _id: this.name });
    if (!doc || doc.expiresAt.getTime() <= this.now()) return undefined;
    return { owner: doc.owner, expiresAt: doc.expiresAt };
  }

  /**
   * Tries to take or renew the lease now and then every `everyMs`, telling `onChange` when
   * holding starts or stops. `stop()` ends the loop and releases the lease.
   */
  maintain({ onChange, onError, everyMs = Math.max(1, Math.floor(this.ttlMs / 3)) }: MaintainOptions): { stop(): Promise<void> } {
    let known: boolean | undefined;
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> = Promise.resolve();
    const tell = (held: boolean) => {
      if (held !== known) {
        known = held;
        onChange(held);
      }
    };
    const attempt = async () => {
      try {
        tell(await this.acquire());
      } catch (error) {
        onError?.(error);
        tell(this.held);
      }
      if (!stopped) {
        timer = setTimeout(() => {
          running = attempt();
        }, everyMs);
        timer.unref();
      }
    };
    running = attempt();
    return {
      stop: async () => {
        stopped = true;
        if (timer) clearTimeout(timer);
        await running;
        if (known) tell(false);
        await this.release();
      },
    };
  }
}
