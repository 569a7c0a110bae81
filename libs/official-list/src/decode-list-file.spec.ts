import iconv from 'iconv-lite';
import { ListFileError, decodeListFile } from './decode-list-file.js';
import { parseOfficialList } from './parse-official-list.js';
import { WEIFANG_NOTICE } from './testing/weifang.js';

const LIST = '县政府议事协调机构名单\n一、常设议事协调机构（2个）\n1.县禁毒委员会\n2.县“十四五”规划编制工作领导小组（对外可使用县发展规划委员会名称开展工作）\n';

describe('decodeListFile', () => {
  it('reads UTF-8, with and without BOM', () => {
    expect(decodeListFile(Buffer.from(LIST, 'utf8'))).toEqual({ text: LIST, encoding: 'utf-8' });
    expect(decodeListFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(LIST, 'utf8')]))).toEqual({ text: LIST, encoding: 'utf-8-bom' });
  });

  it('reads GBK and GB18030 (what WPS and Windows save), giving the same list as UTF-8', () => {
    // the 潍坊 notice has "•", which GBK lacks and GB18030 has
    expect(decodeListFile(iconv.encode(WEIFANG_NOTICE, 'gb18030'))).toEqual({ text: WEIFANG_NOTICE, encoding: 'gb18030' });
    expect(decodeListFile(iconv.encode(LIST, 'gbk'))).toEqual({ text: LIST, encoding: 'gb18030' });
    const gb = parseOfficialList(decodeListFile(iconv.encode(LIST, 'gbk')).text);
    expect(gb.sections[0].items.map((i) => [i.name, i.aliases])).toEqual([['县禁毒委员会', []], ['县“十四五”规划编制工作领导小组', ['县发展规划委员会']]]);
  });

  it('reads UTF-16 with a BOM, either byte order', () => {
    expect(decodeListFile(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(LIST, 'utf16le')])).text).toBe(LIST);
    expect(decodeListFile(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(LIST, 'utf16be')])).text).toBe(LIST);
  });

  it('refuses a binary file, an empty one and bytes of no known encoding, in Chinese', () => {
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    expect(() => decodeListFile(binary)).toThrow(ListFileError);
    expect(() => decodeListFile(binary)).toThrow(/不是文本文件/u);
    expect(() => decodeListFile(Buffer.alloc(0))).toThrow('文件为空');
    expect(() => decodeListFile(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj', 'latin1'))).toThrow(/这是PDF 文件/u);
    expect(() => decodeListFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toThrow(/\.docx/u);
    const controls = Buffer.from(`${LIST}${'\u0001\u0002\u0003'.repeat(40)}`, 'utf8');
    expect(() => decodeListFile(controls)).toThrow(/控制字符/u);
    // 0xFF is a byte of neither UTF-8 nor GB18030
    expect(() => decodeListFile(Buffer.from([0x31, 0x2e, 0xff, 0xff]))).toThrow(/无法识别文件编码/u);
  });
});
