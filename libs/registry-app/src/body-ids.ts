/**
 * Body ids. Made from an Idempotency-Key, an id is the same for every retry of one request, so
 * two racing retries collide on one stream: an RFC 4122 version-5 UUID (`uuid`'s v5) of the
 * key in the registry's namespace (docs/decisions/0013-believable-supervision.md). Without a
 * key, a random one.
 */
import { randomUUID } from 'node:crypto';
import { v5 as uuidV5 } from 'uuid';

/** The registry's namespace for ids derived from names (fixed: changing it changes every derived id). */
export const REGISTRY_ID_NAMESPACE = '924e3432-c1cc-480f-b2ad-9cdcae66ad3e';

export function newBodyId(idempotencyKey?: string): string {
  return idempotencyKey ? uuidV5(`body:${idempotencyKey}`, REGISTRY_ID_NAMESPACE) : randomUUID();
}
