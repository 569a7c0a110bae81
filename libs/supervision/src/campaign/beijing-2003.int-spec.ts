/**
 * A campaign shaped like 北京清理 (京政发[2003]9号): the demo's 96 government bodies before its
 * 2003 campaign are reviewed; the outcomes the demo records as plain abolitions are listed as
 * the campaign's instead, and one conclusion decides them all in one append.
 */
import type { AbolishBody, CampaignOutcome } from '#domain';
import { DEMO_CAMPAIGN, DEMO_JURISDICTION } from '#official-list';
import { MemoryReadStore, Projector, RegistryQueries } from '#read-model';
import { SupervisionQueries } from '../supervision.queries.js';
import { DEMO_REGISTRAR, demoStore, type DemoStore } from '../testing/demo-store.js';

const CAMPAIGN = 'yan-2003';
const KIND = { abolished: 'abolish', delisted: 'delist', 'joint-meeting': 'joint-meeting' } as const;

describe('a clean-up campaign shaped like 北京 2003 (52 kept / 36 abolished / 4 delisted / 4 joint meetings)', () => {
  let demo: DemoStore;
  let queries: SupervisionQueries;
  let abolitions: AbolishBody[];
  let conclusion: { position: number; eventIds: string[] };

  beforeAll(async () => {
    // The demo up to the day before its campaign.
    demo = await demoStore(({ command }) => 'effectiveDate' in command && (command.effectiveDate ?? '') < DEMO_CAMPAIGN.date);
    abolitions = demo.history.commands.map((c) => c.command).filter((c): c is AbolishBody => c.type === 'AbolishBody' && c.documentNo === DEMO_CAMPAIGN.documentNo);
    queries = new SupervisionQueries(demo.store);
    const run = (command: Parameters<typeof demo.executor.execute>[0]['command']) => demo.executor.execute({ command, principal: DEMO_REGISTRAR });
    await run({ type: 'OpenCampaign', campaignId: CAMPAIGN, jurisdiction: DEMO_JURISDICTION, title: '市政府议事协调机构和临时机构清理', scope: { series: 'government' }, documentNo: '演政办发〔2003〕3号', effectiveDate: '2003-02-10' });
    const outcomes: CampaignOutcome[] = abolitions.map((a) => ({ bodyId: a.bodyId, outcome: KIND[a.disposition], abolitionReason: a.abolitionReason, note: a.reason }));
    await run({ type: 'ListCampaignOutcomes', campaignId: CAMPAIGN, effectiveDate: '2003-03-20', outcomes: outcomes.slice(0, 20) });
    await run({ type: 'ListCampaignOutcomes', campaignId: CAMPAIGN, effectiveDate: '2003-03-31', outcomes: outcomes.slice(20) });
    conclusion = await run({ type: 'ConcludeCampaign', campaignId: CAMPAIGN, documentNo: DEMO_CAMPAIGN.documentNo, effectiveDate: DEMO_CAMPAIGN.date, keepUnlisted: true, reason: '经市政府第2次市长办公会议审议通过' });
  });
  afterAll(() => demo.close());

  it('北京清理: the summary gives 52 / 36 / 4 / 4 of the 96 reviewed', async () => {
    const summary = (await queries.campaign(DEMO_JURISDICTION, CAMPAIGN))!;
    expect(summary).toMatchObject({
      status: 'concluded',
      documentNo: '演政办发〔2003〕3号',
      conclusionDocumentNo: DEMO_CAMPAIGN.documentNo,
      concludedOn: DEMO_CAMPAIGN.date,
      reviewed: 96,
      counts: { keep: 52, abolish: 36, delist: 4, 'joint-meeting': 4, merge: 0, adjust: 0 },
    });
    expect(summary.text).toBe('在此次清理的96个议事协调机构中，予以保留的52个，撤销的36个，不再作为议事协调机构的4个，调整为部门联席会议的4个。');
    expect([DEMO_CAMPAIGN.kept, DEMO_CAMPAIGN.abolished, DEMO_CAMPAIGN.delisted, DEMO_CAMPAIGN.jointMeeting]).toEqual([52, 36, 4, 4]);
  });

  it('北京清理: the conclusion is one append: 44 abolitions and the campaign\'s conclusion, one cause, consecutive places in the log', async () => {
    const written = (await demo.store.readAll()).filter((e) => conclusion.eventIds.includes(e.eventId));
    expect(written).toHaveLength(45);
    expect(new Set(written.map((e) => e.causationId)).size).toBe(1);
    const positions = written.map((e) => e.position);
    expect(Math.max(...positions) - Math.min(...positions)).toBe(44);
    expect(written.filter((e) => e.type === 'BodyAbolished').map((e) => e.data.disposition).sort()).toEqual([...Array(36).fill('abolished'), ...Array(4).fill('delisted'), ...Array(4).fill('joint-meeting')].sort());
    expect(written.at(-1)!.type).toBe('CampaignConcluded');
  });

  it('北京清理: the registry keeps 52 government bodies from the conclusion\'s date', async () => {
    const history = await queries.history(DEMO_JURISDICTION);
    const government = (date: string) => [...history.bodies.values()].map((t) => t.activeOn(date)).filter((b) => b?.series === 'government').length;
    expect(government('2003-04-14')).toBe(96);
    expect(government(DEMO_CAMPAIGN.date)).toBe(52);
  });

  it('the read model projects the campaign\'s decisions like any others: 52 government bodies listed that day', async () => {
    const readStore = new MemoryReadStore();
    await new Projector({ eventStore: demo.store, readStore }).rebuild();
    const registry = new RegistryQueries(readStore);
    expect((await registry.registry(DEMO_JURISDICTION, '2003-04-14')).counts.government).toBe(96);
    expect((await registry.registry(DEMO_JURISDICTION, DEMO_CAMPAIGN.date)).counts.government).toBe(52);
    const changes = await registry.changes(DEMO_JURISDICTION, DEMO_CAMPAIGN.date, DEMO_CAMPAIGN.date);
    expect(changes.abolished).toHaveLength(44);
  });

  it('a campaign cannot be concluded twice', async () => {
    await expect(demo.executor.execute({ principal: DEMO_REGISTRAR, command: { type: 'ConcludeCampaign', campaignId: CAMPAIGN, documentNo: 'x', effectiveDate: '2003-05-01', keepUnlisted: true } })).rejects.toThrow(/已于 2003-04-15 作出结论/u);
  });
});
