import { Inject, Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AlertOptions, AnnualReport, CampaignSummary, ComplianceAnswer, SupervisionQueries } from '#supervision';
import { BodyNotFoundError } from '#registry-app';
import { SUPERVISION_QUERIES } from './supervision.tokens.js';

/** 监督提示: every alert open on a date, under the policy in force that day. */
export class GetCompliance extends Query<ComplianceAnswer> {
  constructor(readonly jurisdiction: string, readonly date?: string, readonly knownAt?: string, readonly options: AlertOptions = {}) {
    super();
  }
}

/** 编办年度报告 (市级办法 第二十条). */
export class GetAnnualReport extends Query<AnnualReport> {
  constructor(readonly jurisdiction: string, readonly year: unknown, readonly options: { knownAt?: string; reportsAsOf?: string; jurisdictionName?: string } = {}) {
    super();
  }
}

/** 清理规范: one campaign's summary. */
export class GetCampaign extends Query<CampaignSummary> {
  constructor(readonly jurisdiction: string, readonly campaignId: string, readonly date?: string) {
    super();
  }
}

export class GetCampaigns extends Query<CampaignSummary[]> {
  constructor(readonly jurisdiction: string) {
    super();
  }
}

@Injectable()
@QueryHandler(GetCompliance)
export class GetComplianceHandler implements IQueryHandler<GetCompliance> {
  constructor(@Inject(SUPERVISION_QUERIES) private readonly queries: SupervisionQueries) {}
  execute(q: GetCompliance) {
    return this.queries.compliance(q.jurisdiction, q.date, q.knownAt, q.options);
  }
}

@Injectable()
@QueryHandler(GetAnnualReport)
export class GetAnnualReportHandler implements IQueryHandler<GetAnnualReport> {
  constructor(@Inject(SUPERVISION_QUERIES) private readonly queries: SupervisionQueries) {}
  execute(q: GetAnnualReport) {
    return this.queries.annualReport(q.jurisdiction, q.year, q.options);
  }
}

@Injectable()
@QueryHandler(GetCampaign)
export class GetCampaignHandler implements IQueryHandler<GetCampaign> {
  constructor(@Inject(SUPERVISION_QUERIES) private readonly queries: SupervisionQueries) {}
  async execute(q: GetCampaign) {
    const summary = await this.queries.campaign(q.jurisdiction, q.campaignId, q.date);
    if (!summary) throw new BodyNotFoundError(`清理 ${q.campaignId}(行政区划 ${q.jurisdiction})`);
    return summary;
  }
}

@Injectable()
@QueryHandler(GetCampaigns)
export class GetCampaignsHandler implements IQueryHandler<GetCampaigns> {
  constructor(@Inject(SUPERVISION_QUERIES) private readonly queries: SupervisionQueries) {}
  execute(q: GetCampaigns) {
    return this.queries.campaigns(q.jurisdiction);
  }
}

export const SUPERVISION_QUERY_HANDLERS = [GetComplianceHandler, GetAnnualReportHandler, GetCampaignHandler, GetCampaignsHandler];
