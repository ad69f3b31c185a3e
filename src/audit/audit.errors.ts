import { ErrorKind } from '../common/errors/domain-error';
import { errorCatalogue } from '../common/errors/error-catalogue';

/** Every error audit returns: exports of the audit trail. */
export const AuditErrors = errorCatalogue({
  exportNotFound: {
    code: 'audit_export.not_found',
    kind: ErrorKind.NotFound,
    meaning: 'No audit export with this id',
  },
  exportNotReady: {
    code: 'audit_export.not_ready',
    kind: ErrorKind.Conflict,
    meaning: 'The audit export is still queued or running, or it failed',
  },
  exportQueueUnavailable: {
    code: 'audit_export.queue_unavailable',
    kind: ErrorKind.Unavailable,
    meaning: 'The job queue is unavailable, so the export could not be queued; try again later',
  },
});
