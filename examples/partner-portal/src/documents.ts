import { authorization } from "./session";

/** Where the gateway serves an agreement's document (the portal's server hands the request on). */
export const agreementDocumentUrl = (number: string, format: "pdf" | "html") =>
  `/documents/agreements/${encodeURIComponent(number)}.${format}`;

/**
 * Downloads an agreement's document with the partner's token (a plain link could not carry it)
 * and saves it under the name the gateway gives it. Resolves with the document's SHA-256.
 */
export async function downloadAgreement(number: string, format: "pdf" | "html"): Promise<string> {
  const response = await fetch(agreementDocumentUrl(number, format), { headers: authorization() });
  if (!response.ok) throw new Error(`The document could not be fetched (HTTP ${response.status})`);
  const name =
    /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? `${number}.${format}`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return response.headers.get("x-document-sha256") ?? "";
}
