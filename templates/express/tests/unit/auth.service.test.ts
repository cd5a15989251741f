import { beforeEach, describe, expect, it, vi } from "vitest";
import { AuthService } from "../../src/services/auth.service.js";
import { BearerTokenError, ConflictError, UnauthorizedError } from "../../src/utils/errors.js";
import { TokenIssuer } from "../../src/utils/jwt.js";
import { FakeUserRepository, fakeId } from "../fakes/repositories.js";

const PASSWORD = "correct-horse-battery";

describe("AuthService", () => {
  let users: FakeUserRepository;
  let auth: AuthService;

  beforeEach(() => {
    users = new FakeUserRepository();
    auth = new AuthService(users, new TokenIssuer("unit-test-secret-that-is-long-enough", 60));
  });

  it("stores a lower-cased email and a hash, never the password", async () => {
    const user = await auth.register({ email: "Ada@Example.com", password: PASSWORD });
    expect(user.email).toBe("ada@example.com");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.role).toBe("user");
  });

  it("refuses a second account with the same email", async () => {
    await auth.register({ email: "ada@example.com", password: PASSWORD });
    await expect(auth.register({ email: "ADA@example.com", password: PASSWORD })).rejects.toThrow(
      ConflictError,
    );
  });

  it("issues a token that authenticates its user's id and role", async () => {
    const user = await auth.register({ email: "ada@example.com", password: PASSWORD });
    const token = await auth.login("ADA@example.com", PASSWORD);
    expect(token.expiresIn).toBe(60);
    expect(auth.authenticate(token.accessToken)).toEqual({ id: user.id, role: "user" });
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    await auth.register({ email: "ada@example.com", password: PASSWORD });
    await expect(auth.login("ada@example.com", "wrong-password")).rejects.toThrow(
      UnauthorizedError,
    );
    await expect(auth.login("nobody@example.com", PASSWORD)).rejects.toThrow(
      "Incorrect email or password",
    );
  });

  it("authenticates from the token alone, without reading the user", async () => {
    const user = await auth.register({ email: "ada@example.com", password: PASSWORD });
    const { accessToken } = await auth.login("ada@example.com", PASSWORD);
    const findById = vi.spyOn(users, "findById");
    await users.setRole(user.id, "admin");
    expect(auth.authenticate(accessToken)).toEqual({ id: user.id, role: "user" });
    expect(findById).not.toHaveBeenCalled();
  });

  it("rejects a garbled token or one signed with another secret", () => {
    expect(() => auth.authenticate("not-a-token")).toThrow(BearerTokenError);
    const other = new TokenIssuer("another-secret-that-is-long-enough!!", 60);
    const forged = other.sign({ id: fakeId(1), role: "admin" });
    expect(() => auth.authenticate(forged)).toThrow("Invalid or expired token");
  });
});
