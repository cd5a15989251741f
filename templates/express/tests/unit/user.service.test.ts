import { describe, expect, it } from "vitest";
import { UserService } from "../../src/services/user.service.js";
import { NotFoundError } from "../../src/utils/errors.js";
import { FakeUserRepository } from "../fakes/repositories.js";

describe("UserService", () => {
  it("promotes a registered user to admin", async () => {
    const repository = new FakeUserRepository();
    await repository.create({ email: "ada@example.com", passwordHash: "unused" });
    const users = new UserService(repository);
    await expect(users.promoteToAdmin("Ada@example.com")).resolves.toMatchObject({ role: "admin" });
    await expect(users.promoteToAdmin("nobody@example.com")).rejects.toThrow(NotFoundError);
  });

  it("answers 404 when deleting a user that does not exist", async () => {
    await expect(new UserService(new FakeUserRepository()).delete(42)).rejects.toThrow(
      "User not found",
    );
  });
});
