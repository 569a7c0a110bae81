import { StaleVersionError } from '#registry-app';
import { principal, sliceBus, type SliceBus } from '../testing/slice-bus.js';
import { AdjustBodyCommand } from './adjust-body.handler.js';

describe('调整 slice: AdjustBodyCommand on the command bus', () => {
  let slice: SliceBus;
  beforeEach(async () => (slice = await sliceBus()));
  afterEach(() => slice.close());
  const adjust = (expectedVersion?: number) =>
    slice.bus.execute(new AdjustBodyCommand({ principal, expectedVersion, command: { type: 'AdjustBody', bodyId: 'b1', changes: { memberUnits: ['市发展改革委', '市财政局'] }, documentNo: '潍政字〔2021〕2号', effectiveDate: '2021-01-01' } }));

  it('reaches its own handler and records BodyAdjusted on the body’s stream', async () => {
    await slice.establish('b1', '潍坊市城市更新工作领导小组');
    expect(await adjust(1)).toMatchObject({ bodyId: 'b1', version: 2 });
    expect(slice.handled()).toEqual(['EstablishBodyHandler', 'AdjustBodyHandler']);
    expect(await slice.types('body-b1')).toEqual(['BodyEstablished', 'BodyAdjusted']);
  });

  it('refuses a stale expectedVersion and records nothing', async () => {
    await slice.establish('b1', '潍坊市城市更新工作领导小组');
    await expect(adjust(0)).rejects.toBeInstanceOf(StaleVersionError);
    expect(await slice.types('body-b1')).toEqual(['BodyEstablished']);
  });
});
