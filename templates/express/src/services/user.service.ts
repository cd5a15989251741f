import type { Id, Page, PageQuery } from "../models/common.model.js";
import type { Principal, User } from "../models/user.model.js";
import type { UserRepository } from "../repositories/user.repository.js";
import { BearerTokenError, NotFoundError } from "../utils/errors.js";

export class UserService {
  constructor(private readonly users: UserRepository) {}

  /** The principal's account; 401, as for an invalid token, when it was deleted since the login. */
  async current(principal: Principal): Promise<User> {
    const user = await this.users.findById(principal.id);
    if (!user) throw new BearerTokenError();
    return user;
  }

  list(page: PageQuery): Promise<Page<User>> {
    return this.users.list(page);
  }

  async delete(id: Id): Promise<void> {
    if (!(await this.users.delete(id))) throw new NotFoundError("User not found");
  }

  /** Gives a registered user the admin role (`make admin EMAIL=…`). */
  async promoteToAdmin(email: string): Promise<User> {
    const user = await this.users.findByEmail(email.toLowerCase());
    const promoted = user && (await this.users.setRole(user.id, "admin"));
    if (!promoted) throw new NotFoundError(`No user with email ${email}`);
    return promoted;
  }
}
