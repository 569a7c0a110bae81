/** Requests shaped like real decisions of 潍坊 (潍政办字〔2020〕37号) and the 市级办法. */
export const WEIFANG = '370700';

export function establishRequest(overrides: Record<string, unknown> = {}) {
  return {
    jurisdiction: WEIFANG,
    name: '潍坊市安全生产委员会',
    series: 'government',
    duration: 'standing',
    basis: { conditions: [2], text: '安全生产工作跨部门、跨行业，需要经常组织协调' },
    reason: '统筹协调全市安全生产工作',
    leader: { title: '市长', rank: 'bureau' },
    deputies: [{ title: '常务副市长', rank: 'deputy-bureau' }, { title: '分管副市长', rank: 'deputy-bureau' }],
    memberUnits: ['市应急管理局', '市公安局', '市交通运输局', '市住房城乡建设局', '市市场监管局'],
    tasks: '贯彻落实安全生产方针政策，研究解决安全生产重大问题',
    duties: '统筹协调全市安全生产工作，分析安全生产形势，部署安全生产大检查',
    hostDepartment: '市应急管理局',
    documentNo: '潍政办字〔2020〕37号',
    effectiveDate: '2020-03-31',
    ...overrides,
  };
}

export function temporaryRequest(overrides: Record<string, unknown> = {}) {
  return establishRequest({
    name: '潍坊市第二次全国污染源普查领导小组',
    duration: 'temporary',
    termEnd: '2021-12-31',
    abolitionCondition: '普查工作完成后自行撤销',
    memberUnits: ['市生态环境局', '市统计局', '市财政局'],
    tasks: '组织实施全市第二次全国污染源普查',
    duties: '领导和协调全市污染源普查工作，研究解决普查中的重大问题',
    hostDepartment: '市生态环境局',
    ...overrides,
  });
}
