import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '#event-store';
import type { Projector, ReadStore } from '#read-model';
import { EVENT_STORE, PROJECTOR, READ_STORE } from '../tokens.js';

/**
 * Starts projecting on boot (catching up from scratch when the read store is empty) and
 * closes the stores on shutdown. Only the process that owns projection has a Projector.
 */
@Injectable()
export class ReadSideLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReadSide');

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Optional() @Inject(PROJECTOR) private readonly projector?: Projector,
  ) {}

  async onApplicationBootstrap() {
    if (!this.projector) {
      this.logger.log('本进程不负责投影(REGISTRY_PROJECTOR=false)，读模型由另一进程更新');
      return;
    }
    const rebuilt = await this.projector.catchUpFromScratchIfEmpty();
    if (rebuilt) this.logger.log('读模型为空，已从事件日志重建');
    await this.projector.start();
  }

  async onApplicationShutdown() {
    await this.projector?.stop().catch((error) => this.logger.warn(`停止投影时出错：${String(error)}`));
    await this.readStore.close();
    await this.eventStore.close();
  }
}
