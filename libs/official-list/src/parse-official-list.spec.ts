import { parseOfficialList } from './parse-official-list.js';
import { splitEntry, writeEntry } from './entry.js';
import { WEIFANG_ENTRIES, WEIFANG_NOTICE } from './testing/weifang.js';

const STANDING_HEADING = '一、长期设置的市政府议事协调机构(55个)';
const TEMPORARY_HEADING = '二、临时性设置的市政府议事协调机构(11个)';

/** The 潍坊 list one entry per line, with the given headings. */
function onSeparateLines(standingHeading = STANDING_HEADING, temporaryHeading = TEMPORARY_HEADING, marker = (n: number) => `${n}.`): string {
  return [
    '市政府议事协调机构名单',
    standingHeading,
    ...WEIFANG_ENTRIES.slice(0, 55).map((e, i) => `${marker(i + 1)}${e}`),
    temporaryHeading,
    ...WEIFANG_ENTRIES.slice(55).map((e, i) => `${marker(i + 56)}${e}`),
  ].join('\n');
}

const texts = (fragments: ReadonlyArray<{ text: string }>) => fragments.map((f) => f.text);
const names = (text: string) => parseOfficialList(text).sections.flatMap((s) => s.items.map((i) => i.name));

describe('parseOfficialList on the 潍坊 notice (潍政办字〔2020〕37号)', () => {
  const list = parseOfficialList(WEIFANG_NOTICE);
  const items = list.sections.flatMap((s) => s.items);
  const item = (n: number) => items.find((i) => i.number === n)!;

  it('finds 66 = 55 standing + 11 temporary in two sections, as announced', () => {
    expect(list.total).toBe(66);
    expect(list.standing).toBe(55);
    expect(list.temporary).toBe(11);
    expect(list.sections.map((s) => [s.title, s.duration, s.announced, s.items.length])).toEqual([
      ['长期设置的市政府议事协调机构', 'standing', 55, 55],
      ['临时性设置的市政府议事协调机构', 'temporary', 11, 11],
    ]);
    expect(list.sections.map((s) => s.heading)).toEqual([STANDING_HEADING, TEMPORARY_HEADING]);
    expect(list.countMismatches).toEqual([]);
    expect(list.unparsed).toEqual([]);
    expect(list.warnings).toEqual([]);
  });

  it('keeps the notice as preamble, its list title and the total it announces (共66个)', () => {
    expect(list.title).toBe('市政府议事协调机构名单');
    expect(list.announcedTotal).toBe(66);
    expect(list.preamble).toMatch(/^潍坊市人民政府办公室关于规范市政府议事协调机构的通知/u);
    expect(list.preamble).toMatch(/附件市政府议事协调机构名单$/u);
  });

  it('numbers the entries 1–66 continuously and reads every entry exactly as published', () => {
    expect(items.map((i) => i.number)).toEqual(Array.from({ length: 66 }, (_, i) => i + 1));
    expect(items.map((i) => i.rawText)).toEqual(WEIFANG_ENTRIES);
  });

  it('does not take digits inside names for numbers', () => {
    expect(item(4).name).toBe('市12345政务服务热线工作领导小组');
    expect(item(5).name).toBe('市城市建设重点项目领导小组');
    expect(item(56).name).toBe('市5G产业发展领导小组');
    expect(item(57).name).toBe('市营业税改征增值税试点工作领导小组');
    expect(item(66).name).toBe('市“十三五”时期民兵调整改革工作领导小组');
    expect(item(13).name).toBe('市履行《禁止化学武器公约》工作领导小组');
    expect(item(44).name).toBe('市“品牌潍坊”建设协调推进领导小组');
  });

  it('reads item 17\'s 对外可分别使用 sentence as two aliases', () => {
    expect(item(17)).toMatchObject({
      name: '市社会救助工作领导小组',
      aliases: ['市农村留守儿童关爱保护和困境儿童保障工作联席会议', '市生活无着的流浪乞讨人员救助管理工作联席会议'],
      aliasStyles: ['external-use', 'external-use'],
    });
  });

  it('reads the brackets of items 36 and 47 as one alias each', () => {
    expect(item(36)).toMatchObject({ name: '市爱国卫生运动委员会', aliases: ['健康中国行动潍坊推进委员会'], aliasStyles: ['bracket'] });
    expect(item(47)).toMatchObject({ name: '市人民防空军政联席会议', aliases: ['市人民防空指挥部'], aliasStyles: ['bracket'] });
  });

  it('gives no other entry an alias, and every other name is the entry itself', () => {
    const others = items.filter((i) => ![17, 36, 47].includes(i.number));
    expect(others.every((i) => i.aliases.length === 0 && i.name === i.rawText)).toBe(true);
  });

  it('writes every entry back exactly from its name and aliases alone', () => {
    expect(items.map((i) => writeEntry(i.name, i.aliases))).toEqual(WEIFANG_ENTRIES);
  });
});

describe('parseOfficialList on variants of the format', () => {
  it('reads entries on separate lines the same as run together', () => {
    expect(names(onSeparateLines())).toEqual(names(WEIFANG_NOTICE));
    const list = parseOfficialList(onSeparateLines());
    expect([list.total, list.standing, list.temporary, list.title]).toEqual([66, 55, 11, '市政府议事协调机构名单']);
    expect(list.unparsed).toEqual([]);
  });

  it('reads full-width brackets, digits and number marks in headings and numbers', () => {
    const full = (n: number) => `${String(n).replace(/[0-9]/gu, (d) => '０１２３４５６７８９'[Number(d)])}．`;
    const list = parseOfficialList(onSeparateLines('一、长期设置的市政府议事协调机构（５５个）', '二、临时性设置的市政府议事协调机构（１１个）', full));
    expect(list.sections.map((s) => s.announced)).toEqual([55, 11]);
    expect(list.total).toBe(66);
    expect(list.sections.flatMap((s) => s.items.map((i) => i.number))).toEqual(Array.from({ length: 66 }, (_, i) => i + 1));
    expect(list.sections[0].items[3].name).toBe('市12345政务服务热线工作领导小组');
  });

  it('accepts other heading wordings and headings without a count', () => {
    const list = parseOfficialList(onSeparateLines('(一)常设议事协调机构（共55个）：', '（二）临时机构'));
    expect(list.sections.map((s) => [s.title, s.duration, s.announced])).toEqual([
      ['常设议事协调机构', 'standing', 55],
      ['临时机构', 'temporary', undefined],
    ]);
    expect(list.temporary).toBe(11);
    expect(list.countMismatches).toEqual([]);
  });

  it('accepts a heading count without brackets and headings run into the first entry', () => {
    const list = parseOfficialList('一、长期设置的议事协调机构2个1.市禁毒委员会2.市绿化委员会二、临时性设置的议事协调机构3.市第三次国土调查领导小组。');
    expect(list.sections.map((s) => [s.title, s.duration, s.announced, s.items.map((i) => i.name)])).toEqual([
      ['长期设置的议事协调机构', 'standing', 2, ['市禁毒委员会', '市绿化委员会']],
      ['临时性设置的议事协调机构', 'temporary', undefined, ['市第三次国土调查领导小组']],
    ]);
  });

  it('takes a numeral inside a name for no heading, and accepts headings that name a kind', () => {
    const list = parseOfficialList('一、长期设置的议事协调机构(2个)1.市一、二、三产业融合发展领导小组2.市绿化委员会二、临时性设置的议事协调机构(1个)3.市5G产业发展领导小组');
    expect(list.sections.map((s) => s.items.map((i) => i.name))).toEqual([['市一、二、三产业融合发展领导小组', '市绿化委员会'], ['市5G产业发展领导小组']]);
    const byKind = parseOfficialList('一、领导小组\n1.市征兵工作领导小组\n二、委员会(1个)\n2.市禁毒委员会');
    expect(byKind.sections.map((s) => [s.title, s.announced, s.items.length])).toEqual([['领导小组', undefined, 1], ['委员会', 1, 1]]);
  });

  it('reports a heading count that disagrees with the entries', () => {
    const list = parseOfficialList(onSeparateLines('一、长期设置的市政府议事协调机构(54个)', '二、临时性设置的市政府议事协调机构(12个)'));
    expect(list.countMismatches).toEqual([
      { section: '长期设置的市政府议事协调机构', line: 2, announced: 54, found: 55 },
      { section: '临时性设置的市政府议事协调机构', line: 58, announced: 12, found: 11 },
    ]);
    expect(list.total).toBe(66);
  });

  it('reports a preamble total that disagrees', () => {
    const text = WEIFANG_NOTICE.replace('共66个', '共67个');
    expect(parseOfficialList(text).countMismatches).toEqual([{ section: '合计', line: 1, announced: 67, found: 66 }]);
  });

  it('cuts page furniture out and reports it, on its own lines and inside the run-together text', () => {
    const lines = onSeparateLines().split('\n');
    lines.splice(16, 0, '— 2 —');
    lines.splice(40, 0, '第 3 页 共 4 页');
    lines.splice(50, 0, '潍坊市人民政府办公室文件');
    lines.splice(60, 0, '- 4 -');
    const list = parseOfficialList(lines.join('\n'));
    expect(names(lines.join('\n'))).toEqual(names(WEIFANG_NOTICE));
    expect(list.furniture).toEqual([
      { line: 17, text: '— 2 —', kind: 'page-number' },
      { line: 41, text: '第 3 页 共 4 页', kind: 'page-number' },
      { line: 61, text: '- 4 -', kind: 'page-number' },
    ]);
    // a running header is no furniture this parser knows: reported as unparsed, with its line
    expect(list.unparsed).toEqual([{ line: 51, text: '潍坊市人民政府办公室文件' }]);
    expect(list.total).toBe(66);

    const inline = WEIFANG_NOTICE.replace('20.市就业', '— 3 —20.市就业').replace('41.市森林', '第2页41.市森林');
    const parsed = parseOfficialList(inline);
    expect(names(inline)).toEqual(names(WEIFANG_NOTICE));
    expect(texts(parsed.furniture)).toEqual(['— 3 —', '第2页']);
    expect(parsed.unparsed).toEqual([]);
  });

  it('joins an entry broken over lines, and does not join a stray line after a finished entry', () => {
    const text = [
      '一、长期设置的市政府议事协调机构(3个)',
      '1.市社会救助工作领导小组(对外可分别使用市农村留守儿童关爱保护和困境儿童保障工作',
      '联席会议、市生活无着的流浪乞讨人员救助管理工作联席会议名称开展工作)',
      '2.市推进政府职能转变和“放管服”改革协调',
      '小组',
      '附件',
      '3.市绿化委员会',
    ].join('\n');
    const list = parseOfficialList(text);
    expect(list.sections[0].items.map((i) => [i.name, i.aliases])).toEqual([
      ['市社会救助工作领导小组', ['市农村留守儿童关爱保护和困境儿童保障工作联席会议', '市生活无着的流浪乞讨人员救助管理工作联席会议']],
      ['市推进政府职能转变和“放管服”改革协调小组', []],
      ['市绿化委员会', []],
    ]);
    expect(list.unparsed).toEqual([{ line: 6, text: '附件' }]);
  });

  it('reads numbering restarted in each section', () => {
    const list = parseOfficialList('一、长期设置的议事协调机构(2个)\n1.市禁毒委员会\n2.市绿化委员会\n二、临时性设置的议事协调机构(2个)\n1.市5G产业发展领导小组\n2.潍坊机场迁建工程指挥部');
    expect(list.sections.map((s) => s.items.map((i) => `${i.number}.${i.name}`))).toEqual([
      ['1.市禁毒委员会', '2.市绿化委员会'],
      ['1.市5G产业发展领导小组', '2.潍坊机场迁建工程指挥部'],
    ]);
    expect(list.countMismatches).toEqual([]);
  });

  it('reports text after the closing 。 and a missing number', () => {
    const list = parseOfficialList('一、长期设置的议事协调机构(3个)\n1.市禁毒委员会\n2.市绿化委员会\n4.市减灾委员会。抄送：市委各部门。');
    expect(list.sections[0].items.map((i) => i.number)).toEqual([1, 2, 4]);
    expect(list.unparsed).toEqual([]);
    expect(list.furniture).toEqual([{ line: 4, text: '抄送：市委各部门。', kind: 'distribution' }]);
    expect(list.warnings).toEqual(['序号 3 缺失，2 之后为 4']);
    expect(list.countMismatches).toEqual([]);
  });

  it('reads a bare numbered list without headings as one standing section', () => {
    const list = parseOfficialList('市政府议事协调机构名单\n1.市禁毒委员会\n2.市绿化委员会');
    expect(list.sections).toHaveLength(1);
    expect(list.sections[0]).toMatchObject({ title: '', duration: 'standing', announced: undefined });
    expect(list.title).toBe('市政府议事协调机构名单');
    expect(list.standing).toBe(2);
  });
});

describe('the bracket rule', () => {
  it('reads a trailing bracket naming a body, 对外使用 and 加挂…牌子 as aliases', () => {
    expect(splitEntry('市人民防空军政联席会议（市人民防空指挥部）')).toEqual({ name: '市人民防空军政联席会议', aliases: ['市人民防空指挥部'], aliasStyles: ['bracket'] });
    expect(splitEntry('市老龄工作委员会(对外可使用市老年人权益保障工作联席会议名称开展工作)')).toEqual({
      name: '市老龄工作委员会',
      aliases: ['市老年人权益保障工作联席会议'],
      aliasStyles: ['external-use'],
    });
    expect(splitEntry('市国防动员委员会(加挂市人民防空委员会牌子)')).toEqual({ name: '市国防动员委员会', aliases: ['市人民防空委员会'], aliasStyles: ['plate'] });
    expect(splitEntry('市A领导小组(市B委员会)(对外可分别使用市C指挥部、市D联席会议名称开展工作)')).toEqual({
      name: '市A领导小组',
      aliases: ['市B委员会', '市C指挥部', '市D联席会议'],
      aliasStyles: ['bracket', 'external-use', 'external-use'],
    });
  });

  it('keeps other brackets, and brackets inside a name, as part of the name', () => {
    for (const entry of ['市城市管理委员会(试行)', '市数字经济工作领导小组（筹）', '市政府(国资委)改革领导小组', '市履行《禁止化学武器公约》工作领导小组', '(市委)督查工作领导小组']) {
      expect(splitEntry(entry)).toEqual({ name: entry, aliases: [], aliasStyles: [] });
    }
    const list = parseOfficialList('一、长期设置的议事协调机构(1个)1.市城市管理委员会(试行)。');
    expect(list.sections[0].items[0]).toMatchObject({ name: '市城市管理委员会(试行)', aliases: [] });
  });

  it('writes one body-like alias in brackets, any other single alias and several as 对外可(分别)使用', () => {
    expect(writeEntry('市人民防空军政联席会议', ['市人民防空指挥部'])).toBe('市人民防空军政联席会议(市人民防空指挥部)');
    expect(writeEntry('市爱国卫生运动委员会', ['市爱卫会'])).toBe('市爱国卫生运动委员会(对外可使用市爱卫会名称开展工作)');
    expect(writeEntry('市A领导小组', ['市B委员会', '市C指挥部'])).toBe('市A领导小组(对外可分别使用市B委员会、市C指挥部名称开展工作)');
    expect(writeEntry('市A领导小组', ['市B委员会'], ['external-use'])).toBe('市A领导小组(对外可使用市B委员会名称开展工作)');
    expect(writeEntry('市A领导小组', ['市B委员会'], ['plate'], { fullWidth: true })).toBe('市A领导小组（加挂市B委员会牌子）');
    for (const [name, aliases] of [['市爱国卫生运动委员会', ['市爱卫会']], ['市A领导小组', ['市B委员会', '市C指挥部']]] as const) {
      expect(splitEntry(writeEntry(name, aliases))).toMatchObject({ name, aliases });
    }
  });
});
