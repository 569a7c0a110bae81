export type Role = 'registrar' | 'auditor' | 'viewer';

/** Who is calling, from a token of REGISTRY_TOKENS. */
export interface Principal {
  name: string;
  role: Role;
  /** Jurisdiction codes, or ['*'] for all. */
  jurisdictions: string[];
  /**
   * Stands for the token (a digest, never the token): idempotency keys are scoped to it, so one
   * caller's key never answers another's request.
   */
  id?: string;
}

export function mayAccess(principal: Principal, jurisdiction: string): boolean {
  return principal.jurisdictions.includes('*') || principal.jurisdictions.includes(jurisdiction);
}
