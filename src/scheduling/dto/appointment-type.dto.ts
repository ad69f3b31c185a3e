import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export class AppointmentTypeDto {
  @ApiProperty({ example: 'aquatic_therapy' })
  @Matches(/^[a-z0-9_]+$/, { message: 'code must be lower-case letters, digits and underscores' })
  code!: string;

  @ApiProperty({ example: 'Aquatic therapy' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: 45 })
  @Max(480)
  @Min(5)
  @IsInt()
  durationMinutes!: number;

  @ApiPropertyOptional({ example: 0, default: 0 })
  @IsOptional()
  @Max(240)
  @Min(0)
  @IsInt()
  bufferBeforeMinutes?: number;

  @ApiPropertyOptional({
    example: 15,
    default: 0,
    description: 'Clean-up or travel after the visit',
  })
  @IsOptional()
  @Max(240)
  @Min(0)
  @IsInt()
  bufferAfterMinutes?: number;

  @ApiPropertyOptional({ example: 'pool', nullable: true })
  @IsOptional()
  @Matches(/^[a-z_]+$/, { message: 'resourceKind must be lower-case letters and underscores' })
  resourceKind?: string;

  @ApiPropertyOptional({ example: 1, default: 1, description: 'Patients per session' })
  @IsOptional()
  @Max(100)
  @Min(1)
  @IsInt()
  groupCapacity?: number;

  @ApiProperty({ example: ['PT', 'PTA'], enum: ['PT', 'PTA'], isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(['PT', 'PTA'], { each: true })
  allowedCredentials!: ('PT' | 'PTA')[];

  @ApiPropertyOptional({ default: true, description: 'Held back while red flags block treatment' })
  @IsOptional()
  @IsBoolean()
  treatment?: boolean;

  @ApiPropertyOptional({
    example: 48,
    nullable: true,
    type: Number,
    minimum: 1,
    maximum: 168,
    description: 'Reminder lead time for this type; null uses the location’s',
  })
  @IsOptional()
  @Max(168)
  @Min(1)
  @IsInt()
  reminderHoursBefore?: number | null;

  @ApiPropertyOptional({
    example: 2,
    nullable: true,
    type: Number,
    minimum: 1,
    maximum: 48,
    description: 'Second reminder for this type; null uses the location’s',
  })
  @IsOptional()
  @Max(48)
  @Min(1)
  @IsInt()
  secondReminderHoursBefore?: number | null;

  @ApiPropertyOptional({
    example: 2,
    nullable: true,
    type: Number,
    minimum: 1,
    maximum: 60,
    description: 'Days after a completed visit for the follow-up email; null sends none',
  })
  @IsOptional()
  @Max(60)
  @Min(1)
  @IsInt()
  followUpDays?: number | null;
}

export class UpdateAppointmentTypeDto extends PartialType(AppointmentTypeDto) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
