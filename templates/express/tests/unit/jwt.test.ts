import { createDecoder, createSigner } from "fast-jwt";
import { describe, expect, it } from "vitest";
import { TokenIssuer } from "../../src/utils/jwt.js";
import { fakeId } from "../fakes/repositories.js";

const SECRET = "unit-test-secret-that-is-long-enough";
const decode = createDecoder();
const ID = fakeId(7);

/** A token with `claims` that expires in a minute, signed with `secret` (the issuer's by default). */
const signed = (claims: Record<string, unknown>, secret = SECRET) =>
  createSigner({ key: secret, expiresIn: 60_000 })(claims);

describe("TokenIssuer", () => {
  const tokens = new TokenIssuer(SECRET, 60);

  it("round-trips the principal", () => {
    const principal = { id: ID, role: "admin" } as const;
    expect(tokens.verify(tokens.sign(principal))).toEqual(principal);
  });

  it("issues sub, role, iat and exp claims", () => {
    const claims = decode(tokens.sign({ id: ID, role: "user" }));
    expect(claims).toEqual({
      sub: String(ID),
      role: "user",
      iat: expect.any(Number),
      exp: claims.iat + 60,
    });
  });

  it("accepts HS256 only", () => {
    const claims = { sub: String(ID), role: "user" };
    const hs512 = createSigner({ key: SECRET, algorithm: "HS512", expiresIn: 60_000 })(claims);
    const unsecured = createSigner({ algorithm: "none", expiresIn: 60_000 })(claims);
    expect(() => tokens.verify(hs512)).toThrow("algorithm is invalid");
    expect(() => tokens.verify(unsecured)).toThrow();
  });

  it("rejects a token signed with another secret", () => {
    const forged = signed({ sub: String(ID), role: "admin" }, "x".repeat(40));
    expect(() => tokens.verify(forged)).toThrow("signature is invalid");
  });

  it("rejects expired tokens and tokens that never expire", () => {
    const claims = { sub: String(ID), role: "user" };
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
      expect(() => tokens.verify(signed({ sub: String(ID), role }))).toThrow("role is unknown");
    }
  });
});
