// The result pane's views: GraphiQL's JSON, or the result as a table with a CSV download. Rendered
// as GraphiQL's footer (inside the result pane); the table takes the JSON editor's place.
import { useGraphiQL } from "@graphiql/react";
import { useEffect, useMemo, useState } from "react";
import { csvFileName, toCsv } from "../src/explorer-views/result-csv";
import type { Cell, Json } from "../src/explorer-views/result-table";
import { defaultRowSource, rowSources, tabulate } from "../src/explorer-views/result-table";

/** Past this many rows the page shows the first ones only; the CSV always has them all. */
const SHOWN_ROWS = 2000;

type View = "json" | "table";

/** The result pane's text, following the response editor (a run, a tab switch). */
function useResponseText(): string {
  const responseEditor = useGraphiQL((state) => state.responseEditor);
  const [text, setText] = useState("");
  useEffect(() => {
    if (!responseEditor) return;
    const read = () => setText(responseEditor.getValue());
    read();
    const subscriptions = [responseEditor.onDidChangeModelContent(read), responseEditor.onDidChangeModel(read)];
    return () => subscriptions.forEach((subscription) => subscription.dispose());
  }, [responseEditor]);
  return text;
}

/** The `data` of a GraphQL response text, or null (no result yet, errors only, not JSON). */
function dataOf(text: string): Json {
  try {
    const parsed = JSON.parse(text) as { data?: Json };
    return parsed && typeof parsed === "object" && parsed.data && typeof parsed.data === "object" ? parsed.data : null;
  } catch {
    return null;
  }
}

function download(name: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  // After the click has handed the file to the browser.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function CellView({ value }: { value: Cell }) {
  if (value === null) return <td className="itsm-cell-null" aria-label="null" />;
  if (typeof value === "number") return <td className="itsm-cell-number">{value}</td>;
  const text = String(value);
  return <td title={text.length > 40 ? text : undefined}>{text}</td>;
}

export function ResultViews() {
  const [view, setView] = useState<View>("json");
  const [source, setSource] = useState<string | undefined>();
  const text = useResponseText();
  const operationName = useGraphiQL((state) => state.operationName ?? state.operations?.[0]?.name?.value);
  const data = useMemo(() => dataOf(text), [text]);
  const sources = useMemo(() => (data ? rowSources(data) : []), [data]);
  const path = sources.find((s) => s.join(".") === source) ?? defaultRowSource(sources);
  const label = path.join(".");
  const table = useMemo(() => (data ? tabulate(data, label ? label.split(".") : []) : null), [data, label]);

  const tab = (id: View, title: string) => (
    <button
      type="button"
      role="tab"
      id={`itsm-view-${id}`}
      aria-selected={view === id}
      aria-controls={id === "table" ? "itsm-table-panel" : undefined}
      className={`itsm-view-tab${view === id ? " itsm-view-tab-active" : ""}`}
      onClick={() => setView(id)}
    >
      {title}
    </button>
  );

  return (
    <div className={`itsm-result-views${view === "table" ? " itsm-table-view" : ""}`}>
      <div className="itsm-result-bar">
        <div role="tablist" aria-label="Result view" className="itsm-view-tabs">
          {tab("json", "JSON")}
          {tab("table", "Table")}
        </div>
        {view === "table" && table && (
          <>
            {sources.length > 0 && (
              <label className="itsm-row-source">
                Rows from{" "}
                <select value={label} onChange={(event) => setSource(event.target.value)}>
                  {sources.map((s) => (
                    <option key={s.join(".")} value={s.join(".")}>
                      {s.join(".")}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <span className="itsm-table-size" aria-live="polite">
              {table.rows.length} {table.rows.length === 1 ? "row" : "rows"} × {table.columns.length} columns
            </span>
            <button
              type="button"
              className="itsm-download"
              onClick={() => download(csvFileName(operationName, table.path), toCsv(table))}
            >
              Download CSV
            </button>
          </>
        )}
      </div>
      {view === "table" && (
        <div id="itsm-table-panel" role="tabpanel" aria-labelledby="itsm-view-table" className="itsm-table-panel">
          {!table ? (
            <p className="itsm-table-empty">Run an operation: its data is shown here as a table.</p>
          ) : table.rows.length === 0 ? (
            <p className="itsm-table-empty">No rows: the list at {label || "the result"} is empty.</p>
          ) : (
            <table className="itsm-result-table">
              <thead>
                <tr>
                  <th scope="col" className="itsm-row-number">
                    #
                  </th>
                  {table.columns.map((column) => (
                    <th scope="col" key={column}>
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.slice(0, SHOWN_ROWS).map((row, index) => (
                  <tr key={index}>
                    <td className="itsm-row-number">{index + 1}</td>
                    {row.map((value, column) => (
                      <CellView key={column} value={value} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {table && table.rows.length > SHOWN_ROWS && (
            <p className="itsm-table-empty">
              Showing the first {SHOWN_ROWS} of {table.rows.length} rows; the CSV has them all.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
