import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';
import { CALENDAR_DATE } from '../validation-patterns';

/** A calendar date as `YYYY-MM-DD` that exists (no 2026-02-30), with the field named in errors. */
export function IsCalendarDate(field: string): PropertyDecorator {
  return applyDecorators(
    Matches(CALENDAR_DATE, { message: `${field} must be a date as YYYY-MM-DD` }),
    IsISO8601({ strict: true }, { message: `${field} must be a real calendar date` }),
  );
}
