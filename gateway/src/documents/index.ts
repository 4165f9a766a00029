import type { TrustedDocument } from "../trusted-documents.plugin";
import { documentId } from "../trusted-documents.plugin";
import { AGREEMENT_DOCUMENT } from "./agreement.document";
import { SERVICE_LEVEL_REPORT } from "./report.document";

export { documentRoutes, DOCUMENTS_PATH } from "./documents.routes";
export { loopbackExecutor } from "./graph.client";
export type { GraphExecutor } from "./graph.client";

/** The operations the document routes run through the graph. */
export const DOCUMENT_OPERATIONS = [AGREEMENT_DOCUMENT, SERVICE_LEVEL_REPORT];

/**
 * Trusted documents plus the document routes' own operations: the gateway wrote those, so any
 * caller's document request may run them (the graph still scopes what they return to the caller).
 */
export function withDocumentOperations(trusted: Map<string, TrustedDocument>): Map<string, TrustedDocument> {
  const all = new Map(trusted);
  for (const { name, body } of DOCUMENT_OPERATIONS) {
    const id = documentId(body);
    all.set(id, { id, name, type: "query", body });
  }
  return all;
}
