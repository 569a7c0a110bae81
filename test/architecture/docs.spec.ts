/**
 * The repository explains itself: README and docs/ point only inside the repository, and every
 * file or folder they name in `code` or as a link exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = process.cwd();
const markdown = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? markdown(join(dir, entry.name)) : entry.name.endsWith('.md') ? [join(dir, entry.name)] : [],
  );
const DOCUMENTS = ['README.md', ...markdown('docs'), 'apps/dashboard/README.md', ...readdirSync(join(ROOT, 'libs')).map((lib) => `libs/${lib}/README.md`).filter((p) => existsSync(join(ROOT, p)))];

describe('README and docs/', () => {
  it.each(DOCUMENTS)('%s names no file outside the repository', (document) => {
    const text = readFileSync(join(ROOT, document), 'utf8');
    expect(text.match(/\.\.\/shared|\/work\/|(?<![\w/-])(DOMAIN|API|STYLE|BENCH)\.md/g) ?? []).toEqual([]);
  });

  it.each(DOCUMENTS)('%s names only paths that exist', (document) => {
    const text = readFileSync(join(ROOT, document), 'utf8');
    const named = [...text.matchAll(/(?:`|\]\()((?:docs|libs|apps|test|bench|seeds|scripts)\/[^\s`)]+)/g)].map((m) => m[1]);
    // Patterns and placeholders (libs/*/README.md, read-models.<id>.sqlite, …) are not paths.
    if (document === 'README.md') expect(named.length).toBeGreaterThan(20);
    const paths = named.filter((p) => !/[*<>{}…|]/.test(p)).map((p) => p.replace(/#.*$/, '').replace(/[.,:;]+$/, ''));
    expect(paths.filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
  });
});
