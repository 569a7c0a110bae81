import { RuleViolationError } from '#domain';
import { establish, units } from '#domain/testing';
import { CODE, principal, sliceBus, type SliceBus } from '../testing/slice-bus.js';
import { SetQuotaBaselineCommand } from '../set-quota-baseline/set-quota-baseline.handler.js';
import { EstablishBodyCommand } from './establish-body.handler.js';

describe('设立 slice: EstablishBodyCommand on the command bus', () => {
  let slice: SliceBus;
  beforeEach(async () => (slice = await sliceBus()));
  afterEach(() => slice.close());

  it('reaches its own handler and records BodyEstablished on the body stream', async () => {
    const answer = await slice.bus.execute(new EstablishBodyCommand({ principal, command: establish('b1', '潍坊市城市更新工作领导小组', '2020-01-01', units(3)) }));
    expect(answer).toMatchObject({ bodyId: 'b1', version: 1 });
    expect(slice.handled()).toEqual(['EstablishBodyHandler']);
    expect(await slice.types('body-b1')).toEqual(['BodyEstablished']);
  });

  it('is judged against the jurisdiction’s other bodies: over the baseline (第四条) it needs a stated need', async () => {
    await slice.bus.execute(new SetQuotaBaselineCommand({ principal, command: { type: 'SetQuotaBaseline', jurisdiction: CODE, total: 1, documentNo: '潍政办字〔2020〕37号', effectiveDate: '2020-01-01' } }));
    await slice.establish('b1', '潍坊市城市更新工作领导小组');
    await expect(slice.establish('b2', '潍坊市低空经济发展工作领导小组')).rejects.toThrow(RuleViolationError);
    expect(await slice.types('body-b2')).toEqual([]);
  });
});
