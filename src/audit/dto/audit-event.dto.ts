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

  @ApiPropertyOptional({ example: '6f1c2b7e-3c1d-4a57-9a0e-0d9c7d1e2f30' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({
    example: '2026-11-01T00:00:00Z',
    description: 'Inclusive lower bound (ISO 8601 instant)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-01T00:00:00Z',
    description: 'Exclusive upper bound (ISO 8601 instant)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class AuditEventQuery extends IntersectionType(PageQuery, AuditEventFilterDto) {}

export class AuditEventDto {
  @ApiProperty({ example: '1042' })
  id!: string;

  @ApiProperty({ example: '2026-11-23T14:05:00.000Z' })
  occurredAt!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  actorUserId!: string | null;

  @ApiPropertyOptional({ example: 'front_desk', nullable: true })
  actorRole!: string | null;

  @ApiProperty({ enum: AUDIT_ACTIONS })
  action!: AuditAction;

  @ApiProperty({ example: 'patient' })
  entityType!: string;

  @ApiPropertyOptional({ nullable: true })
  entityId!: string | null;

  @ApiPropertyOptional({ nullable: true })
  requestId!: string | null;

  @ApiPropertyOptional({ example: '127.0.0.1', nullable: true })
  clientIp!: string | null;

  @ApiProperty({ example: { fields: ['phone'] } })
  details!: Record<string, unknown>;

  static from(event: AuditEvent): AuditEventDto {
    return { ...event, occurredAt: event.occurredAt.toISOString() };
  }
}
