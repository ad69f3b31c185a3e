import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated } from '../common/api-errors.decorator';
import { ApiPageResponse, Page } from '../common/pagination/page';
import { UuidParam } from '../common/uuid-param.pipe';
import type { Actor } from '../kernel/actor';
import { CurrentActor, Roles } from '../kernel/decorators';
import { CreateUserDto, UpdateUserDto, UserDto, UserQuery } from './dto/user.dto';
import { Role } from '../kernel/role';
import { UsersService } from './users.service';

@ApiTags('users')
@Roles(Role.Admin)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a staff user with a role and locations (admins)' })
  @ApiCreatedResponse({ type: UserDto, description: 'The user, created' })
  @ApiAuthenticated(404, 409)
  async create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto): Promise<UserDto> {
    return UserDto.from(await this.users.create(actor, body));
  }

  @Get()
  @ApiOperation({ summary: 'List staff users (admins)' })
  @ApiPageResponse(UserDto, 'One page of users')
  @ApiAuthenticated()
  async list(@Query() query: UserQuery): Promise<Page<UserDto>> {
    const [users, total] = await this.users.list(query);
    return Page.of(
      users.map((user) => UserDto.from(user)),
      total,
      query,
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'One staff user (admins)' })
  @ApiOkResponse({ type: UserDto, description: 'The user' })
  @ApiAuthenticated(404)
  async get(@Param('id', UuidParam()) id: string): Promise<UserDto> {
    return UserDto.from(await this.users.get(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change role, locations, password or active flag (admins)' })
  @ApiOkResponse({ type: UserDto, description: 'The user as changed' })
  @ApiAuthenticated(404, 409)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserDto> {
    return UserDto.from(await this.users.update(actor, id, body));
  }
}
