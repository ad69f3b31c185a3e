import { createHash } from 'node:crypto';
import { DatabaseError, type Pool, type PoolClient } from 'pg';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, type EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Past this many distinct texts, statements run unprepared: each name is a plan that every pooled
 * connection keeps for its lifetime, so texts built from data must not grow the set unbounded.
 */
const MAX_PREPARED_TEXTS = 256;
const statementNames = new Map<string, string>();
/** 0A000: cached plan must not change result type; 26000: prepared statement does not exist. */
const UNUSABLE_STATEMENT_CODES = new Set(['0A000', '26000']);

function statementNameFor(sql: string): string | undefined {
  let name = statementNames.get(sql);
  if (!name && statementNames.size < MAX_PREPARED_TEXTS) {
    name = `ptp_${createHash('sha256').update(sql).digest('hex').slice(0, 32)}`;
    statementNames.set(sql, name);
  }
  return name;
}

/**
 * Runs a statement that requests repeat (the token check, a booking's read and write) as a
 * named prepared statement, so that each pooled connection parses and plans it once rather than
 * on every call: for these statements PostgreSQL spent longer planning than executing. Runs on
 * the manager's own connection when it has one (inside a transaction), else on one from the pool.
 * Errors are TypeORM's QueryFailedError, as from `manager.query`.
 */
export async function preparedQuery<T>(
  manager: EntityManager,
  sql: string,
  parameters: unknown[],
): Promise<T[]> {
  const config = { name: statementNameFor(sql), text: sql, values: parameters };
  const fail = (error: Error): never => {
    throw new QueryFailedError(sql, parameters, error);
  };
  if (manager.queryRunner) {
    if (manager.queryRunner.isReleased) throw new QueryRunnerAlreadyReleasedError();
    const client = (await manager.queryRunner.connect()) as PoolClient;
    return (await client.query(config).catch(fail)).rows as T[];
  }
  // Straight from the pool: a TypeORM query runner per statement cost more than the statement.
  // Not pool.query(), which closes the connection after any error, a refused booking included.
  const pool = (manager.connection.driver as PostgresDriver).master as Pool;
  const client = await pool.connect();
  let broken: Error | undefined;
  // A checked-out client whose socket dies emits 'error' besides failing its query; unheard,
  // that event would be thrown and end the process (the pool listens only to idle clients).
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  try {
    return (await client.query(config)).rows as T[];
  } catch (error) {
    // A refusal from the server leaves the connection sound; a dropped socket does not, nor does
    // a prepared statement the server no longer accepts there (a migration changed its result
    // type, or the session was reset), which would fail on that connection every time after.
    if (!(error instanceof DatabaseError) || UNUSABLE_STATEMENT_CODES.has(error.code ?? '')) {
      broken = error as Error;
    }
    return fail(error as Error);
  } finally {
    client.removeListener('error', onError);
    client.release(broken);
  }
}
