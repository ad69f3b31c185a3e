import type { OpenAPIObject, SchemaObject } from '@nestjs/swagger';
import { allErrorEntries } from './error-catalogue';
import { PROBLEM_TYPES_PATH, problemTypeUri } from './problem-details';
import { STATUS_BY_KIND } from './problem-details.filter';

/** The schema that lists every code a problem+json body's `code` may hold. */
export const PROBLEM_CODE_SCHEMA = 'ProblemCode';

/**
 * One code as the document lists it: its HTTP status comes from the filter's mapping of kinds, its
 * `type` is the URI a problem+json body with this code carries (and where the code is described).
 */
export interface DocumentedErrorCode {
  code: string;
  type: string;
  status: number;
  meaning: string;
}

/** Every declared code with its problem type URI, status and meaning, sorted by code. */
export function documentedErrorCodes(publicBaseUrl: string): DocumentedErrorCode[] {
  return allErrorEntries().map(({ code, kind, meaning }) => ({
    code,
    type: problemTypeUri(publicBaseUrl, code),
    status: STATUS_BY_KIND[kind],
    meaning,
  }));
}

type ProblemCodeSchema = SchemaObject & {
  'x-enum-descriptions': string[];
  'x-error-codes': DocumentedErrorCode[];
};

const cell = (text: string) => text.replaceAll('|', '\\|');

/**
 * Adds the error catalogue to an OpenAPI document, for generators and for people:
 * `components.schemas.ProblemCode`, a string enum of every code whose `x-enum-descriptions`
 * (read by openapi-generator and orval) give each code's status and meaning, and whose
 * `x-error-codes` lists `{ code, type, status, meaning }`; and a table of the same in
 * `info.description`, which Swagger UI shows. `ProblemDetails.code` stays a plain string, so that a
 * client generated today still reads a code added tomorrow. Call it once every module (and so every
 * catalogue) is loaded: when the document is built from the application.
 */
export function withErrorCatalogue(document: OpenAPIObject, publicBaseUrl: string): OpenAPIObject {
  const codes = documentedErrorCodes(publicBaseUrl);
  const schema: ProblemCodeSchema = {
    type: 'string',
    description:
      'Every code a problem+json response may carry in `code`, with its HTTP status and meaning. ' +
      'A client should still expect codes it does not know.',
    enum: codes.map(({ code }) => code),
    'x-enum-descriptions': codes.map(({ status, meaning }) => `${status}: ${meaning}`),
    'x-error-codes': codes,
  };
  const table = [
    '| Code | Status | Meaning |',
    '| --- | --- | --- |',
    ...codes.map(
      ({ code, type, status, meaning }) =>
        `| [\`${code}\`](${type}) | ${status} | ${cell(meaning)} |`,
    ),
  ].join('\n');
  return {
    ...document,
    info: {
      ...document.info,
      description:
        `${document.info.description ?? ''}\n\n## Error codes\n\n` +
        `Every error is problem+json whose \`code\` is one of these (schema \`${PROBLEM_CODE_SCHEMA}\`), ` +
        `and whose \`type\` is \`${publicBaseUrl}${PROBLEM_TYPES_PATH}/<code>\`, a page describing the code ` +
        '(HTML, or JSON with `Accept: application/json`).\n\n' +
        table,
    },
    components: {
      ...document.components,
      schemas: { ...document.components?.schemas, [PROBLEM_CODE_SCHEMA]: schema },
    },
  };
}
