/** The domain's test fixtures, for the tests of other libraries: `import … from '#domain/testing'`. */
export * from './commands.js';
export * from './decider-specification.js';
export * from './weifang.fixtures.js';
