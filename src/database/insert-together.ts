import type { EntityManager } from 'typeorm';
import { preparedQuery } from './prepared-query';

/** Rows for one table: column names as in the database, one object per row. */
export interface TableRows {
  table: string;
  rows: Record<string, unknown>[];
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Inserts rows into several tables in one statement (data-modifying CTEs), so a change and its
 * history, audit and outbox rows take a single round trip and commit atomically even outside a
 * transaction. Foreign keys between them hold: PostgreSQL checks them at the end of the statement.
 * Every row of a table must have the same columns.
 */
export async function insertTogether(manager: EntityManager, inserts: TableRows[]): Promise<void> {
  const parameters: unknown[] = [];
  const statements = inserts
    .filter((insert) => insert.rows.length > 0)
    .map(({ table, rows }) => {
      const columns = Object.keys(rows[0]);
      for (const name of [table, ...columns]) {
        if (!IDENTIFIER.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
      }
      const values = rows.map(
        (row) =>
          `(${columns
            .map((column) => {
              parameters.push(row[column]);
              return `$${parameters.length}`;
            })
            .join(', ')})`,
      );
      return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`;
    });
  if (statements.length === 0) return;
  const last = statements.pop()!;
  const sql =
    statements.length === 0
      ? last
      : `WITH ${statements.map((statement, index) => `written_${index} AS (${statement})`).join(', ')} ${last}`;
  await preparedQuery(manager, sql, parameters);
}
