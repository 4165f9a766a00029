// The partner's token for this browser tab: pasted at sign-in, kept in sessionStorage (gone when
// the tab closes), sent as a bearer token with every request.
const KEY = "itsm-portal-token";

export function readToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function saveToken(token: string): void {
  sessionStorage.setItem(KEY, token.trim().replace(/^Bearer\s+/i, ""));
}

export function clearToken(): void {
  sessionStorage.removeItem(KEY);
}

/** The Authorization header of the signed-in partner, if any. */
export function authorization(): Record<string, string> {
  const token = readToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}
