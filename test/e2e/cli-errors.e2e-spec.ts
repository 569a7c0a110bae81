/**
 * The command line as an operator meets it: whatever goes wrong, one Chinese line on stderr,
 * exit code 2, and no stack trace (`apps/cli/src/cli-errors.ts`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('the CLI never prints a stack trace', () => {
  let dataDir: string;
  beforeAll(() => {
    execFileSync('npm', ['run', 'build:server', '--silent'], { stdio: 'inherit' });
    dataDir = mkdtempSync(join(tmpdir(), 'registry-cli-errors-'));
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['dist/apps/cli/src/main.js', ...args], { env: { ...process.env, NODE_OPTIONS: '', REGISTRY_DATA_DIR: dataDir, REGISTRY_DEBUG: '' }, encoding: 'utf8' });

  const expectOneChineseLine = (run: ReturnType<typeof cli>, says: RegExp) => {
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^错误：/);
    expect(lines[0]).toMatch(/\p{Script=Han}.*\p{Script=Han}/u);
    expect(lines[0]).toMatch(says);
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+|Error:|node:internal/);
  };

  it('a list file that does not exist: which file', () => {
    expectOneChineseLine(cli('import-list', join(dataDir, 'no-such-list.txt'), '--jurisdiction', '370700', '--series', 'government', '--document', '潍政办字〔2020〕37号', '--date', '2020-03-31'), /找不到文件.*no-such-list\.txt/);
  });

  it('a date that is not a date: which option, and what was given', () => {
    expectOneChineseLine(cli('export-list', '--jurisdiction', '370700', '--date', '2020-02-30'), /--date.*2020-02-30/);
    expectOneChineseLine(cli('import-list', 'seeds/weifang-2020/notice.txt', '--jurisdiction', '370700', '--series', 'government', '--document', 'x', '--date', '31.03.2020'), /--date/);
  });

  it('an unknown command, an unknown option and a missing required option, in Chinese', () => {
    expectOneChineseLine(cli('no-such-command'), /未知命令 no-such-command/);
    expectOneChineseLine(cli('export-list', '--jurisdiction', '370700', '--no-such-option'), /未知选项 --no-such-option/);
    expectOneChineseLine(cli('export-list'), /缺少必需的选项 --jurisdiction/);
  });

  it('an error thrown deep inside a command (a bad knownAt reaching the read side) ends the same way', () => {
    expectOneChineseLine(cli('compliance', '--jurisdiction', '370700', '--known-at', 'yesterday'), /--known-at.*yesterday/);
  });

  it('--help still answers with exit code 0', () => {
    const run = cli('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('议事协调机构登记簿');
  });
});
