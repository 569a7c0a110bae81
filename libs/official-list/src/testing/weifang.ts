/** Test data of this library (not built): the 潍坊 notice (潍政办字〔2020〕37号) as seeded, for the specs of this library. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// The published names live once, in the domain's test data.
import { WEIFANG_STANDING, WEIFANG_TEMPORARY } from '#domain/testing';

const here = dirname(fileURLToPath(import.meta.url));
export const SEEDS_DIR = join(here, '..', '..', '..', '..', 'seeds');
export const WEIFANG_NOTICE = readFileSync(join(SEEDS_DIR, 'weifang-2020', 'notice.txt'), 'utf8');

/** The 66 entries of 潍坊名单 as published (number n is index n-1): 1–55 standing, 56–66 temporary. */
export const WEIFANG_ENTRIES: readonly string[] = [...WEIFANG_STANDING, ...WEIFANG_TEMPORARY];
