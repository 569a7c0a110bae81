import { CODE, principal, sliceBus, type SliceBus } from '../commands/testing/slice-bus.js';
import { CampaignDecisionCommand } from './campaign.handler.js';

describe('清理规范 slice: CampaignDecisionCommand on the command bus', () => {
  let slice: SliceBus;
  beforeEach(async () => (slice = await sliceBus()));
  afterEach(() => slice.close());

  it('reaches its own handler: opening, then a conclusion that abolishes a body in the same append', async () => {
    await slice.establish('b1', '潍坊市城市更新工作领导小组');
    const run = (command: CampaignDecisionCommand['request']['command']) => slice.bus.execute(new CampaignDecisionCommand({ principal, command }));
    await run({ type: 'OpenCampaign', campaignId: 'c1', jurisdiction: CODE, title: '议事协调机构清理', documentNo: '潍编办发〔2021〕1号', effectiveDate: '2021-03-01' });
    await run({ type: 'ConcludeCampaign', campaignId: 'c1', outcomes: [{ bodyId: 'b1', outcome: 'abolish' }], documentNo: '潍政发〔2021〕9号', effectiveDate: '2021-06-01' });
    expect(slice.handled()).toEqual(['EstablishBodyHandler', 'CampaignHandler', 'CampaignHandler']);
    expect(await slice.types('campaign-c1')).toEqual(['CampaignOpened', 'CampaignConcluded']);
    expect((await slice.types('body-b1')).at(-1)).toBe('BodyAbolished');
  });
});
