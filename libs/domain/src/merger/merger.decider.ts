import { enforce, type Violation } from '../shared/violations.js';
import { decisionPaperwork } from '../shared/waivers.js';
import { streamIds, type DomainEvent } from '../shared/domain-event.js';
import { documentNoRule, establishmentRules, lifecycleRule, type DecisionContext } from '../rules/body.rules.js';
import type { DecisionRecord } from '../body/body.commands.js';
import type { BodyAbsorbedMerger, BodyEstablished, BodyMergedAway } from '../body/body.events.js';
import type { BodyState } from '../body/body.state.js';
import type { BodyProfile, MergerReason } from '../body/body.types.js';
import { profileFrom } from '../body/body.decider.js';
import type { BodiesMerged } from './merger.events.js';

export type MergeBodies = DecisionRecord & {
  type: 'MergeBodies';
  mergerId: string;
  jurisdiction: string;
  mergerReason: MergerReason;
  sourceBodyIds: string[];
  target:
    | { kind: 'existing'; bodyId: string }
    | { kind: 'new'; bodyId: string; profile: Omit<BodyProfile, 'kind' | 'aliases' | 'members'> & Partial<BodyProfile> };
};

export type MergerEvent = BodiesMerged | BodyMergedAway | BodyAbsorbedMerger | BodyEstablished;

/**
 * 合并 (第十六、十八条): the sources leave the registry and the target absorbs them, or a new
 * body is set up in their place. Emits the one BodiesMerged fact that views apply, plus the
 * per-body markers the write side folds, appended together (docs/decisions/0002-merger.md).
 */
export function decideMerger(
  command: MergeBodies,
  bodies: ReadonlyMap<string, BodyState | undefined>,
  context: DecisionContext,
): MergerEvent[] {
  const violations: Violation[] = [...documentNoRule(command.documentNo, '市级办法 第十八条')];
  const sourceIds = command.sourceBodyIds;
  const targetId = command.target.bodyId;
  // one source is enough: a new body may be set up to take over the functions of one (整合设立)
  if (new Set(sourceIds).size !== sourceIds.length || sourceIds.length < 1) {
    violations.push({ rule: 'application', severity: 'error', source: '市级办法 第十六条', message: '须列明至少一个不重复的被合并机构' });
  }
  if (sourceIds.includes(targetId)) {
    violations.push({ rule: 'application', severity: 'error', source: '市级办法 第十六条', message: '存续机构不能同时是被合并机构' });
  }
  for (const id of sourceIds) {
    const body = bodies.get(id);
    for (const v of lifecycleRule(body, command.effectiveDate)) violations.push({ ...v, message: `被合并机构 ${body?.name ?? id}：${v.message}` });
    if (body && body.jurisdiction !== command.jurisdiction) {
      violations.push({ rule: 'application', severity: 'error', source: '市级办法 第十六条', message: `被合并机构 ${body.name} 不属于行政区划 ${command.jurisdiction}` });
    }
  }
  let establishedTarget: BodyProfile | undefined;
  if (command.target.kind === 'existing') {
    const target = bodies.get(targetId);
    for (const v of lifecycleRule(target, command.effectiveDate)) violations.push({ ...v, message: `存续机构：${v.message}` });
    if (target && target.jurisdiction !== command.jurisdiction) {
      violations.push({ rule: 'application', severity: 'error', source: '市级办法 第十六条', message: `存续机构 ${target.name} 不属于行政区划 ${command.jurisdiction}` });
    }
  } else {
    if (bodies.get(targetId)) {
      violations.push({ rule: 'lifecycle', severity: 'error', source: '市级办法 第十一条', message: `新设机构 ${targetId} 已设立，不能再以合并设立` });
    }
    establishedTarget = profileFrom(command.target.profile);
    const remaining = { ...context, activeBodies: context.activeBodies.filter((b) => !sourceIds.includes(b.id)) };
    violations.push(...establishmentRules(establishedTarget, command, remaining, 1 - sourceIds.length));
  }
  const waived = enforce(violations, command.justification, command.justifications);
  const paperwork = decisionPaperwork(command, command.jurisdiction, waived) satisfies Partial<DomainEvent>;
  const merged: BodiesMerged = {
    ...paperwork,
    type: 'BodiesMerged',
    streamId: streamIds.merger(command.mergerId),
    data: {
      mergerId: command.mergerId,
      mergerReason: command.mergerReason,
      sourceBodyIds: sourceIds,
      targetBodyId: targetId,
      ...(establishedTarget ? { establishedTarget } : {}),
    },
  };
  const markers: MergerEvent[] = sourceIds.map((id) => ({
    ...paperwork,
    type: 'BodyMergedAway' as const,
    streamId: streamIds.body(id),
    bodyId: id,
    data: { mergerId: command.mergerId, targetBodyId: targetId },
  }));
  const targetMarker: MergerEvent = establishedTarget
    ? { ...paperwork, type: 'BodyEstablished', streamId: streamIds.body(targetId), bodyId: targetId, data: { bodyId: targetId, ...establishedTarget, origin: 'merger', mergerId: command.mergerId } }
    : { ...paperwork, type: 'BodyAbsorbedMerger', streamId: streamIds.body(targetId), bodyId: targetId, data: { mergerId: command.mergerId, sourceBodyIds: sourceIds } };
  return [merged, ...markers, targetMarker];
}

