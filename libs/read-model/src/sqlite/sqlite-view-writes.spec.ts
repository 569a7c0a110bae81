import type { ChangeRecord } from '../read-documents.js';
import { changesColumn, changesOfRow } from './sqlite-view-writes.js';

const adjusted: ChangeRecord = {
  type: 'adjusted',
  eventId: '01939a1e-0000-7000-8000-000000000001',
  bodyId: 'b-1',
  effectiveDate: '2020-03-01',
  documentNo: '潍编〔2020〕3号',
  recordedAt: '2020-03-02T08:00:00.000Z',
  position: 42,
  name: '潍坊市安全生产委员会',
  fields: ['memberUnits'],
};
const rowOf = (line: ChangeRecord, changes: string) => ({ changes, body_id: line.bodyId, valid_from: line.effectiveDate, position: line.position });
const rest = ({ bodyId: _b, effectiveDate: _d, position: _p, ...line }: ChangeRecord) => line;

describe('the `changes` column of the SQLite body rows', () => {
  it('leaves out what the row’s columns hold, and reads back the whole change lines', () => {
    const column = changesColumn([adjusted]);
    expect(JSON.parse(column)).toEqual([
      { type: 'adjusted', eventId: adjusted.eventId, documentNo: '潍编〔2020〕3号', recordedAt: '2020-03-02T08:00:00.000Z', name: '潍坊市安全生产委员会', fields: ['memberUnits'] },
    ]);
    expect(changesOfRow(rowOf(adjusted, column))).toEqual([adjusted]);
  });

  it('writes an adjustment, spelled out, as the same text as any other line', () => {
    expect(changesColumn([adjusted])).toBe(JSON.stringify([rest(adjusted)]));
    const quoted = { ...adjusted, name: '关于"双减"的\\工作专班\n', documentNo: '〔2020〕"3"号' } as ChangeRecord;
    expect(changesColumn([quoted])).toBe(JSON.stringify([rest(quoted)]));
  });

  it('leaves out a missing document number, as JSON does, instead of writing `undefined`', () => {
    const unnumbered = { ...adjusted, documentNo: undefined } as unknown as ChangeRecord;
    expect(() => JSON.parse(changesColumn([unnumbered]))).not.toThrow();
    expect(changesOfRow(rowOf(unnumbered, changesColumn([unnumbered])))).toEqual([JSON.parse(JSON.stringify(unnumbered))]);
  });

  it('keeps several lines of one row in their order (a merger’s new target: its part and its establishment)', () => {
    const part: ChangeRecord = {
      type: 'merged',
      eventId: 'm',
      bodyId: 'b-1',
      effectiveDate: '2020-03-01',
      documentNo: '文号',
      recordedAt: '2020-03-02T08:00:00.000Z',
      position: 42,
      name: '丙',
      role: 'target',
      mergerId: 'm1',
      mergerReason: 1,
      sourceBodyIds: ['a'],
      targetBodyId: 'b-1',
      newTarget: true,
    };
    expect(changesOfRow(rowOf(part, changesColumn([part, adjusted])))).toEqual([part, adjusted]);
  });
});
