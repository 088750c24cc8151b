// In-memory storage for oidc-provider models (sessions, interactions, codes, tokens, grants).
// Same behaviour as oidc-provider's quick-start adapter, but declared on purpose, so the provider
// does not warn on every start; the sandbox is a single process whose state may vanish on restart.
// Interface: oidc-provider 9 docs, "Adapter" (example/my_adapter.js in the oidc-provider repository).

/**
 * Returns an adapter class with its own store, so two sandboxes in one process never share state.
 * oidc-provider makes one instance per model name (AccessToken, Session, …).
 */
export function createMemoryAdapter() {
  /** @type {Map<string, { payload: Record<string, any>, expiresAt: number }>} */
  const storage = new Map();
  /** Keys stored per grant, for revokeByGrantId. @type {Map<string, string[]>} */
  const byGrant = new Map();

  return class MemoryAdapter {
    /** @param {string} name model name */
    constructor(name) {
      this.name = name;
    }

    /** @param {string} id */
    key(id) {
      return `${this.name}:${id}`;
    }

    /**
     * @param {string} id
     * @param {Record<string, any>} payload
     * @param {number} [expiresIn] seconds
     */
    async upsert(id, payload, expiresIn) {
      storage.set(this.key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Infinity });
      if (payload.grantId) {
        const ids = byGrant.get(payload.grantId) ?? [];
        ids.push(this.key(id));
        byGrant.set(payload.grantId, ids);
      }
      if (payload.uid) storage.set(`uid:${this.name}:${payload.uid}`, { payload: { id }, expiresAt: Infinity });
      if (payload.userCode) storage.set(`userCode:${this.name}:${payload.userCode}`, { payload: { id }, expiresAt: Infinity });
    }

    /** @param {string} id */
    async find(id) {
      const hit = storage.get(this.key(id));
      if (!hit) return undefined;
      if (hit.expiresAt <= Date.now()) {
        storage.delete(this.key(id));
        return undefined;
      }
      return hit.payload;
    }

    /** @param {string} uid */
    async findByUid(uid) {
      const ref = storage.get(`uid:${this.name}:${uid}`);
      return ref ? this.find(ref.payload.id) : undefined;
    }

    /** @param {string} userCode */
    async findByUserCode(userCode) {
      const ref = storage.get(`userCode:${this.name}:${userCode}`);
      return ref ? this.find(ref.payload.id) : undefined;
    }

    /** @param {string} id */
    async consume(id) {
      const hit = storage.get(this.key(id));
      if (hit) hit.payload.consumed = Math.floor(Date.now() / 1000);
    }

    /** @param {string} id */
    async destroy(id) {
      storage.delete(this.key(id));
    }

    /** @param {string} grantId */
    async revokeByGrantId(grantId) {
      for (const k of byGrant.get(grantId) ?? []) storage.delete(k);
      byGrant.delete(grantId);
    }
  };
}
