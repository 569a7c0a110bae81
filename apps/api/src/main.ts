import { Logger } from '@nestjs/common';
import { createRegistryApp } from './bootstrap.js';
import { loadConfig } from './config/registry-config.js';

const logger = new Logger('Registry');
const config = loadConfig();
const app = await createRegistryApp(config);
await app.listen(config.port);
logger.log(`议事协调机构登记簿已启动：http://localhost:${config.port}/api/v1 ，接口文档 http://localhost:${config.port}/api/docs`);
logger.log(`事件存储：${config.eventStoreUrl ? 'KurrentDB/EventStoreDB' : `SQLite ${config.dataDir}/events.sqlite`}`);
if (config.generatedTokenFiles) {
  const files = config.generatedTokenFiles;
  logger.log(`令牌(仅本机所有者可读)：登记员 ${files.registrar}；审计员 ${files.auditor}；查看者 ${files.viewer}`);
  logger.log(`看板 http://localhost:${config.port}/ 请用查看者或审计员令牌登录，勿用登记员令牌`);
}
