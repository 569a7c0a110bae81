import { establish, units } from '#domain/testing';
import { CODE, principal, sliceBus, type SliceBus } from '../testing/slice-bus.js';
import { SplitBodyCommand } from './split-body.handler.js';

describe('分设 slice: SplitBodyCommand on the command bus', () => {
  let slice: SliceBus;
  beforeEach(async () => (slice = await sliceBus()));
  afterEach(() => slice.close());

  it('reaches its own handler and ends the source and establishes every new body in one append', async () => {
    await slice.establish('s1', '潍坊市食品药品安全委员会');
    const profile = (name: string) => establish('x', name, '2022-01-01', units(3)).profile;
    const answer = await slice.bus.execute(new SplitBodyCommand({
      principal,
      command: {
        type: 'SplitBody', jurisdiction: CODE, bodyId: 's1', documentNo: '潍政字〔2022〕4号', effectiveDate: '2022-01-01',
        into: [{ bodyId: 'n1', profile: profile('潍坊市食品安全委员会') }, { bodyId: 'n2', profile: profile('潍坊市疫苗流通监督工作领导小组') }],
      },
    }));
    expect(slice.handled()).toEqual(['EstablishBodyHandler', 'SplitBodyHandler']);
    expect(await slice.types('body-s1')).toEqual(['BodyEstablished', 'BodyAbolished']);
    expect(await slice.types('body-n1')).toEqual(['BodyEstablished']);
    expect(await slice.types('body-n2')).toEqual(['BodyEstablished']);
    const correlations = new Set((await slice.store.readAll({ after: 1 })).map((e) => e.correlationId));
    expect(correlations.size).toBe(1);
    expect(answer.eventIds).toHaveLength(3);
  });
});
