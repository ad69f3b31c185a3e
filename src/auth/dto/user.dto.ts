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
  @ApiProperty({ example: 'kim.frontdesk@pt-practice.test' })
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Kim Novak' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName!: string;

  @ApiProperty({ example: 'a long passphrase', minLength: 12, format: 'password' })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password!: string;

  @ApiProperty({ enum: Role, example: Role.FrontDesk })
  @IsEnum(Role)
  role!: Role;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Locations the user works at' })
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
  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only users assigned to this location' })
  @IsOptional()
  @IsUUID()
  locationId?: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'kim.frontdesk@pt-practice.test' })
  email!: string;

  @ApiProperty({ example: 'Kim Novak' })
  fullName!: string;

  @ApiProperty({ enum: Role })
  role!: Role;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ type: [String], format: 'uuid' })
  locationIds!: string[];

  @ApiPropertyOptional({
    nullable: true,
    description: 'Set while the account is locked after failed logins',
  })
  lockedUntil!: string | null;

  @ApiPropertyOptional({ nullable: true })
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
