/** The executor judges each decision by the policy in force on its effective date, read from the jurisdiction stream. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MUNICIPAL_POLICY, RuleViolationError } from '#domain';
import { SqliteEventStore } from '#event-store';
import { DecisionExecutor, type Principal } from '#registry-app';
import { establish, units } from '#domain/testing';

const CODE = '370700';
const principal: Principal = { name: '潍坊市编办', role: 'registrar', jurisdictions: [CODE] };
describe('policyFor: the policy in force on the decision\'s date, from the jurisdiction stream', () => {
  const dir = mkdtempSync(join(tmpdir(), 'policy-adoption-'));
  const store = new SqliteEventStore(join(dir, 'events.sqlite'));
  const executor = new DecisionExecutor(store);

  beforeAll(async () => {
    await executor.execute({
      principal,
      command: { type: 'AdoptPolicy', jurisdiction: CODE, policy: { ...MUNICIPAL_POLICY, name: '某市办法', maxMemberUnits: 15 }, documentNo: '某办发〔2023〕1号', effectiveDate: '2024-01-01' },
    });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('市级办法 第八条: before the adoption, twelve member units need a stated need', async () => {
    await expect(executor.execute({ principal, command: establish('b1', '潍坊市数字经济发展领导小组', '2023-06-01', units(12)) })).rejects.toThrow(RuleViolationError);
  });

  it('from the adoption on, twelve are within its limit of fifteen and are recorded without one', async () => {
    await executor.execute({ principal, command: establish('b2', '潍坊市城市更新工作领导小组', '2024-06-01', units(12)) });
    const [event] = await store.readStream('body-b2');
    expect(event.waivedRules).toBeUndefined();
  });

  it('a correction in the jurisdiction stream (of a baseline) does not stop later decisions', async () => {
    const baseline = await executor.execute({ principal, command: { type: 'SetQuotaBaseline', jurisdiction: CODE, total: 66, documentNo: '潍政办字〔2020〕37号', effectiveDate: '2020-03-31' } });
    await executor.execute({ principal, command: { type: 'CorrectEvent', eventId: baseline.eventIds[0], fields: { total: 67 }, reason: '录入有误' } });
    await executor.execute({ principal, command: establish('b3', '潍坊市低空经济发展工作领导小组', '2024-07-01', units(5)) });
    expect((await store.readStream('body-b3')).length).toBe(1);
  });

  it('a policy that cannot judge is refused and nothing is written', async () => {
    const head = await store.headPosition();
    await expect(executor.execute({ principal, command: { type: 'AdoptPolicy', jurisdiction: CODE, policy: { ...MUNICIPAL_POLICY, maxMemberUnits: 0 }, documentNo: 'x', effectiveDate: '2025-01-01' } })).rejects.toThrow(RuleViolationError);
    expect(await store.headPosition()).toBe(head);
  });
});
