/** The SQL type a field of a JSON record is read back as. */
export type RecordFieldType =
  'uuid' | 'text' | 'text[]' | 'int' | 'boolean' | 'timestamptz' | 'jsonb';

export interface JsonRecord {
  /** `json_build_object(...)` over the owner's own table aliases. */
  object: string;
  /** The column list a reader gives `json_to_record(...) AS alias (${columns})`. */
  columns: string;
}

const KEY = /^[a-zA-Z][a-zA-Z0-9]*$/;

/**
 * A JSON object that the module owning a table builds in SQL, and the column list with which a
 * reader in another module unpacks it, both from one definition: a key renamed or retyped by the
 * owner changes both, so a reader can never go on reading NULL under the old name.
 */
export function jsonRecord(fields: Record<string, readonly [sql: string, type: RecordFieldType]>) {
  const entries = Object.entries(fields);
  for (const [key] of entries) {
    if (!KEY.test(key)) throw new Error(`not a plain JSON record key: ${key}`);
  }
  return {
    object: `json_build_object(${entries.map(([key, [sql]]) => `'${key}', ${sql}`).join(', ')})`,
    columns: entries.map(([key, [, type]]) => `"${key}" ${type}`).join(', '),
  } satisfies JsonRecord;
}
