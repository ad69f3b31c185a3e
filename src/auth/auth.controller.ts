import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiAuthenticated, ApiProblems } from '../common/api-errors.decorator';
import type { Actor } from '../kernel/actor';
import { AuthService } from './auth.service';
import { CurrentActor, Public, RequestMeta, type RequestMetadata } from '../kernel/decorators';
import { LoginDto, TokenDto } from './dto/login.dto';
import { UserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange email and password for a short-lived access token' })
  @ApiOkResponse({ type: TokenDto, description: 'Signed in: the access token' })
  @ApiProblems(400, 401, 423, 429)
  async login(@Body() body: LoginDto, @RequestMeta() meta: RequestMetadata): Promise<TokenDto> {
    const { token, expiresIn } = await this.auth.login(body.email, body.password, meta);
    return { accessToken: token, tokenType: 'Bearer', expiresIn };
  }

  @Get('me')
  @ApiOperation({ summary: 'The signed-in user, with role and locations' })
  @ApiOkResponse({ type: UserDto, description: 'The signed-in user' })
  @ApiAuthenticated()
  async me(@CurrentActor() actor: Actor): Promise<UserDto> {
    return UserDto.from(await this.users.get(actor.userId));
  }
}
