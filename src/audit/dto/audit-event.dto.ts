import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination/page';
import type { AuditAction, AuditEvent } from '../audit-event.entity';

export const AUDIT_ACTIONS: AuditAction[] = [
  'create',
  'read',
  'update',
  'delete',
  'login',
  'login_failed',
  'export',
  'access_refused',
];

export class AuditEventFilterDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only events by this user' })
  @IsOptional()
  @IsUUID()
  actorUserId?: string;

  @ApiPropertyOptional({ example: 'patient', description: 'Only events on this kind of record' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityType?: string;

  @ApiPropertyOptional({
    example: '6f1c2b7e-3c1d-4a57-9a0e-0d9c7d1e2f30',
    description: 'Only events on this record (its id)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Only events about this patient: their record, visits, episodes, assessments, waitlist entries and emails',
  })
  @IsOptional()
  @IsUUID()
  patientId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS, description: 'Only events of this action' })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-11-01T00:00:00Z',
    description: 'Inclusive lower bound (ISO 8601 instant)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-12-01T00:00:00Z',
    description: 'Exclusive upper bound (ISO 8601 instant)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class AuditEventQuery extends IntersectionType(PageQuery, AuditEventFilterDto) {}

/** One row of the audit trail: who did what to which record, when and from where. */
export class AuditEventDto {
  @ApiProperty({
    example: '1042',
    description: 'Sequence number of the event: a 64-bit integer, as a string',
  })
  id!: string;

  @ApiProperty({
    format: 'date-time',
    example: '2026-11-23T14:05:00.000Z',
    description: 'When it happened',
  })
  occurredAt!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The user who acted; null when nobody was signed in (a failed login, a job)',
  })
  actorUserId!: string | null;

  @ApiProperty({
    type: String,
    example: 'front_desk',
    nullable: true,
    description: 'The role the user had then',
  })
  actorRole!: string | null;

  @ApiProperty({ enum: AUDIT_ACTIONS, description: 'What was done' })
  action!: AuditAction;

  @ApiProperty({ example: 'patient', description: 'The kind of record it was done to' })
  entityType!: string;

  @ApiProperty({
    type: String,
    example: '6f1c2b7e-3c1d-4a57-9a0e-0d9c7d1e2f30',
    nullable: true,
    description: 'The record it was done to, when there is one',
  })
  entityId!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The patient it is about, when it is about one',
  })
  patientId!: string | null;

  @ApiProperty({
    type: String,
    example: 'req-4f2a9c',
    nullable: true,
    description: 'The id of the request that did it (X-Request-Id)',
  })
  requestId!: string | null;

  @ApiProperty({
    type: String,
    example: '127.0.0.1',
    nullable: true,
    description: 'The client address of that request',
  })
  clientIp!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { fields: ['phone'] },
    description:
      'What else is known of it, such as the names of changed fields; never patient data',
  })
  details!: Record<string, unknown>;

  static from(event: AuditEvent): AuditEventDto {
    return { ...event, occurredAt: event.occurredAt.toISOString() };
  }
}
