import { RuleViolationError } from '#domain';
import { principal, sliceBus, type SliceBus } from '../testing/slice-bus.js';
import { RenameBodyCommand } from './rename-body.handler.js';

describe('更名 slice: RenameBodyCommand on the command bus', () => {
  let slice: SliceBus;
  beforeEach(async () => (slice = await sliceBus()));
  afterEach(() => slice.close());
  const rename = (newName: string) =>
    slice.bus.execute(new RenameBodyCommand({ principal, command: { type: 'RenameBody', bodyId: 'b1', newName, documentNo: '潍政字〔2021〕3号', effectiveDate: '2021-01-01' } }));

  it('reaches its own handler and records BodyRenamed', async () => {
    await slice.establish('b1', '潍坊市城市更新工作领导小组');
    await rename('潍坊市城市更新和品质提升工作领导小组');
    expect(slice.handled()).toEqual(['EstablishBodyHandler', 'RenameBodyHandler']);
    expect(await slice.types('body-b1')).toEqual(['BodyEstablished', 'BodyRenamed']);
  });

  it('judges the new name against the jurisdiction’s other bodies (duplicate)', async () => {
    await slice.establish('b0', '潍坊市低空经济发展工作领导小组');
    await slice.establish('b1', '潍坊市城市更新工作领导小组');
    await expect(rename('潍坊市低空经济发展工作领导小组')).rejects.toThrow(RuleViolationError);
  });
});
