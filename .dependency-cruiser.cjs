/**
 * The layers (docs/style.md), checked in `npm test` by test/architecture/layers.spec.ts:
 *   libs/domain       → nothing (no other part of the project, no package, no framework)
 *   libs/event-store  → nothing of the project
 *   libs/read-model, libs/registry-app → domain, event-store
 *   libs/official-list, libs/supervision → the libraries above; supervision may read
 *     official-list (the demo history), never the other way round
 *   apps/*, bench/, test/ on top: no library imports them
 *   no library imports NestJS: the framework stays at the edges (apps/)
 * Test code (specs, contracts, `testing/` folders) may use test fixtures; production code may not.
 */
const SPEC = '\\.(spec|int-spec|e2e-spec|browser-spec)\\.ts$|\\.contract\\.ts$|/testing/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle between modules: one of them belongs lower down.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-imports-nothing',
      severity: 'error',
      comment: 'libs/domain is pure TypeScript: nothing from the rest of the project, no package, no framework.',
      from: { path: '^libs/domain/src', pathNot: SPEC },
      to: { pathNot: '^libs/domain/src' },
    },
    {
      name: 'domain-tests-stay-in-domain',
      severity: 'error',
      from: { path: '^libs/domain/src' },
      to: { path: '^(libs/(?!domain/)|apps/|bench/|test/)' },
    },
    {
      name: 'event-store-imports-no-project-code',
      severity: 'error',
      comment: 'The event store knows nothing of the registry.',
      from: { path: '^libs/event-store/src' },
      to: { path: '^(libs/(?!event-store/)|apps/|bench/|test/)' },
    },
    {
      name: 'read-side-and-command-path-on-domain-and-event-store-only',
      severity: 'error',
      from: { path: '^libs/(read-model|registry-app)/src' },
      to: { path: '^(libs/(official-list|supervision)/|apps/|bench/|test/)' },
    },
    {
      name: 'official-list-does-not-read-supervision',
      severity: 'error',
      comment: 'Supervision may read the demo history of official-list; the reverse makes a cycle (seeding belongs to apps/).',
      from: { path: '^libs/official-list/src' },
      to: { path: '^(libs/supervision/|apps/|bench/|test/)' },
    },
    {
      name: 'libraries-are-framework-free',
      severity: 'error',
      comment: 'NestJS only at the edges: the command path (DecisionPath, the slices) runs without it in the CLI, the list import and the bench.',
      from: { path: '^libs/' },
      to: { path: '(^|/)node_modules/@nestjs/|^@nestjs/' },
    },
    {
      name: 'libraries-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^(apps/|bench/|test/)' },
    },
    {
      name: 'production-code-does-not-import-test-code',
      severity: 'error',
      from: { path: '^(libs|apps|bench)/', pathNot: SPEC },
      to: { path: SPEC },
    },
    {
      name: 'test-fixtures-through-the-testing-subpath',
      severity: 'error',
      comment: "Another library's test fixtures come through '#domain/testing', not '../../../domain/src/testing'.",
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/([^/]+)/src/testing/', pathNot: '^libs/$1/|^libs/domain/src/testing/index\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|apps/dashboard)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['source', 'import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
