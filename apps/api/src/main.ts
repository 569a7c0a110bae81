import { Logger } from '@nestjs/common';
import { createRegistryApp } from './bootstrap.js';
import { DEFAULT_HOST, loadConfig } from './config/registry-config.js';

const logger = new Logger('Registry');
const config = loadConfig();
const app = await createRegistryApp(config);
const host = config.host ?? DEFAULT_HOST;
await app.listen(config.port, host);
// every interface: show the local address; an IPv6 address goes in brackets
const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
logger.log(`议事协调机构登记簿已启动：http://${shown}:${config.port}/api/v1 ，接口文档 http://${shown}:${config.port}/api/docs (监听地址 HOST=${host})`);
logger.log(`事件存储：${config.eventStoreUrl ? 'KurrentDB/EventStoreDB' : `SQLite ${config.dataDir}/events.sqlite`}`);
if (config.generatedTokenFiles) {
  const files = config.generatedTokenFiles;
  logger.log(`令牌(仅本机所有者可读)：登记员 ${files.registrar}；审计员 ${files.auditor}；查看者 ${files.viewer}`);
  logger.log(`看板 http://localhost:${config.port}/ 请用查看者或审计员令牌登录，勿用登记员令牌`);
}
