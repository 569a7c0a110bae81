import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalJson } from './hash-chain.js';

const reference = canonicalize as unknown as (v: unknown) => string | undefined;

describe('canonicalJson (the stream hash\'s serialisation)', () => {
  it('writes what the canonicalize package (RFC 8785) writes, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      { numRuns: 2000 },
    );
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
