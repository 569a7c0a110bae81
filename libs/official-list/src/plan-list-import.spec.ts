import { newBodyId } from '#registry-app';
import { parseOfficialList } from './parse-official-list.js';
import { normaliseName, planListImport, type ListImportRequest } from './plan-list-import.js';
import { WEIFANG_NOTICE } from './testing/weifang.js';

const DOC = '潍政办字〔2020〕37号';
const list = parseOfficialList(WEIFANG_NOTICE);
const request = (over: Partial<ListImportRequest> = {}): ListImportRequest => ({
  list,
  jurisdiction: '370700',
  series: 'government',
  documentNo: DOC,
  date: '2020-03-31',
  baseline: true,
  activeBodies: [],
  ...over,
});

describe('planListImport into an empty registry (the 潍坊 seed)', () => {
  const plan = planListImport(request());

  it('sets the baseline 66 = 55 + 11 first, then establishes the 66 entries in list order', () => {
    expect(plan.commands).toHaveLength(67);
    expect(plan.commands[0]).toEqual({
      idempotencyKey: `import:370700:${DOC}:baseline`,
      command: expect.objectContaining({ type: 'SetQuotaBaseline', jurisdiction: '370700', total: 66, standing: 55, temporary: 11, series: 'government', documentNo: DOC, effectiveDate: '2020-03-31' }),
    });
    const establishments = plan.commands.slice(1).map((c) => c.command);
    expect(establishments.every((c) => c.type === 'EstablishBody')).toBe(true);
    expect(establishments.map((c) => (c.type === 'EstablishBody' ? c.profile.name : ''))).toEqual(
      list.sections.flatMap((s) => s.items.map((i) => i.name)),
    );
    expect(plan.items.every((i) => i.action === 'establish')).toBe(true);
  });

  it('records what the list says of each entry, with origin import and a body id from its key', () => {
    const item17 = plan.commands[17];
    expect(item17.idempotencyKey).toBe(`import:370700:${DOC}:17`);
    expect(item17.command).toEqual({
      type: 'EstablishBody',
      bodyId: newBodyId(`import:370700:${DOC}:17`),
      jurisdiction: '370700',
      origin: 'import',
      listing: { documentNo: DOC, section: 'standing', number: 17 },
      documentNo: DOC,
      effectiveDate: '2020-03-31',
      reason: `据${DOC}公布的名单导入`,
      justification: expect.stringContaining(DOC),
      profile: {
        name: '市社会救助工作领导小组',
        aliases: ['市农村留守儿童关爱保护和困境儿童保障工作联席会议', '市生活无着的流浪乞讨人员救助管理工作联席会议'],
        kind: '领导小组',
        series: 'government',
        duration: 'standing',
        basis: { conditions: [], text: `据${DOC}名单导入` },
        reason: `据${DOC}公布的名单导入`,
        leaders: [],
        deputies: [],
        memberUnits: [],
        tasks: '',
        duties: '',
        hostDepartment: '',
      },
    });
    const item62 = plan.commands[62].command;
    expect(item62.type === 'EstablishBody' && [item62.profile.name, item62.profile.kind, item62.profile.duration]).toEqual(['市城市轨道交通规划建设指挥部', '指挥部', 'temporary']);
  });

  it('is deterministic: the same list gives the same keys and ids, all distinct', () => {
    expect(planListImport(request())).toEqual(plan);
    const keys = plan.commands.map((c) => c.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    const ids = plan.commands.flatMap((c) => (c.command.type === 'EstablishBody' ? [c.command.bodyId] : []));
    expect(new Set(ids).size).toBe(66);
  });

  it('without baseline records the entries only', () => {
    expect(planListImport(request({ baseline: false })).commands.map((c) => c.command.type)).toEqual(Array(66).fill('EstablishBody'));
  });
});

describe('planListImport against active bodies', () => {
  const active = [
    { id: 'b-drugs', name: '潍坊市禁毒委员会', aliases: [], series: 'government' as const },
    { id: 'b-edu', name: '潍坊市人民政府教育督导委员会', aliases: [], series: 'government' as const },
    { id: 'b-green', name: '市绿化委员会', aliases: ['市全民义务植树领导小组'], series: 'government' as const },
    { id: 'b-air-defence', name: '市人民防空指挥部', aliases: [], series: 'government' as const },
    { id: 'b-ageing', name: '市老龄委', aliases: ['市老龄工作委员会'], series: 'government' as const },
    { id: 'b-digital', name: '潍坊市数字经济发展工作领导小组', aliases: [], series: 'government' as const },
    { id: 'b-law', name: '中共潍坊市委全面依法治市委员会', aliases: [], series: 'party' as const },
    { id: 'b-unknown', name: '市某某工作领导小组', aliases: [] },
  ];
  const plan = planListImport(request({ activeBodies: active }));
  const outcome = (n: number) => plan.items.find((i) => i.number === n)!;

  it('records nothing for an entry that names an active body, after normalising prefix, width and punctuation', () => {
    expect(outcome(14)).toMatchObject({ number: 14, name: '市禁毒委员会', action: 'unchanged', bodyId: 'b-drugs', aliasesDiffer: false, listed: 'keep', duration: 'standing', section: '一、长期设置的市政府议事协调机构(55个)' });
    expect(outcome(11)).toMatchObject({ action: 'unchanged', bodyId: 'b-edu' });
    expect(outcome(22)).toMatchObject({ action: 'unchanged', bodyId: 'b-green', aliasesDiffer: true });
    const touched = plan.commands.flatMap((c) => ('bodyId' in c.command ? [c.command.bodyId] : []));
    expect(touched).not.toContain('b-drugs');
    expect(touched).not.toContain('b-edu');
    expect(touched).not.toContain('b-green');
  });

  it('renames a body the entry matches only through an alias', () => {
    expect(outcome(47)).toMatchObject({ number: 47, name: '市人民防空军政联席会议', aliases: ['市人民防空指挥部'], action: 'rename', bodyId: 'b-air-defence', from: '市人民防空指挥部' });
    expect(outcome(38)).toMatchObject({ number: 38, name: '市老龄工作委员会', action: 'rename', bodyId: 'b-ageing', from: '市老龄委' });
    const rename = plan.commands.find((c) => c.idempotencyKey === `import:370700:${DOC}:47`)!;
    expect(rename.command).toEqual({
      type: 'RenameBody',
      bodyId: 'b-air-defence',
      newName: '市人民防空军政联席会议',
      aliases: ['市人民防空指挥部'],
      documentNo: DOC,
      effectiveDate: '2020-03-31',
      reason: `据${DOC}公布的名单更名`,
      justifications: { duplicate: expect.any(String) },
    });
    expect(plan.commands.filter((c) => c.command.type === 'EstablishBody')).toHaveLength(66 - 5);
  });

  it('names the listed series\' bodies the list leaves out, and abolishes them only when asked', () => {
    expect(plan.missing.map((b) => b.id)).toEqual(['b-digital']);
    expect(plan.seriesUnknown.map((b) => b.id)).toEqual(['b-unknown']);
    expect(plan.commands.some((c) => c.command.type === 'AbolishBody')).toBe(false);

    const applied = planListImport(request({ activeBodies: active, abolishMissing: true }));
    expect(applied.commands.map((c) => c.command.type).slice(0, 3)).toEqual(['SetQuotaBaseline', 'AbolishBody', 'EstablishBody']);
    expect(applied.commands.filter((c) => c.command.type === 'AbolishBody')).toHaveLength(1);
    expect(applied.commands[1]).toEqual({
      idempotencyKey: `import:370700:${DOC}:abolish:b-digital`,
      command: expect.objectContaining({ type: 'AbolishBody', bodyId: 'b-digital', abolitionReason: 8, disposition: 'abolished', documentNo: DOC, effectiveDate: '2020-03-31' }),
    });
    const reformed = planListImport(request({ activeBodies: active, abolishMissing: true, abolitionReason: 5 }));
    expect(reformed.commands[1].command).toMatchObject({ type: 'AbolishBody', abolitionReason: 5 });
  });

  it('gives a second entry matching the same body its own body, and reports it', () => {
    const twice = parseOfficialList('一、长期设置的议事协调机构(2个)\n1.市禁毒委员会\n2.潍坊市禁毒委员会');
    const p = planListImport(request({ list: twice, activeBodies: active, baseline: false }));
    expect(p.items.map((i) => i.action)).toEqual(['unchanged', 'establish']);
    expect(p.conflicts).toEqual([{ number: 2, bodyId: 'b-drugs' }]);
  });
});

describe('normaliseName', () => {
  it('reduces the jurisdiction in front to its level word and drops width and punctuation', () => {
    expect(normaliseName('潍坊市人民政府教育督导委员会', '潍坊市')).toBe(normaliseName('市政府教育督导委员会', '潍坊市'));
    expect(normaliseName('中共潍坊市委全面依法治市委员会', '潍坊市')).toBe(normaliseName('市委全面依法治市委员会', '潍坊市'));
    expect(normaliseName('市“品牌潍坊”建设协调推进领导小组', '潍坊市')).toBe(normaliseName('潍坊市"品牌潍坊"建设协调推进领导小组', '潍坊市'));
    expect(normaliseName('市１２３４５政务服务热线工作领导小组')).toBe('12345政务服务热线工作领导小组');
    expect(normaliseName('市城市管理委员会')).toBe('城市管理委员会');
    expect(normaliseName('潍坊机场迁建工程指挥部', '潍坊市')).toBe('潍坊机场迁建工程指挥部');
    expect(normaliseName('市政府教育督导委员会')).not.toBe(normaliseName('市教育督导委员会'));
  });
});

describe('planListImport on a list naming both series', () => {
  it('gives each section\'s entries the series its heading names, and counts only the import\'s series in the baseline', () => {
    const both = parseOfficialList('一、县委议事协调机构（1个）\n1.县委全面深化改革委员会\n二、县政府议事协调机构（2个）\n（一）常设（1个）\n2.县安全生产委员会\n（二）临时（1个）\n3.县第三次全国国土调查领导小组');
    const plan = planListImport({ list: both, jurisdiction: '370724', series: 'government', documentNo: '临政办发〔2021〕1号', date: '2021-01-01', baseline: true, activeBodies: [] });
    expect(plan.commands[0].command).toMatchObject({ type: 'SetQuotaBaseline', total: 2, standing: 1, temporary: 1, series: 'government' });
    expect(plan.commands.slice(1).map((c) => (c.command.type === 'EstablishBody' ? [c.command.profile.name, c.command.profile.series, c.command.profile.duration] : []))).toEqual([
      ['县委全面深化改革委员会', 'party', 'standing'],
      ['县安全生产委员会', 'government', 'standing'],
      ['县第三次全国国土调查领导小组', 'government', 'temporary'],
    ]);
  });
});


describe('planListImport of a list whose sections each count from 1', () => {
  const notice = [
    '一、保留的议事协调机构（2个）',
    '1．市安全生产委员会',
    '2．市防汛抗旱指挥部',
    '二、阶段性保留的议事协调机构（2个）',
    '1．市第七次全国人口普查领导小组',
    '2．市创建全国文明城市工作领导小组',
  ].join('\n');
  const plan = planListImport(request({ list: parseOfficialList(notice), jurisdiction: '371400', documentNo: '德政办字〔2021〕12号', baseline: false }));

  it('gives every entry a key of its own, so no establishment is answered as another', () => {
    const keys = plan.commands.map((c) => c.idempotencyKey);
    expect(plan.commands).toHaveLength(4);
    expect(new Set(keys).size).toBe(4);
    expect(keys).toContain('import:371400:德政办字〔2021〕12号:s2.1');
  });

  it('keeps the order of the file for the list of the registry, where numbers alone would interleave the sections', () => {
    const numbers = plan.commands.map((c) => (c.command.type === 'EstablishBody' ? c.command.listing?.number : undefined));
    expect(numbers).toEqual([1, 2, 3, 4]);
  });
});
