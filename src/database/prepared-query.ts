import { createHash } from 'node:crypto';
import { DatabaseError, type Pool, type PoolClient } from 'pg';
import { QueryFailedError, type EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Past this many distinct texts, statements run unprepared: each name is a plan that every pooled
 * connection keeps for its lifetime, so texts built from data must not grow the set unbounded.
 */
const MAX_PREPARED_TEXTS = 256;
const statementNames = new Map<string, string>();

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
    const client = (await manager.queryRunner.connect()) as PoolClient;
    return (await client.query(config).catch(fail)).rows as T[];
  }
  // Straight from the pool: a TypeORM query runner per statement cost more than the statement.
  // Not pool.query(), which closes the connection after any error, a refused booking included.
  const pool = (manager.connection.driver as PostgresDriver).master as Pool;
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    return (await client.query(config)).rows as T[];
  } catch (error) {
    // The server answered: the connection is sound. Anything else (a dropped socket) is not.
    if (!(error instanceof DatabaseError)) broken = error as Error;
    return fail(error as Error);
  } finally {
    client.release(broken);
  }
}
