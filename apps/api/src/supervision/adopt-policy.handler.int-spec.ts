import { MUNICIPAL_POLICY } from '#domain';
import { CODE, principal, sliceBus, type SliceBus } from '../commands/testing/slice-bus.js';
import { AdoptPolicyCommand } from './adopt-policy.handler.js';

describe('管理办法 slice: AdoptPolicyCommand on the command bus', () => {
  let slice: SliceBus;
  beforeEach(async () => (slice = await sliceBus()));
  afterEach(() => slice.close());

  it('reaches its own handler and records PolicyAdopted on the jurisdiction’s stream', async () => {
    await slice.bus.execute(new AdoptPolicyCommand({ principal, command: { type: 'AdoptPolicy', jurisdiction: CODE, policy: { ...MUNICIPAL_POLICY, maxMemberUnits: 12 }, documentNo: '潍政办发〔2023〕1号', effectiveDate: '2023-01-01' } }));
    expect(slice.handled()).toEqual(['AdoptPolicyHandler']);
    expect(await slice.types(`jurisdiction-${CODE}`)).toEqual(['PolicyAdopted']);
  });
});
