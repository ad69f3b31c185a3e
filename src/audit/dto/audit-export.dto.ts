import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditExport, AuditExportStatus } from '../audit-export.entity';
import { AuditEventFilterDto } from './audit-event.dto';

export class AuditExportDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] })
  status!: AuditExportStatus;

  @ApiProperty({ type: AuditEventFilterDto })
  filters!: AuditEventFilterDto;

  @ApiPropertyOptional({ nullable: true, example: 1200 })
  rowCount!: number | null;

  @ApiPropertyOptional({ nullable: true })
  error!: string | null;

  @ApiProperty()
  createdAt!: string;

  @ApiPropertyOptional({ nullable: true })
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
