import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { eventShapeProblem } from '#domain';
import { createEventStore, type FormatMigration } from '#event-store';
import { Projector, SqliteReadStore, createReadStore } from '#read-model';
import { loadSeeds } from '../../shared/src/seeding.js';
import { DecisionExecutor } from '#registry-app';
import { Logger } from '@nestjs/common';
import { AppModule } from './app.module.js';
import type { RegistryConfig } from './config/registry-config.js';
import { installSchemas, REQUEST_LIMITS } from './http/openapi.js';
import { dashboardFiles } from './http/dashboard-files.js';
import { installRequestChecks } from './http/request-checks.js';
import { registryValidationPipe } from './http/validation.js';
import { SERVER_SQLITE_CACHE_MIB } from './read-side/start-rebuild.js';

export const API_PREFIX = 'api/v1';

/** Builds the HTTP app on the configured stores: the embedded default or KurrentDB. */
export async function createRegistryApp(config: RegistryConfig, options: { logger?: false } = {}): Promise<INestApplication> {
  const eventStore = await createEventStore({ eventStoreUrl: config.eventStoreUrl, dataDir: config.dataDir, validate: eventShapeProblem });
  const migration = (eventStore as { migration?: FormatMigration }).migration;
  if (migration) {
    // a file of the previous format was migrated on open (docs/decisions/0005): say so, and whether it still verifies
    const logger = new Logger('EventStore');
    logger.log(`事件文件已由格式 ${migration.from} 迁移为格式 ${migration.to}：${migration.events} 个事件`);
    if (migration.problems.length > 0) logger.warn(`迁移后校验发现 ${migration.problems.length} 个问题(迁移前即已存在)：${JSON.stringify(migration.problems.slice(0, 5))}`);
  }
  // The embedded read store with a smaller page cache than the library's default: the read
  // cache answers the dashboard's repeated reads, and each MiB counts toward the server's RSS (ADR 0018).
  const readStore = config.mongoUrl
    ? await createReadStore({ dataDir: config.dataDir, mongoUrl: config.mongoUrl })
    : SqliteReadStore.inDataDir(config.dataDir, { cacheMiB: SERVER_SQLITE_CACHE_MIB });
  if (config.seedOnEmpty && (await eventStore.headPosition()) === 0) {
    // REGISTRY_SEED_ON_EMPTY: a newcomer sees 潍坊 2020 and the demo at once.
    const logger = new Logger('Seeds');
    const summary = await loadSeeds(config.seedsDir, eventStore, new DecisionExecutor(eventStore), (line) => logger.log(line));
    logger.log(`种子数据已载入：${summary.eventsRecorded} 个事件`);
  }
  const projector = config.projector ? new Projector({ eventStore, readStore }) : undefined;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, { eventStore, readStore, projector }), {
    ...(options.logger === false ? { logger: false } : { logger: ['error', 'warn', 'log'] }),
    // JSON only, parsed and checked by installRequestChecks (no form bodies)
    bodyParser: false,
  });
  installRequestChecks(app);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(registryValidationPipe);
  app.enableShutdownHooks();
  const document = installSchemas(SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('议事协调机构登记簿 API')
      .setDescription(
        '编办登记议事协调机构(领导小组、委员会、联席会议、指挥部)的设立、调整、更名、改变隶属关系、撤销、合并、年度报告与总量控制基准。每项决定为不可更改的事件；错误以更正事件修正。规则及其条款见本仓库 docs/domain.md(市级办法、辽宁办法、玉溪办法、潍坊名单、北京清理)，违反时 422 逐条列出条文；接口约定见 docs/http-api.md。' +
          `所有错误应答为 {statusCode, error, message, details?, violations?}，message 为中文。${REQUEST_LIMITS}`,
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  ));
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  const dashboard = join(projectRoot(), 'dist', 'dashboard');
  if (existsSync(join(dashboard, 'index.html'))) {
    // The read-only dashboard (apps/dashboard, built by `npm run build`), beside the API.
    app.use(dashboardFiles(dashboard, API_PREFIX));
  } else {
    new Logger('Dashboard').warn(`未找到看板 ${dashboard}：请先运行 npm run build`);
  }
  return app;
}

/** The folder holding package.json, from source (apps/api/src) or from dist/apps/api/src. */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
