/** Layers (see README): *.spec.ts pure, *.int-spec.ts adapters, *.e2e-spec.ts HTTP, *.browser-spec.ts the dashboard in Chromium. */
const layer = process.env.TEST_LAYER;
const patterns = {
  unit: ['\\.spec\\.ts$'],
  int: ['\\.int-spec\\.ts$'],
  e2e: ['\\.e2e-spec\\.ts$'],
  browser: ['\\.browser-spec\\.ts$'],
};
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  testRegex: layer ? patterns[layer] : ['\\.(spec|int-spec|e2e-spec|browser-spec)\\.ts$'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  moduleNameMapper: {
    '^#domain$': '<rootDir>/libs/domain/src/index.ts',
    '^#domain/testing$': '<rootDir>/libs/domain/src/testing/index.ts',
    '^#event-store$': '<rootDir>/libs/event-store/src/index.ts',
    '^#read-model$': '<rootDir>/libs/read-model/src/index.ts',
    '^#registry-app$': '<rootDir>/libs/registry-app/src/index.ts',
    '^#official-list$': '<rootDir>/libs/official-list/src/index.ts',
    '^#supervision$': '<rootDir>/libs/supervision/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
};
