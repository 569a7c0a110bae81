import { CODE, principal, sliceBus, type SliceBus } from '../testing/slice-bus.js';
import { SetQuotaBaselineCommand } from './set-quota-baseline.handler.js';

describe('总量控制基准 slice: SetQuotaBaselineCommand on the command bus', () => {
  let slice: SliceBus;
  beforeEach(async () => (slice = await sliceBus()));
  afterEach(() => slice.close());

  it('reaches its own handler and records the baseline on the jurisdiction’s stream', async () => {
    await slice.bus.execute(new SetQuotaBaselineCommand({ principal, command: { type: 'SetQuotaBaseline', jurisdiction: CODE, total: 66, documentNo: '潍政办字〔2020〕37号', effectiveDate: '2020-03-31' } }));
    expect(slice.handled()).toEqual(['SetQuotaBaselineHandler']);
    expect(await slice.types(`jurisdiction-${CODE}`)).toEqual(['QuotaBaselineSet']);
  });
});
