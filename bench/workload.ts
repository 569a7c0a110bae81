/**
 * The benchmark workload of docs/benchmark.md, generated from a fixed seed: per body one
 * establishment (1995–2020; 40% party; 30% temporary; 5–12 member units; a leader and 1–3
 * deputies), then an event every 1–144 days until 2026-01-01 or its abolition (4% renames, the
 * rest adjustments carrying the full state after the change), an annual report each 31 March,
 * abolition for 50% of temporary and 10% of standing bodies at least 180 days in.
 */
import { addDays } from '#domain';
import { mulberry32 } from '#official-list';

export interface WorkloadOptions {
  jurisdictions: number;
  bodiesPerJurisdiction: number;
  seed: number;
}

export interface DraftEvent {
  type: string;
  effectiveDate: string;
  documentNo: string;
  reason?: string;
  data: Record<string, unknown>;
}

export interface BodyHistory {
  bodyId: string;
  jurisdiction: string;
  events: DraftEvent[];
}

/** The demo history's generator: the same numbers for the same seed everywhere. */
export const prng = mulberry32;

const SUBJECTS = ['安全生产', '食品安全', '防汛抗旱', '森林防灭火', '禁毒', '招生考试', '语言文字', '绿化', '减灾', '老龄工作', '妇女儿童', '残疾人工作', '征兵', '文物保护', '质量强市', '知识产权', '金融稳定', '社会信用', '政务公开', '城市管理', '乡村振兴', '营商环境', '数字经济', '国土调查', '污染防治'];
const KINDS = ['领导小组', '委员会', '联席会议', '指挥部', '协调小组'];
const UNITS = ['市发展改革委', '市教育局', '市科技局', '市工业和信息化局', '市公安局', '市民政局', '市司法局', '市财政局', '市人力资源社会保障局', '市自然资源和规划局', '市生态环境局', '市住房城乡建设局', '市交通运输局', '市水利局', '市农业农村局', '市商务局', '市文化和旅游局', '市卫生健康委', '市应急管理局', '市审计局', '市市场监管局', '市统计局', '市医保局', '市城管局'];
const POSTS = ['市长', '常务副市长', '分管副市长', '市委副书记', '市政府秘书长', '市政府副秘书长', '市委常委', '市人大常委会副主任', '市政协副主席'];

const START = Date.UTC(1995, 0, 1);
const END_ESTABLISH = Date.UTC(2020, 0, 1);
const END = '2026-01-01';

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

function sample<T>(random: () => number, list: readonly T[], count: number): T[] {
  const copy = [...list];
  const out: T[] = [];
  while (out.length < count && copy.length > 0) out.push(copy.splice(Math.floor(random() * copy.length), 1)[0]);
  return out;
}

function uuidOf(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Province-level codes of GB/T 2260, so every generated code passes the API's code check. */
const PROVINCE_CODES = [37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36];

/** A county-level code (01 of a prefecture 01–70): 370101, 370201, … 377001, 410101, … */
export function jurisdictionCode(index: number): string {
  const province = PROVINCE_CODES[Math.floor(index / 70) % PROVINCE_CODES.length];
  const prefecture = 1 + (index % 70);
  return `${province}${String(prefecture).padStart(2, '0')}01`;
}

/** Body histories, one at a time, so a million events never sit in memory together. */
export function* generateWorkload(options: WorkloadOptions): Generator<BodyHistory> {
  const random = prng(options.seed);
  for (let j = 0; j < options.jurisdictions; j++) {
    const jurisdiction = jurisdictionCode(j);
    for (let b = 0; b < options.bodiesPerJurisdiction; b++) {
      const bodyId = uuidOf(random);
      const temporary = random() < 0.3;
      const series = random() < 0.4 ? 'party' : 'government';
      const subject = pick(random, SUBJECTS);
      const kind = pick(random, KINDS);
      const established = new Date(START + Math.floor(random() * (END_ESTABLISH - START))).toISOString().slice(0, 10);
      const abolish = random() < (temporary ? 0.5 : 0.1);
      const abolishOn = abolish ? addDays(established, 180 + Math.floor(random() * 3000)) : undefined;
      const last = abolishOn && abolishOn < END ? abolishOn : END;
      let memberUnits = sample(random, UNITS, 5 + Math.floor(random() * 8));
      let deputies = sample(random, POSTS.slice(1), 1 + Math.floor(random() * 3)).map((title) => ({ title }));
      let name = `${jurisdiction}${subject}${b}${kind}`;
      const events: DraftEvent[] = [{
        type: 'BodyEstablished',
        effectiveDate: established,
        documentNo: `政发〔${established.slice(0, 4)}〕${b + 1}号`,
        reason: '工作需要',
        data: {
          bodyId, name, aliases: [], kind, series, duration: temporary ? 'temporary' : 'standing',
          ...(temporary ? { termEnd: addDays(established, 1460), abolitionCondition: '任务完成后撤销' } : {}),
          basis: { conditions: [2], text: '工作任务跨部门，需要经常组织协调' }, reason: '工作需要',
          leaders: [{ title: '市长' }], deputies, members: [], memberUnits,
          tasks: `统筹协调全市${subject}工作`, duties: `研究部署${subject}工作，协调解决重大问题`, hostDepartment: pick(random, UNITS),
        },
      }];
      let day = established;
      let reportYear = Number(established.slice(0, 4));
      for (;;) {
        day = addDays(day, 1 + Math.floor(random() * 144));
        while (`${reportYear + 1}-03-31` <= day && `${reportYear + 1}-03-31` < last) {
          reportYear++;
          events.push({ type: 'AnnualReportFiled', effectiveDate: `${reportYear}-03-31`, documentNo: '', data: { year: reportYear - 1, summary: `${reportYear - 1}年召开会议，部署${subject}工作`, meetingsHeld: Math.floor(random() * 5), filedOn: `${reportYear}-03-31` } });
        }
        if (day >= last) break;
        if (random() < 0.04) {
          const previousName = name;
          name = `${jurisdiction}${subject}${b}工作${kind}`.replace(/工作工作/, '工作');
          if (name === previousName) name = `${previousName}(${day.slice(0, 4)})`;
          events.push({ type: 'BodyRenamed', effectiveDate: day, documentNo: `政办字〔${day.slice(0, 4)}〕${b}号`, data: { previousName, newName: name, aliases: [] } });
        } else if (random() < 0.5) {
          memberUnits = sample(random, UNITS, 5 + Math.floor(random() * 8));
          events.push({ type: 'BodyAdjusted', effectiveDate: day, documentNo: `政办字〔${day.slice(0, 4)}〕${b}号`, data: { changes: { leaders: [{ title: '市长' }], deputies, memberUnits } } });
        } else {
          deputies = sample(random, POSTS.slice(1), 1 + Math.floor(random() * 3)).map((title) => ({ title }));
          events.push({ type: 'BodyAdjusted', effectiveDate: day, documentNo: `政办字〔${day.slice(0, 4)}〕${b}号`, data: { changes: { leaders: [{ title: '市长' }], deputies, memberUnits } } });
        }
      }
      if (abolishOn && abolishOn < END) {
        events.push({ type: 'BodyAbolished', effectiveDate: abolishOn, documentNo: `政发〔${abolishOn.slice(0, 4)}〕${b}号`, reason: '(二)工作任务已经完成的', data: { abolitionReason: 2, disposition: 'abolished' } });
      }
      yield { bodyId, jurisdiction, events };
    }
  }
}
