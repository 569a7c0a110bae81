/** A campaign's scope is judged on the bodies as they stood on the conclusion's date. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '#event-store';
import { DecisionExecutor, type Principal } from '#registry-app';
import { SupervisionQueries } from '../supervision.queries.js';
import { establish, units } from '#domain/testing';

const principal: Principal = { name: '潍坊市编办', role: 'registrar', jurisdictions: ['370700'] };

describe('清理规范 scope', () => {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-scope-'));
  const store = new SqliteEventStore(join(dir, 'events.sqlite'));
  const executor = new DecisionExecutor(store);
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a body of the 市政府 series on the conclusion\'s date is reviewed, though it moved to the 市委 series later', async () => {
    await executor.execute({ principal, command: establish('moved', '潍坊市精神文明建设委员会', '2020-01-01', units(3)) });
    await executor.execute({ principal, command: establish('kept', '潍坊市绿化委员会', '2020-01-01', units(3)) });
    await executor.execute({ principal, command: { type: 'ChangeAffiliation', bodyId: 'moved', series: 'party', documentNo: '潍发〔2022〕1号', effectiveDate: '2022-01-01' } });
    await executor.execute({ principal, command: { type: 'OpenCampaign', campaignId: 'c2021', jurisdiction: '370700', title: '市政府议事协调机构清理', scope: { series: 'government' }, documentNo: '潍编办发〔2021〕1号', effectiveDate: '2021-03-01' } });
    await executor.execute({ principal, command: { type: 'ConcludeCampaign', campaignId: 'c2021', documentNo: '潍政发〔2021〕9号', effectiveDate: '2021-06-01', keepUnlisted: true } });
    const summary = await new SupervisionQueries(store).campaign('370700', 'c2021');
    expect(summary).toMatchObject({ reviewed: 2, counts: { keep: 2 } });
    expect(summary!.outcomes.map((o) => o.name).sort()).toEqual(['潍坊市精神文明建设委员会', '潍坊市绿化委员会'].sort());
  });
});
