import { HttpException, Inject, Injectable, Optional } from '@nestjs/common';
import type { Projector, ReadStore } from '#read-model';
import { PROJECTOR, READ_STORE } from '../tokens.js';
import { badField } from '../http/error-body.js';

/** How long a read given `minPosition` waits for the projections before answering 503. */
export const READ_YOUR_WRITE_TIMEOUT_MS = 5_000;

/**
 * Read your own write: a write answers with its log position; a read that carries it (query
 * `minPosition` or header `X-Min-Position`) waits until the views hold that position.
 */
@Injectable()
export class ReadConsistency {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Optional() @Inject(PROJECTOR) private readonly projector?: Projector,
  ) {}

  async reach(minPosition: unknown): Promise<void> {
    if (minPosition === undefined || minPosition === null || minPosition === '') return;
    const position = Number(minPosition);
    if (!Number.isInteger(position) || position < 0) {
      throw new HttpException(badField('minPosition', '须为非负整数'), 400);
    }
    if (await this.wait(position)) return;
    throw new HttpException(
      { statusCode: 503, error: 'Service Unavailable', message: `读模型尚未更新到位置 ${position}，请稍后重试`, details: { minPosition: position } },
      503,
    );
  }

  private async wait(position: number): Promise<boolean> {
    if (this.projector?.isFollowing) return this.projector.waitForPosition(position, READ_YOUR_WRITE_TIMEOUT_MS);
    // Another process projects: watch the stored checkpoint.
    const deadline = Date.now() + READ_YOUR_WRITE_TIMEOUT_MS;
    for (;;) {
      if ((await this.readStore.checkpoint()).position >= position) return true;
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
