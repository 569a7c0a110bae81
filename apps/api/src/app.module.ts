import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { EventStore } from '#event-store';
import { RegistryQueries, type Projector, type ReadStore } from '#read-model';
import { DecisionPath } from '#registry-app';
import { AuthGuard } from './auth/auth.guard.js';
import { AbolishBodyController } from './commands/abolish-body/abolish-body.http.controller.js';
import { AdjustBodyController } from './commands/adjust-body/adjust-body.http.controller.js';
import { ChangeAffiliationController } from './commands/change-affiliation/change-affiliation.http.controller.js';
import { CorrectEventController } from './commands/correct-event/correct-event.http.controller.js';
import { EstablishBodyController } from './commands/establish-body/establish-body.http.controller.js';
import { FileAnnualReportController } from './commands/file-annual-report/file-annual-report.http.controller.js';
import { MergeBodiesController } from './commands/merge-bodies/merge-bodies.http.controller.js';
import { RenameBodyController } from './commands/rename-body/rename-body.http.controller.js';
import { SetQuotaBaselineController } from './commands/set-quota-baseline/set-quota-baseline.http.controller.js';
import { SelfAbolishBodyController } from './commands/self-abolish-body/self-abolish-body.http.controller.js';
import { SplitBodyController } from './commands/split-body/split-body.http.controller.js';
import { AdjustUnrecordedBodyController } from './commands/adjust-unrecorded-body/adjust-unrecorded-body.http.controller.js';
import { COMMAND_HANDLERS } from './commands/index.js';
import type { RegistryConfig } from './config/registry-config.js';
import { RegistryErrorFilter } from './http/error.filter.js';
import { EventLogController } from './queries/event-log.http.controller.js';
import { GetBodyHistoryHandler, GetEventLogHandler, VerifyIntegrityHandler } from './queries/event-log.queries.js';
import { ReadCache } from './queries/read-cache.js';
import { ReadConsistency } from './queries/read-consistency.js';
import { RegistryController } from './queries/registry.http.controller.js';
import { RegistryExportController } from './queries/registry-export.http.controller.js';
import { JurisdictionsController } from './queries/jurisdictions.http.controller.js';
import { REGISTRY_QUERY_HANDLERS } from './queries/registry.queries.js';
import { ReadSideLifecycle } from './read-side/read-side.lifecycle.js';
import { SUPERVISION_CONTROLLERS, SUPERVISION_PROVIDERS } from './supervision/index.js';
import { DECISION_PATH, EVENT_STORE, PROJECTOR, READ_STORE, REGISTRY_CONFIG, REGISTRY_QUERIES } from './tokens.js';

export interface RegistryPorts {
  eventStore: EventStore;
  readStore: ReadStore;
  /** Present in the one process that owns projection into this read store. */
  projector?: Projector;
}

/** Wiring only: the ports come in built, so tests and the CLI can hand in their own. */
@Module({})
export class AppModule {
  static register(config: RegistryConfig, ports: RegistryPorts): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot()],
      controllers: [
        EstablishBodyController,
        AdjustBodyController,
        RenameBodyController,
        ChangeAffiliationController,
        AbolishBodyController,
        MergeBodiesController,
        FileAnnualReportController,
        SetQuotaBaselineController,
        CorrectEventController,
        SelfAbolishBodyController,
        SplitBodyController,
        AdjustUnrecordedBodyController,
        EventLogController,
        RegistryController,
        RegistryExportController,
        JurisdictionsController,
        ...SUPERVISION_CONTROLLERS,
      ],
      providers: [
        { provide: REGISTRY_CONFIG, useValue: config },
        { provide: EVENT_STORE, useValue: ports.eventStore },
        { provide: READ_STORE, useValue: ports.readStore },
        ...(ports.projector ? [{ provide: PROJECTOR, useValue: ports.projector }] : []),
        { provide: REGISTRY_QUERIES, useValue: new RegistryQueries(ports.readStore) },
        { provide: DECISION_PATH, useFactory: (store: EventStore) => new DecisionPath(store), inject: [EVENT_STORE] },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: RegistryErrorFilter },
        ...COMMAND_HANDLERS,
        GetBodyHistoryHandler,
        GetEventLogHandler,
        VerifyIntegrityHandler,
        ...REGISTRY_QUERY_HANDLERS,
        ReadConsistency,
        ReadCache,
        ReadSideLifecycle,
        ...SUPERVISION_PROVIDERS,
      ],
    };
  }
}
