import { jsonProblem, MAX_JSON_DEPTH } from './request-checks.js';
import { fieldLabel, valueLabel } from './labels.js';

describe('request body checks', () => {
  it('finds nesting deeper than the limit without recursing, naming where', () => {
    const deep = JSON.parse(`{"a":${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    expect(jsonProblem(deep)).toEqual({ field: expect.stringMatching(/^a\[0\]/), problem: `嵌套过深：不得超过 ${MAX_JSON_DEPTH} 层` });
    const justInside = JSON.parse('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH));
    expect(jsonProblem(justInside)).toBeUndefined();
  });

  it('finds a lone surrogate in a string or a key, and lets a pair through', () => {
    expect(jsonProblem({ name: '市\ud83d\ude00委' })).toBeUndefined();
    expect(jsonProblem({ leader: [{ title: '市长\ud800' }] })?.field).toBe('leader[0].title');
    expect(jsonProblem({ memberUnits: ['\udc00'] })?.field).toBe('memberUnits[0]');
    expect(jsonProblem({ ['\ud800']: 1 })?.problem).toMatch(/字段名/);
  });

  it('labels fields and coded values in Chinese, keeping the API name', () => {
    expect(fieldLabel('series')).toBe('序列(series)');
    expect(fieldLabel('basis.conditions')).toBe('设立依据.设立条件(basis.conditions)');
    expect(fieldLabel('colour')).toBe('colour');
    expect(fieldLabel('to')).toBe('截止日期(to)');
    expect(valueLabel('joint-meeting')).toBe('joint-meeting(调整为部门联席会议)');
    expect(valueLabel(3)).toBe('3');
  });
});
