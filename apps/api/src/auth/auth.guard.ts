import { createHash } from 'node:crypto';
import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, SetMetadata, UnauthorizedException, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Principal, Role } from '#registry-app';
import { REGISTRY_CONFIG } from '../tokens.js';
import type { RegistryConfig } from '../config/registry-config.js';

export const ROLES_KEY = 'registry:roles';
/** Roles allowed on a route; routes without it are open (health, docs). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The caller, as the guard found them. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest().principal);

const ROLE_LABELS: Record<Role, string> = { registrar: '登记员', auditor: '审计员', viewer: '查阅者' };

const PUBLIC_READER: Principal = { name: '公开查询', role: 'viewer', jurisdictions: ['*'], id: 'public' };

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** Bearer tokens of REGISTRY_TOKENS; compared by digest so lookup time does not leak the token. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly principals: Map<string, Principal>;
  private readonly publicRead: boolean;

  constructor(
    private readonly reflector: Reflector,
    @Inject(REGISTRY_CONFIG) config: RegistryConfig,
  ) {
    this.principals = new Map(config.tokens.map(({ token, ...principal }) => [digest(token), { ...principal, id: `token:${digest(token).slice(0, 16)}` }]));
    this.publicRead = config.publicRead;
  }

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!roles) return true;
    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers.authorization;
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!header && this.publicRead && roles.includes('viewer')) {
      // REGISTRY_PUBLIC_READ: the operator opened the registry views to everyone, read-only.
      request.principal = PUBLIC_READER;
      return true;
    }
    if (!match) throw new UnauthorizedException('缺少 Authorization: Bearer <令牌>');
    const principal = this.principals.get(digest(match[1]));
    if (!principal) throw new UnauthorizedException('令牌无效');
    if (!roles.includes(principal.role)) throw new ForbiddenException(`此操作需要以下角色之一：${roles.map((r) => `${ROLE_LABELS[r]}(${r})`).join('、')}；本令牌为${ROLE_LABELS[principal.role]}(${principal.role})`);
    request.principal = principal;
    return true;
  }
}
