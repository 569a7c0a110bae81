import type { Policy } from '#domain';
import type { EventStore } from '#event-store';
import { DecisionPath, type DecisionRequest, type DecisionSlice, type RegistryCommand, type SupervisionCommand, type WriteResult } from './decision-path.js';
import * as slices from './slices/index.js';

type AnyCommand = RegistryCommand | SupervisionCommand;

/** The slice that decides a command, by its type (an AdjustBody naming `unrecorded` is its own slice). */
export function sliceFor(command: AnyCommand): DecisionSlice<never> {
  switch (command.type) {
    case 'EstablishBody': return slices.establishBody;
    case 'AdjustBody': return command.unrecorded ? slices.adjustUnrecordedBody : slices.adjustBody;
    case 'RenameBody': return slices.renameBody;
    case 'ChangeAffiliation': return slices.changeAffiliation;
    case 'AbolishBody': return slices.abolishBody;
    case 'SelfAbolishBody': return slices.selfAbolishBody;
    case 'FileAnnualReport': return slices.fileAnnualReport;
    case 'SplitBody': return slices.splitBody;
    case 'MergeBodies': return slices.mergeBodies;
    case 'CorrectEvent': return slices.correctEvent;
    case 'SetQuotaBaseline': return slices.setQuotaBaseline;
    case 'AdoptPolicy': return slices.adoptPolicy;
    case 'OpenCampaign':
    case 'ListCampaignOutcomes':
    case 'ConcludeCampaign': return slices.campaign;
  }
}

/**
 * A thin facade for callers that hold commands of every kind (the CLI, seeding, the list
 * import, the demo, the bench): picks the command's slice and runs it on the one DecisionPath.
 * The API's command handlers run their slice on the path directly.
 */
export class DecisionExecutor {
  readonly path: DecisionPath;

  constructor(store: EventStore, clock?: () => Date, policyFor?: (jurisdiction: string, date: string) => Promise<Policy>, lockTimeoutMs?: number) {
    this.path = new DecisionPath(store, clock, policyFor, lockTimeoutMs);
  }

  execute(request: DecisionRequest): Promise<WriteResult> {
    return this.path.run(request as DecisionRequest<never>, sliceFor(request.command));
  }
}
