import { jwtVerify, SignJWT } from "jose";
import type { Role } from "../models/user.model.js";

// Pinned: a token signed with any other algorithm (or "none") is rejected.
const ALGORITHM = "HS256";

export interface AccessClaims {
  userId: number;
  role: Role;
}

export class TokenIssuer {
  readonly #key: Uint8Array;

  constructor(
    secret: string,
    readonly expiresInSeconds: number,
  ) {
    this.#key = new TextEncoder().encode(secret);
  }

  sign({ userId, role }: AccessClaims): Promise<string> {
    return new SignJWT({ role })
      .setProtectedHeader({ alg: ALGORITHM })
      .setSubject(String(userId))
      .setIssuedAt()
      .setExpirationTime(`${this.expiresInSeconds}s`)
      .sign(this.#key);
  }

  /** The user id in a valid token; throws (any jose error) when it is invalid or expired. */
  async verify(token: string): Promise<number> {
    const { payload } = await jwtVerify(token, this.#key, { algorithms: [ALGORITHM] });
    const userId = Number(payload.sub);
    if (!Number.isSafeInteger(userId)) throw new Error("token subject is not a user id");
    return userId;
  }
}
