import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '#event-store';
import { projectionLeaseOf, type Projector, type ReadStore } from '#read-model';
import { EVENT_STORE, PROJECTOR, READ_STORE } from '../tokens.js';

/**
 * Starts projecting on boot (catching up from scratch when the read store is empty) and
 * closes the stores on shutdown. Only the process that owns projection has a Projector.
 */
@Injectable()
export class ReadSideLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReadSide');
  private leaseKeeper?: { stop(): Promise<void> };

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
    const projector = this.projector;
    const lease = projectionLeaseOf(this.readStore);
    if (lease) {
      // Several API processes share one MongoDB: only the holder of the lease projects.
      this.leaseKeeper = lease.maintain({
        onChange: (held) => {
          this.logger.log(held ? '取得投影租约，本进程负责更新读模型' : '失去投影租约，停止更新读模型');
          void (held ? this.startProjecting(projector) : projector.stop()).catch((error) => this.logger.error(String(error)));
        },
        onError: (error) => this.logger.warn(`投影租约出错：${String(error)}`),
      });
      return;
    }
    await this.startProjecting(projector);
  }

  private async startProjecting(projector: Projector) {
    const rebuilt = await projector.catchUpFromScratchIfEmpty();
    if (rebuilt) this.logger.log('读模型为空，已从事件日志重建');
    await projector.start();
  }

  async onApplicationShutdown() {
    await this.leaseKeeper?.stop().catch(() => undefined);
    await this.projector?.stop().catch((error) => this.logger.warn(`停止投影时出错：${String(error)}`));
    await this.readStore.close();
    await this.eventStore.close();
  }
}
