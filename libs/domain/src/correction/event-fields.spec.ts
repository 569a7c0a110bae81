import { correctionFieldProblems } from './event-fields.js';

describe('the fields a correction may give, by the corrected event\'s type (市级办法 第二十一条)', () => {
  it('BodyEstablished: each field has the shape the establishment gave it', () => {
    expect(correctionFieldProblems('BodyEstablished', { memberUnits: ['市财政局'], leaders: [{ title: '市长', rank: 'bureau' }], termEnd: '2022-12-31' })).toEqual([]);
    expect(correctionFieldProblems('BodyEstablished', { memberUnits: 'abc', termEnd: '2022-02-30', series: 'both', name: ' ' }).map((p) => p.field)).toEqual([
      'fields.memberUnits', 'fields.termEnd', 'fields.series', 'fields.name',
    ]);
  });

  it('posts are objects with a title; unknown keys inside are refused, inherited names included', () => {
    expect(correctionFieldProblems('BodyEstablished', { leaders: ['省长'] })[0].field).toBe('fields.leaders.0');
    expect(correctionFieldProblems('BodyEstablished', { basis: { conditions: [4], text: 'x', constructor: 1 } }).map((p) => p.field)).toEqual(['fields.basis.conditions.0', 'fields.basis.constructor']);
  });

  it('BodyAdjusted: the changes are judged as the adjustment\'s fields; AnnualReportFiled: whole numbers', () => {
    expect(correctionFieldProblems('BodyAdjusted', { changes: { memberUnits: [1] } })[0].field).toBe('fields.changes.memberUnits.0');
    expect(correctionFieldProblems('AnnualReportFiled', { meetingsHeld: -1 })[0].field).toBe('fields.meetingsHeld');
  });

  it('a type without a description, or a field it does not describe, is left to the correction rule', () => {
    expect(correctionFieldProblems('CampaignOpened', { title: 1 })).toEqual([]);
    expect(correctionFieldProblems('constructor', { x: 1 })).toEqual([]);
  });
});
