/**
 * Jurisdiction codes: GB/T 2260 six-digit administrative division codes, plus 100000 for the
 * national level (国务院 / 中共中央), which GB/T 2260 does not number
 * (docs/decisions/0009-published-decisions.md).
 *
 * GB/T 2260 structure: digits 1–2 the province-level division (11–15 华北, 21–23 东北, 31–37 华东,
 * 41–46 中南, 50–54 西南, 61–65 西北, 71 台湾, 81–82 港澳); digits 3–4 the prefecture-level
 * division within it (00 the province itself; 01–70 prefectures, 地区, 自治州, 盟; 90 县级
 * divisions governed directly by the province); digits 5–6 the county-level division (00 the
 * prefecture itself; 01–99 districts, counties, county-level cities).
 */
export type JurisdictionLevel = 'national' | 'provincial' | 'municipal' | 'county';

export const NATIONAL_JURISDICTION = '100000';

const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
]);

/** Why `code` is not a jurisdiction code, in Chinese; undefined when it is one. */
export function jurisdictionCodeProblem(code: unknown): string | undefined {
  if (typeof code !== 'string' || !/^\d{6}$/.test(code)) return '须为六位行政区划代码，如 370700';
  if (code === NATIONAL_JURISDICTION) return undefined;
  const province = Number(code.slice(0, 2));
  const prefecture = Number(code.slice(2, 4));
  const county = Number(code.slice(4, 6));
  if (!PROVINCES.has(province)) return `前两位 ${code.slice(0, 2)} 不是 GB/T 2260 的省级代码`;
  if (prefecture > 70 && prefecture !== 90) return `第三、四位 ${code.slice(2, 4)} 不是 GB/T 2260 的地级代码(01–70 或 90)`;
  if (prefecture === 0 && county !== 0) return '省级代码(第三、四位为 00)的后两位须为 00';
  if (prefecture === 90 && county === 0) return '省直辖县级代码(第三、四位为 90)的后两位不能为 00';
  return undefined;
}

export function isJurisdictionCode(code: unknown): code is string {
  return jurisdictionCodeProblem(code) === undefined;
}

/** The level a code names: 100000 national, xx0000 provincial, xxyy00 municipal, else county. */
export function jurisdictionLevel(code: string): JurisdictionLevel {
  if (code === NATIONAL_JURISDICTION) return 'national';
  if (code.endsWith('0000')) return 'provincial';
  if (code.endsWith('00') && code.slice(2, 4) !== '90') return 'municipal';
  return 'county';
}
