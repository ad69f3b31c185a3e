import { TIME, CALENDAR_DATE } from '../../common/validation-patterns';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
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
    minimum: 1,
    maximum: 7,
    example: 1,
    description: 'ISO weekday: 1 Monday .. 7 Sunday',
  })
  @Max(7)
  @Min(1)
  @IsInt()
  weekday!: number;

  @ApiProperty({ example: '08:00', description: 'Local wall-clock time, HH:mm' })
  @Matches(TIME, { message: 'opens must be a time as HH:mm' })
  opens!: string;

  @ApiProperty({ example: '17:00' })
  @Matches(TIME, { message: 'closes must be a time as HH:mm' })
  closes!: string;
}

export class OpeningHoursDto {
  @ApiProperty({ type: [WeeklyWindowDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => WeeklyWindowDto)
  windows!: WeeklyWindowDto[];
}

export class ClosureDto {
  @ApiProperty({ format: 'date', example: '2026-12-25' })
  @Matches(CALENDAR_DATE, { message: 'startsOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  startsOn!: string;

  @ApiProperty({ format: 'date', example: '2026-12-25' })
  @Matches(CALENDAR_DATE, { message: 'endsOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  endsOn!: string;

  @ApiProperty({ example: 'Christmas Day' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reason!: string;
}

export class ResourceDto {
  @ApiProperty({ example: 'Aquatic pool' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: 'pool', description: 'What appointment types ask for' })
  @Matches(/^[a-z_]+$/, { message: 'kind must be lower-case letters and underscores' })
  kind!: string;

  @ApiProperty({ example: 4, minimum: 1 })
  @Max(1000)
  @Min(1)
  @IsInt()
  capacity!: number;
}
