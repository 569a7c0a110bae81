/**
 * The bench's decision phase: the demo history (演示市, 2001–2026: establishments, renames,
 * adjustments, affiliation changes, abolitions, mergers, quota baselines, annual reports)
 * relocated to jurisdictions of its own, executed through the real command path
 * (DecisionExecutor: load, fold, rules, hash chain, idempotency), then what auditors ask about:
 * bodies recorded years late, corrections of recorded facts, a quota baseline recorded late,
 * with the moments in between kept as `knownAt` values for the as-of comparison.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DEMO_JURISDICTION, demoHistory, type PlannedCommand } from '#official-list';
import { DecisionExecutor, type Principal, type WriteResult } from '#registry-app';
import type { EventStore } from '#event-store';

const PRINCIPAL: Principal = { name: 'bench', role: 'registrar', jurisdictions: ['*'] };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The demo plan with its jurisdiction code, ids and idempotency keys replaced. */
function relocate(plan: readonly PlannedCommand[], code: string): PlannedCommand[] {
  const ids = new Map<string, string>();
  const text = JSON.stringify(plan)
    .replaceAll(DEMO_JURISDICTION, code)
    .replace(UUID, (id) => {
      let mapped = ids.get(id);
      if (!mapped) ids.set(id, (mapped = randomUUID()));
      return mapped;
    });
  return JSON.parse(text) as PlannedCommand[];
}

export interface DecisionPhase {
  jurisdictions: string[];
  /** Instants between the steps, oldest first: the knownAt values of the as-of comparison. */
  moments: string[];
  decisions: number;
  events: number;
  seconds: number;
  decisionsPerSecond: number;
  /** The same requests sent again with their Idempotency-Key: answered from the log, nothing appended. */
  idempotentRepeats: { requests: number; perSecond: number };
  byKind: Record<string, number>;
}

export async function runDecisionPhase(eventStore: EventStore, codes: string[], log: (line: string) => void): Promise<DecisionPhase> {
  const executor = new DecisionExecutor(eventStore);
  const demo = demoHistory();
  const moments: string[] = [];
  const byKind: Record<string, number> = {};
  const answered: Array<{ request: Parameters<DecisionExecutor['execute']>[0]; answer: WriteResult }> = [];
  let decisions = 0;
  let events = 0;
  const tick = async () => {
    moments.push(new Date().toISOString());
    await new Promise((r) => setTimeout(r, 2));
  };
  const execute = async (kind: string, command: PlannedCommand['command'], idempotencyKey = `bench:${randomUUID()}`) => {
    const request = { command, principal: PRINCIPAL, idempotencyKey, requestHash: `bench:${idempotencyKey}` };
    const answer = await executor.execute(request);
    answered.push({ request, answer });
    decisions++;
    events += answer.eventIds.length;
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    return answer;
  };

  const started = performance.now();
  for (const code of codes) {
    const plan = relocate(demo, code);
    // The story in order, with a moment kept at each quarter.
    const establishments: Array<{ eventId: string; effectiveDate: string; documentNo: string }> = [];
    for (const [i, { command, idempotencyKey }] of plan.entries()) {
      if (i % Math.ceil(plan.length / 4) === 0) await tick();
      const answer = await execute(command.type, command, idempotencyKey);
      if (command.type === 'EstablishBody') establishments.push({ eventId: answer.eventIds[0], effectiveDate: command.effectiveDate, documentNo: command.documentNo });
    }
    await tick();
    // Late recordings: bodies set up years ago that the registry learns of only now.
    const late: Array<{ eventId: string; effectiveDate: string; bodyId: string }> = [];
    for (let n = 0; n < 12; n++) {
      const effectiveDate = `${2004 + n}-0${1 + (n % 9)}-1${n % 10}`;
      const bodyId = randomUUID();
      const answer = await execute('EstablishBody (late)', {
        type: 'EstablishBody',
        bodyId,
        jurisdiction: code,
        origin: 'decision',
        documentNo: `补政发〔${effectiveDate.slice(0, 4)}〕${n + 1}号`,
        effectiveDate,
        reason: '补录',
        justifications: { quota: '当年已发文设立，补录登记', duplicate: '补录的专项工作各不相同，名称相近而职责不同' },
        profile: {
          name: `${code}补录第${n + 1}专项工作领导小组`,
          series: n % 3 === 0 ? 'party' : 'government',
          duration: 'standing',
          basis: { conditions: [2], text: '工作任务跨部门，需要经常组织协调' },
          reason: '补录',
          leaders: [{ title: '分管副市长', rank: 'deputy-bureau' }],
          deputies: [{ title: '市政府副秘书长', rank: 'county' }],
          memberUnits: ['市发展改革委', '市财政局', '市统计局', '市审计局', '市公安局'],
          tasks: `统筹协调第${n + 1}专项工作`,
          duties: `研究部署第${n + 1}专项工作中跨部门的重大事项，第${n}号`,
          hostDepartment: '市发展改革委',
        },
      } as PlannedCommand['command']);
      late.push({ eventId: answer.eventIds[0], effectiveDate, bodyId });
    }
    await tick();
    // A quota baseline recorded late, in force from 2010.
    await execute('SetQuotaBaseline (late)', { type: 'SetQuotaBaseline', jurisdiction: code, total: 60, documentNo: `补编发〔2010〕${code}号`, effectiveDate: '2010-01-01', justifications: { quota: '补录' } } as PlannedCommand['command']);
    await tick();
    // Corrections: a late body's date was wrong (one year earlier), a story body's document number.
    for (const [n, body] of late.entries()) {
      if (n % 2 !== 0) continue;
      const corrected = `${Number(body.effectiveDate.slice(0, 4)) - 1}${body.effectiveDate.slice(4)}`;
      await execute('CorrectEvent (effective date)', { type: 'CorrectEvent', eventId: body.eventId, effectiveDate: corrected, reason: '设立日期登记有误，以原文为准' } as PlannedCommand['command']);
    }
    for (const target of establishments.slice(0, 10)) {
      await execute('CorrectEvent (document)', { type: 'CorrectEvent', eventId: target.eventId, documentNo: `${target.documentNo}(更正)`, reason: '文号登记有误' } as PlannedCommand['command']);
    }
    await tick();
  }
  const seconds = (performance.now() - started) / 1000;
  log(`决定(经 DecisionExecutor) ${decisions} 项，${events} 个事件，${Math.round(decisions / seconds)} 项/秒`);

  // Every request again with its key: the executor answers from the log and appends nothing.
  const head = await eventStore.headPosition();
  const repeatStarted = performance.now();
  for (const { request, answer } of answered) {
    const again = await executor.execute(request);
    if (again.position !== answer.position || again.eventIds.join() !== answer.eventIds.join()) throw new Error(`idempotent repeat answered differently: ${JSON.stringify({ answer, again })}`);
  }
  const repeatSeconds = (performance.now() - repeatStarted) / 1000;
  if ((await eventStore.headPosition()) !== head) throw new Error('an idempotent repeat appended events');

  return {
    jurisdictions: codes,
    moments,
    decisions,
    events,
    seconds,
    decisionsPerSecond: decisions / seconds,
    idempotentRepeats: { requests: answered.length, perSecond: answered.length / repeatSeconds },
    byKind,
  };
}
