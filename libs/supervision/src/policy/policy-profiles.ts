/**
 * The profiles of the published 管理办法 (seeds/policies/profiles/*.json): each a whole Policy
 * with the article behind every limit. Loaded for the `profile` shorthand of
 * `POST /jurisdictions/{code}/policies` and for the policy seed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RuleViolationError, policyRule, policyWithOverrides, type AdoptPolicy, type LocalDate, type Policy } from '#domain';

export type PolicyCatalogue = ReadonlyMap<string, Policy>;

/** Reads every `*.json` of the folder as a profile, keyed by its name; an invalid one is an error. */
export function loadPolicyProfiles(dir: string): PolicyCatalogue {
  const catalogue = new Map<string, Policy>();
  if (!existsSync(dir)) return catalogue;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const policy = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Policy;
    const problems = policyRule(policy);
    if (problems.length > 0) throw new Error(`${file}: ${problems.map((p) => p.message).join('；')}`);
    catalogue.set(policy.name, policy);
  }
  return catalogue;
}

/** What a jurisdiction adopts: a profile by name, limits of its own, or a profile with some limits replaced. */
export interface PolicyChoice {
  profile?: string;
  overrides?: Partial<Policy>;
}

/** The policy a choice stands for; an unknown profile name is a refused decision (422). */
export function resolvePolicy(catalogue: PolicyCatalogue, choice: PolicyChoice, fallback?: Policy): Policy {
  const base = choice.profile ? catalogue.get(choice.profile) : fallback;
  if (!base) {
    throw new RuleViolationError([{
      rule: 'application',
      severity: 'error',
      source: '市级办法 第二十三条',
      message: choice.profile ? `没有名为“${choice.profile}”的管理办法；可选：${[...catalogue.keys()].join('、')}` : '须指定所参照的管理办法(profile)或写明全部限额',
    }]);
  }
  return policyWithOverrides(base, choice.overrides ?? {});
}

/** `seeds/policies/seed.json`: the profiles folder and the adoptions to record. */
export interface PolicySeed {
  profiles?: string;
  adoptions: Array<{
    jurisdiction: string;
    profile: string;
    overrides?: Partial<Policy>;
    documentNo: string;
    effectiveDate: LocalDate;
    reason?: string;
  }>;
}

/** The adoptions of a policy seed as commands, each with a deterministic Idempotency-Key. */
export function policySeedCommands(seed: PolicySeed, catalogue: PolicyCatalogue): Array<{ command: AdoptPolicy; idempotencyKey: string }> {
  return seed.adoptions.map((a) => ({
    idempotencyKey: `policy:${a.jurisdiction}:${a.documentNo}:${a.effectiveDate}`,
    command: {
      type: 'AdoptPolicy',
      jurisdiction: a.jurisdiction,
      policy: resolvePolicy(catalogue, { profile: a.profile, overrides: a.overrides }),
      fromProfile: a.profile,
      documentNo: a.documentNo,
      effectiveDate: a.effectiveDate,
      ...(a.reason ? { reason: a.reason } : {}),
    },
  }));
}
