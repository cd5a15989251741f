import { createSigner, createVerifier } from "fast-jwt";
import { Id } from "../models/common.model.js";
import { isRole, type Principal } from "../models/user.model.js";

// Pinned: a token signed with any other algorithm (or "none") is rejected.
const ALGORITHM = "HS256";

/** Issues and checks access tokens: HMAC through node:crypto, synchronous, with the key prepared once. */
export class TokenIssuer {
  readonly #sign: (claims: { sub: string; role: string }) => string;
  readonly #verify: (token: string) => Record<string, unknown>;

  constructor(
    secret: string,
    readonly expiresInSeconds: number,
  ) {
    this.#sign = createSigner({
      key: secret,
      algorithm: ALGORITHM,
      expiresIn: expiresInSeconds * 1000,
    });
    this.#verify = createVerifier({
      key: secret,
      algorithms: [ALGORITHM],
      requiredClaims: ["exp"],
    });
  }

  sign({ id, role }: Principal): string {
    return this.#sign({ sub: String(id), role });
  }

  /** The principal a token names; throws unless it is valid, unexpired, with a user id and a known role. */
  verify(token: string): Principal {
    const payload = this.#verify(token);
    const id = Id.safeParse(payload.sub);
    if (!id.success) throw new Error("token subject is not a user id");
    if (!isRole(payload.role)) throw new Error("token role is unknown");
    return { id: id.data, role: payload.role };
  }
}
