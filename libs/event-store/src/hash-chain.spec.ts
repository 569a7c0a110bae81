import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalJson, canonicalJsonByMembers, GENESIS_HASH, hashEnvelope, sealEvents } from './hash-chain.js';

const reference = canonicalize as unknown as (v: unknown) => string | undefined;
/** What a writer gives: its text, or that it threw. */
const outcome = (write: (v: unknown) => string | undefined, value: unknown) => {
  try {
    return { text: write(value) };
  } catch {
    return { threw: true };
  }
};
/** Strings of these pieces: lone surrogates of either half, a pair, CJK, a backslash-u text, quotes, controls. */
const trickyUnit = fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', '\ud83d\ude00', '数', 'é', 'a', 'Z', '0', '\\ud800', '"', '\\', '\n', '\u0001', '\u2028');

describe('canonicalJson (the stream hash\'s serialisation)', () => {
  it('writes what the canonicalize package (RFC 8785) writes, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes what the package writes for JSON with any unicode, or throws where it throws (a lone surrogate, in a key or a value)', () => {
    for (const stringUnit of ['binary', trickyUnit] as const) {
      fc.assert(
        fc.property(fc.jsonValue({ stringUnit }), (value) => {
          expect(outcome(canonicalJson, value)).toEqual(outcome(reference, value));
        }),
        { numRuns: 2000 },
      );
    }
  });

  it('takes the native JSON.stringify path only where it writes what the member-by-member writer writes, for any value', () => {
    const anything = fc.anything({
      key: fc.oneof(fc.string({ unit: trickyUnit }), fc.constantFrom('0', '9', '10', '__proto__', 'toJSON', 'a', 'b')),
      values: [fc.string({ unit: trickyUnit }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined)],
      withBoxedValues: true,
      withDate: true,
      withNullPrototype: true,
      withSparseArray: true,
      withObjectString: true,
      maxDepth: 4,
    });
    fc.assert(
      fc.property(anything, (value) => {
        expect(outcome(canonicalJson, value)).toEqual(outcome(canonicalJsonByMembers, value));
      }),
      { numRuns: 3000 },
    );
  });

  it('orders keys JavaScript puts first (array indexes) and nested objects in arrays as the package does', () => {
    const value = { b: 1, '10': 2, '9': [{ z: 1, '1': { y: [[{ b: 2, a: 1 }]], x: -0 } }], a: { '2': 1, x: [1e-7, 123456789012345680000, 0.1] } };
    expect(canonicalJson(value)).toBe(reference(value));
    expect(canonicalJson(value)).toBe('{"10":2,"9":[{"1":{"x":0,"y":[[{"a":1,"b":2}]]},"z":1}],"a":{"2":1,"x":[1e-7,123456789012345680000,0.1]},"b":1}');
    const ownProto = JSON.parse('{"b":1,"__proto__":{"y":2,"x":1}}') as unknown;
    expect(canonicalJson(ownProto)).toBe(reference(ownProto));
    expect(canonicalJson({ at: new Date(0), n: new Number(2) })).toBe(reference({ at: new Date(0), n: new Number(2) }));
  });

  it('as the package: unicode keys sorted by code unit, members that are undefined left out, undefined in an array as null', () => {
    const value = { 数: 1.5, b: [undefined, 'é', '😀'], a: undefined, A: { z: null, y: -0, x: 1e21 } };
    expect(canonicalJson(value)).toBe(reference(value));
    expect(canonicalJson(value)).toBe('{"A":{"x":1e+21,"y":0,"z":null},"b":[null,"é","😀"],"数":1.5}');
  });

  it('refuses what JSON cannot hold, as the package does: a lone surrogate, NaN, Infinity', () => {
    expect(() => canonicalJson({ name: '\ud800' })).toThrow();
    expect(() => reference({ name: '\ud800' })).toThrow();
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
    expect(() => canonicalJson({ n: Number.POSITIVE_INFINITY })).toThrow();
    expect(canonicalJson({ pair: '😀' })).toBe('{"pair":"😀"}');
  });
});

describe('hashEnvelope and sealEvents', () => {
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  it('hash the canonical JSON of the envelope without its hash and position, whatever else it holds', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: trickyUnit }), fc.jsonValue({ stringUnit: trickyUnit, maxDepth: 2 })), fc.string(), fc.integer(), (content, hash, position) => {
        const { hash: _h, position: _p, ...rest } = content;
        const expected = outcome((v) => sha256(reference(v)!), rest);
        expect(outcome((v) => hashEnvelope(v as never), { ...content, hash, position })).toEqual(expected);
        expect(outcome((v) => hashEnvelope(v as never), rest)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('seal each draft onto the one before, leaving the drafts as they were', () => {
    const drafts = [{ type: 'A', data: { b: 1, a: [2] } }, { type: 'B', data: {} }] as never[];
    const copies = JSON.parse(JSON.stringify(drafts)) as unknown;
    const sealed = sealEvents(drafts, { version: 4, lastHash: GENESIS_HASH });
    expect(drafts).toEqual(copies);
    expect(sealed.map((e) => [e.version, e.previousHash])).toEqual([
      [5, GENESIS_HASH],
      [6, sealed[0].hash],
    ]);
    const first = { type: 'A', data: { b: 1, a: [2] }, version: 5, previousHash: GENESIS_HASH };
    expect(sealed[0].hash).toBe(sha256(reference(first)!));
    expect(Object.keys(sealed[0])).toEqual(['type', 'data', 'version', 'previousHash', 'hash']);
  });
});
