import type { ChangeDocument } from '../read-documents.js';
import { changeColumn, changeOfRow } from './sqlite-view-writes.js';

const adjusted: ChangeDocument = {
  collection: 'changes',
  key: '01939a1e-0000-7000-8000-000000000001',
  jurisdiction: '370700',
  bodyId: 'b-1',
  effectiveDate: '2020-03-01',
  change: {
    type: 'adjusted',
    eventId: '01939a1e-0000-7000-8000-000000000001',
    bodyId: 'b-1',
    effectiveDate: '2020-03-01',
    documentNo: '潍编〔2020〕3号',
    recordedAt: '2020-03-02T08:00:00.000Z',
    position: 42,
    name: '潍坊市安全生产委员会',
    fields: ['memberUnits'],
  },
};
const rowOf = (document: ChangeDocument, change: string) => ({
  change,
  change_key: document.key,
  body_id: document.bodyId,
  effective_date: document.effectiveDate,
  position: document.change.position,
});

describe('the `change` column of the SQLite views', () => {
  it('leaves out what the row’s columns hold, and reads back the whole change line', () => {
    const column = changeColumn(adjusted);
    expect(JSON.parse(column)).toEqual({ type: 'adjusted', documentNo: '潍编〔2020〕3号', recordedAt: '2020-03-02T08:00:00.000Z', name: '潍坊市安全生产委员会', fields: ['memberUnits'] });
    expect(changeOfRow(rowOf(adjusted, column))).toEqual(adjusted.change);
  });

  it('writes an adjustment, spelled out, as the same text as any other line', () => {
    const { eventId: _e, bodyId: _b, effectiveDate: _d, position: _p, ...rest } = adjusted.change;
    expect(changeColumn(adjusted)).toBe(JSON.stringify(rest));
    const quoted: ChangeDocument = { ...adjusted, change: { ...adjusted.change, name: '关于"双减"的\\工作专班\n', documentNo: '〔2020〕"3"号' } as ChangeDocument['change'] };
    const { eventId: _e2, bodyId: _b2, effectiveDate: _d2, position: _p2, ...quotedRest } = quoted.change;
    expect(changeColumn(quoted)).toBe(JSON.stringify(quotedRest));
  });

  it('leaves out a missing document number, as JSON does, instead of writing `undefined`', () => {
    const unnumbered = { ...adjusted, change: { ...adjusted.change, documentNo: undefined } } as unknown as ChangeDocument;
    expect(() => JSON.parse(changeColumn(unnumbered))).not.toThrow();
    expect(changeOfRow(rowOf(unnumbered, changeColumn(unnumbered)))).toEqual(JSON.parse(JSON.stringify(unnumbered.change)));
  });

  it('keeps the event id when the key is not the event id (a merger’s part for one body)', () => {
    const part: ChangeDocument = { ...adjusted, key: `${adjusted.change.eventId}:b-1` };
    const column = changeColumn(part);
    expect(JSON.parse(column).eventId).toBe(adjusted.change.eventId);
    expect(changeOfRow(rowOf(part, column))).toEqual(adjusted.change);
  });

  it('reads rows written whole by earlier versions the same way', () => {
    expect(changeOfRow(rowOf(adjusted, JSON.stringify(adjusted.change)))).toEqual(adjusted.change);
  });
});
