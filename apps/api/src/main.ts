import { DEFAULT_HOST, loadConfig } from './config/registry-config.js';
import { rebuildEmptyViewsOnThread, SERVER_SQLITE_CACHE_MIB } from './read-side/start-rebuild.js';

const config = loadConfig();
if (config.projector && !config.eventStoreUrl && !config.mongoUrl) {
  // Empty embedded views on a log are rebuilt on a thread of their own, before the app and its
  // modules are loaded: the rebuild's memory is given back when it ends (docs/decisions/0018).
  const rebuilt = await rebuildEmptyViewsOnThread(
    { dataDir: config.dataDir, cacheMiB: SERVER_SQLITE_CACHE_MIB },
    {
      started: () => process.stdout.write('读模型为空，正在从事件日志重建…\n'),
      retry: (mb) => process.stdout.write(`重建线程内存不足，以${mb === undefined ? ' V8 默认上限' : `老生代上限 ${mb} MB `}重新开始重建\n`),
    },
  );
  if (rebuilt?.rebuilt) process.stdout.write(`读模型已从事件日志重建：${rebuilt.events} 个事件，${(rebuilt.elapsedMs / 1000).toFixed(1)} 秒\n`);
}
const { Logger } = await import('@nestjs/common');
const { createRegistryApp } = await import('./bootstrap.js');
const logger = new Logger('Registry');
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
