import { StreamableFile } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { ReportQueryDto } from './dto/report-query.dto';

/** A CSV download, streamed, named after the figure and its dates. */
export function csvFile(stream: Readable, name: string, query: ReportQueryDto): StreamableFile {
  return new StreamableFile(stream, {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${name}-${query.from}-to-${query.to}.csv"`,
  });
}
