import { ErrorKind } from '../common/errors/domain-error';
import { errorCatalogue } from '../common/errors/error-catalogue';

/** Every error the reporting module returns. */
export const ReportingErrors = errorCatalogue({
  reportInvalid: {
    code: 'report.invalid',
    kind: ErrorKind.BadRequest,
    meaning:
      'The report cannot be made as asked (its date range, a grouping or a filter the figure does not have); errors[] names each field',
  },
  reportNotOpen: {
    code: 'report.not_open',
    kind: ErrorKind.Forbidden,
    meaning:
      'This figure is for admins only: outcomes always, the operational figures when REPORTS_STAFF_ACCESS is admins',
  },
});
