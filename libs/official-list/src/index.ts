/** Published lists of 议事协调机构: read (潍坊名单 format), written (text, CSV, XLSX), imported, and a demo history. */
export * from './official-list.types.js';
export * from './entry.js';
export * from './parse-official-list.js';
export * from './format-official-list.js';
export * from './plan-list-import.js';
export * from './demo-history.js';
