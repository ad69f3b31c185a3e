import { ErrorKind } from '../common/errors/domain-error';
import { errorCatalogue } from '../common/errors/error-catalogue';

/** Every error reminders returns: the admin view of notifications and the links in emails. */
export const RemindersErrors = errorCatalogue({
  notificationNotFound: {
    code: 'notification.not_found',
    kind: ErrorKind.NotFound,
    meaning: 'No notification with this id',
  },
  notificationNotRetryable: {
    code: 'notification.not_retryable',
    kind: ErrorKind.Conflict,
    meaning: 'Only a failed or unconfirmed notification can be sent again',
  },
  queueUnavailable: {
    code: 'queue.unavailable',
    kind: ErrorKind.Unavailable,
    meaning: 'The queue does not answer; the outbox keeps every notification until it is back',
  },
  emailInvalidLink: {
    code: 'email.invalid_link',
    kind: ErrorKind.BadRequest,
    meaning: 'The link from the email is missing, altered or not of this kind',
  },
});
