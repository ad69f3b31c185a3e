import { ErrorKind } from '../common/errors/domain-error';
import { errorCatalogue } from '../common/errors/error-catalogue';

/** Every error auth returns: sign-in, bearer tokens, roles and user accounts. */
export const AuthErrors = errorCatalogue({
  tokenMissing: {
    code: 'auth.token_missing',
    kind: ErrorKind.Unauthenticated,
    meaning: 'The route needs a bearer token and the request sent none',
  },
  tokenInvalid: {
    code: 'auth.token_invalid',
    kind: ErrorKind.Unauthenticated,
    meaning: 'The bearer token is invalid or expired, or its account is disabled',
  },
  roleForbidden: {
    code: 'auth.role_forbidden',
    kind: ErrorKind.Forbidden,
    meaning: 'The caller’s role may not do this',
  },
  invalidCredentials: {
    code: 'auth.invalid_credentials',
    kind: ErrorKind.Unauthenticated,
    meaning: 'The email or password is wrong, or the account is disabled',
  },
  accountLocked: {
    code: 'auth.account_locked',
    kind: ErrorKind.Locked,
    meaning: 'Too many failed sign-ins: the account is locked for a while (see Retry-After)',
  },
  userNotFound: {
    code: 'user.not_found',
    kind: ErrorKind.NotFound,
    meaning: 'No user with this id',
  },
});
