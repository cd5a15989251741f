import { decodeJwt, SignJWT, UnsecuredJWT } from "jose";
import { describe, expect, it } from "vitest";
import { TokenIssuer } from "../../src/utils/jwt.js";

const SECRET = "unit-test-secret-that-is-long-enough";
const key = new TextEncoder().encode(SECRET);

/** A token with `claims` that expires in a minute, signed with `secret` (the issuer's by default). */
const signed = (claims: Record<string, unknown>, secret = key) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setExpirationTime(Math.floor(Date.now() / 1000) + 60)
    .sign(secret);

describe("TokenIssuer", () => {
  const tokens = new TokenIssuer(SECRET, 60);

  it("round-trips the principal", async () => {
    const token = await tokens.sign({ id: 7, role: "admin" });
    await expect(tokens.verify(token)).resolves.toEqual({ id: 7, role: "admin" });
  });

  it("issues sub, role, iat and exp claims", async () => {
    const claims = decodeJwt(await tokens.sign({ id: 7, role: "user" }));
    expect(claims).toEqual({
      sub: "7",
      role: "user",
      iat: expect.any(Number),
      exp: (claims.iat ?? 0) + 60,
    });
  });

  it("accepts HS256 only", async () => {
    const hs512 = await new SignJWT({ role: "user" })
      .setProtectedHeader({ alg: "HS512" })
      .setSubject("7")
      .setExpirationTime("1m")
      .sign(key);
    const unsecured = new UnsecuredJWT({ role: "user" }).setSubject("7").encode();
    await expect(tokens.verify(hs512)).rejects.toThrow();
    await expect(tokens.verify(unsecured)).rejects.toThrow();
  });

  it("rejects a token signed with another secret", async () => {
    const forged = await signed(
      { sub: "7", role: "admin" },
      new TextEncoder().encode("x".repeat(40)),
    );
    await expect(tokens.verify(forged)).rejects.toThrow("signature verification failed");
  });

  it("rejects expired tokens and tokens that never expire", async () => {
    const expired = await new SignJWT({ role: "user" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("7")
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(key);
    const endless = await new SignJWT({ role: "user" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("7")
      .sign(key);
    await expect(tokens.verify(expired)).rejects.toThrow('"exp" claim timestamp check failed');
    await expect(tokens.verify(endless)).rejects.toThrow('missing required "exp" claim');
  });

  it("rejects tokens without a user id", async () => {
    for (const sub of [undefined, "", "ada", "0", "1.5"]) {
      await expect(tokens.verify(await signed({ sub, role: "user" }))).rejects.toThrow(
        "not a user id",
      );
    }
  });

  it("rejects tokens without a known role", async () => {
    for (const role of [undefined, "root", ["admin"]]) {
      await expect(tokens.verify(await signed({ sub: "7", role }))).rejects.toThrow(
        "role is unknown",
      );
    }
  });
});
