import { CODE, principal, sliceBus, type SliceBus } from '../testing/slice-bus.js';
import { MergeBodiesCommand } from './merge-bodies.handler.js';

describe('合并 slice: MergeBodiesCommand on the command bus', () => {
  let slice: SliceBus;
  beforeEach(async () => (slice = await sliceBus()));
  afterEach(() => slice.close());

  it('reaches its own handler and records one BodiesMerged fact with each body’s marker', async () => {
    await slice.establish('a', '潍坊市防汛抗旱指挥部');
    await slice.establish('b', '潍坊市森林防灭火指挥部');
    await slice.bus.execute(new MergeBodiesCommand({
      principal,
      command: { type: 'MergeBodies', mergerId: 'm1', jurisdiction: CODE, mergerReason: 1, sourceBodyIds: ['a'], target: { kind: 'existing', bodyId: 'b' }, documentNo: '潍政字〔2022〕6号', effectiveDate: '2022-01-01' },
    }));
    expect(slice.handled()).toEqual(['EstablishBodyHandler', 'EstablishBodyHandler', 'MergeBodiesHandler']);
    expect(await slice.types('merger-m1')).toEqual(['BodiesMerged']);
    expect((await slice.types('body-a')).at(-1)).toBe('BodyMergedAway');
    expect((await slice.types('body-b')).at(-1)).toBe('BodyAbsorbedMerger');
  });
});
