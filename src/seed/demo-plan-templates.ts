import type { EntityManager } from 'typeorm';
import { TEMPLATE_LIBRARY } from '../plans/rules/template-library';

/**
 * The clinic-wide template library, published as version 1 by the first admin, for each
 * template no clinic-wide template has the name of yet (an admin's later versions stay). Without
 * an admin there is no one to publish them: none are added.
 */
export async function seedPlanTemplates(manager: EntityManager): Promise<number> {
  const [admin] = await manager.query<{ id: string }[]>(
    `SELECT id FROM users WHERE role = 'admin' AND active ORDER BY created_at LIMIT 1`,
  );
  if (!admin) return 0;
  let added = 0;
  for (const { name, ...content } of TEMPLATE_LIBRARY) {
    const [existing] = await manager.query<unknown[]>(
      `SELECT 1 FROM plan_template_versions v JOIN plan_templates t ON t.id = v.template_id
        WHERE t.scope = 'clinic' AND v.name = $1 LIMIT 1`,
      [name],
    );
    if (existing) continue;
    await manager.query(
      `WITH template AS (INSERT INTO plan_templates (scope, created_by) VALUES ('clinic', $1) RETURNING id)
       INSERT INTO plan_template_versions (template_id, version, status, name, content, created_by, published_by, published_at)
       SELECT id, 1, 'published', $2, $3, $1, $1, now() FROM template`,
      [admin.id, name, JSON.stringify(content)],
    );
    added += 1;
  }
  return added;
}
