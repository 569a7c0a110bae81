import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { createEventStore } from '#event-store';
import { Projector, createReadStore } from '#read-model';
import { AppModule } from './app.module.js';
import type { RegistryConfig } from './config/registry-config.js';
import { registryValidationPipe } from './http/validation.js';

export const API_PREFIX = 'api/v1';

/** Builds the HTTP app on the configured stores: the embedded default or KurrentDB. */
export async function createRegistryApp(config: RegistryConfig, options: { logger?: false } = {}): Promise<INestApplication> {
  const eventStore = await createEventStore({ eventStoreUrl: config.eventStoreUrl, dataDir: config.dataDir });
  const readStore = await createReadStore({ dataDir: config.dataDir, mongoUrl: config.mongoUrl });
  const projector = config.projector ? new Projector({ eventStore, readStore }) : undefined;
  const app = await NestFactory.create(AppModule.register(config, { eventStore, readStore, projector }), {
    ...(options.logger === false ? { logger: false } : { logger: ['error', 'warn', 'log'] }),
  });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(registryValidationPipe);
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('议事协调机构登记簿 API')
      .setDescription(
        '编办登记议事协调机构(领导小组、委员会、联席会议、指挥部)的设立、调整、更名、改变隶属关系、撤销、合并、年度报告与总量控制基准。每项决定为不可更改的事件；错误以更正事件修正。规则依据见 DOMAIN.md(市级办法、辽宁办法、玉溪办法、潍坊名单、北京清理)。',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
