import { CODE, principal, sliceBus, type SliceBus } from '../testing/slice-bus.js';
import { AdjustUnrecordedBodyCommand } from './adjust-unrecorded-body.handler.js';

describe('调整未登记机构 slice: AdjustUnrecordedBodyCommand on the command bus', () => {
  let slice: SliceBus;
  beforeEach(async () => (slice = await sliceBus()));
  afterEach(() => slice.close());

  it('reaches its own handler and records the body from the adjustment’s facts, then the adjustment', async () => {
    await slice.bus.execute(new AdjustUnrecordedBodyCommand({
      principal,
      command: {
        type: 'AdjustBody', bodyId: 'u1', changes: { memberUnits: ['市水利局', '市应急局'] }, documentNo: '潍政办字〔2021〕7号', effectiveDate: '2021-05-01',
        unrecorded: { jurisdiction: CODE, name: '潍坊市防汛抗旱工作领导小组', series: 'government' },
      },
    }));
    expect(slice.handled()).toEqual(['AdjustUnrecordedBodyHandler']);
    expect(await slice.types('body-u1')).toEqual(['BodyEstablished', 'BodyAdjusted']);
  });
});
