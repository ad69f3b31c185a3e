import { Type as TypeOf, applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  getSchemaPath,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;

/** Query parameters every list endpoint takes. */
export class PageQuery {
  @ApiPropertyOptional({
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

  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'Items to skip' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;
}

/** The envelope every list endpoint returns. */
export class Page<T> {
  @ApiProperty({ isArray: true })
  items!: T[];

  @ApiProperty({ example: 42, description: 'Items matching the query, over all pages' })
  total!: number;

  @ApiProperty({ example: 25 })
  limit!: number;

  @ApiProperty({ example: 0 })
  offset!: number;

  static of<T>(items: T[], total: number, query: PageQuery): Page<T> {
    return Object.assign(new Page<T>(), { items, total, limit: query.limit, offset: query.offset });
  }
}

/** Documents a `Page` of `item` as the 200 response. */
export function ApiPageResponse(item: TypeOf<unknown>, description: string) {
  return applyDecorators(
    ApiExtraModels(Page, item),
    ApiOkResponse({
      description,
      schema: {
        allOf: [
          { $ref: getSchemaPath(Page) },
          { properties: { items: { type: 'array', items: { $ref: getSchemaPath(item) } } } },
        ],
      },
    }),
  );
}
