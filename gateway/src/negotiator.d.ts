// negotiator ships no types: the one call single-fetch.ts makes (Apollo Server's content negotiation).
declare module "negotiator" {
  export default class Negotiator {
    constructor(request: { headers: Record<string, string | undefined> });
    mediaType(available: string[]): string | undefined;
  }
}
