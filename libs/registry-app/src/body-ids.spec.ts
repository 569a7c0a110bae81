import { createHash } from 'node:crypto';
import { validate, version } from 'uuid';
import { REGISTRY_ID_NAMESPACE, newBodyId } from './body-ids.js';

/** RFC 4122 §4.3 by hand: SHA-1 of the namespace's 16 bytes and the name, version 5, variant 10. */
function rfc4122v5(name: string, namespace: string): string {
  const bytes = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

describe('body ids', () => {
  it('from an Idempotency-Key: an RFC 4122 version-5 UUID of the key, the same for every retry', () => {
    const id = newBodyId('import:370700:潍政办字〔2020〕37号:17');
    expect(validate(id)).toBe(true);
    expect(version(id)).toBe(5);
    expect(id).toBe(rfc4122v5('body:import:370700:潍政办字〔2020〕37号:17', REGISTRY_ID_NAMESPACE));
    expect(newBodyId('import:370700:潍政办字〔2020〕37号:17')).toBe(id);
    expect(newBodyId('import:370700:潍政办字〔2020〕37号:18')).not.toBe(id);
  });

  it('without a key: a random version-4 UUID', () => {
    const [a, b] = [newBodyId(), newBodyId()];
    expect(version(a)).toBe(4);
    expect(a).not.toBe(b);
  });
});
