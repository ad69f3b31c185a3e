import { ErrorKind } from '../common/errors/domain-error';
import { errorCatalogue } from '../common/errors/error-catalogue';

/** Every error the locations module returns: clinics, their hours, closures and rooms. */
export const LocationErrors = errorCatalogue({
  locationNotFound: {
    code: 'location.not_found',
    kind: ErrorKind.NotFound,
    meaning: 'No location with this id among the caller’s locations',
  },
});
