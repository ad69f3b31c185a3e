import { TIME, CALENDAR_DATE } from '../../common/validation-patterns';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsOptional,
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class WeeklyWindowDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 7,
    example: 1,
    description: 'ISO weekday: 1 Monday .. 7 Sunday',
  })
  @Max(7)
  @Min(1)
  @IsInt()
  weekday!: number;

  @ApiProperty({
    example: '08:00',
    pattern: TIME.source,
    description: 'Opening time, local wall-clock time, HH:mm',
  })
  @Matches(TIME, { message: 'opens must be a time as HH:mm' })
  opens!: string;

  @ApiProperty({
    example: '17:00',
    pattern: TIME.source,
    description: 'Closing time, local wall-clock time, HH:mm',
  })
  @Matches(TIME, { message: 'closes must be a time as HH:mm' })
  closes!: string;
}

export class OpeningHoursDto {
  @ApiProperty({
    type: [WeeklyWindowDto],
    maxItems: 50,
    description: 'When the location is open, per weekday; a weekday may have several windows',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => WeeklyWindowDto)
  windows!: WeeklyWindowDto[];
}

export class ClosureDto {
  @ApiProperty({ format: 'date', example: '2026-12-25', description: 'First local day closed' })
  @Matches(CALENDAR_DATE, { message: 'startsOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  startsOn!: string;

  @ApiProperty({
    format: 'date',
    example: '2026-12-25',
    description: 'Last local day closed (inclusive)',
  })
  @Matches(CALENDAR_DATE, { message: 'endsOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  endsOn!: string;

  @ApiProperty({ example: 'Christmas Day', maxLength: 200, description: 'Why it is closed' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reason!: string;
}

export class ResourceDto {
  @ApiProperty({ example: 'Aquatic pool', maxLength: 100, description: 'Name at the location' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({
    example: 'pool',
    pattern: '^[a-z_]+$',
    description: 'The kind of resource, which appointment types ask for (`resourceKind`)',
  })
  @Matches(/^[a-z_]+$/, { message: 'kind must be lower-case letters and underscores' })
  kind!: string;

  @ApiProperty({
    type: 'integer',
    example: 4,
    minimum: 1,
    maximum: 1000,
    description: 'Patients it holds at once',
  })
  @Max(1000)
  @Min(1)
  @IsInt()
  capacity!: number;
}

/** A closure as recorded. */
export class ClosureViewDto extends ClosureDto {
  @ApiProperty({ format: 'uuid', description: 'The closure' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'The location it closes' })
  locationId!: string;
}

/** A room or resource as recorded. */
export class ResourceViewDto extends ResourceDto {
  @ApiProperty({ format: 'uuid', description: 'The resource' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'The location it belongs to' })
  locationId!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: null,
    description: 'When it was retired (takes no new visits); null while in use',
  })
  retiredAt!: Date | null;
}

export class ClosureQuery {
  @ApiPropertyOptional({
    format: 'date',
    example: '2026-12-01',
    description: 'Only closures ending on or after this local date; every one if absent',
  })
  @IsOptional()
  @Matches(CALENDAR_DATE, { message: 'from must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a real calendar date' })
  from?: string;
}

export class ResourceQuery {
  @ApiPropertyOptional({ default: false, description: 'Also list retired rooms and resources' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'includeRetired must be true or false' })
  includeRetired?: boolean;
}
