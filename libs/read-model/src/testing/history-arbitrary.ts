/**
 * Random, valid registry histories for property tests. fast-check draws a list of plain step
 * records (so it can shrink them); `historyFromSteps` plays them against a small write-side
 * simulator that only records what the deciders would accept: no decision on a body that is
 * abolished or merged away, none dated before its establishment. Dates are drawn freely from
 * there, so many events are recorded late (earlier than dates already recorded); corrections
 * move dates and fields of earlier events; several appends may share one recording instant.
 */
import fc from 'fast-check';
import { addDays, type AbolitionDisposition, type Series } from '#domain';
import type { StoredEvent } from '#event-store';
import { RegistryLog } from './registry-log.js';

export interface Step {
  op: number;
  pick: number;
  pick2: number;
  days: number;
  flag: boolean;
  gap: number;
}

export const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  op: fc.integer({ min: 0, max: 99 }),
  pick: fc.nat({ max: 1000 }),
  pick2: fc.nat({ max: 1000 }),
  days: fc.oneof(fc.integer({ min: 0, max: 500 }), fc.constantFrom(0, 30, 61, 92, 183)),
  flag: fc.boolean(),
  gap: fc.constantFrom(0, 1, 1000, 3_600_000, 86_400_000),
});

export const historyArbitrary = (maxSteps = 60) => fc.array(stepArbitrary, { minLength: 1, maxLength: maxSteps, size: 'max' });

export const JURISDICTIONS = ['370700', '370783'] as const;
const NAMES = ['防汛抗旱指挥部', '安全生产委员会', '食品安全委员会', '乡村振兴领导小组', '河长制联席会议', '招商引资协调小组', '国防动员委员会', '爱国卫生运动委员会'];
const DEPARTMENTS = ['市政府办公室', '市委办公室', '市应急管理局', '市农业农村局'];
const DISPOSITIONS: AbolitionDisposition[] = ['abolished', 'delisted', 'joint-meeting'];
const BASE_DATE = '2020-01-01';

interface SimBody {
  id: string;
  jurisdiction: string;
  establishedOn: string;
  active: boolean;
  series: Series;
}

export interface GeneratedHistory {
  events: StoredEvent[];
  bodyIds: string[];
}

export function historyFromSteps(steps: readonly Step[]): GeneratedHistory {
  const log = new RegistryLog();
  let clock = Date.parse('2024-01-01T00:00:00.000Z');
  const bodies: SimBody[] = [];
  let mergers = 0;
  const correctable: StoredEvent[] = [];
  const choose = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);

  const establish = (step: Step, jurisdiction: string, date: string) => {
    const id = `b${bodies.length + 1}`;
    const series: Series = step.flag ? 'party' : 'government';
    const temporary = step.pick2 % 3 === 0;
    const event = log.establish(id, date, {
      jurisdiction,
      name: `${NAMES[step.pick % NAMES.length]}${bodies.length + 1}`,
      series,
      duration: temporary ? 'temporary' : 'standing',
      ...(temporary ? { termEnd: addDays(date, 400) } : {}),
      hostDepartment: DEPARTMENTS[step.pick2 % DEPARTMENTS.length],
      ...(step.pick2 % 5 === 1 ? { aliases: [`别名${bodies.length + 1}`] } : {}),
      ...(step.pick2 % 7 === 2 ? { origin: 'import' as const } : {}),
    });
    bodies.push({ id, jurisdiction, establishedOn: date, active: true, series });
    correctable.push(event);
  };

  for (const step of steps) {
    clock += step.gap;
    log.recordAt(new Date(clock).toISOString());
    const active = bodies.filter((b) => b.active);
    const body = choose(active, step.pick);
    const dateFor = (b: SimBody) => addDays(b.establishedOn, step.days);
    const op = step.op;
    if (op < 18 || !body) {
      establish(step, JURISDICTIONS[step.pick2 % 2], addDays(BASE_DATE, step.days));
    } else if (op < 36) {
      const changes =
        step.pick2 % 3 === 0
          ? { hostDepartment: DEPARTMENTS[step.pick % DEPARTMENTS.length] }
          : step.pick2 % 3 === 1
            ? { memberUnits: [`成员单位${step.pick}`] }
            : step.flag
              ? { duration: 'temporary' as const, termEnd: addDays(dateFor(body), 300), abolitionCondition: '任务完成' }
              : { kind: '委员会' as const, leaders: [{ title: `组长${step.pick}` }] };
      correctable.push(log.adjust(body.id, dateFor(body), changes));
    } else if (op < 44) {
      correctable.push(log.rename(body.id, dateFor(body), `${NAMES[step.pick2 % NAMES.length]}（更名${step.pick}）`, step.flag ? [`简称${step.pick2}`] : []));
    } else if (op < 49) {
      body.series = body.series === 'party' ? 'government' : 'party';
      correctable.push(log.changeAffiliation(body.id, dateFor(body), body.series));
    } else if (op < 56) {
      body.active = false;
      correctable.push(log.abolish(body.id, dateFor(body), ((step.pick2 % 8) + 1) as 1, DISPOSITIONS[step.pick2 % 3]));
    } else if (op < 64) {
      const peers = active.filter((b) => b.jurisdiction === body.jurisdiction && b.id !== body.id);
      const newTarget = step.flag || peers.length === 0;
      const sources = newTarget ? [body, ...(choose(peers, step.pick2) ? [choose(peers, step.pick2)!] : [])] : [body];
      if (newTarget && sources.length < 2) {
        establish(step, body.jurisdiction, addDays(BASE_DATE, step.days));
        continue;
      }
      const target = newTarget ? undefined : choose(peers, step.pick2)!;
      const involved = target ? [...sources, target] : sources;
      const date = addDays(involved.map((b) => b.establishedOn).sort().at(-1)!, step.days % 200);
      const mergerId = `m${++mergers}`;
      const targetId = target?.id ?? `b${bodies.length + 1}`;
      const event = log.merge({
        mergerId,
        date,
        sources: sources.map((b) => b.id),
        target: target ? { bodyId: target.id } : { bodyId: targetId, establish: { name: `合并设立委员会${mergers}`, series: body.series } },
        reason: ((step.pick % 3) + 1) as 1,
      });
      for (const source of sources) source.active = false;
      if (!target) bodies.push({ id: targetId, jurisdiction: body.jurisdiction, establishedOn: date, active: true, series: body.series });
      correctable.push(event);
    } else if (op < 72) {
      correctable.push(log.fileReport(body.id, dateFor(body), 2020 + (step.pick % 5), step.pick2 % 10));
    } else if (op < 78) {
      const jurisdiction = JURISDICTIONS[step.pick % 2];
      const series = step.pick2 % 3 === 0 ? ('party' as const) : undefined;
      correctable.push(log.setBaseline(jurisdiction, addDays(BASE_DATE, step.days), step.pick2 % 6, series ? { series } : {}));
    } else {
      const target = choose(correctable, step.pick);
      if (!target) continue;
      log.correct(target, correctionOf(target, step));
    }
  }
  return { events: log.events, bodyIds: bodies.map((b) => b.id) };
}

function correctionOf(target: StoredEvent, step: Step): { fields?: Record<string, unknown>; effectiveDate?: string } {
  const moved = addDays(target.effectiveDate, (step.days % 240) - 120);
  if (step.pick2 % 3 === 0) return { effectiveDate: moved };
  switch (target.type) {
    case 'BodyEstablished':
      return step.flag
        ? { fields: { name: `更正名称${step.pick}` } }
        : { fields: { hostDepartment: DEPARTMENTS[step.pick % DEPARTMENTS.length], series: step.pick % 2 ? 'party' : 'government' } };
    case 'BodyAdjusted':
      return { fields: { changes: { hostDepartment: `更正承办${step.pick}` } } };
    case 'BodyRenamed':
      return { fields: { newName: `更正新名${step.pick}`, ...(step.flag ? { aliases: ['更正别名'] } : {}) } };
    case 'BodyAffiliationChanged':
      return { effectiveDate: moved };
    case 'BodyAbolished':
      return { fields: { disposition: DISPOSITIONS[step.pick % 3] }, ...(step.flag ? { effectiveDate: moved } : {}) };
    case 'AnnualReportFiled':
      return { fields: { meetingsHeld: step.pick % 9, year: 2020 + (step.pick2 % 4) } };
    case 'BodiesMerged':
      return step.flag ? { effectiveDate: moved } : { fields: { mergerReason: ((step.pick % 3) + 1) as 1 } };
    case 'QuotaBaselineSet':
      return { fields: { total: step.pick % 7, ...(step.flag ? { series: 'government' } : {}) } };
  }
  return { effectiveDate: moved };
}
