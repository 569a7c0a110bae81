/**
 * `import-list` as a clerk runs it (the built CLI, a fresh data folder): a GBK file, a clean-up
 * notice with 常设/阶段性/撤销/调整为部门联席会议 sections and a 抄送 footer, and the files that must
 * write nothing — no items, a count that does not add up, a stray line, a binary file, a
 * removal of a body not on file. Each refusal exits non-zero and leaves the log as it was.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';

const J = '370724';

const FIRST = [
  '临朐县人民政府办公室关于公布县政府议事协调机构名单的通知',
  '临政办发〔2015〕1号',
  '各镇人民政府、街道办事处，县政府各部门：',
  '经县政府同意，现将县政府议事协调机构名单公布如下，共6个。',
  '一、常设议事协调机构（4个）',
  '1.县安全生产委员会',
  '2.县就业工作领导小组',
  '3.县老龄工作委员会',
  '4.县整顿和规范市场经济秩序领导小组',
  '— 1 —',
  '二、阶段性议事协调机构（2个）',
  '5.县农村税费改革工作领导小组',
  '6.县第三次全国国土调查领导小组',
  '抄送：县委办公室，县人大常委会办公室。',
  '临朐县人民政府办公室　　　　2015年1月1日印发',
].join('\r\n');

const CLEAN_UP = [
  '县政府议事协调机构清理结果',
  '一、保留的县政府议事协调机构（2个）',
  '（一）常设议事协调机构（1个）',
  '1.县安全生产委员会',
  '（二）阶段性议事协调机构（1个）',
  '2.县第三次全国国土调查领导小组',
  '二、撤销的议事协调机构（2个）',
  '3.县整顿和规范市场经济秩序领导小组',
  '4.县农村税费改革工作领导小组（工作任务已经完成）',
  'http://www.linqu.gov.cn/art/2021/5/10/art_1.html',
  '三、调整为部门联席会议的议事协调机构（2个）',
  '5.县就业工作领导小组',
  '6.县老龄工作委员会',
  '抄送：县委办公室。',
].join('\n');

describe('import-list on the command line', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'registry-import-list-'));
  const env = { ...process.env, NODE_OPTIONS: '', REGISTRY_DATA_DIR: dataDir };
  const file = (name: string, content: string | Buffer) => {
    const path = join(dataDir, name);
    writeFileSync(path, content);
    return path;
  };
  const importList = (path: string, document: string, date: string, ...extra: string[]) => {
    const run = spawnSync(process.execPath, ['dist/apps/cli/src/main.js', 'import-list', path, '--jurisdiction', J, '--series', 'government', '--document', document, '--date', date, ...extra], { env, encoding: 'utf8' });
    return { status: run.status, stderr: run.stderr, out: run.stdout ? JSON.parse(run.stdout) : undefined };
  };
  const eventCount = () => JSON.parse(execFileSync(process.execPath, ['dist/apps/cli/src/main.js', 'verify'], { env, encoding: 'utf8' })).events as number;
  const exportText = (date: string) => execFileSync(process.execPath, ['dist/apps/cli/src/main.js', 'export-list', '--jurisdiction', J, '--date', date], { env, encoding: 'utf8' });

  beforeAll(() => {
    execFileSync('npm', ['run', 'build:server', '--silent'], { stdio: 'inherit' });
  }, 120_000);

  it('refuses, writing nothing, a file with no items, a count that does not add up, a stray line and a binary file', () => {
    const none = importList(file('none.txt', '关于做好议事协调机构清理工作的通知\n请各单位于5月底前报送。\n'), '临政办发〔2014〕9号', '2014-06-01', '--baseline');
    expect(none.status).toBe(1);
    expect(none.out).toMatchObject({ total: 0, removed: 0, ok: false, recordedEvents: 0 });
    expect(none.out.problems).toContain('文件中没有找到任何机构(未识别出编号条目或机构名称)');

    const miscounted = importList(file('miscounted.txt', FIRST.replace('常设议事协调机构（4个）', '常设议事协调机构（5个）')), '临政办发〔2015〕1号', '2015-01-01', '--baseline');
    expect(miscounted.status).toBe(1);
    expect(miscounted.out.details.countMismatches).toEqual([{ section: '常设议事协调机构', line: 5, announced: 5, found: 4 }]);

    const stray = importList(file('stray.txt', FIRST.replace('— 1 —', '以上由县编办负责日常管理')), '临政办发〔2015〕1号', '2015-01-01', '--baseline');
    expect(stray.status).toBe(1);
    expect(stray.out).toMatchObject({ unparsed: 1, details: { unparsed: [{ line: 10, text: '以上由县编办负责日常管理' }] } });

    const binary = importList(file('list.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0])), '临政办发〔2015〕1号', '2015-01-01');
    expect(binary.status).toBe(2);
    // One Chinese line, no stack trace (apps/cli/src/cli-errors.ts).
    expect(binary.stderr.trim()).toMatch(/^错误：[^\n]*不是文本文件[^\n]*$/);

    expect(eventCount()).toBe(0);
  }, 60_000);

  it('imports a GBK notice with CRLF line ends, page number and 抄送/印发 footer: 6 = 4 + 2 and the baseline, in one step', () => {
    const first = importList(file('first-gbk.txt', iconv.encode(FIRST, 'gbk')), '临政办发〔2015〕1号', '2015-01-01', '--baseline');
    expect(first.status).toBe(0);
    expect(first.out).toMatchObject({ total: 6, standing: 4, temporary: 2, removed: 0, unparsed: 0, ok: true, recordedEvents: 7 });
    expect(first.out.details.file).toEqual({ encoding: 'gb18030' });
    expect(first.out.details.furniture.map((f: { kind: string }) => f.kind)).toEqual(['document-number', 'page-number', 'distribution', 'distribution']);
    expect(eventCount()).toBe(7);
    const text = exportText('2015-01-01');
    expect(text.split('\n').slice(0, 3)).toEqual(['县政府议事协调机构名单', '一、长期设置的县政府议事协调机构(4个)', '1.县安全生产委员会']);
  }, 60_000);

  it('shows a dry run of a clean-up notice item by item, then records the abolitions and joint meetings, never as live bodies', () => {
    const path = file('clean-up.txt', CLEAN_UP);
    const dry = importList(path, '临政办发〔2021〕12号', '2021-05-10', '--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.out).toMatchObject({ total: 2, standing: 1, temporary: 1, removed: 4, unparsed: 0, recordedEvents: 0 });
    expect(dry.out.details.items.map((i: { number: number; section: string; action: string; disposition?: string }) => [i.number, i.section, i.action, i.disposition])).toEqual([
      [1, '（一）常设议事协调机构（1个）', 'unchanged', undefined],
      [2, '（二）阶段性议事协调机构（1个）', 'unchanged', undefined],
      [3, '二、撤销的议事协调机构（2个）', 'abolish', 'abolished'],
      [4, '二、撤销的议事协调机构（2个）', 'abolish', 'abolished'],
      [5, '三、调整为部门联席会议的议事协调机构（2个）', 'abolish', 'joint-meeting'],
      [6, '三、调整为部门联席会议的议事协调机构（2个）', 'abolish', 'joint-meeting'],
    ]);
    expect(eventCount()).toBe(7);

    const real = importList(path, '临政办发〔2021〕12号', '2021-05-10');
    expect(real.status).toBe(0);
    expect(real.out.recordedEvents).toBe(4);
    expect(exportText('2021-05-10').trim().split('\n')).toEqual([
      '县政府议事协调机构名单', '一、长期设置的县政府议事协调机构(1个)', '1.县安全生产委员会', '二、临时性设置的县政府议事协调机构(1个)', '2.县第三次全国国土调查领导小组',
    ]);
    // again: every decision answered by its key
    expect(importList(path, '临政办发〔2021〕12号', '2021-05-10').out).toMatchObject({ ok: true, recordedEvents: 0 });
    expect(eventCount()).toBe(11);
  }, 60_000);

  it('keeps the notice\'s own title: an export of the dates it is in force is titled as published', () => {
    const path = file('titled.txt', '附件\n临朐县人民政府议事协调机构名单\n一、常设议事协调机构（1个）\n1.县安全生产委员会\n二、阶段性议事协调机构（1个）\n2.县第三次全国国土调查领导小组\n');
    const run = importList(path, '临政办发〔2021〕20号', '2021-06-01', '--baseline');
    expect(run.out).toMatchObject({ ok: true, recordedEvents: 1, details: { title: '临朐县人民政府议事协调机构名单' } });
    expect(exportText('2021-06-01').split('\n')[0]).toBe('临朐县人民政府议事协调机构名单');
    expect(exportText('2021-05-31').split('\n')[0]).toBe('县政府议事协调机构名单');
  }, 60_000);

  it('refuses a list removing a body not on file, writing none of its other decisions either', () => {
    const path = file('unknown.txt', '一、新设的常设议事协调机构（1个）\n1.县数字政府建设领导小组\n二、撤销的议事协调机构（1个）\n2.县从未登记的领导小组');
    const run = importList(path, '临政办发〔2022〕3号', '2022-03-01');
    expect(run.status).toBe(1);
    expect(run.out.details.toConfirm).toEqual([expect.objectContaining({ number: 2, line: 4, notOnFile: true, problem: expect.stringContaining('登记簿中没有') })]);
    expect(eventCount()).toBe(12);
    // confirmed by the clerk: the removal is listed as skipped, the rest recorded
    const confirmed = importList(path, '临政办发〔2022〕3号', '2022-03-01', '--skip-removals-not-on-file');
    expect(confirmed.status).toBe(0);
    expect(confirmed.out).toMatchObject({ ok: true, recordedEvents: 1, details: { toConfirm: [], skippedRemovals: [expect.objectContaining({ number: 2 })] } });
    expect(eventCount()).toBe(13);
  }, 60_000);
});
