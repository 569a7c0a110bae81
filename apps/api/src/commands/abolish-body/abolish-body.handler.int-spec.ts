import { BodyNotFoundError, JurisdictionForbiddenError } from '#registry-app';
import { principal, sliceBus, type SliceBus } from '../testing/slice-bus.js';
import { AbolishBodyCommand } from './abolish-body.handler.js';

describe('撤销 slice: AbolishBodyCommand on the command bus', () => {
  let slice: SliceBus;
  beforeEach(async () => (slice = await sliceBus()));
  afterEach(() => slice.close());
  const abolish = (bodyId: string, who = principal) =>
    slice.bus.execute(new AbolishBodyCommand({ principal: who, command: { type: 'AbolishBody', bodyId, abolitionReason: 1, disposition: 'abolished', documentNo: '潍政字〔2022〕5号', effectiveDate: '2022-01-01' } }));

  it('reaches its own handler and records BodyAbolished', async () => {
    await slice.establish('b1', '潍坊市城市更新工作领导小组');
    await abolish('b1');
    expect(slice.handled()).toEqual(['EstablishBodyHandler', 'AbolishBodyHandler']);
    expect(await slice.types('body-b1')).toEqual(['BodyEstablished', 'BodyAbolished']);
  });

  it('a body not on file is 404; a registrar of another jurisdiction may not decide', async () => {
    await expect(abolish('nobody')).rejects.toBeInstanceOf(BodyNotFoundError);
    await slice.establish('b1', '潍坊市城市更新工作领导小组');
    await expect(abolish('b1', { ...principal, jurisdictions: ['370100'] })).rejects.toBeInstanceOf(JurisdictionForbiddenError);
  });
});
