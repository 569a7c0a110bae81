import { enforce, RuleViolationError, type Violation, type WaivedViolation } from '../shared/violations.js';
import { decisionPaperwork } from '../shared/waivers.js';
import { streamIds } from '../shared/domain-event.js';
import {
  applicationRule,
  deputiesRule,
  disciplineRule,
  documentNoRule,
  duplicateRule,
  establishmentRules,
  importedEstablishmentRules,
  leaderRule,
  lifecycleRule,
  memberRankRule,
  memberUnitsRule,
  postsOf,
  quotaRule,
  singleSeriesRule,
  temporaryTermRule,
  type DecisionContext,
} from '../rules/body.rules.js';
import type {
  AbolishBody,
  AdjustBody,
  BodyCommand,
  ChangeAffiliation,
  DecisionRecord,
  EstablishBody,
  FileAnnualReport,
  RenameBody,
  SelfAbolishBody,
} from './body.commands.js';
import type { BodyEstablished, BodyEvent } from './body.events.js';
import { evolveBody, type BodyDecisionState, type BodyState } from './body.state.js';
import { kindFromName, type BodyProfile } from './body.types.js';

/**
 * 设立、调整、更名、改变隶属关系、撤销、自行撤销、年度报告 on one body. Pure: ids, dates and the
 * jurisdiction's other bodies come in with the command and the context. One decider function
 * per decision below, so that each can become a slice of its own.
 */
export function decideBody(command: BodyCommand, state: BodyDecisionState, context: DecisionContext): BodyEvent[] {
  switch (command.type) {
    case 'EstablishBody':
      return decideEstablishment(command, state, context);
    case 'AdjustBody':
      return decideAdjustment(command, state, context);
    case 'RenameBody':
      return decideRename(command, state, context);
    case 'ChangeAffiliation':
      return decideAffiliationChange(command, state, context);
    case 'AbolishBody':
      return decideAbolition(command, state);
    case 'SelfAbolishBody':
      return decideSelfAbolition(command, state);
    case 'FileAnnualReport':
      return decideAnnualReport(command, state);
  }
}

/** The profile an establishment records: aliases, members and kind filled in as a reader of the notice would. */
export function profileFrom(profile: EstablishBody['profile']): BodyProfile {
  const leadUnits = profile.leadUnits?.filter((u) => u.trim() !== '');
  return {
    ...profile,
    aliases: profile.aliases ?? [],
    members: profile.members ?? [],
    kind: profile.kind ?? kindFromName(profile.name),
    // the unit doing the daily work, when the notice names only the office's seat or the lead units
    hostDepartment: profile.hostDepartment?.trim() ? profile.hostDepartment : (profile.office?.seat?.trim() || leadUnits?.join('、') || profile.hostDepartment),
  };
}

export function decideEstablishment(command: EstablishBody, state: BodyDecisionState, context: DecisionContext): BodyEvent[] {
  if (state) {
    throw new RuleViolationError([{ rule: 'lifecycle', severity: 'error', source: '市级办法 第十一条', message: '该机构已设立' }]);
  }
  const profile = profileFrom(command.profile);
  // A body imported from a published list (潍坊名单) exists by that notice; the list gives
  // names, not the 第十条 application, so only what the list itself must show is checked.
  const rules = command.origin === 'import'
    ? importedEstablishmentRules(profile, command, context.policy)
    : establishmentRules(profile, command, context, 1);
  const waived = enforce(rules, command.justification, command.justifications);
  return [{
    ...paperwork(command, command.bodyId, command.jurisdiction, waived),
    type: 'BodyEstablished',
    data: {
      bodyId: command.bodyId,
      ...profile,
      ...(command.origin ? { origin: command.origin } : {}),
      ...(command.listing ? { listing: command.listing } : {}),
    },
  }];
}

/** The rules an adjustment's changes must pass, judged on the body as it stands after them. */
export function adjustmentRules(body: BodyState, command: Pick<AdjustBody, 'changes' | 'documentNo' | 'effectiveDate'>, context: DecisionContext): Violation[] {
  const changes = command.changes;
  const after = { ...body, ...withoutUndefined(changes) };
  const posts = postsOf(changes);
  const violations: Violation[] = [...documentNoRule(command.documentNo, '市级办法 第十四条')];
  if (Object.values(changes).every((v) => v === undefined)) {
    violations.push({ rule: 'application', severity: 'error', source: '市级办法 第十三条', message: '调整须至少列明一项调整内容' });
  }
  if (changes.leaders) violations.push(...leaderRule(changes.leaders));
  if (changes.deputies) violations.push(...deputiesRule(changes.deputies, context.policy));
  if (changes.memberUnits) {
    violations.push(...memberUnitsRule(changes.memberUnits, context.policy));
    if (changes.memberUnits.length === 0) violations.push(...applicationRule({ ...after, memberUnits: [] }, command.documentNo));
  }
  if (posts.length > 0) {
    violations.push(...memberRankRule(posts, context.policy), ...disciplineRule(posts, after));
  }
  if (changes.duration !== undefined || changes.termEnd !== undefined || changes.abolitionCondition !== undefined) {
    violations.push(...temporaryTermRule(after, command.effectiveDate));
  }
  if (changes.duties !== undefined) violations.push(...duplicateRule({ duties: changes.duties }, context.activeBodies));
  return violations;
}

export function decideAdjustment(command: AdjustBody, state: BodyDecisionState, context: DecisionContext): BodyEvent[] {
  if (command.unrecorded) return decideUnrecordedAdjustment(command, state, context);
  const body = existing(state, command);
  const waived = enforce(adjustmentRules(body, command, context), command.justification, command.justifications);
  return [{ ...paperwork(command, body.id, body.jurisdiction, waived), type: 'BodyAdjusted', data: { changes: command.changes } }];
}

/**
 * An adjustment of a body whose establishment is not on file: the body is recorded first as
 * known from this adjustment (BodyEstablished, origin 'unrecorded', dated and numbered as the
 * adjustment, nothing of an establishment invented), then adjusted, in one append. The name is
 * judged against the active bodies (an identical one is most likely the same body, on file).
 */
function decideUnrecordedAdjustment(command: AdjustBody, state: BodyDecisionState, context: DecisionContext): BodyEvent[] {
  const facts = command.unrecorded!;
  if (state) {
    throw new RuleViolationError([{ rule: 'lifecycle', severity: 'error', source: '市级办法 第十三条', message: '该机构已在登记簿中，请直接登记调整' }]);
  }
  const first: BodyEstablished = {
    streamId: streamIds.body(command.bodyId),
    jurisdiction: facts.jurisdiction,
    bodyId: command.bodyId,
    effectiveDate: command.effectiveDate,
    documentNo: command.documentNo,
    reason: '设立文件未存档：据调整文件登记',
    type: 'BodyEstablished',
    data: {
      bodyId: command.bodyId,
      name: facts.name.trim(),
      aliases: facts.aliases ?? [],
      kind: facts.kind ?? kindFromName(facts.name),
      series: facts.series,
      duration: facts.duration ?? 'standing',
      basis: { conditions: [], text: '' },
      reason: '',
      leaders: [],
      deputies: [],
      members: [],
      memberUnits: [],
      tasks: '',
      duties: '',
      hostDepartment: '',
      origin: 'unrecorded',
    },
  };
  const body = evolveBody(undefined, first)!;
  const violations = [
    ...importedEstablishmentRules(first.data, command, context.policy),
    ...duplicateRule({ name: first.data.name, aliases: first.data.aliases, series: first.data.series }, context.activeBodies),
    ...adjustmentRules(body, command, context).filter((v) => !(v.rule === 'application' && v.message.startsWith('申请内容不完整'))),
  ];
  const waived = enforce(violations, command.justification, command.justifications);
  return [first, { ...paperwork(command, body.id, body.jurisdiction, waived), type: 'BodyAdjusted', data: { changes: command.changes } }];
}

export function decideRename(command: RenameBody, state: BodyDecisionState, context: DecisionContext): BodyEvent[] {
  const body = existing(state, command);
  const newName = command.newName.trim();
  // aliases stay unless the decision gives new ones (an empty list clears them)
  const aliases = command.aliases ?? body.aliases;
  // the kind follows the new name (领导小组 → 委员会) unless given or unreadable from it
  const kindOfName = kindFromName(newName);
  const kind = command.kind ?? (kindOfName !== '其他' ? kindOfName : body.kind);
  const series = command.series ?? body.series;
  const violations: Violation[] = [...documentNoRule(command.documentNo, '市级办法 第十四条')];
  if (newName === '') {
    violations.push({ rule: 'application', severity: 'error', source: '市级办法 第十条', message: '须写明新名称' });
  } else if (newName === body.name && sameList(aliases, body.aliases) && kind === body.kind && series === body.series) {
    violations.push({ rule: 'application', severity: 'error', source: '市级办法 第十四条', message: '新名称与现名称相同' });
  }
  violations.push(...duplicateRule({ name: newName, aliases, series }, context.activeBodies));
  if (command.series !== undefined && command.series !== body.series) violations.push(...affiliationRules(body, command.series, context));
  const waived = enforce(violations, command.justification, command.justifications);
  const record = paperwork(command, body.id, body.jurisdiction, waived);
  const renamed = newName !== body.name || !sameList(aliases, body.aliases) || kind !== body.kind;
  const events: BodyEvent[] = renamed ? [{
    ...record,
    type: 'BodyRenamed',
    data: { previousName: body.name, newName, aliases, ...(kind !== body.kind ? { kind } : {}) },
  }] : [];
  if (command.series !== undefined && command.series !== body.series) {
    events.push({ ...record, type: 'BodyAffiliationChanged', data: { from: body.series, to: command.series } });
  }
  return events;
}

function affiliationRules(body: BodyState, series: ChangeAffiliation['series'], context: DecisionContext): Violation[] {
  // The count in the new series rises by one only where the baseline counts one series.
  return [
    ...singleSeriesRule(series, body.series, context.policy),
    ...quotaRule({ delta: context.baseline?.series ? 1 : 0, series }, context),
  ];
}

export function decideAffiliationChange(command: ChangeAffiliation, state: BodyDecisionState, context: DecisionContext): BodyEvent[] {
  const body = existing(state, command);
  const violations = [...documentNoRule(command.documentNo, '市级办法 第十八条'), ...affiliationRules(body, command.series, context)];
  const waived = enforce(violations, command.justification, command.justifications);
  return [{
    ...paperwork(command, body.id, body.jurisdiction, waived),
    type: 'BodyAffiliationChanged',
    data: { from: body.series, to: command.series },
  }];
}

export function decideAbolition(command: AbolishBody, state: BodyDecisionState): BodyEvent[] {
  const body = existing(state, command);
  enforce(documentNoRule(command.documentNo, '市级办法 第十八条'), undefined);
  return [{
    ...paperwork(command, body.id, body.jurisdiction, []),
    type: 'BodyAbolished',
    data: { abolitionReason: command.abolitionReason, disposition: command.disposition },
  }];
}

/**
 * 任务完成后自行撤销 (第十五条(二) 工作任务已经完成的): recorded under the establishing
 * document that set the condition, unless the decision names another, with its evidence.
 */
export function decideSelfAbolition(command: SelfAbolishBody, state: BodyDecisionState): BodyEvent[] {
  const body = existing(state, command);
  const violations: Violation[] = [];
  if (!body.abolitionCondition?.trim()) {
    violations.push({ rule: 'temporary-term', severity: 'error', source: '辽宁办法 第八条', message: '该机构未规定撤销条件，不能自行撤销；请登记撤销决定(POST /bodies/{id}/abolition)' });
  }
  if (!command.evidence?.trim()) {
    violations.push({ rule: 'application', severity: 'error', source: '市级办法 第十五条(二)', message: '须写明任务已经完成的依据(evidence)' });
  }
  enforce(violations, undefined);
  const documentNo = command.documentNo?.trim() || body.establishedBy;
  return [{
    ...paperwork({ ...command, documentNo }, body.id, body.jurisdiction, []),
    type: 'BodyAbolished',
    data: {
      abolitionReason: 2,
      disposition: 'abolished',
      selfAbolition: { condition: body.abolitionCondition!, evidence: command.evidence.trim() },
    },
  }];
}

export function decideAnnualReport(command: FileAnnualReport, state: BodyDecisionState): BodyEvent[] {
  const body = existing(state, command);
  const violations: Violation[] = [];
  if (command.year < Number(body.establishedOn.slice(0, 4))) {
    violations.push({ rule: 'lifecycle', severity: 'error', source: '市级办法 第二十条', message: `${command.year} 年该机构尚未设立` });
  }
  if (body.annualReports.some((r) => r.year === command.year)) {
    violations.push({ rule: 'application', severity: 'error', source: '市级办法 第二十条', message: `${command.year} 年度报告已报送；如有错误请以更正(POST /corrections)处理` });
  }
  enforce(violations, undefined);
  return [{
    ...paperwork(command, body.id, body.jurisdiction, []),
    type: 'AnnualReportFiled',
    data: { year: command.year, summary: command.summary, meetingsHeld: command.meetingsHeld, filedOn: command.filedOn },
  }];
}

function existing(state: BodyDecisionState, command: Pick<DecisionRecord, 'effectiveDate'>): BodyState {
  const problems = lifecycleRule(state, command.effectiveDate);
  if (problems.length > 0) throw new RuleViolationError(problems);
  return state as BodyState;
}

function paperwork(
  command: Pick<DecisionRecord, 'documentNo' | 'effectiveDate' | 'reason'>,
  bodyId: string,
  jurisdiction: string,
  waived: WaivedViolation[],
) {
  return {
    streamId: streamIds.body(bodyId),
    bodyId,
    ...decisionPaperwork(command, jurisdiction, waived),
  };
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
