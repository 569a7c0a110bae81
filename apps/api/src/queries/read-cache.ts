import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { InvalidReadQueryError, knownAtInstant, type Checkpoint, type Projector, type ReadStore } from '#read-model';
import { PROJECTOR, READ_STORE } from '../tokens.js';

/** What the cache uses of Express's request and response. */
export interface HttpRequest {
  readonly headers: Record<string, string | string[] | undefined>;
}
export interface HttpResponse {
  setHeader(name: string, value: string): unknown;
  status(code: number): HttpResponse;
  cork(): void;
  write(chunk: Buffer): unknown;
  end(chunk?: Buffer): unknown;
}

/** Bytes the cached answers may hold together (the serialised JSON, counted as stored). */
export const READ_CACHE_MAX_BYTES = 64 * 1024 * 1024;

/** One answer, serialised once: the JSON before and after the echoed `knownAt` (if any). */
interface CachedAnswer {
  head: Buffer;
  tail: Buffer;
  etag: string;
  /** The jurisdiction the answer belongs to, checked against the token on every hit. */
  jurisdiction?: string;
}

/**
 * Dashboard reads are immutable for a given (route parameters, log position): the registry as
 * of a date, the quota line, a body's history. This keeps their serialised answers in a bounded
 * LRU keyed by both and serves them with a weak ETag, so a client that sends If-None-Match
 * gets 304 until the log moves (docs/decisions/0012-read-cache-etags.md).
 *
 * `knownAt` at or after the views' transaction time gives the same answer as "now" at that
 * position, so all such requests share one entry; only the echoed `knownAt` differs, spliced
 * in per request (hence the weak tag: same content, the echo aside).
 */
@Injectable()
export class ReadCache {
  private readonly cache = new LRUCache<string, CachedAnswer>({
    maxSize: READ_CACHE_MAX_BYTES,
    sizeCalculation: (answer, key) => answer.head.length + answer.tail.length + key.length * 2 + 200,
  });
  /** A placeholder no answer contains, replaced by each request's `knownAt`. */
  private readonly marker = `\u0001knownAt-${randomUUID()}\u0001`;
  private readonly markerJson = JSON.stringify(this.marker);

  /** The read store's checkpoint at the projector's position, while this process projects (see `checkpoint`). */
  private known?: { position: number; checkpoint: Checkpoint };

  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Optional() @Inject(PROJECTOR) private readonly projector?: Projector,
  ) {}

  /**
   * The views' checkpoint. While this process's projector follows the log, the checkpoint moves
   * only when it writes, and its position says so: the stored checkpoint is read again only when
   * that position moved (two SQLite queries a request were 15% of a cached read's time). A
   * process that does not project asks the store every time.
   */
  private async checkpoint(): Promise<Checkpoint> {
    if (!this.projector?.isFollowing) return this.readStore.checkpoint();
    const position = this.projector.position;
    if (this.known?.position === position) return this.known.checkpoint;
    const checkpoint = await this.readStore.checkpoint();
    if (checkpoint.position === position) this.known = { position, checkpoint };
    return checkpoint;
  }

  /**
   * The read model's position and the `knownAt` to answer with: `echo` is what the answer
   * states (the request's instant, or now), `key` what the content depends on ("latest" when at
   * or after the views' transaction time).
   */
  async readModelView(knownAt: string | undefined): Promise<{ position: number; echo: string; key: string }> {
    let echo: string;
    if (knownAt === undefined || knownAt === '') echo = new Date().toISOString();
    else {
      try {
        echo = knownAtInstant(knownAt);
      } catch (error) {
        throw new InvalidReadQueryError('knownAt', (error as Error).message);
      }
    }
    const checkpoint = await this.checkpoint();
    const latest = checkpoint.transactionTime === null || echo >= checkpoint.transactionTime;
    return { position: checkpoint.position, echo, key: latest ? 'latest' : echo };
  }

  /**
   * Answers from the cache or computes, stores and answers. `compute` gets the `knownAt` to ask
   * with and returns the answer (with that `knownAt` in it when the route echoes one).
   */
  async serve(
    request: HttpRequest,
    response: HttpResponse,
    key: string,
    options: { echo?: string; authorize?: (jurisdiction: string) => void },
    compute: () => Promise<{ answer: object; jurisdiction?: string }>,
  ): Promise<void> {
    let cached = this.cache.get(key);
    if (!cached) {
      const { answer, jurisdiction } = await compute();
      cached = this.serialise(answer, options.echo !== undefined, jurisdiction);
      this.cache.set(key, cached);
    }
    if (cached.jurisdiction !== undefined) options.authorize?.(cached.jurisdiction);
    response.setHeader('ETag', cached.etag);
    // Behind a token: a shared cache must not keep it; a browser revalidates every time.
    response.setHeader('Cache-Control', 'private, no-cache');
    if (matches(request.headers['if-none-match'], cached.etag)) {
      response.status(304).end();
      return;
    }
    // The stored bytes go out as they are, the echoed knownAt between them: no copy, no re-serialising.
    const echo = options.echo === undefined ? undefined : Buffer.from(JSON.stringify(options.echo));
    response.status(200);
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Content-Length', String(cached.head.length + (echo ? echo.length + cached.tail.length : 0)));
    if (!echo) {
      response.end(cached.head);
      return;
    }
    response.cork(); // one write to the socket; end() uncorks
    response.write(cached.head);
    response.write(echo);
    response.end(cached.tail);
  }

  private serialise(answer: object, echoes: boolean, jurisdiction: string | undefined): CachedAnswer {
    const json = JSON.stringify(echoes ? { ...answer, knownAt: this.marker } : answer);
    const at = echoes ? json.indexOf(this.markerJson) : -1;
    const head = Buffer.from(at < 0 ? json : json.slice(0, at));
    const tail = Buffer.from(at < 0 ? '' : json.slice(at + this.markerJson.length));
    const etag = `W/"${createHash('sha1').update(head).update('\u0000').update(tail).digest('base64url')}"`;
    return { head, tail, etag, ...(jurisdiction !== undefined ? { jurisdiction } : {}) };
  }
}

/**
 * If-None-Match against our tag, compared weakly (RFC 9110 §13.1.2). Not Express's `req.fresh`:
 * it answers 200 to any request with `Cache-Control: no-cache`, which fetch() adds to every
 * request that sets If-None-Match itself.
 */
export function matches(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const opaque = etag.replace(/^W\//, '');
  return (Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch)
    .split(',')
    .some((tag) => {
      const t = tag.trim();
      return t === '*' || t.replace(/^W\//, '') === opaque;
    });
}
