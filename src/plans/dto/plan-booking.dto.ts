import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { IsCalendarDate } from '../../common/dto/calendar-date.decorator';
import { TIME } from '../../common/validation-patterns';

export class BookPlanDto {
  @ApiProperty({ format: 'uuid', description: 'The treatment visits’ type (a follow-up)' })
  @IsUUID()
  appointmentTypeId!: string;

  @ApiProperty({
    type: [Number],
    example: [1, 4],
    description: 'Preferred ISO weekdays (1 Monday ... 7 Sunday)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  weekdays!: number[];

  @ApiProperty({ example: '09:00', description: 'Preferred time, clinic wall clock' })
  @Matches(TIME, { message: 'time must be HH:mm' })
  time!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'One therapist; left out: any at the clinic',
  })
  @IsOptional()
  @IsUUID()
  therapistId?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'First day to book from; default tomorrow or the plan’s start',
  })
  @IsOptional()
  @IsCalendarDate('from')
  from?: string;
}

export class BookedVisitDto {
  @ApiProperty({ example: '2026-12-10T09:00', description: 'Clinic wall-clock start' })
  localStart!: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The visit booked, or null',
  })
  appointmentId!: string | null;
  @ApiProperty({ description: 'The visit completing a 10th treatment day (Medicare)' })
  progressVisit!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Why it could not be booked' })
  conflict!: string | null;
}

export class PlanBookingDto {
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The series; null when nothing was left to book',
  })
  seriesId!: string | null;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The therapist booked',
  })
  therapistId!: string | null;
  @ApiProperty({
    enum: ['prescribed_visits', 'authorised_visits', 'plan_end', 'certification_end'],
    description: 'What limited the series',
  })
  stoppedBy!: string;
  @ApiProperty({ type: [BookedVisitDto], description: 'Each visit of the series' })
  visits!: BookedVisitDto[];
}
