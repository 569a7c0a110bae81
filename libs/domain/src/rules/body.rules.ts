/**
 * The rules of docs/domain.md that can be checked when a decision is recorded, one function each,
 * named after the rule and citing its article. Each returns the violations it finds.
 */
import type { LocalDate } from '../shared/dates.js';
import type { Violation } from '../shared/violations.js';
import type { Policy } from '../policy/policy.js';
import type { BodyDecisionState } from '../body/body.state.js';
import type { BodyProfile, Post, Series } from '../body/body.types.js';
import { RANKS_HIGH_TO_LOW } from '../body/body.types.js';
import { dutiesSimilar, namesSimilar } from './body-similarity.js';

/** A body active on the decision's date, as other rules need to see it. */
export interface ActiveBodySummary {
  id: string;
  name: string;
  aliases: string[];
  duties: string;
  series: Series;
}

export interface QuotaBaselineInForce {
  total: number;
  series?: Series;
  documentNo: string;
  effectiveDate: LocalDate;
}

/** What a decision is judged against besides the body itself. */
export interface DecisionContext {
  policy: Policy;
  /** Bodies of the jurisdiction active on the effective date, the decided body excluded. */
  activeBodies: ActiveBodySummary[];
  /** The 总量控制基准 in force on the effective date, if any. */
  baseline?: QuotaBaselineInForce;
}

const SOURCES = {
  basis: '市级办法 第五条',
  application: '市级办法 第十条',
  temporaryTerm: '辽宁办法 第八条; 国务院令第486号 第十一条',
  singleSeries: '市级办法(旧) 第八条',
  lifecycle: '市级办法 第十三至十八条',
  leader: '市级办法 第八条',
  deputies: '市级办法 第八条; 辽宁办法 第六条',
  memberUnits: '市级办法 第八条',
  memberRank: '市级办法 第九条',
  discipline: '市级办法 第九条',
  mirror: '市级办法 第七条',
  duplicate: '市级办法 第六条(三)',
  quota: '潍坊名单 (潍政办字〔2020〕37号)',
} as const;

const isBlank = (value: unknown) => typeof value !== 'string' || value.trim().length === 0;

/** 第五条: at least one of the three conditions, with the text that shows it. */
export function basisRule(profile: Pick<BodyProfile, 'basis'>): Violation[] {
  const basis = profile.basis;
  const valid = basis && Array.isArray(basis.conditions) && basis.conditions.length > 0 &&
    basis.conditions.every((c) => c === 1 || c === 2 || c === 3);
  if (valid && !isBlank(basis.text)) return [];
  return [{
    rule: 'basis',
    severity: 'error',
    source: SOURCES.basis,
    message: '设立依据须注明符合第五条所列情形(一)至(三)中的至少一项，并写明依据文本',
  }];
}

/**
 * Every decision carries the 文号 of the document that made or filed it (docs/domain.md; 第十条 for
 * an establishment, 第十四条 for a filing, 第十八条 for the others). A blank one is refused.
 */
export function documentNoRule(documentNo: unknown, source: string = SOURCES.application): Violation[] {
  if (!isBlank(documentNo)) return [];
  return [{ rule: 'application', severity: 'error', source, message: '须写明批准或备案文件的文号(documentNo)' }];
}

/** 第十条: the application names the body, its reason, leadership, member units, tasks, duties, host and document. */
export function applicationRule(profile: Partial<BodyProfile>, documentNo: string | undefined): Violation[] {
  const missing: string[] = [];
  if (isBlank(profile.name)) missing.push('name(名称)');
  if (isBlank(profile.reason)) missing.push('reason(设立理由)');
  if (!profile.memberUnits || profile.memberUnits.length === 0) missing.push('memberUnits(成员单位)');
  if (isBlank(profile.tasks)) missing.push('tasks(任务)');
  if (isBlank(profile.duties)) missing.push('duties(职责)');
  // 办公室设在… or the 牵头单位 stand for the unit doing the daily work when the notice names no other
  const hosted = !isBlank(profile.hostDepartment) || !isBlank(profile.office?.seat) || (profile.leadUnits ?? []).some((u) => !isBlank(u));
  if (!hosted) missing.push('hostDepartment(办事机构/承担日常工作的部门，或 office.seat 办公室设在、leadUnits 牵头单位)');
  if (isBlank(documentNo)) missing.push('documentNo(文号)');
  if (missing.length === 0) return [];
  return [{ rule: 'application', severity: 'error', source: SOURCES.application, message: `申请内容不完整，缺少：${missing.join('、')}` }];
}

/**
 * A temporary body states how it ends: a term (termEnd), an abolition condition, or both. A body
 * ended by a condition alone (任务完成后自行撤销) has no term; supervision asks for its review
 * after the policy's span (term-review).
 */
export function temporaryTermRule(
  profile: Pick<BodyProfile, 'duration' | 'termEnd' | 'abolitionCondition'>,
  effectiveDate: LocalDate,
): Violation[] {
  if (profile.duration !== 'temporary') return [];
  const problems: string[] = [];
  if (!profile.termEnd && isBlank(profile.abolitionCondition)) problems.push('须写明设立期限(termEnd)或撤销条件(abolitionCondition，如“任务完成后自行撤销”)');
  if (profile.termEnd && profile.termEnd <= effectiveDate) problems.push('设立期限(termEnd)须晚于生效日期');
  if (problems.length === 0) return [];
  return [{ rule: 'temporary-term', severity: 'error', source: SOURCES.temporaryTerm, message: `临时性机构${problems.join('，')}` }];
}

export const SERIES_NAMES: Record<Series, string> = { party: '党委', government: '政府', joint: '党委和政府联合' };

/**
 * Party or government, exactly one; an affiliation change must change the series. A body set
 * up jointly by party and government (中共中央、国务院) is a real decision: it bends the rule
 * (一般不联合设立) unless the policy allows joint establishment.
 */
export function singleSeriesRule(series: unknown, current?: Series, policy?: Pick<Policy, 'jointEstablishmentAllowed'>): Violation[] {
  if (series !== 'party' && series !== 'government' && series !== 'joint') {
    return [{ rule: 'single-series', severity: 'error', source: SOURCES.singleSeries, message: '序列(series)须为党委(party)、政府(government)或党政联合(joint)' }];
  }
  if (current !== undefined && series === current) {
    return [{ rule: 'single-series', severity: 'error', source: SOURCES.singleSeries, message: `该机构已属于${SERIES_NAMES[series]}序列，隶属关系未改变` }];
  }
  if (series === 'joint' && !policy?.jointEstablishmentAllowed) {
    return [{ rule: 'single-series', severity: 'warning', source: SOURCES.singleSeries, message: '议事协调机构一般不由党委和政府联合设立；本决定为党政联合设立' }];
  }
  return [];
}

/** No action on a body that is abolished or merged away, or dated before it exists. */
export function lifecycleRule(state: BodyDecisionState, effectiveDate: LocalDate): Violation[] {
  if (!state) {
    return [{ rule: 'lifecycle', severity: 'error', source: SOURCES.lifecycle, message: '该机构尚未设立' }];
  }
  if (state.status !== 'active') {
    const what = state.status === 'merged' ? '已被合并' : '已撤销';
    return [{ rule: 'lifecycle', severity: 'error', source: SOURCES.lifecycle, message: `该机构${what}(${state.endedOn})，不能再对其作出决定` }];
  }
  if (effectiveDate < state.establishedOn) {
    return [{ rule: 'lifecycle', severity: 'error', source: SOURCES.lifecycle, message: `生效日期 ${effectiveDate} 早于该机构设立日期 ${state.establishedOn}` }];
  }
  return [];
}

/** One leader (组长/主任/指挥/召集人): none is an error, more than one bends the rule. */
export function leaderRule(leaders: Post[] | undefined): Violation[] {
  const count = leaders?.length ?? 0;
  if (count === 0) return [{ rule: 'leader', severity: 'error', source: SOURCES.leader, message: '须设组长(主任、指挥、召集人)一名' }];
  if (count > 1) return [{ rule: 'leader', severity: 'warning', source: SOURCES.leader, message: `一般设组长(主任等)一名，本决定设 ${count} 名` }];
  return [];
}

/** One or two deputies (the policy may allow more, as 辽宁办法 第六条 does). */
export function deputiesRule(deputies: Post[] | undefined, policy: Policy): Violation[] {
  const count = deputies?.length ?? 0;
  if (count >= policy.minDeputies && count <= policy.maxDeputies) return [];
  return [{ rule: 'deputies', severity: 'warning', source: SOURCES.deputies, message: `副组长(副主任等)一般为 ${policy.minDeputies}至${policy.maxDeputies} 名，本决定为 ${count} 名` }];
}

/** At most ten member units in principle; more with a stated need. */
export function memberUnitsRule(memberUnits: string[] | undefined, policy: Policy): Violation[] {
  const count = memberUnits?.length ?? 0;
  if (count <= policy.maxMemberUnits) return [];
  return [{ rule: 'member-units', severity: 'warning', source: SOURCES.memberUnits, message: `成员单位原则上不超过 ${policy.maxMemberUnits} 个，本决定为 ${count} 个，确因工作需要增加的须说明理由` }];
}

const NON_LEADERSHIP_TITLE = /(调研员|巡视员|非领导职务|主任科员|科员)/u;

/** No non-leadership posts, none below the lowest rank the policy allows. */
export function memberRankRule(posts: Post[], policy: Policy): Violation[] {
  const floor = RANKS_HIGH_TO_LOW.indexOf(policy.lowestMemberRank);
  // experts holding no post (专家委员) have no rank to judge
  const offending = posts.filter((post) => !post.expert && (
    post.rank === 'non-leadership' ||
    (post.rank !== undefined && RANKS_HIGH_TO_LOW.indexOf(post.rank) > floor) ||
    NON_LEADERSHIP_TITLE.test(post.title)));
  if (offending.length === 0) return [];
  return [{ rule: 'member-rank', severity: 'warning', source: SOURCES.memberRank, message: `任非领导职务或低于规定级别职务的人员原则上不列为成员：${offending.map((p) => p.title).join('、')}` }];
}

const DISCIPLINE_POST = /(纪委书记|纪委副书记|纪检监察|纪检组长|监委主任)/u;
const DISCIPLINE_SUBJECT = /(纪律|纪检|监察|廉政|反腐|巡察|巡视|作风|问责|督查)/u;

/** A discipline-inspection secretary sits only on discipline-related bodies. */
export function disciplineRule(posts: Post[], profile: Pick<BodyProfile, 'name' | 'duties' | 'tasks'>): Violation[] {
  const secretaries = posts.filter((post) => !post.expert && DISCIPLINE_POST.test(post.title));
  if (secretaries.length === 0) return [];
  if (DISCIPLINE_SUBJECT.test(`${profile.name}${profile.duties ?? ''}${profile.tasks ?? ''}`)) return [];
  return [{ rule: 'discipline', severity: 'warning', source: SOURCES.discipline, message: `纪检监察负责同志一般只参加与纪检监察工作相关的议事协调机构：${secretaries.map((p) => p.title).join('、')}` }];
}

/** No body set up only to mirror an upper-level one, unless the upper level requires it (第五条(一)). */
export function mirrorRule(profile: Pick<BodyProfile, 'mirrorsUpperBody' | 'basis'>): Violation[] {
  if (isBlank(profile.mirrorsUpperBody)) return [];
  if (profile.basis?.conditions?.includes(1)) return [];
  return [{ rule: 'mirror', severity: 'warning', source: SOURCES.mirror, message: `对口上级机构“${profile.mirrorsUpperBody}”设立，但设立依据未注明上级明确规定(第五条(一))` }];
}

const sameName = (a: string, b: string) => a.normalize('NFKC').replace(/\s+/gu, '') === b.normalize('NFKC').replace(/\s+/gu, '');

/**
 * Same or similar name or duties as another active body of the jurisdiction. A name identical
 * to an active body's in the same series (a double submit, most often) must be justified by
 * name (`justifications.duplicate`): the violation is `explicit`.
 */
export function duplicateRule(
  candidate: { name?: string; aliases?: string[]; duties?: string; series?: Series },
  activeBodies: ActiveBodySummary[],
): Violation[] {
  const candidateNames = [candidate.name, ...(candidate.aliases ?? [])].filter((n): n is string => !!n);
  const identical = activeBodies.filter((body) =>
    (candidate.series === undefined || body.series === candidate.series) &&
    candidateNames.some((a) => [body.name, ...body.aliases].some((b) => sameName(a, b))));
  const similar = activeBodies.filter((body) => {
    if (identical.includes(body)) return false;
    const names = [body.name, ...body.aliases];
    const nameClash = candidateNames.some((a) => names.some((b) => namesSimilar(a, b)));
    return nameClash || (candidate.duties !== undefined && dutiesSimilar(candidate.duties, body.duties));
  });
  const violations: Violation[] = [];
  if (identical.length > 0) {
    violations.push({
      rule: 'duplicate',
      severity: 'warning',
      source: SOURCES.duplicate,
      message: `与同一序列在册的议事协调机构名称相同：${identical.map((b) => b.name).join('、')}`,
      related: identical.map((b) => b.id),
      explicit: true,
    });
  }
  if (similar.length > 0) {
    violations.push({
      rule: 'duplicate',
      severity: 'warning',
      source: SOURCES.duplicate,
      message: `与已设立的议事协调机构名称或职责相同、相近：${similar.map((b) => b.name).join('、')}`,
      related: similar.map((b) => b.id),
    });
  }
  return violations;
}

/**
 * 总量控制: the active count after the decision stays within the baseline in force. A
 * decision that does not raise the count (it abolishes or merges enough) is never blamed.
 */
export function quotaRule(change: { delta: number; series: Series }, context: DecisionContext): Violation[] {
  const baseline = context.baseline;
  if (!baseline || change.delta <= 0) return [];
  if (baseline.series && baseline.series !== change.series) return [];
  const counted = context.activeBodies.filter((b) => !baseline.series || b.series === baseline.series).length;
  const after = counted + change.delta;
  if (after <= baseline.total) return [];
  return [{
    rule: 'quota',
    severity: 'warning',
    source: SOURCES.quota,
    message: `超出总量控制基准：基准 ${baseline.total} 个(${baseline.documentNo})，决定后为 ${after} 个，超出 ${after - baseline.total} 个`,
  }];
}

/** Every rule an establishment (设立) must pass, for a plain one and for a merger's new body. */
export function establishmentRules(
  profile: BodyProfile,
  record: { documentNo: string; effectiveDate: LocalDate },
  context: DecisionContext,
  quotaDelta: number,
): Violation[] {
  const posts = postsOf(profile);
  return [
    ...basisRule(profile),
    ...applicationRule(profile, record.documentNo),
    ...temporaryTermRule(profile, record.effectiveDate),
    ...singleSeriesRule(profile.series, undefined, context.policy),
    ...leaderRule(profile.leaders),
    ...deputiesRule(profile.deputies, context.policy),
    ...memberUnitsRule(profile.memberUnits, context.policy),
    ...memberRankRule(posts, context.policy),
    ...disciplineRule(posts, profile),
    ...mirrorRule(profile),
    ...duplicateRule(profile, context.activeBodies),
    ...quotaRule({ delta: quotaDelta, series: profile.series }, context),
  ];
}

/** Every seat a profile lists: leaders, deputies, secretaries, members. */
export function postsOf(profile: Partial<Pick<BodyProfile, 'leaders' | 'deputies' | 'members' | 'secretaries'>>): Post[] {
  return [...(profile.leaders ?? []), ...(profile.deputies ?? []), ...(profile.secretaries ?? []), ...(profile.members ?? [])];
}

/**
 * An establishment imported from a published list: the notice names the body, its series and
 * section; the 第十条 content is not in it and is not asked for.
 */
export function importedEstablishmentRules(profile: BodyProfile, record: { documentNo: string }, policy?: Policy): Violation[] {
  const missing = [isBlank(profile.name) ? 'name(名称)' : undefined, isBlank(record.documentNo) ? 'documentNo(文号)' : undefined].filter(Boolean);
  return [
    ...(missing.length > 0 ? [{ rule: 'application' as const, severity: 'error' as const, source: SOURCES.application, message: `导入的名单条目缺少：${missing.join('、')}` }] : []),
    ...singleSeriesRule(profile.series, undefined, policy),
  ];
}
