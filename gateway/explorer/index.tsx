// The analysts' explorer: GraphiQL with the docs, history, explorer and examples plugins, served by
// the gateway at GET /graphql (Accept: text/html). Everything it needs is bundled by build.mjs.
import "./workers";
import "graphiql/style.css";
import "@graphiql/plugin-explorer/style.css";
import "./explorer.css";
import { explorerPlugin } from "@graphiql/plugin-explorer";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL, HISTORY_PLUGIN } from "graphiql";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { EXAMPLES_PLUGIN } from "./examples-plugin";
import { DESIGN_EXAMPLE } from "./examples";
import { ResultViews } from "./result-views";

// A token in the address's fragment (/graphql#token=…; fragments never reach the server) is sent
// as the Authorization header of every request, the schema's introspection included (it needs an
// analyst, editor or admin); an Authorization typed in the Headers editor replaces it.
const token = new URLSearchParams(window.location.hash.slice(1)).get("token");

// The page is served at /graphql (or /): "graphql" relative to it is the GraphQL endpoint. The
// fetcher POSTs JSON (content-type: application/json), which Apollo's CSRF prevention accepts.
const fetcher = createGraphiQLFetcher({
  url: new URL("graphql", document.baseURI).href,
  headers: token ? { Authorization: `Bearer ${token}` } : {},
});

// Beside the built-in docs: the examples, the query history (kept in localStorage) and the
// point-and-click query builder.
const plugins = [EXAMPLES_PLUGIN, HISTORY_PLUGIN, explorerPlugin()];

function Explorer() {
  return (
    <GraphiQL
      fetcher={fetcher}
      plugins={plugins}
      visiblePlugin={EXAMPLES_PLUGIN}
      defaultQuery={DESIGN_EXAMPLE.query}
      isHeadersEditorEnabled
      shouldPersistHeaders={false}
    >
      <GraphiQL.Logo>
        <span className="itsm-logo-links">
          {/* The dashboard reads the same #token=… fragment. */}
          <a href={`explorer/dashboard${window.location.hash}`}>Service level dashboard</a>
          <span>ITSM Service Graph</span>
        </span>
      </GraphiQL.Logo>
      <GraphiQL.Footer>
        <ResultViews />
      </GraphiQL.Footer>
    </GraphiQL>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Explorer />
  </StrictMode>,
);
