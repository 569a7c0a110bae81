/**
 * Decisions racing in one jurisdiction are judged one after the other against its other bodies:
 * the second sees what the first recorded, as if they had come one after the other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RuleViolationError } from '#domain';
import { SqliteEventStore } from '#event-store';
import { establish as establishBody, units } from '#domain/testing';
import { DecisionExecutor } from './decision-executor.js';
import { JurisdictionBusyError } from './errors.js';
import type { Principal } from './principal.js';

const CODE = '370700';
const principal: Principal = { name: '潍坊市编办', role: 'registrar', jurisdictions: [CODE] };
const establish = (bodyId: string, name: string) => establishBody(bodyId, name, '2024-06-01', units(3));
const rulesBroken = (result: PromiseSettledResult<unknown>) =>
  result.status === 'rejected' && result.reason instanceof RuleViolationError ? result.reason.violations.map((v) => v.rule) : [];

describe('DecisionExecutor: decisions racing in one jurisdiction', () => {
  const dir = mkdtempSync(join(tmpdir(), 'executor-race-'));
  let n = 0;
  const fresh = () => {
    const store = new SqliteEventStore(join(dir, `events-${++n}.sqlite`));
    return { store, executor: new DecisionExecutor(store) };
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('two establishments for the last place under the quota: the second counts the first and needs a stated need', async () => {
    const { store, executor } = fresh();
    await executor.execute({ principal, command: { type: 'SetQuotaBaseline', jurisdiction: CODE, total: 1, documentNo: '潍政办字〔2020〕37号', effectiveDate: '2020-03-31' } });
    const results = await Promise.allSettled([
      executor.execute({ principal, command: establish('a', '潍坊市低空经济发展工作领导小组') }),
      executor.execute({ principal, command: establish('b', '潍坊市城市更新工作领导小组') }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.flatMap(rulesBroken)).toEqual(['quota']);
    expect((await store.readAll({ types: ['BodyEstablished'] })).length).toBe(1);
    await store.close();
  });

  it('two processes establishing for the last place under the quota: the one that appends second is judged again, with the first counted', async () => {
    const { store } = fresh();
    // two executors on one store, each with its own locks, as two processes on one file would be
    const [server, cli] = [new DecisionExecutor(store), new DecisionExecutor(store)];
    await server.execute({ principal, command: { type: 'SetQuotaBaseline', jurisdiction: CODE, total: 1, documentNo: '潍政办字〔2020〕37号', effectiveDate: '2020-03-31' } });
    const results = await Promise.allSettled([
      server.execute({ principal, command: establish('p', '潍坊市低空经济发展工作领导小组') }),
      cli.execute({ principal, command: establish('q', '潍坊市城市更新工作领导小组') }),
    ]);
    expect(results.flatMap(rulesBroken)).toEqual(['quota']);
    expect((await store.readAll({ types: ['BodyEstablished'] })).length).toBe(1);
    await store.close();
  });

  it('a merger sent twice at once with one idempotency key: both get the first one\'s answer', async () => {
    const { store, executor } = fresh();
    await executor.execute({ principal, command: establish('s1', '潍坊市防汛抗旱指挥部') });
    await executor.execute({ principal, command: establish('s2', '潍坊市森林防灭火指挥部') });
    const target = establish('t', '潍坊市防灾减灾救灾委员会');
    const merge = {
      principal,
      idempotencyKey: 'merger-2024-1',
      command: {
        type: 'MergeBodies' as const,
        mergerId: 'm1',
        jurisdiction: CODE,
        documentNo: '潍政字〔2024〕45号',
        effectiveDate: '2024-09-01',
        mergerReason: 1 as const,
        sourceBodyIds: ['s1', 's2'],
        target: { kind: 'new' as const, bodyId: 't', profile: target.profile },
      },
    };
    const [first, second] = await Promise.all([executor.execute(merge), executor.execute(merge)]);
    expect(second).toEqual(first);
    expect((await store.readAll({ types: ['BodiesMerged'] })).length).toBe(1);
    await store.close();
  });

  it('answers 409 (JurisdictionBusyError) to a decision kept waiting too long by another of its jurisdiction, and writes nothing for it', async () => {
    const store = new SqliteEventStore(join(dir, `events-${++n}.sqlite`));
    let release: () => void = () => undefined;
    const appendOnce = store.append.bind(store);
    let held = false;
    // the first append hangs until released, holding the jurisdiction's lock
    store.append = async (writes) => {
      if (!held) {
        held = true;
        await new Promise<void>((resolve) => (release = resolve));
      }
      return appendOnce(writes);
    };
    const executor = new DecisionExecutor(store, undefined, undefined, 50);
    const first = executor.execute({ principal, command: establish('e', '潍坊市低空经济发展工作领导小组') });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(executor.execute({ principal, command: establish('f', '潍坊市城市更新工作领导小组') })).rejects.toBeInstanceOf(JurisdictionBusyError);
    release();
    await first;
    expect((await store.readAll({ types: ['BodyEstablished'] })).map((e) => e.bodyId)).toEqual(['e']);
    await store.close();
  });

  it('two establishments of the same body under two ids: the second is told of the first', async () => {
    const { store, executor } = fresh();
    const results = await Promise.allSettled([
      executor.execute({ principal, command: establish('c', '潍坊市数字经济发展领导小组') }),
      executor.execute({ principal, command: establish('d', '潍坊市数字经济发展领导小组') }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.flatMap(rulesBroken)).toEqual(['duplicate']);
    await store.close();
  });
});
