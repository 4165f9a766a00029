import { useApolloClient } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { AgreementPage } from "./pages/AgreementPage";
import { AgreementsPage } from "./pages/AgreementsPage";
import { SignIn } from "./pages/SignIn";
import { clearToken, readToken } from "./session";

/** The page the URL's fragment names: `#/` (my agreements) or `#/agreements/<number>`. */
function useRoute(): string {
  const [route, setRoute] = useState(location.hash.slice(1) || "/");
  useEffect(() => {
    const update = () => setRoute(location.hash.slice(1) || "/");
    addEventListener("hashchange", update);
    return () => removeEventListener("hashchange", update);
  }, []);
  return route;
}

export function App() {
  const client = useApolloClient();
  const [signedIn, setSignedIn] = useState(readToken() !== null);
  const route = useRoute();
  const agreement = /^\/agreements\/(.+)$/.exec(route);
  return (
    <>
      <header className="bar">
        <span className="brand">Partner portal</span>
        {signedIn && (
          <button
            type="button"
            onClick={() => {
              clearToken();
              void client.clearStore();
              setSignedIn(false);
            }}
          >
            Sign out
          </button>
        )}
      </header>
      <main>
        {!signedIn ? (
          <SignIn onSignedIn={() => setSignedIn(true)} />
        ) : agreement ? (
          <AgreementPage number={decodeURIComponent(agreement[1])} />
        ) : (
          <AgreementsPage />
        )}
      </main>
    </>
  );
}
