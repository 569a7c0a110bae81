import { principal, sliceBus, type SliceBus } from '../testing/slice-bus.js';
import { FileAnnualReportCommand } from './file-annual-report.handler.js';

describe('年度报告 slice: FileAnnualReportCommand on the command bus', () => {
  let slice: SliceBus;
  beforeEach(async () => (slice = await sliceBus()));
  afterEach(() => slice.close());

  it('reaches its own handler and records the report on the body’s stream', async () => {
    await slice.establish('b1', '潍坊市城市更新工作领导小组');
    await slice.bus.execute(new FileAnnualReportCommand({
      principal,
      command: { type: 'FileAnnualReport', bodyId: 'b1', year: 2020, summary: '召开全体会议两次', meetingsHeld: 2, filedOn: '2021-01-20', documentNo: '潍城更办〔2021〕1号', effectiveDate: '2021-01-20' },
    }));
    expect(slice.handled()).toEqual(['EstablishBodyHandler', 'FileAnnualReportHandler']);
    expect(await slice.types('body-b1')).toEqual(['BodyEstablished', 'AnnualReportFiled']);
  });
});
