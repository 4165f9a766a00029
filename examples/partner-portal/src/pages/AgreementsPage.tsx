import { useQuery } from "@apollo/client/react";
import { MyAgreementsDocument } from "../gql/graphql";
import { label } from "../format";

/** My agreements: what the graph lets the signed-in partner see. */
export function AgreementsPage() {
  const { data, loading, error } = useQuery(MyAgreementsDocument);
  if (loading) return <p>Loading your agreements…</p>;
  if (error) return <p role="alert">Your agreements could not be loaded: {error.message}</p>;
  const agreements = data?.agreements?.nodes ?? [];
  return (
    <section>
      <h1>My agreements</h1>
      <p className="muted">{agreements.length === 1 ? "1 agreement" : `${agreements.length} agreements`}</p>
      <table className="agreements">
        <thead>
          <tr>
            <th>Number</th>
            <th>Title</th>
            <th>Status</th>
            <th>Version</th>
            <th>Effective</th>
            <th>Customers</th>
          </tr>
        </thead>
        <tbody>
          {agreements.map((a) => (
            <tr key={a.id} data-number={a.number}>
              <td>
                <a href={`#/agreements/${encodeURIComponent(a.number)}`}>{a.number}</a>
              </td>
              <td>{a.title}</td>
              <td>
                <span className={`status ${a.status}`}>{label(a.status)}</span>
              </td>
              <td>{a.version}</td>
              <td>
                {a.effectiveFrom} – {a.effectiveTo ?? "open"}
              </td>
              <td>{a.customers.map((c) => c.name).join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
