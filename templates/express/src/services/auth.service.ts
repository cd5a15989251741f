import type { Principal, User, UserCreate } from "../models/user.model.js";
import { EmailTakenError, type UserRepository } from "../repositories/user.repository.js";
import { BearerTokenError, ConflictError, UnauthorizedError } from "../utils/errors.js";
import type { TokenIssuer } from "../utils/jwt.js";
import { hashPassword, verifyPassword } from "../utils/password.js";

export interface IssuedToken {
  accessToken: string;
  expiresIn: number;
}

/** Registration and login: the only code that handles passwords. */
export class AuthService {
  // Checked when the email is unknown, so a login takes as long whether or not the account exists.
  #dummyHash: Promise<string> | undefined;

  constructor(
    private readonly users: UserRepository,
    private readonly tokens: TokenIssuer,
  ) {}

  async register(data: UserCreate): Promise<User> {
    const user = {
      email: data.email.toLowerCase(),
      passwordHash: await hashPassword(data.password),
      fullName: data.full_name ?? null,
    };
    try {
      return await this.users.create(user);
    } catch (error) {
      if (error instanceof EmailTakenError) throw new ConflictError("Email already registered");
      throw error;
    }
  }

  async login(email: string, password: string): Promise<IssuedToken> {
    const user = await this.users.findByEmail(email.toLowerCase());
    if (!user) {
      this.#dummyHash ??= hashPassword("not-a-real-password");
      await verifyPassword(await this.#dummyHash, password);
      throw new UnauthorizedError("Incorrect email or password");
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      throw new UnauthorizedError("Incorrect email or password");
    }
    const accessToken = this.tokens.sign(user);
    return { accessToken, expiresIn: this.tokens.expiresInSeconds };
  }

  /**
   * The principal a bearer token names, from its claims alone (no database lookup): a role change
   * applies from the next login. 401 when the token is invalid or expired.
   */
  authenticate(token: string): Principal {
    try {
      return this.tokens.verify(token);
    } catch {
      throw new BearerTokenError();
    }
  }
}
