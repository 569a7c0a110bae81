import type { DomainEvent } from '../shared/domain-event.js';
import type { AbolitionDisposition, AbolitionReason, AdjustableParts, BodyKind, BodyProfile, Series } from './body.types.js';

/** 设立. `origin` marks bodies established by a merger (views take those from BodiesMerged). */
export type BodyEstablished = DomainEvent<
  'BodyEstablished',
  BodyProfile & {
    bodyId: string;
    /**
     * decision (default), merger (views take it from BodiesMerged), import (from a published list),
     * split (分设 from `splitFrom`), unrecorded (establishment not on file: first known from an
     * adjustment, dated and numbered as that adjustment, flagged for the auditor).
     */
    origin?: 'decision' | 'merger' | 'import' | 'split' | 'unrecorded';
    mergerId?: string;
    listing?: ListingPlace;
    splitFrom?: string;
  }
>;

/** An imported body's place in the published list (section and item number, as printed). */
export interface ListingPlace {
  documentNo: string;
  section: 'standing' | 'temporary';
  number: number;
}
/** 调整: only the changed parts. */
export type BodyAdjusted = DomainEvent<'BodyAdjusted', { changes: AdjustableParts }>;
/** 更名: the old name stays in history. */
export type BodyRenamed = DomainEvent<'BodyRenamed', { previousName: string; newName: string; aliases: string[]; kind?: BodyKind }>;
/** 改变隶属关系. */
export type BodyAffiliationChanged = DomainEvent<'BodyAffiliationChanged', { from: Series; to: Series }>;
/** 撤销, with its ground (第十五条) and disposition (北京清理). */
export type BodyAbolished = DomainEvent<
  'BodyAbolished',
  {
    abolitionReason: AbolitionReason;
    disposition: AbolitionDisposition;
    /** 任务完成后自行撤销: the condition the establishment set, and the evidence that it was met. */
    selfAbolition?: { condition: string; evidence: string };
    /** 分设: the bodies set up in its place, in the same decision. */
    splitInto?: string[];
  }
>;
/**
 * Marks a source body's stream after a merger, so that later decisions on it are refused.
 * Views take the merger from BodiesMerged alone (docs/decisions/0002-merger.md).
 */
export type BodyMergedAway = DomainEvent<'BodyMergedAway', { mergerId: string; targetBodyId: string }>;
/** Marks an existing target body's stream with the bodies it absorbed. */
export type BodyAbsorbedMerger = DomainEvent<'BodyAbsorbedMerger', { mergerId: string; sourceBodyIds: string[] }>;
/** 年度报告 (市级办法 第二十条). */
export type AnnualReportFiled = DomainEvent<
  'AnnualReportFiled',
  { year: number; summary: string; meetingsHeld: number; filedOn: string }
>;

export type BodyEvent =
  | BodyEstablished
  | BodyAdjusted
  | BodyRenamed
  | BodyAffiliationChanged
  | BodyAbolished
  | BodyMergedAway
  | BodyAbsorbedMerger
  | AnnualReportFiled;
