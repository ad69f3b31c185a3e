import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditAction } from './audit-event.entity';

export type AuditExportStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface AuditEventFilters {
  actorUserId?: string;
  entityType?: string;
  entityId?: string;
  patientId?: string;
  action?: AuditAction;
  from?: string;
  to?: string;
}

/** A CSV export of the audit trail, produced by a background job. */
@Entity('audit_exports')
export class AuditExport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  requestedBy!: string;

  @Column({ type: 'text' })
  status!: AuditExportStatus;

  @Column({ type: 'jsonb' })
  filters!: AuditEventFilters;

  @Column({ type: 'integer', nullable: true })
  rowCount!: number | null;

  @Column({ type: 'text', nullable: true, select: false })
  csv!: string | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
