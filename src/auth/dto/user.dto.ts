import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQuery } from '../../common/pagination/page';
import { Role } from '../../kernel/role';
import type { User } from '../user.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateUserDto {
  @ApiProperty({
    format: 'email',
    maxLength: 254,
    example: 'kim.frontdesk@pt-practice.test',
    description: 'Sign-in address; unique',
  })
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Kim Novak', maxLength: 200, description: 'Name as staff see it' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName!: string;

  @ApiProperty({
    example: 'a long passphrase',
    minLength: 12,
    maxLength: 200,
    format: 'password',
    description: 'At least 12 characters',
  })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password!: string;

  @ApiProperty({ enum: Role, example: Role.FrontDesk, description: 'What the user may do' })
  @IsEnum(Role)
  role!: Role;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    maxItems: 100,
    description: 'Locations the user works at',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  locationIds!: string[];
}

export class UpdateUserDto extends PartialType(
  PickType(CreateUserDto, ['fullName', 'password', 'role', 'locationIds']),
) {
  @ApiPropertyOptional({ description: 'False disables the account at once' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UserQuery extends PageQuery {
  @ApiPropertyOptional({ enum: Role, description: 'Only users with this role' })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only users assigned to this location' })
  @IsOptional()
  @IsUUID()
  locationId?: string;
}

/** A staff user as admins and the user see it; never the password. */
export class UserDto {
  @ApiProperty({ format: 'uuid', description: 'The user' })
  id!: string;

  @ApiProperty({
    format: 'email',
    example: 'kim.frontdesk@pt-practice.test',
    description: 'Sign-in address',
  })
  email!: string;

  @ApiProperty({ example: 'Kim Novak', description: 'Name as staff see it' })
  fullName!: string;

  @ApiProperty({ enum: Role, example: Role.FrontDesk, description: 'What the user may do' })
  role!: Role;

  @ApiProperty({ description: 'False when the account is disabled' })
  active!: boolean;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Locations the user works at, sorted',
  })
  locationIds!: string[];

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Until when the account is locked after failed logins; null when it is not',
  })
  lockedUntil!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The last successful sign-in; null before the first',
  })
  lastLoginAt!: string | null;

  static from(user: User): UserDto {
    return {
      id: user.id,
      email: user.email,
      fullName: user.fullName,
      role: user.role,
      active: user.active,
      locationIds: (user.assignments ?? []).map((assignment) => assignment.locationId).sort(),
      lockedUntil:
        user.lockedUntil && user.lockedUntil > new Date() ? user.lockedUntil.toISOString() : null,
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    };
  }
}
