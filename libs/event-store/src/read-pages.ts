import type { ReadAllOptions, ReadPagesOptions, StoredEvent } from './event-store.port.js';

/** `readAllPages` for an adapter that reads no further ahead than its `readAll`. */
export async function* pagesOfReadAll(
  readAll: (options: ReadAllOptions) => Promise<StoredEvent[]>,
  options: ReadPagesOptions = {},
): AsyncGenerator<StoredEvent[]> {
  const limit = options.pageSize ?? 10_000;
  for (let after = options.after ?? 0; ; ) {
    const page = await readAll({ after, limit });
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1].position;
  }
}
