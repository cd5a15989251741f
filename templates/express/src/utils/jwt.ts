import { type CryptoKey, jwtVerify, SignJWT } from "jose";
import { isRole, type Principal } from "../models/user.model.js";

// Pinned: a token signed with any other algorithm (or "none") is rejected.
const ALGORITHM = "HS256";

export class TokenIssuer {
  // Imported once: given the raw secret, jose would import it again for every token.
  readonly #key: Promise<CryptoKey>;

  constructor(
    secret: string,
    readonly expiresInSeconds: number,
  ) {
    this.#key = crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign", "verify"],
    );
  }

  async sign({ id, role }: Principal): Promise<string> {
    return new SignJWT({ role })
      .setProtectedHeader({ alg: ALGORITHM })
      .setSubject(String(id))
      .setIssuedAt()
      .setExpirationTime(`${this.expiresInSeconds}s`)
      .sign(await this.#key);
  }

  /** The principal a token names; throws unless it is valid, unexpired, with a user id and a known role. */
  async verify(token: string): Promise<Principal> {
    const { payload } = await jwtVerify(token, await this.#key, {
      algorithms: [ALGORITHM],
      requiredClaims: ["exp"],
    });
    const id = Number(payload.sub);
    if (!Number.isSafeInteger(id) || id < 1) throw new Error("token subject is not a user id");
    if (!isRole(payload.role)) throw new Error("token role is unknown");
    return { id, role: payload.role };
  }
}
