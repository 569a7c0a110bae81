/**
 * How a list names its jurisdiction's government and party committee, by level, from the
 * 6-digit code (GB/T 2260) and, when known, the registered name:
 * - 100000 (or 000000): the State Council and the Central Committee — 国务院, 中共中央;
 * - xx0000, a province: 省政府/省委; 11, 12, 31, 50 (直辖市): 市政府/市委; 15, 45, 54, 64, 65
 *   (自治区): 自治区政府/自治区党委;
 * - xxxx00, a prefecture: 市政府/市委 (自治州 州政府/州委, 地区 行署, 盟 盟行政公署 by name);
 * - otherwise county level: xxxx01–xxxx20 市辖区 → 区政府/区委, 21–80 县 (旗, 自治县 by name),
 *   81–99 县级市 → 市政府/市委; xx90xx (省直辖县级) → 市. A registered name ending in 区/县/市/旗
 *   decides over the code.
 * Full titles use the registered name: 潍坊市人民政府, 中共潍坊市委 — never 潍坊市市政府.
 */
import type { Series } from '#domain';

export interface JurisdictionLevel {
  /** The short word for the government: 国务院, 省政府, 市政府, 区政府, 县政府 … */
  government: string;
  /** The short word for the party committee: 中共中央, 省委, 市委, 区委, 县委 … */
  party: string;
}

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
const AUTONOMOUS_REGIONS = new Set(['15', '45', '54', '64', '65']);

export function isNationalCode(code: string): boolean {
  return code === '100000' || code === '000000';
}

/** The place word of a jurisdiction: 省, 自治区, 市, 州, 盟, 区, 县, 旗, or '' for the nation. */
export function placeWord(code: string, name?: string): string {
  if (isNationalCode(code)) return '';
  const byName = name ? /(自治区|自治州|自治县|自治旗|地区|省|市|州|盟|区|县|旗)$/u.exec(name)?.[1] : undefined;
  if (byName) return { 自治州: '州', 自治县: '县', 自治旗: '旗', 地区: '地区' }[byName] ?? byName;
  const province = code.slice(0, 2);
  if (code.endsWith('0000')) return MUNICIPALITIES.has(province) ? '市' : AUTONOMOUS_REGIONS.has(province) ? '自治区' : '省';
  if (code.endsWith('00')) return '市';
  // xx90xx: 省直辖县级行政单位, county-level cities (济源市 419001, 仙桃市 429004, 石河子市 659001)
  if (code.slice(2, 4) === '90') return '市';
  const county = Number(code.slice(4));
  if (county <= 20) return '区';
  if (county >= 81) return '市';
  return '县';
}

export function jurisdictionLevel(code: string, name?: string): JurisdictionLevel {
  if (isNationalCode(code)) return { government: '国务院', party: '中共中央' };
  const place = placeWord(code, name);
  if (place === '自治区') return { government: '自治区政府', party: '自治区党委' };
  if (place === '地区') return { government: '行署', party: '地委' };
  return { government: `${place}政府`, party: `${place}委` };
}

/** What a list's headings call its bodies: 市政府议事协调机构, 县委议事协调机构, 国务院议事协调机构 … */
export function bodyLabelFor(code: string, series: Series | undefined, name?: string): string {
  const level = jurisdictionLevel(code, name);
  if (!series) return '议事协调机构';
  return `${series === 'party' ? level.party : level.government}议事协调机构`;
}

/** The full name of the jurisdiction's government or party committee: 潍坊市人民政府, 中共潍坊市委, 国务院. */
export function authorityName(code: string, series: Series, name?: string): string | undefined {
  if (isNationalCode(code)) return series === 'party' ? '中共中央' : '国务院';
  if (!name) return undefined;
  if (series === 'government') return `${name}人民政府`;
  const place = placeWord(code, name);
  if (place === '自治区') return `中共${name}委员会`;
  return `中共${name.endsWith('委') ? name : `${name.slice(0, -place.length)}${place}委`}`;
}
