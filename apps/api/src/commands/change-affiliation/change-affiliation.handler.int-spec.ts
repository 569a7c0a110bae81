import { principal, sliceBus, type SliceBus } from '../testing/slice-bus.js';
import { ChangeAffiliationCommand } from './change-affiliation.handler.js';

describe('改变隶属关系 slice: ChangeAffiliationCommand on the command bus', () => {
  let slice: SliceBus;
  beforeEach(async () => (slice = await sliceBus()));
  afterEach(() => slice.close());

  it('reaches its own handler and records BodyAffiliationChanged', async () => {
    await slice.establish('b1', '潍坊市城市更新工作领导小组');
    await slice.bus.execute(new ChangeAffiliationCommand({ principal, command: { type: 'ChangeAffiliation', bodyId: 'b1', series: 'party', documentNo: '潍发〔2022〕1号', effectiveDate: '2022-01-01' } }));
    expect(slice.handled()).toEqual(['EstablishBodyHandler', 'ChangeAffiliationHandler']);
    expect(await slice.types('body-b1')).toEqual(['BodyEstablished', 'BodyAffiliationChanged']);
  });
});
