import { StreamableFile } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { Readable } from 'node:stream';
import type { ReportQueryDto } from './dto/report-query.dto';

/** A CSV download, streamed, under a file name. */
function csvDownload(stream: Readable, fileName: string): StreamableFile {
  return new StreamableFile(stream, {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${fileName}"`,
  });
}

/** A CSV download, streamed, named after the figure and its dates. */
export function csvFile(stream: Readable, name: string, query: ReportQueryDto): StreamableFile {
  return csvDownload(stream, `${name}-${query.from}-to-${query.to}.csv`);
}

/** A CSV download of what stands now, streamed, named after the list and the day (UTC). */
export function csvFileOfToday(stream: Readable, name: string): StreamableFile {
  return csvDownload(stream, `${name}-${DateTime.utc().toISODate()}.csv`);
}
