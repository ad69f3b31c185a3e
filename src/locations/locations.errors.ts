import { ErrorKind } from '../common/errors/domain-error';
import { errorCatalogue } from '../common/errors/error-catalogue';

/** Every error the locations module returns: clinics, their hours, closures and rooms. */
export const LocationErrors = errorCatalogue({
  locationNotFound: {
    code: 'location.not_found',
    kind: ErrorKind.NotFound,
    meaning: 'No location with this id among the caller’s locations',
  },
  closureNotFound: {
    code: 'location.closure_not_found',
    kind: ErrorKind.NotFound,
    meaning: 'No closure with this id at the location',
  },
  resourceNotFound: {
    code: 'location.resource_not_found',
    kind: ErrorKind.NotFound,
    meaning: 'No room or resource with this id at the location',
  },
});
