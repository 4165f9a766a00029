import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { downloadAgreement } from "../documents";
import { achieved, budget, currentPeriod, label, promise } from "../format";
import { AgreementDocument } from "../gql/graphql";

/** One agreement: its services, its service level targets with this month's performance, and its document. */
export function AgreementPage({ number }: { number: string }) {
  const [period] = useState(currentPeriod);
  const { data, loading, error } = useQuery(AgreementDocument, { variables: { number, period } });
  const [download, setDownload] = useState<string>("");
  if (loading) return <p>Loading {number}…</p>;
  if (error)
    return (
      <p role="alert">
        {number} could not be loaded: {error.message}
      </p>
    );
  const agreement = data?.agreementByNumber;
  if (!agreement) return <p role="alert">No agreement {number}.</p>;
  const save = (format: "pdf" | "html") =>
    downloadAgreement(agreement.number, format).then(
      (sha256) => setDownload(`Downloaded; SHA-256 of the terms: ${sha256}`),
      (e: Error) => setDownload(e.message),
    );
  return (
    <article>
      <p>
        <a href="#/">← My agreements</a>
      </p>
      <h1>{agreement.title}</h1>
      <p className="muted">
        {agreement.number} · version {agreement.version} · {label(agreement.type)} ·{" "}
        <span className={`status ${agreement.status}`}>{label(agreement.status)}</span> · {agreement.effectiveFrom} –{" "}
        {agreement.effectiveTo ?? "open"} · {agreement.provider.name} for{" "}
        {agreement.customers.map((c) => c.name).join(", ")}
      </p>
      <p>{agreement.description}</p>
      <div className="actions">
        <button type="button" onClick={() => void save("pdf")}>
          Download PDF
        </button>
        <button type="button" onClick={() => void save("html")}>
          Download HTML
        </button>
        <output>{download}</output>
      </div>
      <h2>Services</h2>
      <ul>
        {agreement.coverage.map((c) => (
          <li key={c.id}>
            <strong>{c.service.name}</strong> ({c.service.code}): {c.serviceHours}
            {c.monthlyCharge ? ` · ${c.monthlyCharge.amount} ${c.monthlyCharge.currency} a month` : ""}
          </li>
        ))}
      </ul>
      <h2>Service level targets</h2>
      <p className="muted">
        Performance in {period}, so far: achieved against the target, its status and the error budget (what the target
        allows to go wrong).
      </p>
      <table className="targets">
        <thead>
          <tr>
            <th>Service</th>
            <th>Metric</th>
            <th>Priority</th>
            <th>Target</th>
            <th>Compliance</th>
            <th>Description</th>
            <th>Achieved ({period})</th>
            <th>Status</th>
            <th>Error budget</th>
          </tr>
        </thead>
        <tbody>
          {agreement.targets.map((t) => {
            const performance = t.performance;
            return (
              <tr key={t.id} data-target={t.id}>
                <td>{t.service.code}</td>
                <td>{label(t.metric)}</td>
                <td>{t.priority ?? "—"}</td>
                <td className="num">{promise(t.comparator, t.value, t.unit)}</td>
                <td className="num">
                  {t.compliancePercent === null || t.compliancePercent === undefined ? "—" : `${t.compliancePercent} %`}
                </td>
                <td>{t.description}</td>
                <td className="num achieved">
                  {performance?.achieved === null || performance?.achieved === undefined
                    ? "—"
                    : achieved(t.metric, t.unit, performance.achieved)}
                </td>
                <td className="performance">
                  {performance ? (
                    <span className={`performance ${performance.status}`}>{label(performance.status)}</span>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="budget">
                  {performance?.errorBudget
                    ? budget(
                        performance.errorBudget.consumed,
                        performance.errorBudget.allowed,
                        performance.errorBudget.remaining,
                        performance.errorBudget.unit,
                      )
                    : "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </article>
  );
}
