import { createDecoder, createSigner } from "fast-jwt";
import { describe, expect, it } from "vitest";
import { TokenIssuer } from "../../src/utils/jwt.js";

const SECRET = "unit-test-secret-that-is-long-enough";
const decode = createDecoder();

/** A token with `claims` that expires in a minute, signed with `secret` (the issuer's by default). */
const signed = (claims: Record<string, unknown>, secret = SECRET) =>
  createSigner({ key: secret, expiresIn: 60_000 })(claims);

describe("TokenIssuer", () => {
  const tokens = new TokenIssuer(SECRET, 60);

  it("round-trips the principal", () => {
    expect(tokens.verify(tokens.sign({ id: 7, role: "admin" }))).toEqual({ id: 7, role: "admin" });
  });

  it("issues sub, role, iat and exp claims", () => {
    const claims = decode(tokens.sign({ id: 7, role: "user" }));
    expect(claims).toEqual({
      sub: "7",
      role: "user",
      iat: expect.any(Number),
      exp: claims.iat + 60,
    });
  });

  it("accepts HS256 only", () => {
    const claims = { sub: "7", role: "user" };
    const hs512 = createSigner({ key: SECRET, algorithm: "HS512", expiresIn: 60_000 })(claims);
    const unsecured = createSigner({ algorithm: "none", expiresIn: 60_000 })(claims);
    expect(() => tokens.verify(hs512)).toThrow("algorithm is invalid");
    expect(() => tokens.verify(unsecured)).toThrow();
  });

  it("rejects a token signed with another secret", () => {
    const forged = signed({ sub: "7", role: "admin" }, "x".repeat(40));
    expect(() => tokens.verify(forged)).toThrow("signature is invalid");
  });

  it("rejects expired tokens and tokens that never expire", () => {
    const claims = { sub: "7", role: "user" };
    const issuedEarlier = { key: SECRET, clockTimestamp: Date.now() - 120_000, expiresIn: 60_000 };
    const expired = createSigner(issuedEarlier)(claims);
    const endless = createSigner({ key: SECRET })(claims);
    expect(() => tokens.verify(expired)).toThrow("has expired");
    expect(() => tokens.verify(endless)).toThrow("exp claim is required");
  });

  it("rejects tokens without a user id", () => {
    for (const sub of [undefined, "", "ada", "0", "1.5"]) {
      expect(() => tokens.verify(signed({ sub, role: "user" }))).toThrow("not a user id");
    }
  });

  it("rejects tokens without a known role", () => {
    for (const role of [undefined, "root", ["admin"]]) {
      expect(() => tokens.verify(signed({ sub: "7", role }))).toThrow("role is unknown");
    }
  });
});
