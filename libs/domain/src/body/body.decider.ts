import { enforce, RuleViolationError, type Violation } from '../shared/violations.js';
import { streamIds } from '../shared/domain-event.js';
import {
  applicationRule,
  deputiesRule,
  disciplineRule,
  duplicateRule,
  establishmentRules,
  importedEstablishmentRules,
  leaderRule,
  lifecycleRule,
  memberRankRule,
  memberUnitsRule,
  quotaRule,
  singleSeriesRule,
  temporaryTermRule,
  type DecisionContext,
} from '../rules/body.rules.js';
import type { BodyCommand, DecisionRecord } from './body.commands.js';
import type { BodyEvent } from './body.events.js';
import type { BodyDecisionState, BodyState } from './body.state.js';
import { kindFromName, type BodyProfile } from './body.types.js';

/**
 * 设立、调整、更名、改变隶属关系、撤销、年度报告 on one body. Pure: ids, dates and the
 * jurisdiction's other bodies come in with the command and the context.
 */
export function decideBody(command: BodyCommand, state: BodyDecisionState, context: DecisionContext): BodyEvent[] {
  switch (command.type) {
    case 'EstablishBody': {
      if (state) {
        throw new RuleViolationError([{ rule: 'lifecycle', severity: 'error', source: '市级办法 第十一条', message: '该机构已设立' }]);
      }
      const profile: BodyProfile = {
        ...command.profile,
        aliases: command.profile.aliases ?? [],
        members: command.profile.members ?? [],
        kind: command.profile.kind ?? kindFromName(command.profile.name),
      };
      // A body imported from a published list (潍坊名单) exists by that notice; the list gives
      // names, not the 第十条 application, so only what the list itself must show is checked.
      const rules = command.origin === 'import'
        ? importedEstablishmentRules(profile, command)
        : establishmentRules(profile, command, context, 1);
      const waived = enforce(rules, command.justification);
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
    case 'AdjustBody': {
      const body = existing(state, command);
      const changes = command.changes;
      const after = { ...body, ...changes };
      const posts = [...(changes.leaders ?? []), ...(changes.deputies ?? []), ...(changes.members ?? [])];
      const violations: Violation[] = [];
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
      const waived = enforce(violations, command.justification);
      return [{ ...paperwork(command, body.id, body.jurisdiction, waived), type: 'BodyAdjusted', data: { changes } }];
    }
    case 'RenameBody': {
      const body = existing(state, command);
      const aliases = command.aliases ?? [];
      const violations: Violation[] = [];
      if (command.newName.trim() === '') {
        violations.push({ rule: 'application', severity: 'error', source: '市级办法 第十条', message: '须写明新名称' });
      } else if (command.newName.trim() === body.name && sameList(aliases, body.aliases)) {
        violations.push({ rule: 'application', severity: 'error', source: '市级办法 第十四条', message: '新名称与现名称相同' });
      }
      violations.push(...duplicateRule({ name: command.newName, aliases }, context.activeBodies));
      const waived = enforce(violations, command.justification);
      return [{
        ...paperwork(command, body.id, body.jurisdiction, waived),
        type: 'BodyRenamed',
        data: { previousName: body.name, newName: command.newName.trim(), aliases },
      }];
    }
    case 'ChangeAffiliation': {
      const body = existing(state, command);
      // The count in the new series rises by one only where the baseline counts one series.
      const violations = [
        ...singleSeriesRule(command.series, body.series),
        ...quotaRule({ delta: context.baseline?.series ? 1 : 0, series: command.series }, context),
      ];
      const waived = enforce(violations, command.justification);
      return [{
        ...paperwork(command, body.id, body.jurisdiction, waived),
        type: 'BodyAffiliationChanged',
        data: { from: body.series, to: command.series },
      }];
    }
    case 'AbolishBody': {
      const body = existing(state, command);
      return [{
        ...paperwork(command, body.id, body.jurisdiction, []),
        type: 'BodyAbolished',
        data: { abolitionReason: command.abolitionReason, disposition: command.disposition },
      }];
    }
    case 'FileAnnualReport': {
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
  }
}

function existing(state: BodyDecisionState, command: DecisionRecord): BodyState {
  const problems = lifecycleRule(state, command.effectiveDate);
  if (problems.length > 0) throw new RuleViolationError(problems);
  return state as BodyState;
}

function paperwork(
  command: DecisionRecord,
  bodyId: string,
  jurisdiction: string,
  waived: Violation[],
) {
  return {
    streamId: streamIds.body(bodyId),
    jurisdiction,
    bodyId,
    effectiveDate: command.effectiveDate,
    documentNo: command.documentNo,
    ...(command.reason ? { reason: command.reason } : {}),
    ...(waived.length > 0
      ? { justification: command.justification, waivedRules: waived.map(({ rule, source, message }) => ({ rule, source, message })) }
      : {}),
  };
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
