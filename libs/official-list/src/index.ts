/** Published lists of 议事协调机构: read (潍坊名单 format), written (text, CSV, XLSX), imported, and a demo history. */
export * from './official-list.types.js';
export * from './entry.js';
export * from './parse-official-list.js';
export * from './format-official-list.js';
export * from './plan-list-import.js';
export * from './demo-history.js';
export * from './decode-list-file.js';
export * from './atomic-import.js';
export * from './list-import-check.js';
export * from './jurisdiction-titles.js';
