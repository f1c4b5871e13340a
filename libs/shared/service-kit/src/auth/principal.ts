/** What a key may do. `operator` runs the installation (creates workspaces); the others act inside one workspace. */
export const SCOPES = ['ingest', 'read', 'admin', 'operator'] as const;
export type Scope = (typeof SCOPES)[number];

export const isScope = (value: string): value is Scope => (SCOPES as readonly string[]).includes(value);

/** Who is calling: the key's workspace decides which data a request reaches. */
export interface Principal {
  workspaceId: string;
  keyId: string;
  scopes: Scope[];
}

/** Looks a presented key up; null when it is unknown or revoked. Throws (e.g. DEPENDENCY_UNAVAILABLE) when it cannot tell. */
export type VerifyKey = (key: string) => Promise<Principal | null>;

/** How a route states who may call it, in its `config`. */
export interface RouteAccess {
  scope?: Scope;
  public?: boolean;
  authenticated?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scope a key needs for this route (every guarded route names one, or is `public`). */
    scope?: Scope;
    /** Open without a key (e.g. a deck's share link). */
    public?: boolean;
    /** Any valid key, whatever its scopes (e.g. a key asking who it is). */
    authenticated?: boolean;
    /** Counted against the caller's per-key request budget (routes that write or build). */
    rateLimited?: boolean;
  }
  interface FastifyRequest {
    /** Set by the guard before any guarded handler runs; null only on `public` routes. */
    principal: Principal;
  }
}
