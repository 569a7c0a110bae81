import { sliceFor } from './decision-executor.js';
import * as slices from './slices/index.js';

describe('DecisionExecutor facade: each command goes to its own slice', () => {
  const record = { documentNo: '潍政字〔2021〕1号', effectiveDate: '2021-01-01' };
  const cases: Array<[Parameters<typeof sliceFor>[0], unknown]> = [
    [{ type: 'EstablishBody', bodyId: 'b', jurisdiction: '370700', profile: {} as never, ...record }, slices.establishBody],
    [{ type: 'AdjustBody', bodyId: 'b', changes: {}, ...record }, slices.adjustBody],
    [{ type: 'AdjustBody', bodyId: 'b', changes: {}, unrecorded: { jurisdiction: '370700', name: 'x', series: 'government' }, ...record }, slices.adjustUnrecordedBody],
    [{ type: 'RenameBody', bodyId: 'b', newName: 'x', ...record }, slices.renameBody],
    [{ type: 'ChangeAffiliation', bodyId: 'b', series: 'party', ...record }, slices.changeAffiliation],
    [{ type: 'AbolishBody', bodyId: 'b', abolitionReason: 1, disposition: 'abolished', ...record }, slices.abolishBody],
    [{ type: 'SelfAbolishBody', bodyId: 'b', evidence: 'x', effectiveDate: '2021-01-01' }, slices.selfAbolishBody],
    [{ type: 'FileAnnualReport', bodyId: 'b', year: 2020, summary: 'x', meetingsHeld: 1, filedOn: '2021-01-01', ...record }, slices.fileAnnualReport],
    [{ type: 'SplitBody', bodyId: 'b', jurisdiction: '370700', into: [], ...record }, slices.splitBody],
    [{ type: 'MergeBodies', mergerId: 'm', jurisdiction: '370700', mergerReason: 1, sourceBodyIds: [], target: { kind: 'existing', bodyId: 'b' }, ...record }, slices.mergeBodies],
    [{ type: 'CorrectEvent', eventId: 'e', reason: 'x' }, slices.correctEvent],
    [{ type: 'SetQuotaBaseline', jurisdiction: '370700', total: 1, ...record }, slices.setQuotaBaseline],
    [{ type: 'AdoptPolicy', jurisdiction: '370700', policy: {} as never, ...record }, slices.adoptPolicy],
    [{ type: 'OpenCampaign', campaignId: 'c', jurisdiction: '370700', title: 'x', ...record }, slices.campaign],
    [{ type: 'ListCampaignOutcomes', campaignId: 'c', outcomes: [], effectiveDate: '2021-01-01' }, slices.campaign],
    [{ type: 'ConcludeCampaign', campaignId: 'c', ...record }, slices.campaign],
  ];
  it.each(cases.map(([command, slice]) => [command.type + ('unrecorded' in command ? ' (unrecorded)' : ''), command, slice] as const))('%s', (_name, command, slice) => {
    expect(sliceFor(command)).toBe(slice);
  });

  it('every slice is reached by some command', () => {
    expect(new Set(cases.map(([, slice]) => slice)).size).toBe(Object.keys(slices).length);
  });
});
