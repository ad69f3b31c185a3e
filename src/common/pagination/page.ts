import { Type as TypeOf, applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;

/** Query parameters every list endpoint takes. */
export class PageQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: 25,
    description: 'Items per page',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = 25;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, default: 0, description: 'Items to skip' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;
}

/**
 * The envelope every list endpoint returns. Documented per item type (`PageOf(UserDto)` is the
 * schema `UserPage`), so that a generated client knows what `items` holds.
 */
export class Page<T> {
  items!: T[];

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 42,
    description: 'Items matching the query, over all pages',
  })
  total!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    example: 25,
    description: 'The page size asked for (the page may hold fewer items)',
  })
  limit!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 0,
    description: 'Items skipped before this page',
  })
  offset!: number;

  static of<T>(items: T[], total: number, query: PageQuery): Page<T> {
    return Object.assign(new Page<T>(), { items, total, limit: query.limit, offset: query.offset });
  }
}

const pageTypes = new Map<TypeOf<unknown>, TypeOf<Page<unknown>>>();

/** The documented `Page` of `item`: a schema named after the item (`UserDto` gives `UserPage`). */
export function PageOf<T>(item: TypeOf<T>): TypeOf<Page<T>> {
  const known = pageTypes.get(item);
  if (known) return known as TypeOf<Page<T>>;
  class PageOfItem extends Page<T> {
    @ApiProperty({ type: [item], description: 'This page of the items, in the list’s order' })
    declare items: T[];
  }
  Object.defineProperty(PageOfItem, 'name', { value: `${item.name.replace(/Dto$/, '')}Page` });
  pageTypes.set(item, PageOfItem);
  return PageOfItem;
}

/** Documents a `Page` of `item` as the 200 response. */
export function ApiPageResponse(item: TypeOf<unknown>, description: string) {
  return applyDecorators(ApiOkResponse({ type: PageOf(item), description }));
}
