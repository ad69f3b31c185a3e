import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { QueryFailedError, type EntityManager } from 'typeorm';

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
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  const ownsRunner = runner !== manager.queryRunner;
  try {
    const client = (await runner.connect()) as PoolClient;
    const result = await client
      .query({ name: statementNameFor(sql), text: sql, values: parameters })
      .catch((error: Error) => {
        throw new QueryFailedError(sql, parameters, error);
      });
    return result.rows as T[];
  } finally {
    if (ownsRunner) await runner.release();
  }
}
