import { principal, sliceBus, type SliceBus } from '../testing/slice-bus.js';
import { SelfAbolishBodyCommand } from './self-abolish-body.handler.js';

describe('自行撤销 slice: SelfAbolishBodyCommand on the command bus', () => {
  let slice: SliceBus;
  beforeEach(async () => (slice = await sliceBus()));
  afterEach(() => slice.close());

  it('reaches its own handler and ends a temporary body under its establishing 文号', async () => {
    await slice.establish('t1', '潍坊市第一次全国污染源普查领导小组', '2020-01-01', (c) => ({ ...c, profile: { ...c.profile, duration: 'temporary', abolitionCondition: '普查任务完成后自行撤销' } }));
    await slice.bus.execute(new SelfAbolishBodyCommand({ principal, command: { type: 'SelfAbolishBody', bodyId: 't1', evidence: '普查成果已通过验收', effectiveDate: '2022-06-30' } }));
    expect(slice.handled()).toEqual(['EstablishBodyHandler', 'SelfAbolishBodyHandler']);
    const events = await slice.store.readStream('body-t1');
    expect(events.map((e) => e.type)).toEqual(['BodyEstablished', 'BodyAbolished']);
    expect(events[1].documentNo).toBe(events[0].documentNo);
  });
});
