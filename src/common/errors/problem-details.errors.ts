import { ErrorKind } from './domain-error';
import { errorCatalogue } from './error-catalogue';

/** Errors of the pages that describe problem types (`GET /problems/{code}`). */
export const ProblemTypeErrors = errorCatalogue({
  unknownProblemType: {
    code: 'problem_type.not_found',
    kind: ErrorKind.NotFound,
    meaning: 'No error code of this API has this name (GET /problems/{code})',
  },
});
