import { applyCorrections } from './apply-corrections.js';
import type { EventCorrected } from './correction.events.js';
import type { DomainEvent, RecordedDomainEvent } from '../shared/domain-event.js';
import type { BodyEvent } from '../body/body.events.js';
import { foldBody } from '../body/body.state.js';
import { FOOD_SAFETY, WEIFANG, established } from '../testing/weifang.fixtures.js';

function recorded<E extends DomainEvent>(event: E, eventId: string, recordedAt: string, version: number): RecordedDomainEvent<E> {
  return { ...event, eventId, recordedAt, version, position: version };
}

const correction = (data: EventCorrected['data'], reason: string): EventCorrected => ({
  type: 'EventCorrected',
  streamId: 'body-food-safety',
  jurisdiction: WEIFANG,
  bodyId: 'food-safety',
  effectiveDate: '2020-06-01',
  documentNo: '潍编办函〔2020〕6号',
  reason,
  data,
});

/** Recorded on 2019-03-16 with a wrong host department and a wrong date. */
const establishedWrongly = recorded(
  established('food-safety', { ...FOOD_SAFETY, hostDepartment: '市市场监督局' }, { documentNo: '潍政字〔2019〕8号', effectiveDate: '2019-03-05' }),
  'ev-1',
  '2019-03-16T02:00:00.000Z',
  1,
);
const report2019 = recorded(
  {
    type: 'AnnualReportFiled' as const,
    streamId: 'body-food-safety',
    jurisdiction: WEIFANG,
    bodyId: 'food-safety',
    effectiveDate: '2019-12-20',
    documentNo: '潍市监报〔2019〕51号',
    data: { year: 2019, summary: '召开全体会议1次', meetingsHeld: 1, filedOn: '2019-12-20' },
  },
  'ev-2',
  '2019-12-21T02:00:00.000Z',
  2,
);
/** First fix, 2020-06-01: the host department. */
const hostFixed = recorded(
  correction({ correctedEventId: 'ev-1', correctedType: 'BodyEstablished', fields: { hostDepartment: '市市场监管局(暂)' } }, '部门名称有误'),
  'ev-3',
  '2020-06-01T03:00:00.000Z',
  3,
);
/** Second fix, 2020-07-01: the host department again and the date, from the original document. */
const hostAndDateFixed = recorded(
  correction(
    { correctedEventId: 'ev-1', correctedType: 'BodyEstablished', fields: { hostDepartment: '市市场监管局' }, effectiveDate: '2019-03-15', documentNo: '潍政字〔2019〕8号' },
    '以潍政字〔2019〕8号原文为准',
  ),
  'ev-4',
  '2020-07-01T03:00:00.000Z',
  4,
);

const stream = [establishedWrongly, report2019, hostFixed, hostAndDateFixed];

describe('applyCorrections: reading a stream through its 更正', () => {
  it('a stream without corrections reads as recorded', () => {
    const events = [establishedWrongly, report2019];
    const read = applyCorrections(events);
    expect(read).toEqual(events);
    expect(read[0]).toBe(establishedWrongly);
  });

  it('the corrected event takes the corrections\' fields, later ones winning, and the corrections drop out', () => {
    const read = applyCorrections(stream);
    expect(read.map((e) => e.eventId)).toEqual(['ev-1', 'ev-2']);
    expect(read[0]).toMatchObject({
      eventId: 'ev-1',
      recordedAt: '2019-03-16T02:00:00.000Z',
      effectiveDate: '2019-03-15',
      documentNo: '潍政字〔2019〕8号',
      data: { hostDepartment: '市市场监管局', name: '潍坊市食品安全委员会', memberUnits: FOOD_SAFETY.memberUnits },
    });
    expect(read[1]).toBe(report2019);
  });

  it('an earlier correction\'s fields stay where no later one supersedes them', () => {
    const dutiesFixed = recorded(
      correction({ correctedEventId: 'ev-1', correctedType: 'BodyEstablished', fields: { duties: '分析全市食品安全形势，统筹指导食品安全工作' } }, '职责表述有误'),
      'ev-5',
      '2020-05-01T03:00:00.000Z',
      5,
    );
    const read = applyCorrections([establishedWrongly, dutiesFixed, hostAndDateFixed]);
    expect(read[0].data).toMatchObject({ duties: '分析全市食品安全形势，统筹指导食品安全工作', hostDepartment: '市市场监管局' });
  });

  it('as known on 2020-06-15, the July correction is ignored: auditors see what was believed then', () => {
    const read = applyCorrections(stream, '2020-06-15T00:00:00.000Z');
    expect(read[0]).toMatchObject({ effectiveDate: '2019-03-05', data: { hostDepartment: '市市场监管局(暂)' } });
    expect(applyCorrections(stream, '2020-01-01T00:00:00.000Z')[0]).toBe(establishedWrongly);
  });

  it('a correction recorded exactly at the moment asked about counts as known', () => {
    expect(applyCorrections(stream, '2020-07-01T03:00:00.000Z')[0].effectiveDate).toBe('2019-03-15');
  });

  it('nothing is edited in place: the recorded events are unchanged', () => {
    const snapshot = structuredClone(stream);
    applyCorrections(stream);
    expect(stream).toEqual(snapshot);
  });

  it('a correction pointing at an event not in the stream changes nothing and drops out', () => {
    const stray = recorded(correction({ correctedEventId: 'ev-99', correctedType: 'BodyRenamed', fields: { newName: 'x' } }, '误指'), 'ev-6', '2020-08-01T00:00:00.000Z', 5);
    expect(applyCorrections([establishedWrongly, stray])).toEqual([establishedWrongly]);
  });

  it('folding the corrected stream gives the body as it truly was: established 2019-03-15 under the right host', () => {
    const state = foldBody(applyCorrections(stream) as unknown as BodyEvent[]);
    expect(state).toMatchObject({ establishedOn: '2019-03-15', establishedBy: '潍政字〔2019〕8号', hostDepartment: '市市场监管局', annualReports: [{ year: 2019, meetingsHeld: 1 }] });
  });
});
