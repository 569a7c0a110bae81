/**
 * `GET /jurisdictions/{code}/campaigns/{id}`: a clean-up campaign (清理方案, 北京清理) as a view:
 * its document and scope, each body's outcome, and the counts by outcome as 北京清理 published
 * them (予以保留的52个，撤销的36个，不再作为…的4个，调整为部门联席会议的4个).
 */
import { ABOLITION_REASONS, CAMPAIGN_OUTCOME_KINDS, CAMPAIGN_OUTCOME_LABELS, type CampaignOutcomeKind, type CampaignScope, type LocalDate } from '#domain';
import { activeBodiesOn, type JurisdictionHistory } from '../history/jurisdiction-history.js';

export interface CampaignOutcomeLine {
  bodyId: string;
  name: string;
  outcome: CampaignOutcomeKind;
  label: string;
  note?: string;
  ground?: string;
  mergeInto?: { id: string; name: string };
  changes?: string[];
}

export interface CampaignSummary {
  id: string;
  jurisdiction: string;
  title: string;
  documentNo: string;
  openedOn: LocalDate;
  scope: CampaignScope;
  status: 'open' | 'concluded';
  concludedOn?: LocalDate;
  conclusionDocumentNo?: string;
  /** Bodies with an outcome (final once concluded, proposed while open). */
  reviewed: number;
  counts: Record<CampaignOutcomeKind, number>;
  /** The counts in the words of a published notice. */
  text: string;
  outcomes: CampaignOutcomeLine[];
  /** While open: bodies in scope on the day asked without an outcome yet. */
  unlisted?: Array<{ id: string; name: string }>;
}

export function campaignSummary(history: JurisdictionHistory, campaignId: string, date: LocalDate): CampaignSummary | undefined {
  const campaign = history.campaigns.get(campaignId)?.state;
  if (!campaign) return undefined;
  const on = campaign.concludedOn ?? (date < campaign.openedOn ? campaign.openedOn : date);
  const nameOf = (id: string) => campaign.names?.get(id) ?? history.bodies.get(id)?.stateOn(on)?.name ?? history.bodies.get(id)?.segments.at(-1)?.state.name ?? id;
  const outcomes = [...campaign.outcomes.values()].map((o): CampaignOutcomeLine => ({
    bodyId: o.bodyId,
    name: nameOf(o.bodyId),
    outcome: o.outcome,
    label: CAMPAIGN_OUTCOME_LABELS[o.outcome],
    ...(o.note ? { note: o.note } : {}),
    ...(['abolish', 'delist', 'joint-meeting'].includes(o.outcome) ? { ground: `第十五条${ABOLITION_REASONS[o.abolitionReason ?? 8]}` } : {}),
    ...(o.mergeInto ? { mergeInto: { id: o.mergeInto, name: nameOf(o.mergeInto) } } : {}),
    ...(o.changes ? { changes: Object.keys(o.changes) } : {}),
  }));
  const counts = Object.fromEntries(CAMPAIGN_OUTCOME_KINDS.map((k) => [k, outcomes.filter((o) => o.outcome === k).length])) as Record<CampaignOutcomeKind, number>;
  const unlisted = campaign.status === 'open'
    ? activeBodiesOn(history, on).filter((b) => (!campaign.scope.series || b.series === campaign.scope.series) && !campaign.outcomes.has(b.id)).map((b) => ({ id: b.id, name: b.name }))
    : undefined;
  return {
    id: campaign.id,
    jurisdiction: campaign.jurisdiction,
    title: campaign.title,
    documentNo: campaign.documentNo,
    openedOn: campaign.openedOn,
    scope: campaign.scope,
    status: campaign.status,
    ...(campaign.concludedOn ? { concludedOn: campaign.concludedOn, conclusionDocumentNo: campaign.conclusionDocumentNo } : {}),
    reviewed: outcomes.length,
    counts,
    text: noticeText(outcomes.length, counts, campaign.status),
    outcomes,
    ...(unlisted ? { unlisted } : {}),
  };
}

/** 在此次清理的…中，予以保留的52个，撤销的36个，不再作为议事协调机构的4个，调整为部门联席会议的4个。 */
export function noticeText(reviewed: number, counts: Record<CampaignOutcomeKind, number>, status: 'open' | 'concluded'): string {
  const parts = [
    counts.keep ? `予以保留的${counts.keep}个` : '',
    counts.abolish ? `撤销的${counts.abolish}个` : '',
    counts.merge ? `合并的${counts.merge}个` : '',
    counts.adjust ? `调整的${counts.adjust}个` : '',
    counts.delist ? `不再作为议事协调机构的${counts.delist}个` : '',
    counts['joint-meeting'] ? `调整为部门联席会议的${counts['joint-meeting']}个` : '',
  ].filter(Boolean);
  return `${status === 'open' ? '(拟)' : ''}在此次清理的${reviewed}个议事协调机构中，${parts.join('，')}。`;
}

/** Every campaign of the jurisdiction, newest first. */
export function campaignList(history: JurisdictionHistory, date: LocalDate): CampaignSummary[] {
  return [...history.campaigns.keys()]
    .map((id) => campaignSummary(history, id, date)!)
    .map(({ outcomes: _o, unlisted: _u, ...rest }) => ({ ...rest, outcomes: [] }))
    .sort((a, b) => (a.openedOn < b.openedOn ? 1 : -1));
}
