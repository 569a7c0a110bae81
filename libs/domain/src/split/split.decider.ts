import { enforce, RuleViolationError, type Violation } from '../shared/violations.js';
import { decisionPaperwork } from '../shared/waivers.js';
import { streamIds, type DomainEvent } from '../shared/domain-event.js';
import { documentNoRule, establishmentRules, lifecycleRule, type DecisionContext } from '../rules/body.rules.js';
import type { DecisionRecord, EstablishBody } from '../body/body.commands.js';
import type { BodyAbolished, BodyEstablished } from '../body/body.events.js';
import type { BodyDecisionState } from '../body/body.state.js';
import { profileFrom } from '../body/body.decider.js';

/**
 * 分设: one body is split into several new ones in one decision. The source leaves the registry
 * (BodyAbolished with `splitInto`, disposition 撤销, ground 第十五条(八)) and each new body is
 * established (origin 'split', `splitFrom`), all appended together: no reader sees a half split.
 */
export type SplitBody = DecisionRecord & {
  type: 'SplitBody';
  jurisdiction: string;
  bodyId: string;
  into: Array<{ bodyId: string; profile: EstablishBody['profile'] }>;
};

export type SplitEvent = BodyAbolished | BodyEstablished;

export function decideSplit(
  command: SplitBody,
  source: BodyDecisionState,
  targets: ReadonlyMap<string, BodyDecisionState>,
  context: DecisionContext,
): SplitEvent[] {
  const lifecycle = lifecycleRule(source, command.effectiveDate);
  if (lifecycle.length > 0) throw new RuleViolationError(lifecycle.map((v) => ({ ...v, message: `被分设机构：${v.message}` })));
  const body = source!;
  const violations: Violation[] = [...documentNoRule(command.documentNo, '市级办法 第十八条')];
  if (body.jurisdiction !== command.jurisdiction) {
    violations.push({ rule: 'application', severity: 'error', source: '市级办法 第十八条', message: `被分设机构 ${body.name} 不属于行政区划 ${command.jurisdiction}` });
  }
  const ids = command.into.map((t) => t.bodyId);
  if (command.into.length < 2 || new Set(ids).size !== ids.length || ids.includes(command.bodyId)) {
    violations.push({ rule: 'application', severity: 'error', source: '市级办法 第十八条', message: '分设须列明至少两个新设机构' });
  }
  // the new bodies are judged against the others and each other, the source no longer counted
  let others = context.activeBodies.filter((b) => b.id !== command.bodyId);
  const profiles = command.into.map((t) => profileFrom(t.profile));
  profiles.forEach((profile, i) => {
    if (targets.get(ids[i])) violations.push({ rule: 'lifecycle', severity: 'error', source: '市级办法 第十一条', message: `新设机构 ${ids[i]} 已设立` });
    const own = establishmentRules(profile, command, { ...context, activeBodies: others }, i === 0 ? 0 : 1);
    violations.push(...own.map((v) => ({ ...v, message: `${profile.name}：${v.message}` })));
    others = [...others, { id: ids[i], name: profile.name, aliases: profile.aliases, duties: profile.duties, series: profile.series }];
  });
  const waived = enforce(violations, command.justification, command.justifications);
  const paperwork = decisionPaperwork(command, command.jurisdiction, waived) satisfies Partial<DomainEvent>;
  return [
    {
      ...paperwork,
      type: 'BodyAbolished',
      streamId: streamIds.body(command.bodyId),
      bodyId: command.bodyId,
      data: { abolitionReason: 8, disposition: 'abolished', splitInto: ids },
    },
    ...profiles.map((profile, i): BodyEstablished => ({
      ...paperwork,
      type: 'BodyEstablished',
      streamId: streamIds.body(ids[i]),
      bodyId: ids[i],
      data: { bodyId: ids[i], ...profile, origin: 'split', splitFrom: command.bodyId },
    })),
  ];
}
