import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AuditAction =
  | 'create'
  | 'read'
  | 'update'
  | 'delete'
  | 'login'
  | 'login_failed'
  | 'export'
  /** An attempt on a record the caller may not see or change (answered 404 or 403). */
  | 'access_refused';

/** One row of the append-only trail; the database rejects updates and deletes. */
@Entity('audit_events')
export class AuditEvent {
  /** bigint identity, read as a string so no precision is lost. */
  @PrimaryColumn({ type: 'bigint', insert: false, update: false })
  id!: string;

  @Column({ type: 'timestamptz', insert: false, update: false })
  occurredAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'text', nullable: true })
  actorRole!: string | null;

  @Column({ type: 'text' })
  action!: AuditAction;

  @Column()
  entityType!: string;

  @Column({ type: 'text', nullable: true })
  entityId!: string | null;

  /** The patient the row is about, if any (the database fills it in from the record). */
  @Column({ type: 'uuid', nullable: true })
  patientId!: string | null;

  @Column({ type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ type: 'inet', nullable: true })
  clientIp!: string | null;

  /** Names of changed fields and similar metadata; never patient data. */
  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;
}
