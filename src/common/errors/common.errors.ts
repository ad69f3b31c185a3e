import { ErrorKind } from './domain-error';
import { errorCatalogue } from './error-catalogue';

/** Errors any module may return: shared rules and the request itself. */
export const CommonErrors = errorCatalogue({
  invalidWindows: {
    code: 'schedule.invalid_windows',
    kind: ErrorKind.BadRequest,
    meaning: 'Weekly windows end before they start or overlap on a weekday',
  },
});
