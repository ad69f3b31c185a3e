// The entry points load reflect-metadata before any decorated class; a spec must do the same.
import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import {
  IsArray,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Min,
  ValidateNested,
  validateSync,
  ValidationError,
} from 'class-validator';
import { DomainError, ErrorKind } from './domain-error';
import { flattenValidationErrors, requestValidationError } from './validation-errors';

class LineItemDto {
  @IsInt()
  @Min(1)
  value!: number;
}

class AddressDto {
  @Matches(/^[A-Z]{2}$/, { message: 'state must be a two-letter code such as PA' })
  state!: string;

  @IsString()
  city!: string;
}

class ContactDto {
  @ValidateNested()
  @Type(() => AddressDto)
  address!: AddressDto;
}

class OrderDto {
  @IsString()
  name!: string;

  @ValidateNested()
  @Type(() => ContactDto)
  contact!: ContactDto;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => LineItemDto)
  items!: LineItemDto[];
}

const VALID_ORDER = {
  name: 'Evaluation',
  contact: { address: { state: 'PA', city: 'Scranton' } },
  items: [{ value: 1 }],
};

/** Validates the way the app's ValidationPipe does, so the trees are the ones clients produce. */
function validationErrorsOf(plain: object): ValidationError[] {
  return validateSync(plainToInstance(OrderDto, plain), {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
}

describe('flattenValidationErrors', () => {
  it('returns nothing for a valid body', () => {
    const errors = validationErrorsOf(VALID_ORDER);

    expect(errors).toEqual([]);
    expect(flattenValidationErrors(errors)).toEqual([]);
  });

  it.each<{ name: string; body: object; expected: { field: string; reason: string }[] }>([
    {
      name: 'a top-level field',
      body: { ...VALID_ORDER, name: 42 },
      expected: [{ field: 'name', reason: 'name must be a string' }],
    },
    {
      name: 'a field two objects deep',
      body: { ...VALID_ORDER, contact: { address: { state: 'PA', city: 7 } } },
      expected: [
        { field: 'contact.address.city', reason: 'contact.address.city must be a string' },
      ],
    },
    {
      name: 'a nested field with a custom message that starts with its name',
      body: { ...VALID_ORDER, contact: { address: { state: 'Pennsylvania', city: 'Scranton' } } },
      expected: [
        {
          field: 'contact.address.state',
          reason: 'contact.address.state must be a two-letter code such as PA',
        },
      ],
    },
    {
      name: 'a field of an array element',
      body: { ...VALID_ORDER, items: [{ value: 1 }, { value: 2 }, { value: 0 }] },
      expected: [{ field: 'items[2].value', reason: 'items[2].value must not be less than 1' }],
    },
    {
      name: 'an unknown property, dropping the "property" prefix',
      body: { ...VALID_ORDER, discount: 10 },
      expected: [{ field: 'discount', reason: 'discount should not exist' }],
    },
    {
      name: 'an unknown property inside an array element',
      body: { ...VALID_ORDER, items: [{ value: 1, price: 3 }] },
      expected: [{ field: 'items[0].price', reason: 'items[0].price should not exist' }],
    },
  ])('names the full path of $name', ({ body, expected }) => {
    expect(flattenValidationErrors(validationErrorsOf(body))).toEqual(expected);
  });

  it('lists one entry per failing rule, in tree order, across levels', () => {
    const errors = validationErrorsOf({
      name: 'Evaluation',
      contact: { address: { state: 'pa', city: 'Scranton' } },
      items: [{ value: 'one' }, { value: 5 }, { value: 0 }],
    });

    expect(flattenValidationErrors(errors)).toEqual([
      {
        field: 'contact.address.state',
        reason: 'contact.address.state must be a two-letter code such as PA',
      },
      { field: 'items[0].value', reason: 'items[0].value must not be less than 1' },
      {
        field: 'items[0].value',
        reason: 'items[0].value must be an integer number',
      },
      { field: 'items[2].value', reason: 'items[2].value must not be less than 1' },
    ]);
  });

  it('prefixes every path with the given parent', () => {
    const errors = validationErrorsOf({ ...VALID_ORDER, name: 42 });

    expect(flattenValidationErrors(errors, 'order')).toEqual([
      { field: 'order.name', reason: 'order.name must be a string' },
    ]);
  });

  it('treats a numeric property under a parent as an array index', () => {
    const tree = Object.assign(new ValidationError(), {
      property: '3',
      constraints: { isDefined: '3 should not be null or undefined' },
      children: [],
    });

    expect(flattenValidationErrors([tree], 'tags')).toEqual([
      { field: 'tags[3]', reason: 'tags[3] should not be null or undefined' },
    ]);
  });
});

describe('requestValidationError', () => {
  it('is a bad-request domain error naming the one invalid field', () => {
    const error = requestValidationError(validationErrorsOf({ ...VALID_ORDER, name: 42 }));

    expect(error).toBeInstanceOf(DomainError);
    expect(error.kind).toBe(ErrorKind.BadRequest);
    expect(error.code).toBe('request.validation_failed');
    expect(error.message).toBe('Invalid field: name');
    expect(error.fieldErrors).toEqual([{ field: 'name', reason: 'name must be a string' }]);
  });

  it('names each invalid field once, even when it breaks several rules', () => {
    const error = requestValidationError(
      validationErrorsOf({ ...VALID_ORDER, name: 42, items: [{ value: 'one' }] }),
    );

    expect(error.message).toBe('Invalid fields: name, items[0].value');
    expect(error.fieldErrors.map((fieldError) => fieldError.field)).toEqual([
      'name',
      'items[0].value',
      'items[0].value',
    ]);
  });
});

class RolesDto {
  @IsUUID('all', { each: true })
  locationIds!: string[];

  @Min(1, { message: 'at least one unit is needed' })
  units!: number;
}

describe('messages that do not start with the property name', () => {
  it('keeps them as class-validator wrote them', () => {
    const errors = validateSync(plainToInstance(RolesDto, { locationIds: ['nope'], units: 0 }));
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'locationIds', reason: 'each value in locationIds must be a UUID' },
      { field: 'units', reason: 'at least one unit is needed' },
    ]);
  });
});
