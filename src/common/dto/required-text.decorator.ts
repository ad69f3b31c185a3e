import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Text that must say something: trimmed, then not empty, at most `max` characters. */
export function RequiredText(max: number): PropertyDecorator {
  return applyDecorators(Transform(trim), IsString(), IsNotEmpty(), MaxLength(max));
}
