import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({
    format: 'email',
    maxLength: 254,
    example: 'admin@pt-practice.test',
    description: 'The staff user’s email address',
  })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({
    example: 'demo-admin-password',
    format: 'password',
    minLength: 1,
    maxLength: 200,
    description: 'The user’s password',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

/** A signed-in session: the access token and how long it lasts. */
export class TokenDto {
  @ApiProperty({
    example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl',
    description: 'JWT to send as `Authorization: Bearer <token>`',
  })
  accessToken!: string;

  @ApiProperty({
    enum: ['Bearer'],
    example: 'Bearer',
    description: 'How to send the token: always `Bearer`',
  })
  tokenType!: 'Bearer';

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    example: 900,
    description: 'Seconds until the token expires (JWT_TTL_SECONDS)',
  })
  expiresIn!: number;
}
