import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { domainError } from '../common/errors/error-catalogue';
import type { Actor } from '../kernel/actor';
import { Role } from '../kernel/role';
import type { NewTemplateDto, TemplateContentDto, TemplateVersionDto } from './dto/template.dto';
import { PlansErrors } from './plans.errors';
import { contentProblems, type TemplateContent } from './rules/plan-content';

interface VersionRow {
  id: string;
  template_id: string;
  version: number;
  status: 'draft' | 'published';
  scope: 'clinic' | 'personal';
  owner_id: string | null;
  name: string;
  content: TemplateContent;
  published_at: Date | null;
}

const VERSION_COLUMNS = `v.id, v.template_id, v.version, v.status, t.scope, t.owner_id, v.name, v.content, v.published_at`;
/** Clinic-wide templates are everyone's; a personal one is its owner's (and an admin's to see). */
const VISIBLE = `(t.scope = 'clinic' OR t.owner_id = $1 OR $2)`;

const viewOf = (row: VersionRow): TemplateVersionDto => ({
  id: row.id,
  templateId: row.template_id,
  version: row.version,
  status: row.status,
  scope: row.scope,
  ownerId: row.owner_id,
  name: row.name,
  ...row.content,
  publishedAt: row.published_at?.toISOString() ?? null,
});

const contentOf = ({ name: _name, ...content }: TemplateContentDto): TemplateContent => ({
  conditions: content.conditions,
  interventions: content.interventions,
  goals: content.goals,
  frequencyPerWeek: content.frequencyPerWeek,
  durationWeeks: content.durationWeeks,
});

/**
 * Treatment-plan templates: clinic-wide ones (written by admins) and each therapist's own.
 * A template is a series of versions; publishing freezes a version (the database refuses any
 * change to it), and editing a template whose latest version is published starts the next one.
 */
@Injectable()
export class TemplatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, includeDrafts: boolean): Promise<TemplateVersionDto[]> {
    const rows = await this.dataSource.query<VersionRow[]>(
      `SELECT DISTINCT ON (t.id) ${VERSION_COLUMNS}
         FROM plan_templates t JOIN plan_template_versions v ON v.template_id = t.id
        WHERE ${VISIBLE} AND ($3 OR v.status = 'published')
        ORDER BY t.id, v.version DESC`,
      [actor.userId, actor.role === Role.Admin, includeDrafts],
    );
    return rows.map(viewOf).sort((a, b) => a.name.localeCompare(b.name));
  }

  async versions(actor: Actor, templateId: string): Promise<TemplateVersionDto[]> {
    const rows = await this.dataSource.query<VersionRow[]>(
      `SELECT ${VERSION_COLUMNS} FROM plan_templates t JOIN plan_template_versions v ON v.template_id = t.id
        WHERE ${VISIBLE} AND t.id = $3 ORDER BY v.version`,
      [actor.userId, actor.role === Role.Admin, templateId],
    );
    if (rows.length === 0)
      throw domainError(PlansErrors.templateNotFound, `No template ${templateId}`);
    return rows.map(viewOf);
  }

  /** A version the actor may see, read in the caller's transaction. */
  async version(actor: Actor, versionId: string, manager: EntityManager = this.dataSource.manager) {
    const [row] = await manager.query<VersionRow[]>(
      `SELECT ${VERSION_COLUMNS} FROM plan_templates t JOIN plan_template_versions v ON v.template_id = t.id
        WHERE ${VISIBLE} AND v.id = $3`,
      [actor.userId, actor.role === Role.Admin, versionId],
    );
    if (!row) throw domainError(PlansErrors.templateNotFound, `No template version ${versionId}`);
    return viewOf(row);
  }

  async create(actor: Actor, input: NewTemplateDto): Promise<TemplateVersionDto> {
    const scope = input.scope ?? 'personal';
    if (scope === 'clinic' && actor.role !== Role.Admin) {
      throw domainError(
        PlansErrors.templateNotEditable,
        'Clinic-wide templates are written by admins',
      );
    }
    this.assertContent(input);
    return this.dataSource.transaction(async (manager) => {
      const [template] = await manager.query<{ id: string }[]>(
        `INSERT INTO plan_templates (scope, owner_id, created_by) VALUES ($1, $2, $3) RETURNING id`,
        [scope, scope === 'personal' ? actor.userId : null, actor.userId],
      );
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO plan_template_versions (template_id, version, name, content, created_by)
         VALUES ($1, 1, $2, $3, $4) RETURNING id`,
        [template.id, input.name, JSON.stringify(contentOf(input)), actor.userId],
      );
      await this.audit.record(
        { actor, action: 'create', entityType: 'plan_template', entityId: template.id },
        manager,
      );
      return this.version(actor, row.id, manager);
    });
  }

  /** Edits the draft, or starts the next version when the latest is published. */
  async edit(
    actor: Actor,
    templateId: string,
    input: TemplateContentDto,
  ): Promise<TemplateVersionDto> {
    this.assertContent(input);
    return this.dataSource.transaction(async (manager) => {
      const latest = await this.lockLatest(actor, templateId, manager);
      let id = latest.id;
      if (latest.status === 'draft') {
        await manager.query(
          `UPDATE plan_template_versions SET name = $2, content = $3, updated_at = now() WHERE id = $1`,
          [latest.id, input.name, JSON.stringify(contentOf(input))],
        );
      } else {
        [{ id }] = await manager.query<{ id: string }[]>(
          `INSERT INTO plan_template_versions (template_id, version, name, content, created_by)
           VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [
            templateId,
            latest.version + 1,
            input.name,
            JSON.stringify(contentOf(input)),
            actor.userId,
          ],
        );
      }
      await this.audit.record(
        { actor, action: 'update', entityType: 'plan_template', entityId: templateId },
        manager,
      );
      return this.version(actor, id, manager);
    });
  }

  async publish(actor: Actor, templateId: string): Promise<TemplateVersionDto> {
    return this.dataSource.transaction(async (manager) => {
      const latest = await this.lockLatest(actor, templateId, manager);
      if (latest.status === 'published') {
        throw domainError(
          PlansErrors.templatePublished,
          `Version ${latest.version} is published already`,
        );
      }
      await manager.query(
        `UPDATE plan_template_versions SET status = 'published', published_by = $2, published_at = now()
          WHERE id = $1`,
        [latest.id, actor.userId],
      );
      await this.audit.record(
        {
          actor,
          action: 'update',
          entityType: 'plan_template',
          entityId: templateId,
          details: { published: latest.version },
        },
        manager,
      );
      return this.version(actor, latest.id, manager);
    });
  }

  /** The latest version of a template the actor may edit, its template row locked. */
  private async lockLatest(actor: Actor, templateId: string, manager: EntityManager) {
    const [template] = await manager.query<{ scope: string; owner_id: string | null }[]>(
      `SELECT scope, owner_id FROM plan_templates WHERE id = $1 FOR UPDATE`,
      [templateId],
    );
    const admin = actor.role === Role.Admin;
    if (
      !template ||
      (template.scope === 'personal' && template.owner_id !== actor.userId && !admin)
    ) {
      throw domainError(PlansErrors.templateNotFound, `No template ${templateId}`);
    }
    if (template.scope === 'personal' ? template.owner_id !== actor.userId : !admin) {
      throw domainError(
        PlansErrors.templateNotEditable,
        'Only the template’s owner (clinic-wide: an admin) edits it',
      );
    }
    const [latest] = await manager.query<{ id: string; version: number; status: string }[]>(
      `SELECT id, version, status FROM plan_template_versions WHERE template_id = $1 ORDER BY version DESC LIMIT 1`,
      [templateId],
    );
    return latest;
  }

  private assertContent(content: TemplateContent) {
    const problems = contentProblems(content);
    if (problems.length > 0) {
      throw domainError(PlansErrors.invalidContent, 'The template contradicts itself', problems);
    }
  }
}
