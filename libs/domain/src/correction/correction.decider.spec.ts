import { correctionRevalidation, decideCorrection, type CorrectEvent } from './correction.decider.js';
import { InvalidFieldsError } from './event-fields.js';
import type { EventCorrected } from './correction.events.js';
import type { DomainEvent, RecordedDomainEvent } from '../shared/domain-event.js';
import type { Violation } from '../shared/violations.js';
import { DeciderSpecification } from '../testing/decider-specification.js';
import {
  FOOD_SAFETY,
  LAND_SURVEY,
  WEIFANG,
  WEIFANG_LIST_DATE,
  WEIFANG_LIST_DOCUMENT,
  established,
  violates,
} from '../testing/weifang.fixtures.js';

type Revalidate = (corrected: DomainEvent) => Violation[];

/**
 * A correction is decided against the stream it corrects: the state is the events as recorded
 * (given events carry their envelope: eventId, recordedAt), the context the rules to judge by.
 */
const given = DeciderSpecification.for<CorrectEvent, DomainEvent, RecordedDomainEvent[], Revalidate>(
  {
    decide: (command, stream, revalidate) => decideCorrection(command, stream.find((e) => e.eventId === command.eventId), revalidate),
    evolve: (stream, event) => [...stream, event as RecordedDomainEvent],
    initialState: () => [],
  },
  correctionRevalidation,
);

function recorded<E extends DomainEvent>(event: E, eventId: string, recordedAt: string, version: number): RecordedDomainEvent<E> {
  return { ...event, eventId, recordedAt, version, position: version + 100 };
}

const foodSafetyEstablished = recorded(
  established('food-safety', { ...FOOD_SAFETY, hostDepartment: '市市场监督局' }, { documentNo: '潍政字〔2019〕8号', effectiveDate: '2019-03-15' }),
  'ev-1',
  '2019-03-16T02:00:00.000Z',
  1,
);
const landSurveyEstablished = recorded(
  established('land-survey', LAND_SURVEY, { documentNo: '潍政办字〔2018〕25号', effectiveDate: '2018-03-20' }),
  'ev-7',
  '2018-03-21T02:00:00.000Z',
  1,
);
const reportFiled = recorded(
  {
    type: 'AnnualReportFiled' as const,
    streamId: 'body-food-safety',
    jurisdiction: WEIFANG,
    bodyId: 'food-safety',
    effectiveDate: '2020-12-20',
    documentNo: '潍市监报〔2020〕40号',
    data: { year: 2020, summary: '召开全体会议2次', meetingsHeld: 2, filedOn: '2020-12-20' },
  },
  'ev-2',
  '2020-12-21T02:00:00.000Z',
  2,
);
const baselineSet = recorded(
  {
    type: 'QuotaBaselineSet' as const,
    streamId: 'jurisdiction-370700',
    jurisdiction: WEIFANG,
    effectiveDate: WEIFANG_LIST_DATE,
    documentNo: WEIFANG_LIST_DOCUMENT,
    data: { total: 66, standing: 55, temporary: 11, series: 'government' as const },
  },
  'ev-9',
  '2020-04-01T02:00:00.000Z',
  1,
);

const correct = (command: Partial<CorrectEvent>): CorrectEvent => ({
  type: 'CorrectEvent',
  eventId: 'ev-1',
  reason: '录入时承担日常工作的部门名称有误，以潍政字〔2019〕8号原文为准',
  today: '2020-06-01',
  ...command,
});

describe('更正 (CorrectEvent)', () => {
  it('a wrong host department is corrected by a new event in the same stream, naming only the fields it supersedes', () => {
    const command = correct({ fields: { hostDepartment: '市市场监管局' } });
    given([foodSafetyEstablished])
      .when(command)
      .then([
        {
          type: 'EventCorrected',
          streamId: 'body-food-safety',
          jurisdiction: WEIFANG,
          bodyId: 'food-safety',
          effectiveDate: '2020-06-01',
          documentNo: '潍政字〔2019〕8号',
          reason: command.reason,
          data: { correctedEventId: 'ev-1', correctedType: 'BodyEstablished', fields: { hostDepartment: '市市场监管局' } },
        } satisfies EventCorrected,
      ]);
  });

  it('a wrong effective date and 文号 are corrected, under the correction\'s own document when it has one', () => {
    given([foodSafetyEstablished])
      .when(correct({ effectiveDate: '2019-03-18', documentNo: '潍政字〔2019〕9号', correctionDocumentNo: '潍编办函〔2020〕6号' }))
      .then((events) => {
        expect(events[0]).toMatchObject({
          documentNo: '潍编办函〔2020〕6号',
          data: { correctedEventId: 'ev-1', fields: {}, effectiveDate: '2019-03-18', documentNo: '潍政字〔2019〕9号' },
        });
      });
  });

  it('a field the event did not carry but its type allows (mirrorsUpperBody) can be supplied', () => {
    given([foodSafetyEstablished]).when(correct({ fields: { mirrorsUpperBody: '山东省食品安全委员会' } })).then((events) => expect(events).toHaveLength(1));
  });

  it('市级办法 第二十条: a wrong meeting count in an annual report is corrected', () => {
    given([foodSafetyEstablished, reportFiled])
      .when(correct({ eventId: 'ev-2', fields: { meetingsHeld: 3 }, reason: '漏记2020年11月专题会议' }))
      .then((events) => expect(events[0]).toMatchObject({ data: { correctedEventId: 'ev-2', correctedType: 'AnnualReportFiled', fields: { meetingsHeld: 3 } } }));
  });

  it('correction: an event that does not exist cannot be corrected', () => {
    given([foodSafetyEstablished]).when(correct({ eventId: 'ev-404', fields: { hostDepartment: '市市场监管局' } })).thenThrows(violates('correction', 'error'));
  });

  it('correction: a correction is not corrected; the new one points at the original event', () => {
    const first = recorded(
      { ...decideCorrection(correct({ fields: { hostDepartment: '市市场监管局' } }), foodSafetyEstablished, correctionRevalidation)[0] },
      'ev-3',
      '2020-06-01T03:00:00.000Z',
      2,
    );
    given([foodSafetyEstablished, first])
      .when(correct({ eventId: 'ev-3', fields: { fields: {} } }))
      .thenThrows(violates('correction', 'error', (v) => v.message.includes('原事件')));
  });

  it('correction: the reason is required, an auditor reads it', () => {
    given([foodSafetyEstablished]).when(correct({ fields: { hostDepartment: '市市场监管局' }, reason: ' ' })).thenThrows(violates('correction', 'error'));
  });

  it('correction: a correction must change something', () => {
    given([foodSafetyEstablished]).when(correct({ fields: {} })).thenThrows(violates('correction', 'error'));
  });

  it('correction: fields the event type does not have are refused', () => {
    given([foodSafetyEstablished]).when(correct({ fields: { chairman: '市长' } })).thenThrows(violates('correction', 'error', (v) => v.message.includes('chairman')));
  });

  it('correction: the fields that identify the event (bodyId, origin...) are never corrected', () => {
    given([foodSafetyEstablished]).when(correct({ fields: { bodyId: 'another-body' } })).thenThrows(violates('correction', 'error', (v) => v.message.includes('bodyId')));
  });

  it('correction: an effective date that is not a calendar date (2019-02-30) is refused', () => {
    given([foodSafetyEstablished]).when(correct({ effectiveDate: '2019-02-30' })).thenThrows(violates('correction', 'error'));
  });

  describe('the corrected establishment must still pass the error rules of 设立', () => {
    it('市级办法 第八条 leader: correcting the leaders away is refused', () => {
      given([foodSafetyEstablished]).when(correct({ fields: { leaders: [] } })).thenThrows(violates('leader', 'error'));
    });

    it('市级办法 第五条 basis: correcting the basis to no condition is refused', () => {
      given([foodSafetyEstablished]).when(correct({ fields: { basis: { conditions: [], text: '' } } })).thenThrows(violates('basis', 'error'));
    });

    it('市级办法 第十条 application: correcting the 文号 to blank is refused', () => {
      given([foodSafetyEstablished]).when(correct({ documentNo: ' ' })).thenThrows(violates('application', 'error'));
    });

    it('市级办法(旧) 第八条 single-series: correcting the series to one that is not a series is refused as a bad field', () => {
      given([foodSafetyEstablished]).when(correct({ fields: { series: 'party-and-government' } })).thenThrows((e) => e instanceof InvalidFieldsError && e.details[0].field === 'fields.series');
    });

    it('市级办法(旧) 第八条 single-series: correcting the series to joint bends the rule: a warning to justify', () => {
      given([foodSafetyEstablished]).when(correct({ fields: { series: 'joint' } })).thenThrows(violates('single-series', 'warning'));
    });

    it('辽宁办法 第八条 temporary-term: moving a temporary body\'s effective date past its term is refused', () => {
      given([landSurveyEstablished]).when(correct({ eventId: 'ev-7', effectiveDate: '2022-01-01' })).thenThrows(violates('temporary-term', 'error'));
    });

    it('市级办法 第八条 member-units: a correction to 15 member units is refused without a justification, as the establishment would be', () => {
      const units = [...FOOD_SAFETY.memberUnits, '市财政局', '市生态环境局', '市城管局', '市粮食和储备局', '潍坊海关'];
      given([foodSafetyEstablished])
        .when(correct({ fields: { memberUnits: units } }))
        .thenThrows(violates('member-units', 'warning', (v) => v.source === '市级办法 第八条'));
    });

    it('市级办法 第八条 member-units: justified by name, the correction records the bent rule with its justification', () => {
      const units = [...FOOD_SAFETY.memberUnits, '市财政局', '市生态环境局', '市城管局', '市粮食和储备局', '潍坊海关'];
      given([foodSafetyEstablished])
        .when(correct({ fields: { memberUnits: units }, justifications: { 'member-units': '确因工作需要可以适当增加' } }))
        .then((events) => expect(events[0]).toMatchObject({
          justification: '确因工作需要可以适当增加',
          waivedRules: [{ rule: 'member-units', source: '市级办法 第八条', justification: '确因工作需要可以适当增加' }],
        }));
    });

    it('市级办法 第八条 member-units: a warning the record already raised as it stood is not asked again', () => {
      const units = [...FOOD_SAFETY.memberUnits, '市财政局', '市生态环境局', '市城管局', '市粮食和储备局', '潍坊海关'];
      const wide = recorded(
        established('food-safety', { ...FOOD_SAFETY, memberUnits: units }, { documentNo: '潍政字〔2019〕8号', effectiveDate: '2019-03-15' }),
        'ev-1', '2019-03-16T02:00:00.000Z', 1,
      );
      given([wide]).when(correct({ fields: { hostDepartment: '市市场监管局' } })).then((events) => expect(events[0].waivedRules).toBeUndefined());
    });

    it('field validation: member units that are not a list of names are refused as bad fields, nothing recorded', () => {
      given([foodSafetyEstablished]).when(correct({ fields: { memberUnits: 'abc' } })).thenThrows((e) => {
        expect(e).toBeInstanceOf(InvalidFieldsError);
        expect((e as InvalidFieldsError).details).toEqual([{ field: 'fields.memberUnits', problems: ['须为数组'] }]);
        return true;
      });
    });

    it('field validation: leaders given as a bare string are refused (the event holds posts)', () => {
      given([foodSafetyEstablished]).when(correct({ fields: { leaders: '省长' } })).thenThrows((e) => e instanceof InvalidFieldsError && e.details[0].field === 'fields.leaders');
    });

    it('市级办法 第二十一条 correction: structural refusals cite the article', () => {
      given([foodSafetyEstablished]).when(correct({ fields: {} })).thenThrows(violates('correction', 'error', (v) => v.source === '市级办法 第二十一条'));
    });

    it('the rules to judge by come with the context', () => {
      const strict: Revalidate = () => [{ rule: 'application', severity: 'error', source: '市级办法 第十条', message: '测试' }];
      given([foodSafetyEstablished], strict).when(correct({ fields: { hostDepartment: '市市场监管局' } })).thenThrows(violates('application', 'error'));
    });
  });

  describe('潍坊名单: the corrected baseline must still add up', () => {
    it('潍坊名单 quota: correcting the standing count so that 55 + 11 no longer makes the total is refused', () => {
      given([baselineSet]).when(correct({ eventId: 'ev-9', fields: { standing: 50 } })).thenThrows(violates('quota', 'error'));
    });

    it('潍坊名单 quota: correcting total, standing and temporary together is accepted', () => {
      given([baselineSet])
        .when(correct({ eventId: 'ev-9', fields: { total: 65, standing: 54 }, reason: '录入有误，以正式印发文件为准' }))
        .then((events) => expect(events[0]).toMatchObject({ streamId: 'jurisdiction-370700', data: { fields: { total: 65, standing: 54 } } }));
    });
  });
});
