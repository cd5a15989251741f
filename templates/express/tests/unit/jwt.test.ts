import { SignJWT, UnsecuredJWT } from "jose";
import { describe, expect, it } from "vitest";
import { TokenIssuer } from "../../src/utils/jwt.js";

const SECRET = "unit-test-secret-that-is-long-enough";
const key = new TextEncoder().encode(SECRET);

describe("TokenIssuer", () => {
  const tokens = new TokenIssuer(SECRET, 60);

  it("round-trips the user id", async () => {
    const token = await tokens.sign({ userId: 7, role: "admin" });
    await expect(tokens.verify(token)).resolves.toBe(7);
  });

  it("accepts HS256 only", async () => {
    const hs512 = await new SignJWT({})
      .setProtectedHeader({ alg: "HS512" })
      .setSubject("7")
      .sign(key);
    const unsecured = new UnsecuredJWT({}).setSubject("7").encode();
    await expect(tokens.verify(hs512)).rejects.toThrow();
    await expect(tokens.verify(unsecured)).rejects.toThrow();
  });

  it("rejects expired tokens and tokens without a user id", async () => {
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("7")
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(key);
    const noSubject = await new SignJWT({}).setProtectedHeader({ alg: "HS256" }).sign(key);
    await expect(tokens.verify(expired)).rejects.toThrow();
    await expect(tokens.verify(noSubject)).rejects.toThrow("not a user id");
  });
});
