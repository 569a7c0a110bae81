import { decideBody } from './body.decider.js';
import { evolveBody, initialBodyState, type BodyDecisionState } from './body.state.js';
import type { BodyCommand, EstablishBody } from './body.commands.js';
import type { BodyEvent } from './body.events.js';
import type { DecisionContext } from '../rules/body.rules.js';
import { DeciderSpecification } from '../testing/decider-specification.js';
import { EMPTY_CONTEXT, WEIFANG, WEIFANG_BASELINE, violates, weifangListAsActiveBodies } from '../testing/weifang.fixtures.js';

const given = DeciderSpecification.for<BodyCommand, BodyEvent, BodyDecisionState, DecisionContext>(
  { decide: decideBody, evolve: evolveBody, initialState: initialBodyState },
  EMPTY_CONTEXT,
);

/** 潍坊名单 item 56, as a list importer records it: the notice names it, nothing more. */
const imported = (overrides: Partial<EstablishBody['profile']> = {}, documentNo = '潍政办字〔2020〕37号'): EstablishBody => ({
  type: 'EstablishBody',
  bodyId: 'item-56',
  jurisdiction: WEIFANG,
  documentNo,
  effectiveDate: '2020-03-31',
  origin: 'import',
  listing: { documentNo: '潍政办字〔2020〕37号', section: 'temporary', number: 56 },
  profile: {
    name: '市5G产业发展领导小组',
    series: 'government',
    duration: 'temporary',
    basis: { conditions: [], text: '据潍政办字〔2020〕37号名单导入' },
    reason: '据潍政办字〔2020〕37号公布的名单导入',
    leaders: [],
    deputies: [],
    memberUnits: [],
    tasks: '',
    duties: '',
    hostDepartment: '',
    ...overrides,
  },
});

describe('设立 imported from a published list (潍坊名单, 潍政办字〔2020〕37号)', () => {
  it('潍坊名单: an imported body needs no 第十条 content, leader or term, and keeps its place in the list', () => {
    given([], { ...EMPTY_CONTEXT, activeBodies: weifangListAsActiveBodies(), baseline: WEIFANG_BASELINE })
      .when(imported())
      .then((events) => {
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({
          type: 'BodyEstablished',
          data: { name: '市5G产业发展领导小组', origin: 'import', listing: { section: 'temporary', number: 56 } },
        });
        expect(events[0].waivedRules).toBeUndefined();
      });
  });

  it('市级办法 第十条 application: an imported item without a name or a document number is refused', () => {
    given([]).when(imported({ name: ' ' }, '')).thenThrows(violates('application', 'error'));
  });

  it('市级办法(旧) 第八条 single-series: an imported item still belongs to exactly one series', () => {
    given([]).when(imported({ series: 'both' as never })).thenThrows(violates('single-series', 'error'));
  });
});
