/**
 * The data the browser tests look at, recorded through the HTTP API when the server's seeds did
 * not already provide it:
 *
 * - 潍坊 2020 (370700): the 66 bodies of 潍政办字〔2020〕37号 (55 standing + 11 temporary), read
 *   from seeds/weifang-2020/notice.txt, and the baseline of 66 from the same date;
 * - a small demo history (370799): a baseline, establishments that go over it, a rename and its
 *   correction, an adjustment, an annual report, an abolition and a merger.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Api } from './api.js';

export const WEIFANG = '370700';
export const DEMO = '370799';
export const WEIFANG_DOC = '潍政办字〔2020〕37号';

export interface NoticeItem {
  number: number;
  name: string;
  aliases: string[];
  duration: 'standing' | 'temporary';
}

/** The numbered items of the notice: "1.市…领导小组2.市…" with the section headings in between. */
export function noticeItems(file = join(process.cwd(), 'seeds/weifang-2020/notice.txt')): NoticeItem[] {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('一、长期设置');
  if (start < 0) throw new Error('notice.txt: no list');
  const list = text.slice(start);
  const temporaryAt = list.indexOf('二、临时性设置');
  const items: NoticeItem[] = [];
  let cursor = list.indexOf('1.', 0);
  for (let n = 1; cursor >= 0; n++) {
    const next = list.indexOf(`${n + 1}.`, cursor + String(n).length + 1);
    let raw = list.slice(cursor + String(n).length + 1, next < 0 ? undefined : next);
    raw = raw.replace(/二、临时性设置[^)）]*[)）]/u, '').replace(/[。\s]+$/u, '').trim();
    items.push({ number: n, ...split(raw), duration: cursor < temporaryAt ? 'standing' : 'temporary' });
    cursor = next;
  }
  return items;
}

function split(raw: string): { name: string; aliases: string[] } {
  const m = /^(.*?)[(（](.*)[)）]$/u.exec(raw);
  if (!m) return { name: raw, aliases: [] };
  const inner = m[2];
  const external = /对外可分别使用(.*)名称开展工作/u.exec(inner);
  return { name: m[1], aliases: external ? external[1].split('、') : [inner] };
}

const KIND_SUFFIXES = ['领导小组', '委员会', '联席会议', '指挥部', '协调小组'];

/** A complete 第十条 application for a body of the list (the list itself gives only the name). */
export function establishment(jurisdiction: string, item: { name: string; aliases?: string[]; duration: 'standing' | 'temporary' }, extra: Record<string, unknown> = {}) {
  const topic = item.name.replace(/^(市|潍坊)/u, '').replace(new RegExp(`(工作)?(${KIND_SUFFIXES.join('|')})$`, 'u'), '');
  return {
    jurisdiction,
    name: item.name,
    aliases: item.aliases ?? [],
    series: 'government',
    duration: item.duration,
    basis: { conditions: [2], text: `${topic}工作涉及多个部门，需要市政府统筹协调` },
    reason: `统筹协调全市${topic}工作`,
    leader: { title: '分管副市长', rank: 'deputy-bureau' },
    deputies: [{ title: '市政府副秘书长', rank: 'county' }],
    memberUnits: ['市发展改革委', '市财政局', '市政府办公室'],
    tasks: `研究部署全市${topic}工作`,
    duties: `统筹协调、督促落实全市${topic}工作中的重大事项(${item.name})`,
    hostDepartment: '市政府办公室',
    documentNo: WEIFANG_DOC,
    effectiveDate: '2020-03-31',
    justification: `据${WEIFANG_DOC}公布名单登记`,
    ...(item.duration === 'temporary' ? { termEnd: '2022-12-31', abolitionCondition: '工作任务完成后自行撤销' } : {}),
    ...extra,
  };
}

export interface DemoIds {
  /** Renamed on 2021-01-15, the rename's document number corrected afterwards. */
  renamed: string;
  abolished: string;
  mergedAway: string[];
  mergeTarget: string;
}

async function registryTotal(api: Api, code: string, date: string): Promise<number> {
  return (await api.read(`/jurisdictions/${code}/registry?date=${date}`)).total;
}

/** Lets the next reads wait until the read model has everything the event store holds now (seeds included). */
export async function catchUp(api: Api): Promise<void> {
  const health = await api.read<{ position?: number }>('/health');
  if (typeof health.position === 'number') api.position = Math.max(api.position, health.position);
}

/** Records 潍坊 2020 unless the seeds did. */
export async function ensureWeifang(api: Api): Promise<'seeded' | 'recorded'> {
  await catchUp(api);
  if ((await registryTotal(api, WEIFANG, '2020-03-31')) > 0) return 'seeded';
  const items = noticeItems();
  if (items.length !== 66) throw new Error(`notice.txt gave ${items.length} items`);
  await api.post(`/jurisdictions/${WEIFANG}/quota-baselines`, {
    total: 66, standing: 55, temporary: 11, series: 'government', documentNo: WEIFANG_DOC, effectiveDate: '2020-03-31',
    reason: '以此次发文公布的数量为基准，实行总量控制',
  });
  for (const item of items) await api.post('/bodies', establishment(WEIFANG, item));
  return 'recorded';
}

/** Records the demo history unless the seeds did; answers the ids it recorded. */
export async function ensureDemo(api: Api): Promise<DemoIds | undefined> {
  await catchUp(api);
  if ((await registryTotal(api, DEMO, '2099-12-31')) > 0) return undefined;
  const est = (name: string, date: string, extra: Record<string, unknown> = {}) =>
    api.post<{ bodyId: string }>('/bodies', establishment(DEMO, { name, duration: 'standing' }, { documentNo: `演示发〔${date.slice(0, 4)}〕1号`, effectiveDate: date, ...extra }));

  await api.post(`/jurisdictions/${DEMO}/quota-baselines`, { total: 5, documentNo: '演示办字〔2019〕1号', effectiveDate: '2019-01-01', reason: '演示基准' });
  const a = await est('演示市安全生产委员会', '2019-03-01');
  const b = await est('演示市食品安全委员会', '2019-03-01');
  const c = await est('演示市绿化委员会', '2019-05-10');
  const d = await est('演示市防汛抗旱指挥部', '2019-06-01');
  const e = await est('演示市第七次人口普查领导小组', '2019-09-01', { duration: 'temporary', termEnd: '2021-06-30', abolitionCondition: '普查结束后撤销' });
  const f = await est('演示市城市管理委员会', '2020-04-01');
  const g = await est('演示市市容环境卫生协调小组', '2020-05-01');
  // Over the baseline of 5 from 2019-09-01 (5 → 6 → 7) until the abolition and the merger.
  const rename = await api.post<{ eventIds: string[] }>(`/bodies/${a.bodyId}/renames`, {
    newName: '演示市安全生产工作委员会', documentNo: '演示办字〔2021〕2号', effectiveDate: '2021-01-15', reason: '按省里统一名称',
  });
  await api.post('/corrections', { eventId: rename.eventIds[0], documentNo: '演示办字〔2021〕3号', reason: '文号登记有误，应为3号' });
  await api.post(`/bodies/${b.bodyId}/adjustments`, {
    memberUnits: ['市市场监管局', '市农业农村局', '市卫生健康委', '市公安局'], hostDepartment: '市市场监管局', documentNo: '演示办字〔2021〕5号', effectiveDate: '2021-03-01',
  });
  await api.post(`/bodies/${c.bodyId}/annual-reports`, { year: 2020, summary: '组织全民义务植树', meetingsHeld: 2, filedOn: '2020-12-20' });
  await api.post(`/bodies/${e.bodyId}/abolition`, { reason: 2, disposition: 'abolished', documentNo: '演示办字〔2021〕9号', effectiveDate: '2021-07-01' });
  await api.post('/mergers', {
    jurisdiction: DEMO, sourceBodyIds: [g.bodyId], target: { bodyId: f.bodyId }, reason: 1, documentNo: '演示办字〔2021〕12号', effectiveDate: '2021-10-01',
  });
  void d;
  return { renamed: a.bodyId, abolished: e.bodyId, mergedAway: [g.bodyId], mergeTarget: f.bodyId };
}
