import { domainError } from '../common/errors/error-catalogue';
import { AuthErrors } from './auth.errors';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LRUCache } from 'lru-cache';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import { preparedQuery } from '../database/prepared-query';
import type { Actor } from '../kernel/actor';
import { ActorCache, type ActorFacts } from './actor-cache';
import type { RequestMetadata } from '../kernel/decorators';
import { PasswordHasher } from './password-hasher.service';
import { Role } from '../kernel/role';
import { User } from './user.entity';

export interface AccessTokenClaims {
  sub: string;
  role: Role;
}

const invalidCredentials = () =>
  domainError(AuthErrors.invalidCredentials, 'Email or password is wrong');

const REMEMBERED_TOKENS = 10_000;

@Injectable()
export class AuthService {
  private readonly verifiedTokens = new LRUCache<string, AccessTokenClaims>({
    max: REMEMBERED_TOKENS,
  });

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly actors: ActorCache,
  ) {}

  /**
   * Checks a password and issues a short-lived token. Consecutive failures lock the account for
   * a while; every attempt, good or bad, is audited without the email or password typed.
   */
  async login(
    email: string,
    password: string,
    meta: RequestMetadata,
  ): Promise<{ token: string; expiresIn: number }> {
    const user = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.email) = lower(:email)', { email })
      .getOne();
    const fail = async (reason: string, userId?: string) => {
      await this.audit.record({
        actor: { ...meta, userId },
        action: 'login_failed',
        entityType: 'user',
        entityId: userId ?? null,
        details: { reason },
      });
    };

    if (user?.lockedUntil && user.lockedUntil > new Date()) {
      await fail('locked', user.id);
      const retryAfterSeconds = Math.ceil((user.lockedUntil.getTime() - Date.now()) / 1000);
      throw domainError(
        AuthErrors.accountLocked,
        `Too many failed logins: the account is locked until ${user.lockedUntil.toISOString()}`,
        [],
        retryAfterSeconds,
      );
    }

    const passwordMatches = await this.hasher.verify(user?.passwordHash, password);
    if (!user) {
      await fail('unknown_email');
      throw invalidCredentials();
    }
    if (!passwordMatches) {
      await this.countFailure(user.id);
      await fail('wrong_password', user.id);
      throw invalidCredentials();
    }
    if (!user.active) {
      await fail('inactive', user.id);
      throw invalidCredentials();
    }

    await this.users.update(
      { id: user.id },
      { failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() },
    );
    await this.audit.record({
      actor: { ...meta, userId: user.id },
      action: 'login',
      entityType: 'user',
      entityId: user.id,
    });
    const claims: AccessTokenClaims = { sub: user.id, role: user.role };
    const expiresIn = this.config.auth.jwtTtlSeconds;
    return { token: await this.jwt.signAsync(claims, { expiresIn }), expiresIn };
  }

  /** Counts a failure in one statement, so parallel attempts cannot slip past the limit. */
  private async countFailure(userId: string): Promise<void> {
    const { maxFailedAttempts, lockoutMinutes } = this.config.auth;
    await this.users.query(
      `UPDATE users
          SET failed_login_count = CASE WHEN failed_login_count + 1 >= $2 THEN 0 ELSE failed_login_count + 1 END,
              locked_until = CASE WHEN failed_login_count + 1 >= $2
                                  THEN now() + make_interval(mins => $3) ELSE locked_until END
        WHERE id = $1`,
      [userId, maxFailedAttempts, lockoutMinutes],
    );
  }

  /** Resolves a bearer token to the current state of its user; undefined when it no longer holds. */
  async actorFromToken(token: string, meta: RequestMetadata): Promise<Actor | undefined> {
    const claims = await this.claimsOf(token);
    if (!claims) return undefined;
    const user = await this.actors.get(claims.sub, () => this.actorFacts(claims.sub));
    if (!user) return undefined;
    return {
      userId: claims.sub,
      role: user.role,
      locationIds: user.locationIds,
      requestId: meta.requestId,
      callerRequestId: meta.callerRequestId,
      clientIp: meta.clientIp,
    };
  }

  /**
   * The claims of a token whose signature and expiry check out. A client sends the same token
   * with every request, and checking it again cost a twentieth of a booking's CPU, so a verified
   * token is remembered, by its whole text and signature, until the moment it expires.
   */
  private async claimsOf(token: string): Promise<AccessTokenClaims | undefined> {
    const known = this.verifiedTokens.get(token);
    if (known) return known;
    let claims: AccessTokenClaims & { exp?: number };
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims & { exp?: number }>(token);
    } catch {
      return undefined;
    }
    // Every token this service issues expires; one that never would (signed with a leaked key,
    // or by hand) is refused rather than honoured for ever.
    if (typeof claims.exp !== 'number') return undefined;
    // A ttl of 0 would mean for ever.
    const lifetime = claims.exp * 1000 - Date.now();
    if (lifetime > 0) this.verifiedTokens.set(token, claims, { ttl: lifetime });
    return claims;
  }

  /**
   * The staff member someone acts for without a session of their own (a patient's signed email
   * link books on behalf of whoever put them on the waiting list): their role and clinics now.
   */
  async actorOnBehalfOf(userId: string, request: RequestMetadata): Promise<Actor | undefined> {
    const [row] = await this.users.manager.query<{ role: Role; location_ids: string[] }[]>(
      `SELECT u.role, COALESCE(array_agg(ul.location_id) FILTER (WHERE ul.location_id IS NOT NULL), '{}') AS location_ids
         FROM users u LEFT JOIN user_locations ul ON ul.user_id = u.id
        WHERE u.id = $1
        GROUP BY u.id`,
      [userId],
    );
    return (
      row && {
        userId,
        role: row.role,
        locationIds: row.location_ids,
        requestId: request.requestId,
        callerRequestId: request.callerRequestId,
        clientIp: request.clientIp,
      }
    );
  }

  /** A request's one read of its user, when the cache cannot answer: prepared, no entity. */
  private async actorFacts(userId: string): Promise<ActorFacts | undefined> {
    const [row] = await preparedQuery<{ role: Role; location_ids: string[] }>(
      this.users.manager,
      `SELECT u.role, COALESCE(array_agg(ul.location_id) FILTER (WHERE ul.location_id IS NOT NULL), '{}') AS location_ids
         FROM users u LEFT JOIN user_locations ul ON ul.user_id = u.id
        WHERE u.id = $1 AND u.active
        GROUP BY u.id`,
      [userId],
    );
    return row && { role: row.role, locationIds: row.location_ids };
  }
}
