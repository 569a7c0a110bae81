/**
 * The parser on lists written as governments write them (layouts, not copies of any notice):
 * nested 一、/（一） headings with 保留/常设/阶段性, clean-up sections 撤销/不再保留/调整为部门联席会议,
 * stated mergers and renames, headings without numerals, lists without numbers, and notices
 * with 文号, signature, date, page numbers, URLs and a 抄送/印发 footer.
 */
import { parseOfficialList } from './parse-official-list.js';
import type { ParsedOfficialList } from './official-list.types.js';

const CLEAN_UP = [
  '某某县人民政府办公室文件', //                      1
  '某政办发〔2021〕12号', //                          2
  '某某县人民政府办公室关于调整县政府议事协调机构的通知', // 3
  '各乡镇人民政府，县政府各部门：', //                    4
  '经县政府研究，予以保留的5个，撤销的3个，调整为部门联席会议的2个。现将有关事项通知如下：', // 5
  '一、严格规范议事协调机构设立', //                       6
  '各部门要严格执行有关规定，不得擅自设立。', //            7
  '附件：县政府议事协调机构清理结果', //                   8
  '某某县人民政府办公室', //                              9
  '2021年5月10日', //                                   10
  '— 1 —', //                                          11
  '县政府议事协调机构名单', //                            12
  '一、保留的县政府议事协调机构（5个）', //                13
  '（一）常设议事协调机构（3个）', //                      14
  '1.县安全生产委员会', //                               15
  '2.县防汛抗旱指挥部', //                               16
  '3.县食品安全委员会（对外可使用县食品药品安全委员会名称开展工作）', // 17
  '（二）阶段性工作机构（2个）', //                       18
  '4.县第三次全国国土调查领导小组', //                    19
  '5.县创建国家卫生县城工作领导小组', //                  20
  '二、撤销的议事协调机构（3个）', //                      21
  '6.县整顿和规范市场经济秩序领导小组', //                22
  '7.县“十二五”规划编制工作领导小组（工作由县发展改革局承担）', // 23
  'http://www.example.gov.cn/xxgk/2021/0510.html', //   24
  '— 2 —', //                                          25
  '8.县农村税费改革工作领导小组', //                      26
  '三、调整为部门联席会议的议事协调机构（2个）', //         27
  '9.县就业工作领导小组', //                             28
  '10.县老龄工作委员会', //                              29
  '抄送：县委办公室，县人大常委会办公室。', //             30
  '某某县人民政府办公室　　　　　　2021年5月10日印发', //   31
].join('\n');

const summary = (list: ParsedOfficialList) =>
  list.sections.map((s) => [s.heading, s.action, s.duration, s.level, s.items.map((i) => `${i.number}.${i.name}`)]);

describe('a clean-up notice: 保留 (常设 + 阶段性), 撤销, 调整为部门联席会议, with its furniture', () => {
  const list = parseOfficialList(CLEAN_UP);

  it('reads the nested sections with what each says becomes of its bodies', () => {
    expect(summary(list)).toEqual([
      ['一、保留的县政府议事协调机构（5个）', 'keep', 'standing', 1, []],
      ['（一）常设议事协调机构（3个）', 'keep', 'standing', 2, ['1.县安全生产委员会', '2.县防汛抗旱指挥部', '3.县食品安全委员会']],
      ['（二）阶段性工作机构（2个）', 'keep', 'temporary', 2, ['4.县第三次全国国土调查领导小组', '5.县创建国家卫生县城工作领导小组']],
      ['二、撤销的议事协调机构（3个）', 'abolish', 'standing', 1, ['6.县整顿和规范市场经济秩序领导小组', '7.县“十二五”规划编制工作领导小组', '8.县农村税费改革工作领导小组']],
      ['三、调整为部门联席会议的议事协调机构（2个）', 'joint-meeting', 'standing', 1, ['9.县就业工作领导小组', '10.县老龄工作委员会']],
    ]);
    expect([list.total, list.standing, list.temporary, list.removed]).toEqual([5, 3, 2, 5]);
    expect(list.sections[0].series).toBe('government');
  });

  it('counts the live bodies only, checks each heading (nested ones into their parent) and the preamble\'s counts', () => {
    expect(list.countMismatches).toEqual([]);
    const wrong = parseOfficialList(CLEAN_UP.replace('一、保留的县政府议事协调机构（5个）', '一、保留的县政府议事协调机构（6个）').replace('撤销的3个', '撤销的4个'));
    expect(wrong.countMismatches).toEqual([
      { section: '保留的县政府议事协调机构', line: 13, announced: 6, found: 5 },
      { section: '撤销', line: 1, announced: 4, found: 3 },
    ]);
  });

  it('keeps a removal\'s remark apart from its name, and aliases as aliases', () => {
    const items = list.sections.flatMap((s) => s.items);
    expect(items[6]).toMatchObject({ name: '县“十二五”规划编制工作领导小组', note: '工作由县发展改革局承担', action: 'abolish', line: 23 });
    expect(items[2]).toMatchObject({ name: '县食品安全委员会', aliases: ['县食品药品安全委员会'], line: 17 });
  });

  it('takes the notice\'s own paragraphs for the preamble and its title from the attachment', () => {
    expect(list.title).toBe('县政府议事协调机构名单');
    expect(list.preamble).toContain('一、严格规范议事协调机构设立');
  });

  it('reports page numbers, the URL, 文号, signature, dates and the 抄送/印发 footer as furniture with their lines, and uses every other line', () => {
    expect(list.furniture.map((f) => [f.line, f.kind])).toEqual([
      [2, 'document-number'], [9, 'signature'], [10, 'date'], [11, 'page-number'], [24, 'url'], [25, 'page-number'], [30, 'distribution'], [31, 'distribution'],
    ]);
    expect(list.unparsed).toEqual([]);
    expect(list.sections.flatMap((s) => s.items).some((i) => /http|—|抄送|〔/u.test(i.name))).toBe(false);
  });

  it('reports a stray line with its line number', () => {
    const stray = parseOfficialList(CLEAN_UP.replace('8.县农村税费改革工作领导小组', '8.县农村税费改革工作领导小组\n以上机构自发文之日起停止工作'));
    expect(stray.unparsed).toEqual([{ line: 27, text: '以上机构自发文之日起停止工作' }]);
  });
});

describe('the vocabulary of headings', () => {
  const sectionsOf = (text: string) => parseOfficialList(text).sections.map((s) => [s.title, s.action, s.duration, s.announced]);

  it.each([
    ['临时', 'temporary'], ['临时性', 'temporary'], ['非常设', 'temporary'], ['阶段性', 'temporary'], ['专项', 'temporary'], ['阶段性工作', 'temporary'],
    ['常设', 'standing'], ['长期', 'standing'], ['保留', 'standing'], ['常设性', 'standing'],
  ])('%s makes a section %s', (word, duration) => {
    const list = parseOfficialList(`一、${word}议事协调机构（1个）\n1.县禁毒委员会`);
    expect(list.sections[0]).toMatchObject({ duration, action: 'keep', announced: 1 });
    expect(list[duration as 'standing' | 'temporary']).toBe(1);
  });

  it.each([
    ['撤销的议事协调机构', 'abolish'], ['不再保留的议事协调机构', 'abolish'], ['予以取消的议事协调机构', 'abolish'],
    ['不再作为县政府议事协调机构的', 'delist'], ['调整为部门议事协调机构的', 'delist'],
    ['调整为部门联席会议的议事协调机构', 'joint-meeting'], ['改为部门联席会议', 'joint-meeting'],
    ['合并的议事协调机构', 'merge'], ['更名的议事协调机构', 'rename'],
  ])('"%s" makes a section %s, never live bodies', (title, action) => {
    const list = parseOfficialList(`一、${title}（1个）\n1.县禁毒委员会`);
    expect(list.sections[0]).toMatchObject({ action, announced: 1 });
    expect([list.total, list.removed]).toEqual([0, 1]);
  });

  it('reads 第一部分 and headings without numeral, "共X个", "保留X个" and counts in Chinese numerals', () => {
    expect(sectionsOf('第一部分 常设议事协调机构（共2个）\n1.县禁毒委员会\n2.县绿化委员会\n第二部分 临时机构 计1个\n3.县征兵工作领导小组')).toEqual([
      ['常设议事协调机构', 'keep', 'standing', 2],
      ['临时机构', 'keep', 'temporary', 1],
    ]);
    expect(sectionsOf('县政府议事协调机构（保留）\n1.县禁毒委员会\n撤销的议事协调机构：\n2.县农村税费改革工作领导小组')).toEqual([
      ['县政府议事协调机构（保留）', 'keep', 'standing', undefined],
      ['撤销的议事协调机构', 'abolish', 'standing', undefined],
    ]);
    expect(sectionsOf('一、常设议事协调机构（保留2个）\n1.县禁毒委员会\n2.县绿化委员会\n二、临时议事协调机构（共两个）\n3.县A领导小组\n4.县B指挥部')).toEqual([
      ['常设议事协调机构', 'keep', 'standing', 2],
      ['临时议事协调机构', 'keep', 'temporary', 2],
    ]);
  });

  it('takes a line that announces a count of 机构 for a heading, without numeral or section word', () => {
    const list = parseOfficialList('县委议事协调机构（共2个）\n县委全面深化改革委员会\n县委网络安全和信息化委员会\n县政府议事协调机构（1个）\n县疫情防控工作专班');
    expect(list.sections.map((s) => [s.title, s.series, s.announced, s.items.map((i) => i.name)])).toEqual([
      ['县委议事协调机构', 'party', 2, ['县委全面深化改革委员会', '县委网络安全和信息化委员会']],
      ['县政府议事协调机构', 'government', 1, ['县疫情防控工作专班']],
    ]);
    expect([list.unparsed, list.countMismatches]).toEqual([[], []]);
  });

  it('names the series a heading names, and nested headings inherit it', () => {
    const list = parseOfficialList('一、县委议事协调机构（1个）\n（一）常设（1个）\n1.县委全面深化改革委员会\n二、县政府议事协调机构（1个）\n（一）临时（1个）\n2.县征兵工作领导小组');
    expect(list.sections.map((s) => [s.series, s.duration, s.items.length])).toEqual([
      ['party', 'standing', 0], ['party', 'standing', 1], ['government', 'standing', 0], ['government', 'temporary', 1],
    ]);
    expect(list.countMismatches).toEqual([]);
  });
});

describe('entries that state their own fate', () => {
  it('reads "(撤销)", "(保留)" and "(调整为部门联席会议)" at an entry\'s end', () => {
    const list = parseOfficialList('县政府议事协调机构清理意见\n1.县禁毒委员会（保留）\n2.县A领导小组（撤销）\n3.县B领导小组（调整为部门联席会议）\n4.县C领导小组　不再保留');
    expect(list.sections[0].items.map((i) => [i.name, i.action])).toEqual([
      ['县禁毒委员会', 'keep'], ['县A领导小组', 'abolish'], ['县B领导小组', 'joint-meeting'], ['县C领导小组', 'abolish'],
    ]);
    expect([list.total, list.removed]).toEqual([1, 3]);
  });

  it('reads a fate with its reason "(撤销，职能并入…)" and an entry\'s own duration "(临时)"', () => {
    const list = parseOfficialList(['市政府议事协调机构目录', '1. 市安全生产委员会', '2. 市第十四届运动会组委会（临时）', '3. 市城市管理委员会（撤销，职能并入市城市管理局）'].join('\n'));
    const [safety, games, city] = list.sections.flatMap((s) => s.items);
    expect(safety).toMatchObject({ name: '市安全生产委员会', action: 'keep' });
    expect(safety.duration).toBeUndefined();
    expect(games).toMatchObject({ name: '市第十四届运动会组委会', action: 'keep', duration: 'temporary' });
    expect(city).toMatchObject({ name: '市城市管理委员会', action: 'abolish', note: '职能并入市城市管理局' });
    expect(list).toMatchObject({ total: 2, standing: 1, temporary: 1, removed: 1 });
  });

  it('takes a heading naming both 市委 and 市政府 for the joint series', () => {
    const list = parseOfficialList(['一、市委议事协调机构（1个）', '1.市委全面深化改革委员会', '二、市委、市政府议事协调机构（1个）', '2.市乡村振兴领导小组', '三、市政府议事协调机构（1个）', '3.市安全生产委员会'].join('\n'));
    expect(list.sections.map((s) => s.series)).toEqual(['party', 'joint', 'government']);
  });

  it('reads stated mergers and renames, names with 和 inside kept whole', () => {
    const list = parseOfficialList([
      '一、合并的议事协调机构（3个）',
      '1.县就业和农民工工作领导小组与县劳动关系三方协调委员会合并，组建县就业和劳动关系工作领导小组',
      '2.将县爱国卫生运动委员会并入县健康县城建设领导小组',
      '3.县A领导小组、县B领导小组合并',
      '二、更名的议事协调机构（1个）',
      '4.县防汛抗旱指挥部更名为县防汛抗旱和应急指挥部',
    ].join('\n'));
    expect(list.sections.flatMap((s) => s.items.map((i) => [i.action, i.change]))).toEqual([
      ['merge', { kind: 'merge', from: ['县就业和农民工工作领导小组', '县劳动关系三方协调委员会'], to: '县就业和劳动关系工作领导小组', into: 'new' }],
      ['merge', { kind: 'merge', from: ['县爱国卫生运动委员会'], to: '县健康县城建设领导小组', into: 'existing' }],
      ['merge', { kind: 'merge', from: ['县A领导小组', '县B领导小组'], to: '', into: 'new' }],
      ['rename', { kind: 'rename', from: ['县防汛抗旱指挥部'], to: '县防汛抗旱和应急指挥部' }],
    ]);
    expect(list.removed).toBe(4);
  });
});

describe('lists without headings or numbers, and files that yield nothing', () => {
  it('reads one body name per line, numbering them, and reports what is not a name', () => {
    const list = parseOfficialList('县政府议事协调机构名单\n县禁毒委员会\n县绿化委员会\n县征兵工作领导小组\n其他事项另行通知');
    expect(list.sections[0].items.map((i) => `${i.number}.${i.name}`)).toEqual(['1.县禁毒委员会', '2.县绿化委员会', '3.县征兵工作领导小组']);
    expect(list.title).toBe('县政府议事协调机构名单');
    expect(list.unparsed).toEqual([{ line: 5, text: '其他事项另行通知' }]);
  });

  it('finds no body in a text that lists none, and keeps the text as the notice', () => {
    const list = parseOfficialList('关于做好议事协调机构清理工作的通知\n各部门：\n请于5月底前报送清理意见。\n2021年5月10日');
    expect([list.total, list.removed]).toEqual([0, 0]);
    expect(list.sections.flatMap((s) => s.items)).toEqual([]);
  });

  it('never takes a page number, URL, 文号, date or 抄送 line for a body', () => {
    const list = parseOfficialList('县政府议事协调机构名单\n县禁毒委员会\n-2-\n第3页\nhttps://www.gov.cn/zhengce/content/2020-03/31/content_1.htm\n县政办发〔2020〕7号\n二〇二〇年三月三十一日\n抄报：市政府办公室\n县绿化委员会');
    expect(list.sections.flatMap((s) => s.items.map((i) => i.name))).toEqual(['县禁毒委员会', '县绿化委员会']);
    expect(list.furniture.map((f) => f.kind)).toEqual(['page-number', 'page-number', 'url', 'document-number', 'date', 'distribution']);
    expect(list.unparsed).toEqual([]);
  });

  it('takes a body\'s name followed by a date for an entry, not for a signature', () => {
    const list = parseOfficialList('县政府议事协调机构名单\n县安全生产委员会　2019年3月1日\n县绿化委员会\n县人民政府办公室　2021年5月10日印发');
    expect(list.sections[0].items.map((i) => i.name)).toEqual(['县安全生产委员会', '县绿化委员会']);
    expect(list.furniture.map((f) => [f.line, f.kind])).toEqual([[4, 'distribution']]);
    expect(list.sections[0].items[0].note).toBe('2019年3月1日');
  });

  it('flags names the registry would refuse (control characters, length)', () => {
    const list = parseOfficialList(`一、常设议事协调机构（2个）\n1.县禁\u0007毒委员会\n2.县${'很'.repeat(240)}领导小组`);
    expect(list.invalidNames.map((n) => [n.line, n.number])).toEqual([[2, 1], [3, 2]]);
    expect(list.invalidNames[1].problems).toEqual(['不能超过 200 个字']);
  });
});

describe('names run on in a paragraph, and tables pasted as text', () => {
  it('reads a State Council style notice: the heading ends at its colon, names separated by 、 with remarks', () => {
    const list = parseOfficialList([
      '国务院关于议事协调机构设置的通知',
      '国发〔2030〕1号',
      '现将调整后的国务院议事协调机构设置通知如下：',
      '一、国务院议事协调机构（3个）：国家国防动员委员会、国务院学位委员会、国家防汛抗旱总指挥部（具体工作由水利部承担）。',
      '二、撤销的国务院议事协调机构（2个）：国务院西部地区开发领导小组、国务院振兴东北地区等老工业基地领导小组。',
    ].join('\n'));
    expect(list.sections.map((s) => [s.title, s.action, s.announced, s.items.map((i) => i.name)])).toEqual([
      ['国务院议事协调机构', 'keep', 3, ['国家国防动员委员会', '国务院学位委员会', '国家防汛抗旱总指挥部']],
      ['撤销的国务院议事协调机构', 'abolish', 2, ['国务院西部地区开发领导小组', '国务院振兴东北地区等老工业基地领导小组']],
    ]);
    expect(list.sections[0].items[2].note).toBe('具体工作由水利部承担');
    expect([list.unparsed, list.countMismatches]).toEqual([[], []]);
  });

  it('reads a paragraph of names under a heading line of its own, offices among them, and 国务院 as a signature', () => {
    const notice = [
      '国务院关于议事协调机构设置的通知',
      '国发〔2008〕13号',
      '一、国务院议事协调机构（共4个）',
      '国家国防动员委员会、国务院学位委员会、国务院纠正行业不正之风办公室、国家能源委员会。',
      '二、撤销的议事协调机构（共2个）',
      '国务院信息化工作领导小组、国务院振兴东北地区等老工业基地领导小组办公室。',
      '国务院',
      '二〇〇八年三月二十一日',
    ].join('\n');
    const list = parseOfficialList(notice);
    expect(list.sections.map((s) => s.items.map((i) => i.name))).toEqual([
      ['国家国防动员委员会', '国务院学位委员会', '国务院纠正行业不正之风办公室', '国家能源委员会'],
      ['国务院信息化工作领导小组', '国务院振兴东北地区等老工业基地领导小组办公室'],
    ]);
    expect(list.sections[1].items.every((i) => i.action === 'abolish')).toBe(true);
    expect(list.unparsed).toEqual([]);
    expect(list.countMismatches).toEqual([]);
    expect(list.furniture).toContainEqual(expect.objectContaining({ line: 7, text: '国务院', kind: 'signature' }));
  });

  it('keeps a sentence that mentions bodies whole instead of cutting it into names', () => {
    const list = parseOfficialList('一、常设议事协调机构（1个）\n县禁毒委员会\n各乡镇要对照县禁毒委员会、县绿化委员会，做好衔接。');
    expect(list.sections[0].items.map((i) => i.name)).toEqual(['县禁毒委员会']);
    expect(list.unparsed).toEqual([{ line: 3, text: '各乡镇要对照县禁毒委员会、县绿化委员会，做好衔接。' }]);
  });

  it('reads rows of a table (tabs or spaces): name first, an outcome column decides, other columns are notes', () => {
    const list = parseOfficialList([
      '县政府议事协调机构清理意见表',
      '序号\t机构名称\t办公室设在\t处理意见',
      '1\t县安全生产委员会\t县应急管理局\t保留',
      '2\t县农村税费改革工作领导小组\t县财政局\t撤销',
      '3   县老龄工作委员会   县民政局   调整为部门联席会议',
    ].join('\n'));
    expect(list.sections[0].items.map((i) => [i.number, i.name, i.action, i.note])).toEqual([
      [1, '县安全生产委员会', 'keep', '县应急管理局'],
      [2, '县农村税费改革工作领导小组', 'abolish', '县财政局'],
      [3, '县老龄工作委员会', 'joint-meeting', '县民政局'],
    ]);
    expect(list.furniture).toEqual([{ line: 2, text: '序号\t机构名称\t办公室设在\t处理意见', kind: 'table-header' }]);
    expect([list.total, list.removed, list.unparsed.length]).toEqual([1, 2, 0]);
  });

  it('keeps where a body\'s office is apart from its name', () => {
    const list = parseOfficialList('一、常设议事协调机构（1个）\n1.县安全生产委员会（办公室设在县应急管理局）');
    expect(list.sections[0].items[0]).toMatchObject({ name: '县安全生产委员会', aliases: [], note: '办公室设在县应急管理局' });
  });
});

describe('a notice of the 北京 2003 kind with its attachment', () => {
  const text = [
    '北京市人民政府关于议事协调机构和临时机构设置与调整有关事项的通知',
    '京政发[2030]9号',
    '各区、县人民政府，市政府各委、办、局，各市属机构：',
    '为做好相关工作，现将有关事项通知如下：',
    '一、在此次清理的市政府议事协调机构和临时机构中，予以保留的2个，撤销的1个，不再作为市政府议事协调机构和临时机构的1个，调整为部门联席会议的1个。',
    '二、市政府决定撤销的议事协调机构和临时机构，应立即停止以市政府议事协调机构和临时机构名义开展工作。',
    '三、对于不再作为市政府议事协调机构和临时机构以及调整为部门联席会议的，市政府领导不再兼任该机构领导职务。',
    '北京市人民政府',
    '二〇三〇年三月一日',
    '附件',
    '市政府议事协调机构和临时机构设置与调整意见',
    '一、保留的市政府议事协调机构和临时机构（2个）',
    '1.首都绿化委员会',
    '2.北京市防汛抗旱指挥部',
    '二、撤销的市政府议事协调机构和临时机构（1个）',
    '3.北京市农村税费改革领导小组',
    '三、不再作为市政府议事协调机构和临时机构的（1个）',
    '4.北京市爱国卫生运动委员会',
    '四、调整为部门联席会议的（1个）',
    '5.北京市就业工作领导小组',
  ].join('\n');
  const list = parseOfficialList(text);

  it('takes the numbered paragraphs of the notice for the notice, and the attachment\'s sections for the list', () => {
    expect(list.sections.map((s) => [s.line, s.action, s.items.map((i) => i.number)])).toEqual([
      [12, 'keep', [1, 2]], [15, 'abolish', [3]], [17, 'delist', [4]], [19, 'joint-meeting', [5]],
    ]);
    expect(list.preamble).toContain('二、市政府决定撤销的议事协调机构和临时机构');
    expect([list.unparsed, list.countMismatches]).toEqual([[], []]);
    expect(list.furniture.map((f) => f.kind)).toEqual(['document-number', 'signature', 'date']);
  });

  it('checks each outcome\'s count the notice announces', () => {
    const wrong = parseOfficialList(text.replace('撤销的1个', '撤销的2个').replace('予以保留的2个', '予以保留的3个'));
    expect(wrong.countMismatches.map((m) => [m.section, m.announced, m.found])).toEqual([['撤销', 2, 1], ['保留', 3, 2]]);
  });
});

