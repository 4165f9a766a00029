import type { GraphiQLPlugin } from "@graphiql/react";
import { useGraphiQL, useGraphiQLActions } from "@graphiql/react";
import type { SVGProps } from "react";
import type { Example } from "./examples";
import { EXAMPLES } from "./examples";

/** A list with bullets: ready-made questions. */
function ExamplesIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.5} aria-hidden="true" {...props}>
      <path d="M9 6h11M9 12h11M9 18h11" strokeLinecap="round" />
      <circle cx="4.5" cy="6" r="1.25" fill="currentColor" stroke="none" />
      <circle cx="4.5" cy="12" r="1.25" fill="currentColor" stroke="none" />
      <circle cx="4.5" cy="18" r="1.25" fill="currentColor" stroke="none" />
    </svg>
  );
}

/** A blank tab (only whitespace or comments) is reused; anything else opens the example in a new tab. */
function isBlank(query: string): boolean {
  return query
    .split("\n")
    .map((line) => line.trim())
    .every((line) => line === "" || line.startsWith("#"));
}

function ExamplesPanel() {
  const { addTab } = useGraphiQLActions();
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);

  const open = (example: Example) => {
    if (!queryEditor) return;
    if (!isBlank(queryEditor.getValue())) addTab();
    queryEditor.setValue(example.query);
    variableEditor?.setValue(example.variables ? example.variables() : "");
    queryEditor.focus();
  };

  return (
    <section className="itsm-examples" aria-label="Examples">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p className="itsm-examples-intro">
        Questions analysts ask the graph. Pick one to open it in a tab, then run it with the play button (or
        Ctrl-Enter).
      </p>
      <ul>
        {EXAMPLES.map((example) => (
          <li key={example.title}>
            <button type="button" className="itsm-example" onClick={() => open(example)}>
              <span className="itsm-example-title">{example.title}</span>
              <span className="itsm-example-description">{example.description}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export const EXAMPLES_PLUGIN: GraphiQLPlugin = {
  title: "Examples",
  icon: ExamplesIcon,
  content: ExamplesPanel,
};
