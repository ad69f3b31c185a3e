import { ApiProperty } from '@nestjs/swagger';
import type { AuditExport, AuditExportStatus } from '../audit-export.entity';
import { AuditEventFilterDto } from './audit-event.dto';

/** A CSV export of audit events, made in the background. */
export class AuditExportDto {
  @ApiProperty({ format: 'uuid', description: 'The export' })
  id!: string;

  @ApiProperty({
    enum: ['queued', 'running', 'completed', 'failed'],
    description: 'queued, running, completed (the CSV can be downloaded) or failed (see error)',
  })
  status!: AuditExportStatus;

  @ApiProperty({ type: AuditEventFilterDto, description: 'The filters the export applies' })
  filters!: AuditEventFilterDto;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 1200,
    description: 'Events in the CSV, once completed',
  })
  rowCount!: number | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'could not be queued',
    description: 'Why it failed, when it did',
  })
  error!: string | null;

  @ApiProperty({ format: 'date-time', description: 'When it was asked for' })
  createdAt!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When it completed or failed',
  })
  completedAt!: string | null;

  static from(row: AuditExport): AuditExportDto {
    return {
      id: row.id,
      status: row.status,
      filters: row.filters,
      rowCount: row.rowCount,
      error: row.error,
      createdAt: row.createdAt.toISOString(),
      completedAt: row.completedAt?.toISOString() ?? null,
    };
  }
}
