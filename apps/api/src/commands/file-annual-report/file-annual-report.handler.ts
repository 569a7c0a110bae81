import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { FileAnnualReport } from '#domain';
import { slices, type DecisionPath, type WriteResult } from '#registry-app';
import { DecisionCommand } from '../shared/decision.command.js';
import { DECISION_PATH } from '../../tokens.js';

/** 年度报告 (第二十条). */
export class FileAnnualReportCommand extends DecisionCommand<FileAnnualReport> {}

/** Runs the fileAnnualReport slice (libs/registry-app/src/slices) on the one DecisionPath: load → fold → decide → append. */
@CommandHandler(FileAnnualReportCommand)
export class FileAnnualReportHandler implements ICommandHandler<FileAnnualReportCommand, WriteResult> {
  constructor(@Inject(DECISION_PATH) private readonly path: DecisionPath) {}

  execute({ request }: FileAnnualReportCommand): Promise<WriteResult> {
    return this.path.run(request, slices.fileAnnualReport);
  }
}
