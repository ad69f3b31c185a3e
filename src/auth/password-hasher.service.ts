import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id with the library's defaults (OWASP's recommended parameters). */
@Injectable()
export class PasswordHasher {
  /** A hash of a random password, verified against when the email is unknown so timing tells nothing. */
  private readonly decoy = argon2.hash('decoy-password-that-matches-nothing');

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash ?? (await this.decoy), password);
    } catch {
      return false;
    }
  }
}
