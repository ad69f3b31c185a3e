import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client, type Notification, type Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { AppConfig } from '../config/app-config';
import type { Role } from '../kernel/role';

/** What a request needs of its user beyond the token: re-read whenever the row changes. */
export interface ActorFacts {
  role: Role;
  locationIds: readonly string[];
}

/**
 * The channel the `actor_changed` triggers (migration ActorChangeNotices) notify: a user id, or
 * `*` after a TRUNCATE. The listener's own heartbeat sends an empty payload.
 */
export const ACTOR_CHANGED_CHANNEL = 'actor_changed';
/** The application_name of each API process's listening connection. */
export const ACTOR_LISTENER_APPLICATION = 'pt-practice-listener';
const EVERYONE = '*';
const HEARTBEAT = '';
const MAX_ENTRIES = 10_000;
/** A bound on staleness should a notice ever be lost without the connection dropping. */
const MAX_AGE_MS = 5 * 60_000;
const RECONNECT_MS = { first: 500, max: 30_000 };
/**
 * How often the listener notifies itself, and how long the notice may take to come back: a
 * connection that died without a word, or a pooler that does not keep LISTEN sessions, shows
 * here rather than as hours of stale entries.
 */
const HEARTBEAT_EVERY_MS = 30_000;
const HEARTBEAT_TIMEOUT_MS = 5_000;

/**
 * Remembers each signed-in user's role and locations so that a request does not read them again,
 * for as long as PostgreSQL says nothing changed: triggers on users and user_locations notify
 * every instance at commit, whoever made the change (another instance, the CLI, an operator's
 * SQL). While the listening connection is down nothing is cached, so a change is never missed.
 */
@Injectable()
export class ActorCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ActorCache.name);
  private readonly entries = new Map<string, { facts: ActorFacts; at: number }>();
  /** Bumped by every invalidation, so a read that raced one is not cached. */
  private generation = 0;
  private listener?: Client;
  private listening = false;
  private stopped = false;
  private reconnectDelay = RECONNECT_MS.first;
  private reconnectTimer?: NodeJS.Timeout;
  private heartbeatTimer?: NodeJS.Timeout;
  private heartbeatDeadline?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Only the API checks tokens.
    if (this.config.runsApi) await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.stopHeartbeat();
    await this.listener?.end().catch(() => undefined);
  }

  /** The user's facts, from memory when they are known to be current, else from `load`. */
  async get(
    userId: string,
    load: () => Promise<ActorFacts | undefined>,
  ): Promise<ActorFacts | undefined> {
    const entry = this.entries.get(userId);
    if (entry && this.listening && Date.now() - entry.at < MAX_AGE_MS) return entry.facts;
    const generation = this.generation;
    const facts = await load();
    if (facts && this.listening && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(userId, {
        facts: Object.freeze({ ...facts, locationIds: Object.freeze([...facts.locationIds]) }),
        at: Date.now(),
      });
    } else {
      this.entries.delete(userId);
    }
    return facts;
  }

  /**
   * Drops what is known of a user at once, for changes this instance commits: the notice that
   * follows reaches the other instances, but might reach this one after the caller's next request.
   */
  forget(userId: string): void {
    this.generation++;
    this.entries.delete(userId);
  }

  private forgetAll(): void {
    this.generation++;
    this.entries.clear();
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    let client: Client | undefined;
    try {
      const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
      client = new Client({
        ...pool.options,
        // Told apart from the pool's connections in pg_stat_activity.
        application_name: ACTOR_LISTENER_APPLICATION,
        // So that a connection cut off without a word is noticed, and a start-up never hangs.
        keepAlive: true,
        keepAliveInitialDelayMillis: 10_000,
        connectionTimeoutMillis: 10_000,
      });
      const listener = client;
      this.listener = listener;
      listener.on('notification', (notice: Notification) => this.heard(notice));
      listener.on('error', (error) => this.lost(listener, error));
      listener.on('end', () => this.lost(listener));
      await listener.connect();
      await listener.query(`LISTEN ${ACTOR_CHANGED_CHANNEL}`);
      // Changes committed while nobody listened were announced to no one.
      this.forgetAll();
      this.listening = true;
      this.reconnectDelay = RECONNECT_MS.first;
      this.heartbeatTimer = setInterval(() => this.heartbeat(listener), HEARTBEAT_EVERY_MS).unref();
    } catch (error) {
      if (client) this.lost(client, error as Error);
      else this.retryLater(error as Error);
    }
  }

  private heard(notice: Notification): void {
    if (notice.channel !== ACTOR_CHANGED_CHANNEL) return;
    if (notice.payload === HEARTBEAT) {
      clearTimeout(this.heartbeatDeadline);
      this.heartbeatDeadline = undefined;
    } else if (notice.payload === EVERYONE) this.forgetAll();
    else if (notice.payload) this.forget(notice.payload);
  }

  private heartbeat(listener: Client): void {
    if (this.heartbeatDeadline) return;
    this.heartbeatDeadline = setTimeout(
      () => this.lost(listener, new Error('its heartbeat notice did not come back')),
      HEARTBEAT_TIMEOUT_MS,
    ).unref();
    listener
      .query('SELECT pg_notify($1, $2)', [ACTOR_CHANGED_CHANNEL, HEARTBEAT])
      .catch((error: Error) => this.lost(listener, error));
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeatTimer);
    clearTimeout(this.heartbeatDeadline);
    this.heartbeatDeadline = undefined;
  }

  private lost(client: Client, error?: Error): void {
    if (this.listener !== client) return;
    this.listener = undefined;
    this.listening = false;
    this.stopHeartbeat();
    this.forgetAll();
    client.end().catch(() => undefined);
    this.retryLater(error);
  }

  private retryLater(error?: Error): void {
    if (this.stopped) return;
    this.logger.warn(
      `lost the ${ACTOR_CHANGED_CHANNEL} listener (${error?.message ?? 'connection ended'}); ` +
        `reading users on every request until it is back`,
    );
    this.reconnectTimer = setTimeout(() => void this.listen(), this.reconnectDelay).unref();
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MS.max);
  }
}
