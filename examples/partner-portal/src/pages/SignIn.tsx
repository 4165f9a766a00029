import { useState } from "react";
import { saveToken } from "../session";

/** Sign-in by pasting the token your identity provider (or `npm run token -- --role partner`) gave you. */
export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [token, setToken] = useState("");
  return (
    <form
      className="card sign-in"
      onSubmit={(event) => {
        event.preventDefault();
        saveToken(token);
        onSignedIn();
      }}
    >
      <h1>Sign in</h1>
      <label htmlFor="token">Paste your access token</label>
      <textarea id="token" rows={5} value={token} onChange={(e) => setToken(e.target.value)} spellCheck={false} />
      <button type="submit" disabled={token.trim() === ""}>
        Sign in
      </button>
    </form>
  );
}
