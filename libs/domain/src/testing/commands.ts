/** Commands shaped like real decisions, for the int-specs that run them through the executor. */
import type { EstablishBody } from '../body/body.commands.js';

const CODE = '370700';

export const units = (n: number) => Array.from({ length: n }, (_, i) => `成员单位${i + 1}`);
export const establish = (bodyId: string, name: string, effectiveDate: string, memberUnits: string[]): EstablishBody => ({
  type: 'EstablishBody',
  bodyId,
  jurisdiction: CODE,
  documentNo: `潍政字〔${effectiveDate.slice(0, 4)}〕1号`,
  effectiveDate,
  profile: {
    name,
    series: 'government',
    duration: 'standing',
    basis: { conditions: [2], text: '跨部门协调' },
    reason: '工作需要',
    leaders: [{ title: '市长', rank: 'bureau' }],
    deputies: [{ title: '分管副市长', rank: 'deputy-bureau' }],
    memberUnits,
    tasks: '统筹协调',
    duties: `研究${name}重大问题`,
    hostDepartment: '市政府办公室',
  },
});

