/**
 * Issue 11: the HTTP app driven from its own OpenAPI document (`/api/docs-json`). Requests are
 * generated from the document, valid (json-schema-faker, seeded) and invalid (fast-check picks
 * a mutation: a missing field, a wrong type, hostile strings, deep nesting, lone surrogates,
 * malformed JSON, another Content-Type, foreign or missing tokens, bad path and query values).
 * Fails on any 5xx, on a status the document does not list for the route, and on a JSON body
 * that does not match the schema the document gives for that status (ajv).
 *
 * Bounded: FUZZ_REQUESTS (default 1,500) requests or FUZZ_SECONDS (default 45 s), whichever
 * comes first; FUZZ_SEED repeats a run; FUZZ_FAILURES names a file that receives each failing
 * request in full, one JSON line each. Prints the count, the seed and the statuses seen.
 */
import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import { generateSync, type JsonSchema, type Random } from 'json-schema-faker';
import { startRegistry, testConfig, TEST_GRANTS, TOKENS, type RunningRegistry } from '../support/registry-client.js';

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 1500);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 45);
const SEED = Number(process.env.FUZZ_SEED ?? 20261204);

const REGISTRAR_ALL = 'fuzz-registrar-all-jurisdictions';
const TOKEN_CHOICES = [REGISTRAR_ALL, REGISTRAR_ALL, REGISTRAR_ALL, REGISTRAR_ALL, TOKENS.registrar, TOKENS.otherRegistrar, TOKENS.auditor, TOKENS.viewer, undefined, 'not-a-token'];

type Schema = Record<string, any>;
interface Operation {
  method: string;
  path: string;
  parameters: Array<{ name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema }>;
  body?: Schema;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

const HOSTILE_STRINGS = [
  '', ' ', 'x'.repeat(5000), '\ud800', '\udfff尾', '💥', '<script>alert(1)</script>', "' OR 1=1 --", '../../etc/passwd', '%00', '\u0000', '9'.repeat(400),
  '-1', '1e309', 'NaN', 'null', 'true', '2020-13-01', '2020-00-10', '0005-01-01', '2020-02-30', '9999-99-99', '2020-01-01T25:00:00Z', 'Infinity', '370700', '__proto__',
];
const deep = (levels: number): unknown => JSON.parse('['.repeat(levels) + ']'.repeat(levels));
const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_STRINGS, null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, [], {}, [null], deep(40), { a: { b: { c: [1, [2, [3]]] } } },
  JSON.parse('{"__proto__":{"polluted":true}}'), { constructor: { prototype: { polluted: true } } },
];
const HOSTILE_QUERY = ['', 'abc', '-1', '1.5', '99999999999999999999', '2020-13-01', '2020-00-10', '0005-01-01', '2020-02-30', '2020-1-1', '20200101', '2020-01-01T99:00', '%E0%A4%A', '\u0000', 'x'.repeat(3000), '1e3'];
const HOSTILE_PATH = ['abc', '0', '00000000-0000-0000-0000-000000000000', '37070', '3707000', 'a..b', '%2e%2e%2f', 'ＡＢＣ', 'x'.repeat(300), '💥', "'", '%00'];

/** Values that make a generated request reach the deciders instead of failing validation at once. */
interface Pools {
  bodyIds: string[];
  eventIds: string[];
  campaignIds: string[];
  codes: string[];
  head: number;
}

describe('OpenAPI fuzz: every answer is documented, none is a 5xx', () => {
  let registry: RunningRegistry;
  let operations: Operation[];
  let ajv: Ajv;
  const validators = new Map<string, ValidateFunction>();
  let components: Record<string, Schema>;
  const pools: Pools = { bodyIds: [], eventIds: [], campaignIds: ['c-fuzz'], codes: ['370700', '370799', '370100', '110000'], head: 0 };

  beforeAll(async () => {
    registry = await startRegistry({
      ...testConfig(),
      seedOnEmpty: true,
      seedsDir: 'seeds',
      tokens: [...TEST_GRANTS, { token: REGISTRAR_ALL, role: 'registrar', jurisdictions: ['*'], name: '模糊测试登记员' }],
    });
    const document = (await fetch(`${registry.client.baseUrl}/api/docs-json`).then((r) => r.json())) as { paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'> & { requestBody?: { content: Record<string, { schema: Schema }> } }>>; components: { schemas: Record<string, Schema> } };
    components = document.components.schemas;
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters ?? []) as Operation['parameters'],
        body: op.requestBody?.content['application/json']?.schema,
        responses: op.responses,
      })),
    );
    ajv = new Ajv({ strict: false, allErrors: false });
    ajvFormats.default(ajv);
    ajv.addSchema({ $id: 'registry', components: document.components }, 'registry');
    const registryList = await registry.client.get('/jurisdictions/370799/registry?date=2010-01-01');
    const weifang = await registry.client.get('/jurisdictions/370700/registry?date=2020-03-31');
    pools.bodyIds.push(...[...registryList.body.bodies, ...weifang.body.bodies].slice(0, 40).map((b: { id: string }) => b.id));
    const events = await registry.client.get('/events?limit=300');
    pools.eventIds.push(...events.body.filter((_: unknown, i: number) => i % 10 === 0).map((e: { eventId: string }) => e.eventId));
    pools.head = (await registry.client.get('/health')).body.position;
  }, 120_000);

  afterAll(async () => {
    await registry?.close();
  });

  /** The document's `#/components/schemas/X` references, made absolute for ajv. */
  function validatorFor(key: string, schema: Schema): ValidateFunction {
    const known = validators.get(key);
    if (known) return known;
    const validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"registry#/components/')));
    validators.set(key, validate);
    return validate;
  }

  function generate(schema: Schema, seed: number): unknown {
    return generateSync(schema as JsonSchema, {
      seed,
      refResolver: (ref: string) => components[ref.replace('#/components/schemas/', '')] as JsonSchema,
      optionalsProbability: 0.5,
      maxItems: 4,
      maxLength: 40,
      formats: { date: (random: Random) => `${random.int(1995, 2030)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}` },
    });
  }

  /** Field names the document types only as strings get values the registry knows. */
  function withKnownValues(value: unknown, random: () => number, key = ''): unknown {
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
    if (Array.isArray(value)) {
      if (key === 'sourceBodyIds') return [pick(pools.bodyIds), pick(pools.bodyIds)];
      return value.map((v) => withKnownValues(v, random, key));
    }
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withKnownValues(v, random, k)]));
    if (typeof value !== 'string') return value;
    if (key === 'jurisdiction') return pick(pools.codes);
    if (['effectiveDate', 'filedOn', 'termEnd'].includes(key)) return `${2000 + Math.floor(random() * 26)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`;
    if (key === 'bodyId' || key === 'mergeInto') return pick(pools.bodyIds);
    if (key === 'eventId') return pick(pools.eventIds);
    if (key === 'documentNo') return `模糊〔${2000 + Math.floor(random() * 26)}〕${Math.floor(random() * 100)}号`;
    return value;
  }

  /** A random field of a JSON value, replaced by `replacement` (or removed when it is undefined). */
  function mutateAt(value: unknown, random: () => number, replacement: (old: unknown) => unknown): unknown {
    if (!value || typeof value !== 'object') return replacement(value);
    const keys = Object.keys(value);
    if (keys.length === 0) return replacement(value);
    const key = keys[Math.floor(random() * keys.length)];
    const copy: any = Array.isArray(value) ? [...value] : { ...value };
    const child = copy[key];
    const next = child && typeof child === 'object' && random() < 0.4 ? mutateAt(child, random, replacement) : replacement(child);
    if (next === undefined) delete copy[key];
    else copy[key] = next;
    return copy;
  }

  const caseArbitrary = fc.record({
    operation: fc.nat(),
    token: fc.constantFrom(...TOKEN_CHOICES),
    pathMode: fc.constantFrom('real', 'real', 'real', 'random', 'hostile'),
    queryMode: fc.constantFrom('none', 'valid', 'valid', 'hostile', 'repeated'),
    bodyMode: fc.constantFrom('valid', 'valid', 'valid', 'valid', 'valid', 'drop', 'replace', 'replace', 'unknown', 'whole', 'malformed', 'content-type', 'deep', 'surrogate'),
    idempotency: fc.constantFrom('none', 'none', 'fresh', 'reused', 'hostile'),
    minPosition: fc.constantFrom('none', 'none', 'none', 'head', 'bad', 'header'),
    seed: fc.nat(),
    // draws further choices while the request is built (fields, hostile values)
    draw: fc.gen(),
  });
  type Case = typeof caseArbitrary extends fc.Arbitrary<infer T> ? T : never;

  function request(c: Case): { method: string; url: string; headers: Record<string, string>; body?: string; op: Operation } {
    const op = operations[c.operation % operations.length];
    const random = () => c.draw(fc.double, { min: 0, max: 1, noNaN: true, maxExcluded: true });
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    let path = op.path;
    for (const p of op.parameters.filter((p) => p.in === 'path')) {
      const real = p.name === 'code' ? pick(pools.codes) : op.path.includes('campaigns') && p.name === 'id' ? pick(pools.campaignIds) : pick(pools.bodyIds);
      const value = c.pathMode === 'real' ? real : c.pathMode === 'random' ? String(generate(p.schema ?? { type: 'string' }, c.seed)) : pick(HOSTILE_PATH);
      path = path.replace(`{${p.name}}`, encodeURIComponent(value));
    }
    const query = new URLSearchParams();
    for (const p of op.parameters.filter((p) => p.in === 'query' && p.name !== 'minPosition')) {
      if (c.queryMode === 'none' && !p.required) continue;
      if (random() < 0.4 && !p.required) continue;
      const valid = () => (p.name === 'year' ? String(2000 + Math.floor(random() * 27)) : p.name === 'limit' ? String(1 + Math.floor(random() * 50)) : String(generate(p.schema ?? { type: 'string' }, c.seed)));
      if (c.queryMode === 'hostile' && random() < 0.6) query.append(p.name, pick(HOSTILE_QUERY));
      else query.append(p.name, valid());
      if (c.queryMode === 'repeated' && random() < 0.5) query.append(p.name, valid());
    }
    const headers: Record<string, string> = {};
    if (c.token) headers.authorization = `Bearer ${c.token}`;
    if (c.minPosition === 'head') query.set('minPosition', String(pools.head));
    if (c.minPosition === 'bad') query.set('minPosition', pick(['-1', 'abc', '1.5', '']));
    if (c.minPosition === 'header') headers['x-min-position'] = pick([String(pools.head), 'abc', '-3']);
    let body: string | undefined;
    if (op.method === 'POST') {
      headers['content-type'] = 'application/json';
      if (c.idempotency === 'fresh') headers['idempotency-key'] = `fuzz-${c.seed}`;
      if (c.idempotency === 'reused') headers['idempotency-key'] = `fuzz-reused-${c.seed % 5}`;
      if (c.idempotency === 'hostile') headers['idempotency-key'] = pick(['x'.repeat(201), ' ', 'a b', 'ü']);
      let value = op.body ? withKnownValues(generate(op.body, c.seed), random) : {};
      switch (c.bodyMode) {
        case 'drop':
          value = mutateAt(value, random, () => undefined);
          break;
        case 'replace':
          value = mutateAt(value, random, () => pick(HOSTILE_VALUES));
          break;
        case 'unknown':
          value = { ...(value as object), [pick(['colour', '__proto__', 'constructor', 'id', 'position'])]: pick(HOSTILE_VALUES) };
          break;
        case 'whole':
          value = pick([[], [value], 'text', 42, null, true, deep(2000)]);
          break;
        case 'deep':
          value = mutateAt(value, random, () => deep(pick([33, 100, 2000])));
          break;
        case 'surrogate':
          value = mutateAt(value, random, (old) => (typeof old === 'string' ? `${old}\ud800` : '\udc00'));
          break;
      }
      body = JSON.stringify(value ?? null);
      if (c.bodyMode === 'malformed') body = pick(['{', '{"a":', '{"a":1}}', "{'a':1}", '\u0000', '[1,]', '{"a":1,}', 'undefined', body.slice(0, Math.max(1, Math.floor(body.length / 2)))]);
      if (c.bodyMode === 'content-type') headers['content-type'] = pick(['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'multipart/form-data; boundary=x']);
    }
    const search = query.toString();
    return { method: op.method, url: `${registry.client.baseUrl}${path}${search ? `?${search}` : ''}`, headers, body, op };
  }

  /** What is wrong with an answer, if anything. */
  function problemWith(op: Operation, status: number, contentType: string, text: string): string | undefined {
    if (status >= 500) return `server error ${status}: ${text.slice(0, 300)}`;
    const documented = op.responses[String(status)];
    if (!documented) return `status ${status} not documented (documented: ${Object.keys(op.responses).join(', ')}): ${text.slice(0, 300)}`;
    const type = contentType.split(';')[0].trim();
    const content = documented.content ?? {};
    const schema = content[type]?.schema;
    if (Object.keys(content).length > 0 && !content[type]) return `content type ${type} not documented for ${status} (documented: ${Object.keys(content).join(', ')})`;
    if (type !== 'application/json' || !schema) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return `status ${status}: body is not JSON: ${text.slice(0, 200)}`;
    }
    const validate = validatorFor(`${op.method} ${op.path} ${status} ${type}`, schema);
    if (!validate(json)) return `status ${status}: body does not match its schema: ${ajv.errorsText(validate.errors)} in ${text.slice(0, 300)}`;
    return undefined;
  }

  it('documents every operation: its body schema, its error answers with the Error schema, its path parameters with formats', () => {
    const gaps: string[] = [];
    for (const op of operations) {
      const name = `${op.method} ${op.path}`;
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      if (success.length === 0) gaps.push(`${name}: no 2xx answer`);
      for (const [status, response] of success) {
        const contents = Object.values(response.content ?? {});
        if (contents.length === 0 || contents.some((c) => !c.schema)) gaps.push(`${name}: ${status} without a body schema`);
      }
      const errors = ['400', '503', ...(op.path.endsWith('/health') ? [] : ['401', '403']), ...(op.method === 'POST' ? ['409', '413', '415', '422'] : [])];
      for (const status of errors) {
        if (op.responses[status]?.content?.['application/json']?.schema?.$ref !== '#/components/schemas/Error') gaps.push(`${name}: ${status} not documented with the Error schema`);
      }
      for (const p of op.parameters.filter((p) => p.in === 'path')) {
        if (!p.schema?.format && !p.schema?.pattern) gaps.push(`${name}: path parameter ${p.name} without a format or pattern`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it('answers every generated request with a documented, schema-conform response and no 5xx', async () => {
    expect(operations.length).toBeGreaterThanOrEqual(25);
    const cases = fc.sample(caseArbitrary, { seed: SEED, numRuns: REQUESTS });
    const deadline = Date.now() + SECONDS * 1000;
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let sent = 0;
    const etags = new Map<string, string>();
    for (const c of cases) {
      if (Date.now() > deadline) break;
      const r = request(c);
      // a read answered with an ETag is asked again with it now and then (304, documented too)
      const etag = r.method === 'GET' && c.seed % 3 === 0 ? etags.get(r.url) : undefined;
      if (etag) r.headers['if-none-match'] = etag;
      const response = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body });
      const answeredTag = response.headers.get('etag');
      if (answeredTag && r.method === 'GET') etags.set(r.url, answeredTag);
      const text = await response.text();
      sent++;
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const problem = problemWith(r.op, response.status, response.headers.get('content-type') ?? '', text);
      if (problem && process.env.FUZZ_FAILURES) appendFileSync(process.env.FUZZ_FAILURES, `${JSON.stringify({ method: r.method, url: r.url.replace(registry.client.baseUrl, ''), headers: r.headers, body: r.body, problem })}\n`);
      if (problem) failures.push(`${r.method} ${r.url.replace(registry.client.baseUrl, '')} ${r.body ? `body ${r.body.slice(0, 200)}` : ''} → ${problem}`);
      if (response.status === 201) {
        // later requests can work on what this one created
        const created = JSON.parse(text) as { bodyId?: string; campaignId?: string; position: number };
        if (created.bodyId) pools.bodyIds.push(created.bodyId);
        if (created.campaignId) pools.campaignIds.push(created.campaignId);
        pools.head = Math.max(pools.head, created.position);
      }
    }
    const byStatus = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
    console.log(`OpenAPI fuzz: ${sent} requests over ${operations.length} operations (seed ${SEED}): ${byStatus}; ${failures.length} failures`);
    expect(sent).toBeGreaterThanOrEqual(Math.min(REQUESTS, 300));
    expect(failures.slice(0, 15)).toEqual([]);
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    // the run reached past validation: some writes were recorded and some reads answered
    expect(statuses.get(201) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
  }, 120_000);
});
