import { describe, expect, it } from "vitest";
import { UserService } from "../../src/services/user.service.js";
import { BearerTokenError, NotFoundError } from "../../src/utils/errors.js";
import { FakeUserRepository, fakeId } from "../fakes/repositories.js";

describe("UserService", () => {
  it("promotes a registered user to admin", async () => {
    const repository = new FakeUserRepository();
    await repository.create({ email: "ada@example.com", passwordHash: "unused" });
    const users = new UserService(repository);
    await expect(users.promoteToAdmin("Ada@example.com")).resolves.toMatchObject({ role: "admin" });
    await expect(users.promoteToAdmin("nobody@example.com")).rejects.toThrow(NotFoundError);
  });

  it("loads the principal's account, 401 once it is deleted", async () => {
    const repository = new FakeUserRepository();
    const ada = await repository.create({ email: "ada@example.com", passwordHash: "unused" });
    const users = new UserService(repository);
    await expect(users.current({ id: ada.id, role: "user" })).resolves.toEqual(ada);
    await users.delete(ada.id);
    await expect(users.current({ id: ada.id, role: "user" })).rejects.toThrow(BearerTokenError);
  });

  it("answers 404 when deleting a user that does not exist", async () => {
    await expect(new UserService(new FakeUserRepository()).delete(fakeId(42))).rejects.toThrow(
      "User not found",
    );
  });
});
