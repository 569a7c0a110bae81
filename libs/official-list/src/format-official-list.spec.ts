import ExcelJS from 'exceljs';
import {
  TABLE_COLUMNS,
  answerFromParsedList,
  formatOfficialListCsv,
  formatOfficialListText,
  formatOfficialListXlsx,
} from './format-official-list.js';
import { parseOfficialList } from './parse-official-list.js';
import type { ParsedOfficialList, RegistryListAnswer } from './official-list.types.js';
import { WEIFANG_NOTICE } from './testing/weifang.js';

const weifang = parseOfficialList(WEIFANG_NOTICE);
/** As the registry would answer after the import: aliases as plain strings, no styles. */
const answer = answerFromParsedList(weifang, { date: '2020-03-31', series: 'government', idOf: (i) => `wf-${String(i.number).padStart(2, '0')}` });

/** What a round trip must keep: sections, and in each the numbers, names and aliases in order. */
const essence = (list: ParsedOfficialList) =>
  list.sections.map((s) => ({
    title: s.title,
    duration: s.duration,
    announced: s.announced,
    items: s.items.map((i) => ({ number: i.number, name: i.name, aliases: i.aliases, aliasStyles: i.aliasStyles, rawText: i.rawText })),
  }));

describe('formatOfficialListText', () => {
  const text = formatOfficialListText(answer);

  it('writes the list as the notice does: two numbered sections, aliases back in their published form', () => {
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('市政府议事协调机构名单');
    expect(lines[1]).toBe('一、长期设置的市政府议事协调机构(55个)');
    expect(lines[2]).toBe('1.市推进政府职能转变和“放管服”改革协调小组');
    expect(lines[18]).toBe('17.市社会救助工作领导小组(对外可分别使用市农村留守儿童关爱保护和困境儿童保障工作联席会议、市生活无着的流浪乞讨人员救助管理工作联席会议名称开展工作)');
    expect(lines[37]).toBe('36.市爱国卫生运动委员会(健康中国行动潍坊推进委员会)');
    expect(lines[48]).toBe('47.市人民防空军政联席会议(市人民防空指挥部)');
    expect(lines[57]).toBe('二、临时性设置的市政府议事协调机构(11个)');
    expect(lines[58]).toBe('56.市5G产业发展领导小组');
    expect(lines).toHaveLength(69);
  });

  it('round-trips 潍坊: parse → registry answer (names and aliases only) → text → parse gives the same list', () => {
    const again = parseOfficialList(text);
    expect(essence(again)).toEqual(essence(weifang));
    expect([again.total, again.standing, again.temporary, again.title]).toEqual([66, 55, 11, '市政府议事协调机构名单']);
    expect(again.unparsed).toEqual([]);
    expect(again.countMismatches).toEqual([]);
  });

  it('run together, reproduces the published list character for character', () => {
    const published = WEIFANG_NOTICE.slice(WEIFANG_NOTICE.lastIndexOf('附件') + 2).trimEnd();
    expect(formatOfficialListText(answer, { layout: 'inline' })).toBe(published);
  });

  it('keeps the answer\'s order within each section, puts standing before temporary and numbers on', () => {
    const mixed: RegistryListAnswer = {
      date: '2024-01-01',
      bodies: [
        { id: 'a', name: '市第三次国土调查领导小组', aliases: [], kind: '领导小组', series: 'government', duration: 'temporary', establishedOn: '2018-01-01', termEnd: '2021-12-31' },
        { id: 'b', name: '市禁毒委员会', aliases: [], kind: '委员会', series: 'government', duration: 'standing', establishedOn: '2001-01-01' },
        { id: 'c', name: '市绿化委员会', aliases: [], kind: '委员会', series: 'government', duration: 'standing', establishedOn: '2001-01-01' },
        { id: 'd', name: '市委全面依法治市委员会', aliases: [], kind: '委员会', series: 'party', duration: 'standing', establishedOn: '2019-01-01' },
      ],
    };
    expect(formatOfficialListText(mixed, { series: 'government', fullWidth: true })).toBe(
      '市政府议事协调机构名单\n一、长期设置的市政府议事协调机构（2个）\n1.市禁毒委员会\n2.市绿化委员会\n二、临时性设置的市政府议事协调机构（1个）\n3.市第三次国土调查领导小组\n',
    );
    expect(formatOfficialListText(mixed, { numbering: 'per-section', title: '演示市议事协调机构名单' }).split('\n')).toEqual([
      '演示市议事协调机构名单',
      '一、长期设置的议事协调机构(3个)',
      '1.市禁毒委员会',
      '2.市绿化委员会',
      '3.市委全面依法治市委员会',
      '二、临时性设置的议事协调机构(1个)',
      '1.市第三次国土调查领导小组',
      '',
    ]);
    expect(formatOfficialListText({ date: '2024-01-01', bodies: mixed.bodies.slice(1, 2) })).toBe('市政府议事协调机构名单\n一、长期设置的市政府议事协调机构(1个)\n1.市禁毒委员会\n');
  });
});

describe('formatOfficialListCsv', () => {
  const csv = formatOfficialListCsv({
    date: answer.date,
    bodies: answer.bodies.map((b, i) => (i === 58 ? { ...b, termEnd: '2021-12-31', hostDepartment: '市自然资源和规划局' } : b)),
  });

  it('is UTF-8 with a BOM, CRLF lines, the columns a 编办 wants and one row per body in list order', () => {
    expect(csv.startsWith('\uFEFF序号,名称,对外名称/别名,类型,序列(党委/政府),设置期限(长期/临时),设立日期,设立期限,办事机构,机构编号\r\n')).toBe(true);
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows).toHaveLength(67);
    expect(rows[1]).toBe('1,市推进政府职能转变和“放管服”改革协调小组,,协调小组,政府,长期,2020-03-31,,,wf-01');
    expect(rows[17]).toBe('17,市社会救助工作领导小组,市农村留守儿童关爱保护和困境儿童保障工作联席会议、市生活无着的流浪乞讨人员救助管理工作联席会议,领导小组,政府,长期,2020-03-31,,,wf-17');
    expect(rows[59]).toBe('59,市第三次国土调查领导小组,,领导小组,政府,临时,2020-03-31,2021-12-31,市自然资源和规划局,wf-59');
  });

  it('quotes fields with commas, quotes or line breaks', () => {
    const quoted = formatOfficialListCsv({
      date: '2024-01-01',
      bodies: [{ id: 'x', name: 'A, "B"', aliases: ['C\nD'], kind: '其他', series: 'party', duration: 'standing', establishedOn: '2024-01-01' }],
    });
    expect(quoted.split('\r\n')[1]).toBe('1,"A, ""B""","C\nD",其他,党委,长期,2024-01-01,,,x');
  });
});

describe('formatOfficialListXlsx', () => {
  it('writes a title row, a frozen header, sensible widths and the same rows as the CSV', async () => {
    const buffer = await formatOfficialListXlsx(answer, { jurisdictionName: '潍坊市' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('名单')!;
    expect(sheet.getCell('A1').value).toBe('潍坊市人民政府议事协调机构名单(2020-03-31)');
    expect(sheet.getRow(2).values).toEqual([undefined, ...TABLE_COLUMNS.map((c) => c.header)]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(40);
    expect(sheet.rowCount).toBe(68);
    expect(sheet.getRow(3).values).toEqual([undefined, 1, '市推进政府职能转变和“放管服”改革协调小组', undefined, '协调小组', '政府', '长期', '2020-03-31', undefined, undefined, 'wf-01']);
    expect(sheet.getCell('C38').value).toBe('健康中国行动潍坊推进委员会');
    expect(sheet.getCell('F68').value).toBe('临时');
  });
});
