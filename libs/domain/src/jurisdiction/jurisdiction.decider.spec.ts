import {
  baselineInForce,
  decideJurisdiction,
  evolveJurisdiction,
  initialJurisdictionState,
  type JurisdictionState,
  type SetQuotaBaseline,
} from './jurisdiction.decider.js';
import type { JurisdictionEvent, QuotaBaselineSet } from './jurisdiction.events.js';
import { decideBody } from '../body/body.decider.js';
import type { EstablishBody } from '../body/body.commands.js';
import { RuleViolationError } from '../shared/violations.js';
import type { DecisionContext } from '../rules/body.rules.js';
import { DeciderSpecification } from '../testing/decider-specification.js';
import {
  DIGITAL_ECONOMY,
  EMPTY_CONTEXT,
  RULE_OF_LAW,
  WEIFANG,
  WEIFANG_LIST_DATE,
  WEIFANG_LIST_DOCUMENT,
  WEIFANG_STANDING,
  WEIFANG_TEMPORARY,
  violates,
  weifangListAsActiveBodies,
} from '../testing/weifang.fixtures.js';

const given = DeciderSpecification.for<SetQuotaBaseline, JurisdictionEvent, JurisdictionState>({
  decide: (command, state) => decideJurisdiction(command, state),
  evolve: evolveJurisdiction,
  initialState: initialJurisdictionState,
});

const setBaseline = (extra: Partial<SetQuotaBaseline> = {}): SetQuotaBaseline => ({
  type: 'SetQuotaBaseline',
  jurisdiction: WEIFANG,
  documentNo: WEIFANG_LIST_DOCUMENT,
  effectiveDate: WEIFANG_LIST_DATE,
  total: WEIFANG_STANDING.length + WEIFANG_TEMPORARY.length,
  standing: WEIFANG_STANDING.length,
  temporary: WEIFANG_TEMPORARY.length,
  series: 'government',
  ...extra,
});

const listBaseline: QuotaBaselineSet = {
  type: 'QuotaBaselineSet',
  streamId: 'jurisdiction-370700',
  jurisdiction: WEIFANG,
  effectiveDate: WEIFANG_LIST_DATE,
  documentNo: WEIFANG_LIST_DOCUMENT,
  reason: '实行总量控制、清单管理、定期规范',
  data: { total: 66, standing: 55, temporary: 11, series: 'government' },
};
/** A later, lower baseline (illustrative: after a clean-up campaign). */
const laterBaseline: QuotaBaselineSet = {
  type: 'QuotaBaselineSet',
  streamId: 'jurisdiction-370700',
  jurisdiction: WEIFANG,
  effectiveDate: '2022-01-01',
  documentNo: '潍政办字〔2021〕88号',
  data: { total: 60, series: 'government' },
};

describe('总量控制基准 (SetQuotaBaseline)', () => {
  it('潍坊名单: the published list (55 standing + 11 temporary) becomes the baseline of 66 from 2020-03-31', () => {
    given([])
      .when(setBaseline({ reason: '实行总量控制、清单管理、定期规范' }))
      .then([listBaseline]);
  });

  it('潍坊名单: a total without a breakdown or series is recorded as given', () => {
    given([])
      .when(setBaseline({ standing: undefined, temporary: undefined, series: undefined, total: 70 }))
      .then((events) => expect(events[0].data).toEqual({ total: 70 }));
  });

  it('潍坊名单 quota: 55 standing + 10 temporary do not make 66 and are refused', () => {
    given([]).when(setBaseline({ temporary: 10 })).thenThrows(violates('quota', 'error', (v) => v.message.includes('66')));
  });

  it('潍坊名单 quota: counts are whole, non-negative numbers', () => {
    given([]).when(setBaseline({ total: -1, standing: undefined, temporary: undefined })).thenThrows(violates('quota', 'error'));
    given([]).when(setBaseline({ standing: 54.5, temporary: 11.5 })).thenThrows(violates('quota', 'error'));
    given([]).when(setBaseline({ total: undefined as unknown as number, standing: undefined, temporary: undefined })).thenThrows(violates('quota', 'error'));
  });

  it('潍坊名单: a new baseline is recorded beside the earlier one, which stays in history', () => {
    given([listBaseline])
      .when(setBaseline({ effectiveDate: '2022-01-01', documentNo: '潍政办字〔2021〕88号', total: 60, standing: undefined, temporary: undefined }))
      .then([laterBaseline]);
    const state = [listBaseline, laterBaseline].reduce(evolveJurisdiction, initialJurisdictionState());
    expect(state.baselines.map((b) => [b.effectiveDate, b.total])).toEqual([['2020-03-31', 66], ['2022-01-01', 60]]);
  });
});

describe('baselineInForce: which baseline a decision is judged against', () => {
  const state = [listBaseline, laterBaseline].reduce(evolveJurisdiction, initialJurisdictionState());

  it('潍坊名单: none before 2020-03-31', () => {
    expect(baselineInForce(state, '2020-03-30')).toBeUndefined();
  });

  it('潍坊名单: from its effective date the list\'s 66', () => {
    expect(baselineInForce(state, '2020-03-31')).toEqual({ total: 66, series: 'government', documentNo: WEIFANG_LIST_DOCUMENT, effectiveDate: '2020-03-31' });
    expect(baselineInForce(state, '2021-12-31')?.total).toBe(66);
  });

  it('潍坊名单: a later baseline replaces it from its own date, whatever order they were recorded in', () => {
    expect(baselineInForce(state, '2022-01-01')?.total).toBe(60);
    const recordedBackwards = [laterBaseline, listBaseline].reduce(evolveJurisdiction, initialJurisdictionState());
    expect(baselineInForce(recordedBackwards, '2021-06-01')?.total).toBe(66);
    expect(baselineInForce(recordedBackwards, '2022-06-01')?.total).toBe(60);
  });

  it('潍坊名单: of two baselines with the same date, the one recorded later is in force', () => {
    const corrected = { ...listBaseline, documentNo: '潍政办字〔2020〕40号', data: { total: 65, series: 'government' as const } };
    const both = [listBaseline, corrected].reduce(evolveJurisdiction, initialJurisdictionState());
    expect(baselineInForce(both, '2020-04-01')?.total).toBe(65);
  });
});

describe('quota only applies once a baseline is in force for that jurisdiction and series', () => {
  const weifangState = [listBaseline].reduce(evolveJurisdiction, initialJurisdictionState());
  /** 寿光市 (370783) has its own stream; its baseline does not reach 潍坊市. */
  const shouguangState = initialJurisdictionState();
  const establishOn = (effectiveDate: string, profile: EstablishBody['profile'] = DIGITAL_ECONOMY): EstablishBody => ({
    type: 'EstablishBody',
    bodyId: 'digital',
    jurisdiction: WEIFANG,
    documentNo: '潍政字〔2020〕30号',
    effectiveDate,
    profile,
  });
  const contextOn = (state: JurisdictionState, date: string): DecisionContext => ({
    ...EMPTY_CONTEXT,
    activeBodies: weifangListAsActiveBodies(),
    baseline: baselineInForce(state, date),
  });

  it('潍坊名单 quota: a 67th body the day before the list took effect is not blamed', () => {
    const events = decideBody(establishOn('2020-03-30'), undefined, contextOn(weifangState, '2020-03-30'));
    expect(events[0].waivedRules).toBeUndefined();
  });

  it('潍坊名单 quota: the same body on the list\'s own date is refused without justification', () => {
    expect(() => decideBody(establishOn('2020-03-31'), undefined, contextOn(weifangState, '2020-03-31'))).toThrow(RuleViolationError);
  });

  it('潍坊名单 quota: a 市委 body is outside the 市政府 baseline', () => {
    const events = decideBody(establishOn('2020-06-01', RULE_OF_LAW), undefined, contextOn(weifangState, '2020-06-01'));
    expect(events[0].waivedRules).toBeUndefined();
  });

  it('潍坊名单 quota: without a baseline of its own, another jurisdiction\'s stream has none in force', () => {
    expect(listBaseline.streamId).toBe('jurisdiction-370700');
    expect(baselineInForce(shouguangState, '2020-06-01')).toBeUndefined();
  });
});
