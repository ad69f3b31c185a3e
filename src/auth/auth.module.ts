import { LocationsModule } from '../locations/locations.module';
import { User, UserLocation } from './user.entity';
import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AppConfig } from '../config/app-config';
import { ActorCache } from './actor-cache';
import { AdminSignInService } from './admin-sign-in.service';
import { AuthController } from './auth.controller';
import { JwtAuthGuard, RolesGuard } from './auth.guards';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([User, UserLocation]),
    LocationsModule,
    AuditModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        // A key object made once: given a string, jsonwebtoken re-derives the key on every
        // verification (after first trying to read it as a public key), a cost on every request.
        const key = createSecretKey(Buffer.from(config.auth.jwtSecret));
        return {
          secretOrKeyProvider: () => key,
          signOptions: { algorithm: 'HS256', issuer: 'pt-practice' },
          verifyOptions: { algorithms: ['HS256'], issuer: 'pt-practice' },
        };
      },
    }),
    // Per-address limit on login attempts, on top of the per-account lockout.
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => [
        { ttl: 60_000, limit: config.auth.loginRateLimitPerMinute },
      ],
    }),
  ],
  controllers: [AuthController, UsersController],
  providers: [
    ActorCache,
    AuthService,
    AdminSignInService,
    UsersService,
    PasswordHasher,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [PasswordHasher, AuthService, AdminSignInService],
})
export class AuthModule {}
