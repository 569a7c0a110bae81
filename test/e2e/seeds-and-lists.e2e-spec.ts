import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOfficialList } from '#official-list';
import { startRegistry, testConfig, TOKENS } from '../support/registry-client.js';

const NOTICE = readFileSync('seeds/weifang-2020/notice.txt', 'utf8');
const itemsOf = (text: string) =>
  parseOfficialList(text).sections.map((s) => ({ duration: s.duration, items: s.items.map((i) => ({ name: i.name, aliases: i.aliases })) }));

describe('seeds and official lists: 潍坊 2020 (潍政办字〔2020〕37号) reproduced from events', () => {
  it('the embedded default seeds on first start; the export of 370700 on 2020-03-31 gives back the published 66 = 55 + 11, in order, with aliases', async () => {
    const config = { ...testConfig(), seedOnEmpty: true };
    const registry = await startRegistry(config);
    try {
      const head = (await registry.client.get('/health')).body.position;
      const registryAnswer = await registry.client.get(`/jurisdictions/370700/registry?date=2020-03-31&minPosition=${head}`);
      expect(registryAnswer.body).toMatchObject({ total: 66, counts: { standing: 55, temporary: 11, government: 66, party: 0 } });
      const text = await fetch(`${registry.client.baseUrl}/api/v1/jurisdictions/370700/registry/export?date=2020-03-31&format=text`, { headers: { authorization: `Bearer ${TOKENS.viewer}` } });
      expect(text.status).toBe(200);
      const exported = await text.text();
      expect(itemsOf(exported)).toEqual(itemsOf(NOTICE));
      expect(parseOfficialList(exported)).toMatchObject({ total: 66, standing: 55, temporary: 11, unparsed: [] });
      const before = await registry.client.get('/jurisdictions/370700/registry?date=2020-03-30');
      expect(before.body.total).toBe(0);
      const quota = await registry.client.get('/jurisdictions/370700/quota?from=2020-03-01&to=2020-12-31');
      expect(quota.body.points).toEqual(expect.arrayContaining([expect.objectContaining({ date: '2020-03-31', active: 66, baseline: 66 })]));
      for (const format of ['csv', 'xlsx']) {
        const file = await fetch(`${registry.client.baseUrl}/api/v1/jurisdictions/370700/registry/export?date=2020-03-31&format=${format}`, { headers: { authorization: `Bearer ${TOKENS.viewer}` } });
        expect(file.status).toBe(200);
        expect(file.headers.get('content-disposition')).toContain(`.${format}`);
        const bytes = Buffer.from(await file.arrayBuffer());
        if (format === 'csv') expect(bytes.toString('utf8')).toContain('市社会救助工作领导小组');
        else expect(bytes.subarray(0, 2).toString()).toBe('PK');
      }
    } finally {
      await registry.close();
    }
  }, 60_000);

  it('seeding twice records nothing new (log length unchanged), and the CLI imports a list as a dry run without recording', async () => {
    execFileSync('npm', ['run', 'build:server', '--silent'], { stdio: 'inherit' });
    const dataDir = mkdtempSync(join(tmpdir(), 'registry-seed-'));
    const cli = (...args: string[]) => execFileSync(process.execPath, ['dist/apps/cli/src/main.js', ...args], { env: { ...process.env, NODE_OPTIONS: '', REGISTRY_DATA_DIR: dataDir }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const first = JSON.parse(cli('seed').trim().split('\n').at(-1)!);
    expect(first.eventsRecorded).toBeGreaterThan(1000);
    const second = JSON.parse(cli('seed').trim().split('\n').at(-1)!);
    expect(second.eventsRecorded).toBe(0);

    const list = join(dataDir, 'list.txt');
    writeFileSync(list, '市政府议事协调机构名单\n一、长期设置的市政府议事协调机构(2个)\n1.市禁毒委员会\n2.市新设测试领导小组\n二、临时性设置的市政府议事协调机构(1个)\n3.市5G产业发展领导小组\n— 1 —\n');
    const run = spawnSync(process.execPath, ['dist/apps/cli/src/main.js', 'import-list', list, '--jurisdiction', '370700', '--series', 'government', '--document', '潍政办字〔2021〕1号', '--date', '2021-01-01', '--dry-run'], { env: { ...process.env, NODE_OPTIONS: '', REGISTRY_DATA_DIR: dataDir }, encoding: 'utf8' });
    // A page number is furniture: reported with its line, never a body, and not a reason to refuse.
    expect(run.status).toBe(0);
    const dryRun = JSON.parse(run.stdout);
    expect(dryRun).toMatchObject({ total: 3, standing: 2, temporary: 1, removed: 0, unparsed: 0, ok: true, dryRun: true, recordedEvents: 0 });
    expect(dryRun.details.furniture).toEqual([{ line: 7, text: '— 1 —', kind: 'page-number' }]);
    expect(dryRun.details.decisions).toEqual([{ type: 'EstablishBody', key: 'import:370700:潍政办字〔2021〕1号:2', name: '市新设测试领导小组', duration: 'standing' }]);
    expect(JSON.parse(cli('seed').trim().split('\n').at(-1)!).eventsRecorded).toBe(0);
  }, 120_000);
});
