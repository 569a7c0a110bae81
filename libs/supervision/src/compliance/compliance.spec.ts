import { MUNICIPAL_POLICY } from '#domain';
import { buildJurisdictionHistory } from '../history/jurisdiction-history.js';
import { CODE, SupervisionLog, waiver } from '../testing/supervision-log.js';
import type { AlertRule, ComplianceAlert } from './alerts.js';
import { complianceOn, type ComplianceAnswer } from './compliance.js';

const EVERYTHING = '9999-12-31T23:59:59.999Z';
const answerOn = (log: SupervisionLog, date: string, knownAt = EVERYTHING, options = {}): ComplianceAnswer =>
  complianceOn(buildJurisdictionHistory(CODE, log.events, knownAt), date, options);
const alertsOf = (log: SupervisionLog, date: string, rule: AlertRule, options = {}): ComplianceAlert[] =>
  answerOn(log, date, EVERYTHING, options).alerts.filter((a) => a.rule === rule);

describe('潍坊名单 总量控制 (quota)', () => {
  const log = new SupervisionLog();
  log.baseline('2020-03-31', 2, 'government', '潍政办字〔2020〕37号');
  log.establish('a', '2020-03-31', '潍坊市安全生产委员会');
  log.establish('b', '2020-03-31', '潍坊市防汛抗旱指挥部');
  log.establish('p', '2020-05-01', '中共潍坊市委全面依法治市委员会', { series: 'party' });
  log.establish('c', '2020-06-01', '潍坊市数字经济发展领导小组', {}, waiver('quota'));
  log.establish('d', '2021-02-01', '潍坊市城市更新工作领导小组', {}, waiver('quota'));
  log.abolish('c', '2022-01-10', 2);

  it('潍坊名单 quota: within the baseline (a 市委 body outside the 市政府 baseline) there is no alert', () => {
    expect(alertsOf(log, '2020-05-31', 'quota')).toEqual([]);
  });

  it('潍坊名单 quota: one over the baseline gives the baseline, the excess and the day it went over', () => {
    const [alert] = alertsOf(log, '2020-12-31', 'quota');
    expect(alert).toMatchObject({
      rule: 'quota',
      since: '2020-06-01',
      bodies: [{ id: 'c', name: '潍坊市数字经济发展领导小组' }],
      details: { baseline: { total: 2, series: 'government', documentNo: '潍政办字〔2020〕37号', effectiveDate: '2020-03-31' }, active: 3, excess: 1 },
    });
    expect(alert.article).toContain('潍坊名单');
  });

  it('潍坊名单 quota: the stretch over the baseline keeps its first day while the excess grows', () => {
    const [alert] = alertsOf(log, '2021-06-30', 'quota');
    expect(alert).toMatchObject({ since: '2020-06-01', details: { active: 4, excess: 2, maxExcessSince: 2 } });
    expect(alert.bodies.map((b) => b.id)).toEqual(['d', 'c']);
  });

  it('潍坊名单 quota: after an abolition the excess falls, the stretch goes on', () => {
    expect(alertsOf(log, '2022-01-10', 'quota')[0]).toMatchObject({ since: '2020-06-01', details: { excess: 1 } });
  });
});

describe('市级办法 第十五条(二) 工作任务已经完成的 (term-expired)', () => {
  const log = new SupervisionLog();
  log.establish('census', '2019-04-01', '潍坊市第二次全国污染源普查领导小组', { duration: 'temporary', termEnd: '2021-06-30', abolitionCondition: '普查工作完成后自行撤销' });
  log.establish('late', '2019-04-01', '潍坊市第三次国土调查领导小组', { duration: 'temporary', termEnd: '2020-12-31', abolitionCondition: '调查成果通过验收后撤销' });
  log.adjust('late', '2021-03-01', { termEnd: '2021-12-31' });
  log.abolish('census', '2021-09-30', 2);

  it('市级办法 第十五条(二): a temporary body still listed the day after its term is an alert citing the ground to abolish', () => {
    const alerts = alertsOf(log, '2021-07-01', 'term-expired');
    const census = alerts.find((a) => a.bodies[0].id === 'census')!;
    expect(census).toMatchObject({
      article: '市级办法 第十五条(二)',
      since: '2021-07-01',
      details: { termEnd: '2021-06-30', daysPastTerm: 1, abolitionCondition: '普查工作完成后自行撤销', candidate: { action: 'abolish', ground: '第十五条(二)工作任务已经完成的' } },
    });
  });

  it('市级办法 第十五条(二): on its last day of term a body is not yet an alert', () => {
    expect(alertsOf(log, '2021-06-30', 'term-expired').map((a) => a.bodies[0].id)).not.toContain('census');
  });

  it('市级办法 第十五条(二): a term extended after it ran out ends the first stretch; the next one starts after the new term', () => {
    expect(alertsOf(log, '2021-02-01', 'term-expired').find((a) => a.bodies[0].id === 'late')?.since).toBe('2021-01-01');
    expect(alertsOf(log, '2021-06-01', 'term-expired').find((a) => a.bodies[0].id === 'late')).toBeUndefined();
    expect(alertsOf(log, '2022-03-01', 'term-expired').find((a) => a.bodies[0].id === 'late')?.since).toBe('2022-01-01');
  });

  it('市级办法 第十五条(二): once abolished, no alert', () => {
    expect(alertsOf(log, '2021-10-01', 'term-expired')).toEqual([]);
  });
});

describe('市级办法 第二十条 每年底报告当年工作情况 (annual-report)', () => {
  const log = new SupervisionLog();
  log.establish('food', '2019-03-15', '潍坊市食品安全委员会');
  log.report('food', 2019, '2019-12-20');
  log.report('food', 2021, '2022-02-10');

  it('市级办法 第二十条: the report of 2020 not filed by 2020-12-31 is an alert from 2021-01-01, naming the host department', () => {
    const [alert] = alertsOf(log, '2021-01-01', 'annual-report');
    expect(alert).toMatchObject({
      article: '市级办法 第二十条',
      since: '2021-01-01',
      bodies: [{ id: 'food' }],
      details: { hostDepartment: '市政府办公室', missing: [{ year: 2020, deadline: '2020-12-31' }], lastReport: { year: 2019 } },
    });
  });

  it('市级办法 第二十条: on the deadline itself nothing is missing yet', () => {
    expect(alertsOf(log, '2020-12-31', 'annual-report')).toEqual([]);
  });

  it('市级办法 第二十条: a later report closes the alert; the gap before it stays in the history, not among open alerts (ADR 0013)', () => {
    expect(alertsOf(log, '2022-01-15', 'annual-report')[0].details.missing).toEqual([{ year: 2020, deadline: '2020-12-31' }, { year: 2021, deadline: '2021-12-31' }]);
    expect(alertsOf(log, '2022-03-01', 'annual-report')).toEqual([]);
  });

  it('市级办法 第二十条: a body imported from a published list (no host department recorded) is named without an empty (承担日常工作的部门：)', () => {
    const imported = new SupervisionLog();
    imported.establish('list', '2020-03-31', '潍坊市食品安全委员会', { hostDepartment: '' });
    const [alert] = alertsOf(imported, '2021-01-01', 'annual-report');
    expect(alert.message).toBe('潍坊市食品安全委员会未报送 2020 年度工作情况报告');
  });

  it('市级办法 第二十条: the alert of a body that stopped reporting lists the years since its last report', () => {
    const stopped = new SupervisionLog();
    stopped.establish('food', '2015-03-15', '潍坊市食品安全委员会');
    stopped.report('food', 2017, '2017-12-20');
    expect(alertsOf(stopped, '2020-01-01', 'annual-report')[0]).toMatchObject({ since: '2019-01-01', details: { missing: [{ year: 2018 }, { year: 2019 }] } });
  });

  it('市级办法 第二十条: under a policy whose reports are due on 03-31 of the next year, the deadline moves', () => {
    const next = new SupervisionLog();
    next.adopt('2015-01-01', { name: '某县办法', annualReportDeadline: '03-31', annualReportDueNextYear: true });
    next.establish('food', '2019-03-15', '潍坊市食品安全委员会');
    expect(alertsOf(next, '2020-03-31', 'annual-report')).toEqual([]);
    expect(alertsOf(next, '2020-04-01', 'annual-report')[0]).toMatchObject({ since: '2020-04-01', details: { missing: [{ year: 2019, deadline: '2020-03-31' }] } });
  });
});

describe('市级办法 第十五条(七) 长期不开展工作 (dormant)', () => {
  const log = new SupervisionLog();
  log.establish('lang', '2010-02-01', '潍坊市语言文字工作委员会');
  log.report('lang', 2010, '2010-12-15', 3);
  log.report('lang', 2011, '2011-12-15', 0);
  log.report('lang', 2012, '2012-12-15', 0);
  log.report('lang', 2013, '2013-12-15', 0);

  it('市级办法 第十五条(七): no report recording a meeting for more than three years is an alert, a candidate for abolition', () => {
    // 1095 days after 2010-12-15 is 2013-12-14 (2012 has 366 days).
    expect(alertsOf(log, '2013-12-14', 'dormant')).toEqual([]);
    const [alert] = alertsOf(log, '2013-12-15', 'dormant');
    expect(alert).toMatchObject({
      article: '市级办法 第十五条(七)',
      since: '2013-12-15',
      details: { lastSignOfWork: { date: '2010-12-15', by: 'report', year: 2010 }, spanDays: 1095, candidate: { action: 'abolish' } },
    });
  });

  it('市级办法 第十五条(七): the span is configurable, per policy or per question', () => {
    expect(alertsOf(log, '2012-12-16', 'dormant', { dormantAfterDays: 730 })[0].since).toBe('2012-12-15');
    const strict = new SupervisionLog();
    strict.adopt('2000-01-01', { dormantAfterDays: 365 });
    strict.establish('lang', '2010-02-01', '潍坊市语言文字工作委员会');
    expect(alertsOf(strict, '2011-02-02', 'dormant')[0].since).toBe('2011-02-02');
  });

  it('市级办法 第十五条(七): a body without any report counts from its establishment', () => {
    const quiet = new SupervisionLog();
    quiet.establish('quiet', '2018-01-01', '潍坊市地方志编纂委员会');
    expect(alertsOf(quiet, '2021-01-01', 'dormant')[0]).toMatchObject({ since: '2021-01-01', details: { lastSignOfWork: { by: 'establishment', date: '2018-01-01' } } });
  });
});

describe('市级办法 第八条 成员单位原则上不超过10个 (member-units)', () => {
  const units = (n: number) => Array.from({ length: n }, (_, i) => `成员单位${i + 1}`);

  it('市级办法 第八条: more than ten member units without a recorded need is an alert from the decision that set them', () => {
    const log = new SupervisionLog();
    log.establish('safety', '2019-03-01', '潍坊市安全生产委员会', { memberUnits: units(12) });
    const [alert] = alertsOf(log, '2020-01-01', 'member-units');
    expect(alert).toMatchObject({ article: '市级办法 第八条', since: '2019-03-01', details: { memberUnits: 12, limit: 10, policy: '市级办法' } });
  });

  it('市级办法 第八条: the same with the need recorded (waivedRules) stays in view, marked justified with its text (docs/domain.md)', () => {
    const log = new SupervisionLog();
    log.establish('safety', '2019-03-01', '潍坊市安全生产委员会', { memberUnits: units(12) }, waiver('member-units'));
    const [alert] = alertsOf(log, '2020-01-01', 'member-units');
    expect(alert).toMatchObject({ article: '市级办法 第八条', since: '2019-03-01', details: { memberUnits: 12, justified: true, recordedJustification: { justification: expect.any(String) } } });
  });

  it('市级办法 第八条 deputies: a justified bend of the deputies rule appears in supervision while it stands', () => {
    const log = new SupervisionLog();
    log.establish('safety', '2019-03-01', '潍坊市安全生产委员会', {}, { justification: '承担综合性重大任务', waivedRules: [{ rule: 'deputies', source: '市级办法 第八条', message: '副组长一般为 1至2 名，本决定为 4 名' }] });
    const [alert] = alertsOf(log, '2020-01-01', 'deputies' as never);
    expect(alert).toMatchObject({ rule: 'deputies', since: '2019-03-01', details: { justified: true, recordedJustification: { justification: '承担综合性重大任务' } } });
  });

  it('市级办法 第八条: a later adjustment that sets too many units without a recorded need starts the alert on its date', () => {
    const log = new SupervisionLog();
    log.establish('safety', '2019-03-01', '潍坊市安全生产委员会', { memberUnits: units(8) });
    log.adjust('safety', '2021-05-01', { memberUnits: units(11) });
    expect(alertsOf(log, '2021-04-30', 'member-units')).toEqual([]);
    expect(alertsOf(log, '2021-05-01', 'member-units')[0].since).toBe('2021-05-01');
  });

  it('市级办法 第八条: a correction that raises the count past the limit is no recorded need', () => {
    const log = new SupervisionLog();
    const est = log.establish('safety', '2019-03-01', '潍坊市安全生产委员会', { memberUnits: units(9) });
    log.correct(est, { memberUnits: units(14) }, '2026-01-05');
    expect(alertsOf(log, '2020-01-01', 'member-units')[0].details.memberUnits).toBe(14);
  });

  it('市级办法 第八条: a decision is judged by the policy of its own date, not by a later, stricter one', () => {
    const log = new SupervisionLog();
    log.adopt('2010-01-01', { name: '某市办法(2010)', maxMemberUnits: 15 });
    log.establish('safety', '2019-03-01', '潍坊市安全生产委员会', { memberUnits: units(12) });
    log.adopt('2022-01-01', { name: '某市办法(2022)', maxMemberUnits: 10 });
    expect(alertsOf(log, '2023-01-01', 'member-units')).toEqual([]);
  });
});

describe('市级办法 第六条(三)、第十六条(一)(二) 职责相同或者相近 (duplicate)', () => {
  const log = new SupervisionLog();
  log.establish('food1', '2004-06-18', '潍坊市食品安全工作领导小组');
  log.establish('food2', '2005-03-22', '潍坊市食品安全委员会', {}, waiver('duplicate', '与食品安全工作领导小组职责各有侧重'));
  log.establish('flood', '2005-04-01', '潍坊市防汛抗旱指挥部', { duties: '组织指挥全市防汛抗旱和抢险救灾，调度水利工程，审定防御洪水方案和抗旱预案' });
  log.establish('water', '2006-01-01', '潍坊市水旱灾害防御工作领导小组', { duties: '组织指挥全市防汛抗旱和抢险救灾，调度水利工程，审定防御洪水方案和抗旱应急预案' });
  log.rename('food1', '2007-01-10', '潍坊市食品安全工作领导小组', '潍坊市农产品质量安全工作领导小组');

  it('市级办法 第六条(三): two active bodies with the same name but for the kind are an alert naming both, a candidate for merger', () => {
    const [alert] = alertsOf(log, '2005-12-31', 'duplicate').filter((a) => a.bodies.some((b) => b.id === 'food2'));
    expect(alert).toMatchObject({
      since: '2005-03-22',
      bodies: [{ id: 'food1' }, { id: 'food2' }],
      details: { basis: 'name', candidate: { action: 'merge', ground: '第十六条(一)工作职责相同或者相近的' }, recordedJustification: { justification: '与食品安全工作领导小组职责各有侧重' } },
    });
    expect(alert.article).toBe('市级办法 第六条(三)、第十六条(一)(二)');
  });

  it('市级办法 第六条(三): duties reworded slightly are an alert too', () => {
    const [alert] = alertsOf(log, '2006-06-01', 'duplicate').filter((a) => a.bodies.some((b) => b.id === 'water'));
    expect(alert).toMatchObject({ since: '2006-01-01', bodies: [{ id: 'flood' }, { id: 'water' }], details: { basis: 'duties' } });
  });

  it('市级办法 第六条(三): a rename that gives the body another task ends the alert', () => {
    expect(alertsOf(log, '2007-01-10', 'duplicate').filter((a) => a.bodies.some((b) => b.id === 'food2'))).toEqual([]);
  });
});

describe('a later policy never re-judges the past', () => {
  const log = new SupervisionLog();
  log.baseline('2015-01-01', 3);
  for (const [id, name, date] of [['a', '潍坊市安全生产委员会', '2015-02-01'], ['b', '潍坊市防汛抗旱指挥部', '2015-03-01'], ['c', '潍坊市禁毒委员会', '2016-01-01'], ['d', '潍坊市绿化委员会', '2016-02-01']] as const) {
    log.establish(id, date, name, { memberUnits: Array.from({ length: 12 }, (_, i) => `单位${i}`) }, waiver('member-units'));
  }
  log.establish('t', '2016-03-01', '潍坊市第三次全国农业普查领导小组', { duration: 'temporary', termEnd: '2018-06-30' });
  log.report('a', 2016, '2016-12-20', 0);
  log.report('b', 2016, '2016-12-20', 1);
  const dates = ['2016-12-31', '2017-06-30', '2018-12-31', '2019-06-30', '2019-12-31'];
  const before = dates.map((d) => answerOn(log, d));
  const adoption = '2020-01-01';

  it('市级办法 第二十三条: adopting a stricter policy from 2020 leaves every answer for earlier dates as it was', () => {
    log.adopt(adoption, { name: '某县办法', maxMemberUnits: 8, annualReportDeadline: '06-30', annualReportDueNextYear: true, dormantAfterDays: 365 }, '某办发〔2019〕9号');
    const after = dates.map((d) => answerOn(log, d));
    expect(after).toEqual(before);
    expect(after.every((a) => a.policy.name === MUNICIPAL_POLICY.name && !a.policy.recorded)).toBe(true);
  });

  it('市级办法 第二十三条: from its effective date the new policy judges: its span, its deadline, its name', () => {
    const later = answerOn(log, '2020-07-01');
    expect(later.policy).toMatchObject({ name: '某县办法', recorded: true, adoptedOn: adoption, adoptionDocumentNo: '某办发〔2019〕9号', limits: { dormantAfterDays: 365, maxMemberUnits: 8 } });
    // b last met in 2016 (report of 2016-12-20): more than 1095 days later it was already dormant
    // under 市级办法 (from 2019-12-21), and it stays so, its stretch reaching back before 2020; c
    // and d, set up in 2016 with no report since, likewise from 1096 days after their setting up.
    const dormant = Object.fromEntries(later.alerts.filter((a) => a.rule === 'dormant').map((a) => [a.bodies[0].id, a.since]));
    expect(dormant).toMatchObject({ b: '2019-12-21', c: '2019-01-01', d: '2019-02-01' });
    // A report recording a meeting on 2019-08-01 is quiet 365 days later only under the new span.
    log.report('d', 2019, '2019-08-01', 2);
    const dormantSince = (date: string, id: string) => answerOn(log, date).alerts.find((a) => a.rule === 'dormant' && a.bodies[0].id === id)?.since;
    expect(dormantSince('2019-12-31', 'd')).toBeUndefined();
    expect(dormantSince('2020-07-31', 'd')).toBeUndefined();
    expect(dormantSince('2020-08-01', 'd')).toBe('2020-08-01'); // 366 days: 2020 is a leap year
    // c met on 2018-10-01: quiet more than 365 days by 2019-10-02, but the new span judges only
    // from 2020-01-01, and under 市级办法 c was not dormant yet: the alert begins on 2020-01-01.
    log.report('c', 2018, '2018-10-01', 2);
    expect(dormantSince('2019-12-31', 'c')).toBeUndefined();
    expect(dormantSince('2020-03-01', 'c')).toBe('2020-01-01');
    // The report of 2019 was due under 市级办法 (2019-12-31); that of 2020 under the new policy, by 2021-06-30.
    expect(later.alerts.filter((a) => a.rule === 'annual-report').every((a) => (a.details.missing as Array<{ year: number }>).every((m) => m.year <= 2019))).toBe(true);
    const atTheDeadline = answerOn(log, '2021-07-01').alerts.find((a) => a.rule === 'annual-report' && a.bodies[0].id === 'c')!;
    expect((atTheDeadline.details.missing as Array<{ year: number; deadline: string }>).at(-1)).toEqual({ year: 2020, deadline: '2021-06-30' });
    // Member units set in 2015–2016 with a recorded need stay judged by the policy of their date.
    expect(later.alerts.filter((a) => a.rule === 'member-units' && !a.details.justified)).toEqual([]);
  });

  it('as known before the adoption was recorded, even later dates are judged by 市级办法', () => {
    const knownBefore = log.events.find((e) => e.type === 'PolicyAdopted')!.recordedAt;
    const earlier = answerOn(log, '2020-07-01', new Date(Date.parse(knownBefore) - 1).toISOString());
    expect(earlier.policy).toMatchObject({ name: '市级办法', recorded: false });
  });
});

describe('市级办法 第十五条(二) 临时性机构以条件结束 (term-review)', () => {
  it('a temporary body ended by its condition alone is asked about once it has existed 730 days, not before', () => {
    const log = new SupervisionLog();
    log.establish('census', '2020-01-10', '潍坊市第一次全国自然灾害综合风险普查领导小组', { duration: 'temporary', termEnd: undefined, abolitionCondition: '普查任务完成后自行撤销' });
    expect(alertsOf(log, '2022-01-08', 'term-review')).toEqual([]);
    const [alert] = alertsOf(log, '2022-06-01', 'term-review');
    expect(alert).toMatchObject({ article: '市级办法 第十五条(二)', since: '2022-01-09', details: { reviewAfterDays: 730, abolitionCondition: '普查任务完成后自行撤销' } });
  });

  it('a body with a term is judged by term-expired, not asked for review', () => {
    const log = new SupervisionLog();
    log.establish('census', '2020-01-10', '潍坊市第七次全国人口普查领导小组', { duration: 'temporary' });
    expect(alertsOf(log, '2026-01-01', 'term-review')).toEqual([]);
  });
});

describe('establishment-missing: a body first recorded from an adjustment', () => {
  it('is flagged from its first record until its establishment is recorded', () => {
    const log = new SupervisionLog();
    log.establish('river', '2021-05-01', '潍坊市河长制工作领导小组', { origin: 'unrecorded' } as never);
    const [alert] = alertsOf(log, '2021-06-01', 'establishment-missing');
    expect(alert).toMatchObject({ since: '2021-05-01', bodies: [{ id: 'river' }] });
  });
});
