/**
 * `npm run bench:list`: decoding and parsing published lists of growing size — a 2,000-line
 * list, then about 2 MB and 20 MB, one entry per line and run together on one line (the 潍坊
 * layout, which was quadratic) — and a GBK copy of the 20 MB one. Prints one JSON object as its
 * last line. Not a test: the machine is shared; compare the ms/MB of one run (linear: flat).
 *
 * Options: --max-mb N (20): the largest size.
 */
import { performance } from 'node:perf_hooks';
import iconv from 'iconv-lite';
import { decodeListFile, parseOfficialList } from '#official-list';

const maxIndex = process.argv.indexOf('--max-mb');
const maxMb = maxIndex > 0 ? Number(process.argv[maxIndex + 1]) : 20;
const log = (line: string) => process.stderr.write(`${line}\n`);

const SUBJECTS = ['安全生产', '防汛抗旱', '食品安全', '12345政务服务热线', '5G产业发展', '“十四五”规划编制', '乡村振兴', '营商环境', '生态环境保护', '招商引资'];
const KINDS = ['领导小组', '委员会', '联席会议', '指挥部', '工作领导小组'];

/** A list of `entries` bodies in 20 sections, 500 entries or more each (常设 / 阶段性 / 撤销 / 调整为部门联席会议), with page numbers, a URL and a footer. */
function generate(entries: number, layout: 'lines' | 'inline'): string {
  const parts: string[] = ['某某市人民政府办公室关于公布市政府议事协调机构名单的通知', '某政办发〔2021〕1号', '附件', '市政府议事协调机构名单'];
  const words = ['常设议事协调机构', '阶段性议事协调机构', '撤销的议事协调机构', '调整为部门联席会议的议事协调机构'];
  const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
  let n = 0;
  for (let section = 0; n < entries; section++) {
    const size = Math.min(Math.max(500, Math.ceil(entries / 20)), entries - n);
    parts.push(`${numerals[section]}、${words[section % 4]}（${size}个）`);
    for (let i = 0; i < size; i++) {
      n++;
      parts.push(`${n}.市${SUBJECTS[n % SUBJECTS.length]}第${n}${KINDS[n % KINDS.length]}`);
      if (layout === 'lines' && n % 40 === 0) parts.push(`— ${(n / 40) % 1000} —`);
    }
  }
  if (layout === 'lines') parts.push('http://www.example.gov.cn/art/2021/1/1/art_1.html', '抄送：市委办公室。', '某某市人民政府办公室　　2021年1月1日印发');
  return layout === 'lines' ? parts.join('\n') : `${parts.slice(0, 4).join('\n')}\n${parts.slice(4).join('')}。`;
}

function measure(label: string, bytes: Buffer) {
  const t0 = performance.now();
  const decoded = decodeListFile(bytes);
  const t1 = performance.now();
  const list = parseOfficialList(decoded.text);
  const t2 = performance.now();
  const mb = bytes.length / 1024 / 1024;
  const result = {
    label,
    encoding: decoded.encoding,
    bytes: bytes.length,
    lines: decoded.text.split('\n').length,
    entries: list.total + list.removed,
    unparsed: list.unparsed.length,
    furniture: list.furniture.length,
    countMismatches: list.countMismatches.length,
    decodeMs: Math.round(t1 - t0),
    parseMs: Math.round(t2 - t1),
    parseMsPerMb: Math.round((t2 - t1) / mb),
  };
  log(`${label}: ${result.entries} 项，${(mb).toFixed(1)} MB，解码 ${result.decodeMs} ms，解析 ${result.parseMs} ms (${result.parseMsPerMb} ms/MB)`);
  return result;
}

// An entry is ~35 bytes in UTF-8: entries for a size in MB.
const entriesFor = (mb: number) => Math.round((mb * 1024 * 1024) / 36);
const runs = [];
runs.push(measure('2,000 lines', Buffer.from(generate(1_900, 'lines'), 'utf8')));
for (const mb of [maxMb / 10, maxMb]) {
  runs.push(measure(`${mb} MB, one entry per line`, Buffer.from(generate(entriesFor(mb), 'lines'), 'utf8')));
  runs.push(measure(`${mb} MB, run together on one line`, Buffer.from(generate(entriesFor(mb), 'inline'), 'utf8')));
}
runs.push(measure(`${maxMb} MB, one entry per line, GBK`, iconv.encode(generate(entriesFor(maxMb), 'lines'), 'gbk')));
console.log(JSON.stringify({ bench: 'list-parse', node: process.version, runs }));
