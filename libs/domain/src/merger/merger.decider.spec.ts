import { decideMerger, type MergeBodies } from './merger.decider.js';
import type { BodiesMerged } from './merger.events.js';
import type { BodyEvent } from '../body/body.events.js';
import { evolveBody, foldBody, type BodyState } from '../body/body.state.js';
import type { EstablishBody } from '../body/body.commands.js';
import type { DecisionContext } from '../rules/body.rules.js';
import { DeciderSpecification } from '../testing/decider-specification.js';
import {
  EMPTY_CONTEXT,
  FLOOD_CONTROL,
  FOOD_SAFETY,
  WEIFANG,
  WEIFANG_BASELINE,
  established,
  recordsWaiver,
  summaryOf,
  violates,
  weifangListAsActiveBodies,
} from '../testing/weifang.fixtures.js';

type Bodies = ReadonlyMap<string, BodyState | undefined>;
type Profile = EstablishBody['profile'];

/** The merger decides over several bodies: fold each body's events into its own state. */
const given = DeciderSpecification.for<MergeBodies, BodyEvent | BodiesMerged, Bodies, DecisionContext>(
  {
    decide: decideMerger,
    evolve: (bodies, event) =>
      event.type === 'BodiesMerged' || !event.bodyId ? bodies : new Map(bodies).set(event.bodyId, evolveBody(bodies.get(event.bodyId), event)),
    initialState: () => new Map(),
  },
  EMPTY_CONTEXT,
);

/** 潍坊名单 item 40 市减灾委员会 and item 42 市防震减灾工作领导小组, under their list ids. */
const DISASTER_REDUCTION: Profile = {
  ...FLOOD_CONTROL,
  name: '潍坊市减灾委员会',
  basis: { conditions: [1, 2], text: '《国家综合防灾减灾规划》：地方各级人民政府健全防灾减灾救灾综合协调机制' },
  reason: '统筹协调全市减灾救灾工作',
  tasks: '研究制定全市减灾工作的方针、政策和规划，协调开展重大减灾活动',
  duties: '研究制定全市减灾工作的方针、政策和规划，协调开展重大减灾活动，指导县市区开展减灾工作，推进减灾交流与合作',
  hostDepartment: '市应急局',
};
const EARTHQUAKE: Profile = {
  ...FLOOD_CONTROL,
  name: '潍坊市防震减灾工作领导小组',
  basis: { conditions: [1], text: '《中华人民共和国防震减灾法》第五条：县级以上地方人民政府……加强对防震减灾工作的领导' },
  reason: '加强全市防震减灾工作',
  tasks: '领导、指挥和协调全市防震减灾工作',
  duties: '贯彻落实防震减灾法律法规，部署全市地震监测预报、震灾预防和地震应急救援工作，协调解决防震减灾重大问题',
  hostDepartment: '市地震监测中心',
};
/** The body the two were merged into. */
const DISASTER_PREVENTION: Profile = {
  ...FLOOD_CONTROL,
  name: '潍坊市防灾减灾救灾委员会',
  basis: { conditions: [1, 2], text: '《中共中央 国务院关于推进防灾减灾救灾体制机制改革的意见》：健全统筹协调体制' },
  reason: '整合减灾、防震减灾议事协调机构，统筹防灾减灾救灾工作',
  tasks: '统筹指导、综合协调全市防灾减灾救灾工作',
  duties: '统筹指导全市防灾减灾救灾工作，综合协调自然灾害防治，研究解决防灾减灾救灾重大问题，指导县市区防灾减灾救灾委员会工作',
  hostDepartment: '市应急局',
};

const reductionEstablished = established('wf-40', DISASTER_REDUCTION, { documentNo: '潍政字〔2010〕15号', effectiveDate: '2010-05-12' });
const earthquakeEstablished = established('wf-42', EARTHQUAKE, { documentNo: '潍政字〔2008〕30号', effectiveDate: '2008-06-01' });
const foodSafetyEstablished = established('wf-43', FOOD_SAFETY, { documentNo: '潍政字〔2019〕8号', effectiveDate: '2019-03-15' });
const produceEstablished = established(
  'produce',
  {
    ...FOOD_SAFETY,
    name: '潍坊市农产品质量安全监管工作领导小组',
    tasks: '统筹协调全市农产品质量安全监管工作',
    duties: '研究部署农产品质量安全监管工作，组织农产品质量安全专项整治，协调解决农产品质量安全监管重大问题',
    hostDepartment: '市农业农村局',
  },
  { documentNo: '潍政办字〔2015〕60号', effectiveDate: '2015-08-01' },
);

const intoNew = (extra: Partial<MergeBodies> = {}, profile: Partial<Profile> = {}): MergeBodies => ({
  type: 'MergeBodies',
  mergerId: 'merger-2020-1',
  jurisdiction: WEIFANG,
  documentNo: '潍政字〔2020〕45号',
  effectiveDate: '2020-09-01',
  mergerReason: 1,
  sourceBodyIds: ['wf-40', 'wf-42'],
  target: { kind: 'new', bodyId: 'disaster-prevention', profile: { ...DISASTER_PREVENTION, ...profile } },
  ...extra,
});
const intoExisting = (extra: Partial<MergeBodies> = {}): MergeBodies => ({
  type: 'MergeBodies',
  mergerId: 'merger-2020-2',
  jurisdiction: WEIFANG,
  documentNo: '潍政字〔2020〕46号',
  effectiveDate: '2020-09-01',
  mergerReason: 2,
  sourceBodyIds: ['produce'],
  target: { kind: 'existing', bodyId: 'wf-43' },
  ...extra,
});

const paperwork = (command: MergeBodies) => ({
  jurisdiction: WEIFANG,
  effectiveDate: command.effectiveDate,
  documentNo: command.documentNo,
  ...(command.reason ? { reason: command.reason } : {}),
});

describe('合并 into an existing body', () => {
  it('市级办法 第十六条(二): the source leaves, the target absorbs it, one BodiesMerged fact plus a marker on each stream', () => {
    const command = intoExisting({ reason: '农产品质量安全监管与食品安全工作职责交叉' });
    given([foodSafetyEstablished, produceEstablished])
      .when(command)
      .then([
        {
          ...paperwork(command),
          type: 'BodiesMerged',
          streamId: 'merger-merger-2020-2',
          data: { mergerId: 'merger-2020-2', mergerReason: 2, sourceBodyIds: ['produce'], targetBodyId: 'wf-43' },
        },
        {
          ...paperwork(command),
          type: 'BodyMergedAway',
          streamId: 'body-produce',
          bodyId: 'produce',
          data: { mergerId: 'merger-2020-2', targetBodyId: 'wf-43' },
        },
        {
          ...paperwork(command),
          type: 'BodyAbsorbedMerger',
          streamId: 'body-wf-43',
          bodyId: 'wf-43',
          data: { mergerId: 'merger-2020-2', sourceBodyIds: ['produce'] },
        },
      ]);
  });

  it('市级办法 第十六条: after the merger the source is merged away and the target stays active', () => {
    given([foodSafetyEstablished, produceEstablished])
      .when(intoExisting())
      .then((events) => {
        const produce = foldBody([produceEstablished, ...(events.filter((e) => e.bodyId === 'produce') as BodyEvent[])]);
        const food = foldBody([foodSafetyEstablished, ...(events.filter((e) => e.bodyId === 'wf-43') as BodyEvent[])]);
        expect(produce).toMatchObject({ status: 'merged', mergedInto: 'wf-43', endedOn: '2020-09-01' });
        expect(food).toMatchObject({ status: 'active', name: '潍坊市食品安全委员会' });
      });
  });

  it('潍坊名单 quota: absorbing into an existing body lowers the count and is never blamed', () => {
    const fullList: DecisionContext = {
      ...EMPTY_CONTEXT,
      activeBodies: [...weifangListAsActiveBodies(), summaryOf('produce', FOOD_SAFETY)],
      baseline: WEIFANG_BASELINE,
    };
    given([foodSafetyEstablished, produceEstablished], fullList).when(intoExisting()).then((events) => expect(events[0].waivedRules).toBeUndefined());
  });

  it('市级办法 第十六条 application: a merger naming no source is refused', () => {
    given([foodSafetyEstablished]).when(intoExisting({ sourceBodyIds: [] })).thenThrows(violates('application', 'error'));
  });

  it('市级办法 第十六条 application: the surviving body cannot also be a source', () => {
    given([foodSafetyEstablished, produceEstablished])
      .when(intoExisting({ sourceBodyIds: ['produce', 'wf-43'] }))
      .thenThrows(violates('application', 'error', (v) => v.message.includes('存续机构')));
  });

  it('市级办法 第十六条 application: a source named twice is refused', () => {
    given([foodSafetyEstablished, produceEstablished]).when(intoExisting({ sourceBodyIds: ['produce', 'produce'] })).thenThrows(violates('application', 'error'));
  });

  it('市级办法 第十六条 application: a source of another jurisdiction (寿光市 370783) is refused', () => {
    const shouguang = { ...produceEstablished, jurisdiction: '370783' };
    given([foodSafetyEstablished, shouguang]).when(intoExisting()).thenThrows(violates('application', 'error', (v) => v.message.includes('370700')));
  });

  it('市级办法 第十六条 application: a target of another jurisdiction is refused', () => {
    const shouguang = { ...foodSafetyEstablished, jurisdiction: '370783' };
    given([shouguang, produceEstablished]).when(intoExisting()).thenThrows(violates('application', 'error', (v) => v.message.includes('存续机构')));
  });

  it('市级办法 第十三至十八条 lifecycle: a source never established is refused', () => {
    given([foodSafetyEstablished]).when(intoExisting()).thenThrows(violates('lifecycle', 'error', (v) => v.message.includes('produce')));
  });

  it('市级办法 第十五条 lifecycle: an abolished source is refused', () => {
    const abolished: BodyEvent = {
      type: 'BodyAbolished',
      streamId: 'body-produce',
      jurisdiction: WEIFANG,
      bodyId: 'produce',
      effectiveDate: '2019-12-31',
      documentNo: '潍政字〔2019〕50号',
      data: { abolitionReason: 5, disposition: 'delisted' },
    };
    given([foodSafetyEstablished, produceEstablished, abolished]).when(intoExisting()).thenThrows(violates('lifecycle', 'error'));
  });

  it('市级办法 第十六条 lifecycle: a body merged away cannot be merged again, nor absorb others', () => {
    const history = decideMerger(intoExisting(), new Map([['wf-43', foldBody([foodSafetyEstablished])], ['produce', foldBody([produceEstablished])]]), EMPTY_CONTEXT);
    given([foodSafetyEstablished, produceEstablished, ...history])
      .when(intoExisting({ mergerId: 'merger-2021-1', effectiveDate: '2021-01-01' }))
      .thenThrows(violates('lifecycle', 'error', (v) => v.message.includes('已被合并')));
    given([foodSafetyEstablished, produceEstablished, ...history])
      .when(intoExisting({ mergerId: 'merger-2021-1', effectiveDate: '2021-01-01', sourceBodyIds: ['wf-43'], target: { kind: 'existing', bodyId: 'produce' } }))
      .thenThrows(violates('lifecycle', 'error', (v) => v.message.includes('存续机构')));
  });

  it('市级办法 第十三至十八条 lifecycle: a merger dated before the target was established is refused', () => {
    given([foodSafetyEstablished, produceEstablished]).when(intoExisting({ effectiveDate: '2018-01-01' })).thenThrows(violates('lifecycle', 'error'));
  });
});

describe('合并 into a new body', () => {
  it('市级办法 第十六条(一): 减灾委员会 and 防震减灾工作领导小组 become 潍坊市防灾减灾救灾委员会', () => {
    const command = intoNew();
    const establishedTarget = { ...DISASTER_PREVENTION, aliases: [], members: DISASTER_PREVENTION.members!, kind: '委员会' as const };
    given([reductionEstablished, earthquakeEstablished])
      .when(command)
      .then([
        {
          ...paperwork(command),
          type: 'BodiesMerged',
          streamId: 'merger-merger-2020-1',
          data: { mergerId: 'merger-2020-1', mergerReason: 1, sourceBodyIds: ['wf-40', 'wf-42'], targetBodyId: 'disaster-prevention', establishedTarget },
        },
        { ...paperwork(command), type: 'BodyMergedAway', streamId: 'body-wf-40', bodyId: 'wf-40', data: { mergerId: 'merger-2020-1', targetBodyId: 'disaster-prevention' } },
        { ...paperwork(command), type: 'BodyMergedAway', streamId: 'body-wf-42', bodyId: 'wf-42', data: { mergerId: 'merger-2020-1', targetBodyId: 'disaster-prevention' } },
        {
          ...paperwork(command),
          type: 'BodyEstablished',
          streamId: 'body-disaster-prevention',
          bodyId: 'disaster-prevention',
          data: { bodyId: 'disaster-prevention', ...establishedTarget, origin: 'merger', mergerId: 'merger-2020-1' },
        },
      ]);
  });

  it('市级办法 第十六条: one source is enough for a new body that takes over its functions (整合设立), one atomic decision', () => {
    given([reductionEstablished])
      .when(intoNew({ sourceBodyIds: ['wf-40'], justification: '机构改革' }))
      .then((events) => expect(events.map((e) => e.type)).toEqual(['BodiesMerged', 'BodyMergedAway', 'BodyEstablished']));
  });

  it('市级办法 第十六条 application: a merger without sources is refused', () => {
    given([reductionEstablished]).when(intoNew({ sourceBodyIds: [] })).thenThrows(violates('application', 'error', (v) => v.message.includes('至少一个')));
  });

  it('市级办法 第十一条 lifecycle: the new body\'s id must not belong to a body already established', () => {
    given([reductionEstablished, earthquakeEstablished, foodSafetyEstablished])
      .when(intoNew({ target: { kind: 'new', bodyId: 'wf-43', profile: DISASTER_PREVENTION } }))
      .thenThrows(violates('lifecycle', 'error'));
  });

  it('市级办法 第五条 basis: the new body is judged as an establishment: no basis text is refused', () => {
    given([reductionEstablished, earthquakeEstablished])
      .when(intoNew({ justification: '机构改革' }, { basis: { conditions: [1], text: '' } }))
      .thenThrows(violates('basis', 'error'));
  });

  it('市级办法 第八条 leader: the new body without a leader is refused', () => {
    given([reductionEstablished, earthquakeEstablished]).when(intoNew({}, { leaders: [] })).thenThrows(violates('leader', 'error'));
  });

  it('辽宁办法 第八条 temporary-term: a temporary new body without a term is refused', () => {
    given([reductionEstablished, earthquakeEstablished]).when(intoNew({}, { duration: 'temporary' })).thenThrows(violates('temporary-term', 'error'));
  });

  const twelveUnits = [...FLOOD_CONTROL.memberUnits, '市地震监测中心', '市民政局', '市财政局', '市卫生健康委'];

  it('市级办法 第八条 member-units: a new body with 12 member units is refused without justification', () => {
    given([reductionEstablished, earthquakeEstablished]).when(intoNew({}, { memberUnits: twelveUnits })).thenThrows(violates('member-units', 'warning'));
  });

  it('市级办法 第八条 member-units: with a justification every event of the merger carries it', () => {
    const justification = '整合两个机构的成员单位，确因工作需要可以适当增加';
    given([reductionEstablished, earthquakeEstablished])
      .when(intoNew({ justification }, { memberUnits: twelveUnits }))
      .then((events) => {
        expect(events).toHaveLength(4);
        recordsWaiver(justification, 'member-units')(events);
      });
  });

  it('市级办法 第六条(三) duplicate: the new body may take over a source\'s duties; sources are not its duplicates', () => {
    const context: DecisionContext = { ...EMPTY_CONTEXT, activeBodies: [summaryOf('wf-40', DISASTER_REDUCTION), summaryOf('wf-42', EARTHQUAKE)] };
    given([reductionEstablished, earthquakeEstablished], context)
      .when(intoNew({}, { duties: DISASTER_REDUCTION.duties }))
      .then((events) => expect(events[0].waivedRules).toBeUndefined());
  });

  it('市级办法 第六条(三) duplicate: the new body like another active body is refused without justification', () => {
    const other: Profile = { ...DISASTER_PREVENTION, name: '潍坊市防灾减灾救灾工作领导小组', duties: '统筹全市自然灾害应急救援' };
    const context: DecisionContext = { ...EMPTY_CONTEXT, activeBodies: [summaryOf('relief-group', other), summaryOf('wf-40', DISASTER_REDUCTION)] };
    given([reductionEstablished, earthquakeEstablished], context)
      .when(intoNew())
      .thenThrows(violates('duplicate', 'warning', (v) => v.related?.join() === 'relief-group'));
  });

  it('潍坊名单 quota: quota not blamed when the same merger reduces the count (66 listed, two merged into one)', () => {
    const fullList: DecisionContext = { ...EMPTY_CONTEXT, activeBodies: weifangListAsActiveBodies(), baseline: WEIFANG_BASELINE };
    given([reductionEstablished, earthquakeEstablished], fullList).when(intoNew()).then((events) => expect(events[0].waivedRules).toBeUndefined());
  });

  it('市级办法 第十三至十八条 lifecycle: a source unknown to the registry is refused', () => {
    given([reductionEstablished]).when(intoNew()).thenThrows(violates('lifecycle', 'error', (v) => v.message.includes('wf-42')));
  });
});
