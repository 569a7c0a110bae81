import { evolveBody, type BodyState } from '../body/body.state.js';
import { RuleViolationError } from '../shared/violations.js';
import type { DecisionContext } from '../rules/body.rules.js';
import {
  DIGITAL_ECONOMY,
  EMPTY_CONTEXT,
  FLOOD_CONTROL,
  FOOD_SAFETY,
  LAND_SURVEY,
  RULE_OF_LAW,
  WEIFANG,
  established,
  summaryOf,
} from '../testing/weifang.fixtures.js';
import { decideCampaign, evolveCampaign, foldCampaign, type CampaignCommand, type ConcludeCampaign, type ListCampaignOutcomes } from './campaign.decider.js';
import type { CampaignEvent, CampaignOpened, CampaignOutcome } from './campaign.events.js';

const PROFILES = { food: FOOD_SAFETY, flood: FLOOD_CONTROL, land: LAND_SURVEY, digital: DIGITAL_ECONOMY, law: RULE_OF_LAW };
type Id = keyof typeof PROFILES;
const bodies = new Map<string, BodyState | undefined>(
  Object.entries(PROFILES).map(([id, p]) => [id, evolveBody(undefined, established(id, p, { documentNo: '潍政字〔2019〕1号', effectiveDate: '2019-01-01' }))]),
);
const context: DecisionContext = { ...EMPTY_CONTEXT, activeBodies: Object.entries(PROFILES).map(([id, p]) => summaryOf(id, p)) };

const opened: CampaignOpened = {
  type: 'CampaignOpened',
  streamId: 'campaign-c2023',
  jurisdiction: WEIFANG,
  effectiveDate: '2023-03-01',
  documentNo: '潍编办发〔2023〕2号',
  data: { campaignId: 'c2023', title: '市政府议事协调机构清理规范', scope: { series: 'government' } },
};
const decide = (command: CampaignCommand, history: CampaignEvent[] = [opened]) => decideCampaign(command, foldCampaign(history), bodies, context);
const list = (outcomes: CampaignOutcome[]): ListCampaignOutcomes => ({ type: 'ListCampaignOutcomes', campaignId: 'c2023', effectiveDate: '2023-05-01', outcomes });
const conclude = (extra: Partial<ConcludeCampaign> = {}): ConcludeCampaign => ({
  type: 'ConcludeCampaign', campaignId: 'c2023', documentNo: '潍政发〔2023〕9号', effectiveDate: '2023-06-30', ...extra,
});
const outcome = (bodyId: Id, kind: CampaignOutcome['outcome'], extra: Partial<CampaignOutcome> = {}): CampaignOutcome => ({ bodyId, outcome: kind, ...extra });

describe('清理规范 (市级办法 第十九条; 清理方案; 北京清理)', () => {
  it('清理方案: a campaign opens with its document and scope', () => {
    const [event] = decide({ type: 'OpenCampaign', campaignId: 'c2023', jurisdiction: WEIFANG, title: '市政府议事协调机构清理规范', scope: { series: 'government' }, documentNo: '潍编办发〔2023〕2号', effectiveDate: '2023-03-01' }, []);
    expect(event).toEqual(opened);
    expect(() => decide({ type: 'OpenCampaign', campaignId: 'c2023', jurisdiction: WEIFANG, title: 'x', documentNo: 'y', effectiveDate: '2023-03-02' })).toThrow(/已开展/u);
  });

  it('清理方案 评估分析: outcomes are listed per body, a later listing replacing an earlier one', () => {
    const first = decide(list([outcome('land', 'abolish', { abolitionReason: 2 }), outcome('digital', 'keep')]))[0] as CampaignEvent;
    const second = decide(list([outcome('land', 'keep')]), [opened, first])[0] as CampaignEvent;
    const state = [opened, first, second].reduce(evolveCampaign, undefined)!;
    expect([...state.outcomes.values()].map((o) => [o.bodyId, o.outcome])).toEqual([['land', 'keep'], ['digital', 'keep']]);
    expect(first).toMatchObject({ documentNo: '潍编办发〔2023〕2号', streamId: 'campaign-c2023' });
  });

  it('清理方案: an outcome without what its kind needs is refused', () => {
    expect(() => decide(list([outcome('food', 'merge')]))).toThrow(/mergeInto/u);
    expect(() => decide(list([outcome('food', 'adjust')]))).toThrow(/changes/u);
    expect(() => decide(list([outcome('food', 'keep'), outcome('food', 'abolish')]))).toThrow(/只能有一个/u);
    expect(() => decide(list([{ bodyId: 'nobody', outcome: 'keep' }]))).toThrow(/不存在/u);
  });

  it('北京清理: the conclusion turns every outcome into its decision, all in one list of events', () => {
    const events = decide(conclude({
      outcomes: [
        outcome('food', 'keep'),
        outcome('land', 'abolish', { abolitionReason: 2, note: '第三次国土调查已完成' }),
        outcome('digital', 'joint-meeting', { abolitionReason: 4 }),
        outcome('flood', 'adjust', { changes: { hostDepartment: '市应急管理局' } }),
      ],
    }));
    expect(events.map((e) => [e.type, e.streamId])).toEqual([
      ['BodyAbolished', 'body-land'],
      ['BodyAbolished', 'body-digital'],
      ['BodyAdjusted', 'body-flood'],
      ['CampaignConcluded', 'campaign-c2023'],
    ]);
    expect(events[0]).toMatchObject({ documentNo: '潍政发〔2023〕9号', effectiveDate: '2023-06-30', data: { abolitionReason: 2, disposition: 'abolished' } });
    expect(events[0].reason).toContain('第三次国土调查已完成');
    expect(events[1].data).toEqual({ abolitionReason: 4, disposition: 'joint-meeting' });
    expect(events.at(-1)!.data).toMatchObject({ reviewed: 4, counts: { keep: 1, abolish: 1, merge: 0, adjust: 1, delist: 0, 'joint-meeting': 1 } });
  });

  it('市级办法 第十六条: merge outcomes become one merger per absorbing body, with its markers', () => {
    const events = decide(conclude({ keepUnlisted: true, outcomes: [outcome('digital', 'merge', { mergeInto: 'food', mergerReason: 3 })] }));
    expect(events.map((e) => [e.type, e.streamId])).toEqual([
      ['BodiesMerged', 'merger-c2023.food.3'],
      ['BodyMergedAway', 'body-digital'],
      ['BodyAbsorbedMerger', 'body-food'],
      ['CampaignConcluded', 'campaign-c2023'],
    ]);
    expect(events.at(-1)!.data).toMatchObject({ reviewed: 4, counts: { keep: 3, merge: 1 } });
  });

  it('北京清理: bodies in scope without an outcome are refused, unless the conclusion keeps them', () => {
    expect(() => decide(conclude({ outcomes: [outcome('food', 'keep')] }))).toThrow(/尚有 3 个机构未作结论/u);
    const events = decide(conclude({ outcomes: [outcome('food', 'keep')], keepUnlisted: true }));
    // The 市委 body is outside a 市政府 campaign.
    expect(events.at(-1)!.data).toMatchObject({ reviewed: 4, counts: { keep: 4 } });
    expect((events.at(-1)!.data as { outcomes: CampaignOutcome[] }).outcomes.map((o) => o.bodyId)).not.toContain('law');
  });

  it('市级办法 第十六条: a body that leaves in the campaign cannot absorb another', () => {
    expect(() => decide(conclude({ keepUnlisted: true, outcomes: [outcome('land', 'abolish'), outcome('digital', 'merge', { mergeInto: 'land' })] }))).toThrow(/不能承接合并/u);
  });

  it('each outcome passes the rules of its own decision: an adjustment that bends one needs the justification', () => {
    const tooMany = { memberUnits: Array.from({ length: 12 }, (_, i) => `单位${i}`) };
    expect(() => decide(conclude({ keepUnlisted: true, outcomes: [outcome('flood', 'adjust', { changes: tooMany })] }))).toThrow(RuleViolationError);
    const events = decide(conclude({ keepUnlisted: true, justification: '确因工作需要', outcomes: [outcome('flood', 'adjust', { changes: tooMany })] }));
    expect(events[0].waivedRules?.map((w) => w.rule)).toEqual(['member-units']);
  });

  it('a concluded campaign takes no more decisions', () => {
    const concluded = decide(conclude({ keepUnlisted: true })).at(-1) as CampaignEvent;
    expect(() => decide(conclude({ keepUnlisted: true }), [opened, concluded])).toThrow(/已于 2023-06-30 作出结论/u);
    expect(() => decide(list([outcome('food', 'keep')]), [opened, concluded])).toThrow(RuleViolationError);
  });

  it('清理方案: a conclusion without a 文号 is refused, and a listing that gives a blank one', () => {
    expect(() => decide(conclude({ keepUnlisted: true, documentNo: ' ' }))).toThrow(/文号/u);
    expect(decide(list([outcome('food', 'keep')]))).toHaveLength(1);
    expect(() => decide({ ...list([outcome('food', 'keep')]), documentNo: '' }, [opened])).toThrow(/文号/u);
  });

  it('nothing is decided before the campaign opened', () => {
    expect(() => decide(conclude({ keepUnlisted: true, effectiveDate: '2023-01-01' }))).toThrow(/早于清理开始日期/u);
  });
});
