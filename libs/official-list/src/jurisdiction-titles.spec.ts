import { authorityName, bodyLabelFor, jurisdictionLevel, placeWord } from './jurisdiction-titles.js';
import { formatOfficialListText, spreadsheetTitle } from './format-official-list.js';
import type { RegistryListAnswer } from './official-list.types.js';

describe('titles by the jurisdiction\'s level', () => {
  it.each([
    ['100000', undefined, '国务院', '中共中央'],
    ['370000', '山东省', '省政府', '省委'],
    ['110000', '北京市', '市政府', '市委'],
    ['450000', '广西壮族自治区', '自治区政府', '自治区党委'],
    ['370700', '潍坊市', '市政府', '市委'],
    ['370702', undefined, '区政府', '区委'],
    ['370724', undefined, '县政府', '县委'],
    ['370781', undefined, '市政府', '市委'],
    ['370781', '青州市', '市政府', '市委'],
    ['429004', undefined, '市政府', '市委'],
    ['152921', '阿拉善左旗', '旗政府', '旗委'],
    ['522300', '黔西南布依族苗族自治州', '州政府', '州委'],
  ])('%s (%s): %s, %s', (code, name, government, party) => {
    expect(jurisdictionLevel(code, name)).toEqual({ government, party });
  });

  it('lets the registered name decide over the code, and writes full names without doubling the level', () => {
    expect(placeWord('370799', '演示县')).toBe('县');
    expect(authorityName('370700', 'government', '潍坊市')).toBe('潍坊市人民政府');
    expect(authorityName('370700', 'party', '潍坊市')).toBe('中共潍坊市委');
    expect(authorityName('370724', 'party', '临朐县')).toBe('中共临朐县委');
    expect(authorityName('100000', 'government')).toBe('国务院');
    expect(bodyLabelFor('370724', 'government')).toBe('县政府议事协调机构');
    expect(bodyLabelFor('370724', undefined)).toBe('议事协调机构');
  });

  const answer = (series: 'party' | 'government'): RegistryListAnswer => ({
    date: '2021-05-10',
    bodies: [{ id: '1', name: '县禁毒委员会', aliases: [], kind: '委员会', series, duration: 'standing', establishedOn: '2020-01-01' }],
  });

  it('heads a county list 县政府…, a district\'s 区委…, a State Council list 国务院…', () => {
    expect(formatOfficialListText(answer('government'), { jurisdiction: '370724' }).split('\n').slice(0, 2)).toEqual(['县政府议事协调机构名单', '一、长期设置的县政府议事协调机构(1个)']);
    expect(formatOfficialListText(answer('party'), { jurisdiction: '370702' }).split('\n')[0]).toBe('区委议事协调机构名单');
    expect(formatOfficialListText(answer('government'), { jurisdiction: '100000' }).split('\n')[0]).toBe('国务院议事协调机构名单');
  });

  it('titles the spreadsheet 潍坊市人民政府…, never 潍坊市市政府…, and keeps a notice\'s own title', () => {
    expect(spreadsheetTitle(answer('government'), { jurisdiction: '370700', jurisdictionName: '潍坊市' })).toBe('潍坊市人民政府议事协调机构名单(2021-05-10)');
    expect(spreadsheetTitle(answer('party'), { jurisdiction: '370700', jurisdictionName: '潍坊市' })).toBe('中共潍坊市委议事协调机构名单(2021-05-10)');
    expect(spreadsheetTitle(answer('government'), { jurisdiction: '370700', jurisdictionName: '潍坊市', title: '潍坊市人民政府议事协调机构清理结果' })).toBe('潍坊市人民政府议事协调机构清理结果(2021-05-10)');
    expect(spreadsheetTitle(answer('government'), { jurisdiction: '370724' })).toBe('县政府议事协调机构名单(2021-05-10)');
  });
});
