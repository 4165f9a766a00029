import type { Interval } from "./calendar.model";

/** An interval as epoch milliseconds [start, end): the arithmetic's working form. */
export interface Span {
  start: number;
  end: number;
}

/** Epoch-ms spans of intervals, empty and reversed ones dropped. */
export function toSpans(intervals: readonly Interval[]): Span[] {
  const spans: Span[] = [];
  for (const interval of intervals) {
    const start = interval.start.getTime();
    const end = interval.end.getTime();
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

/** Intervals of epoch-ms spans. */
export function toIntervals(spans: readonly Span[]): Interval[] {
  return spans.map((span) => ({ start: new Date(span.start), end: new Date(span.end) }));
}

/** The union of spans as sorted, disjoint spans; touching spans join. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((span) => span.end > span.start).sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}

/** `spans` minus `holes`, as sorted disjoint spans. */
export function subtractSpans(spans: readonly Span[], holes: readonly Span[]): Span[] {
  const cut = mergeSpans(holes);
  const result: Span[] = [];
  for (const span of mergeSpans(spans)) {
    let start = span.start;
    for (const hole of cut) {
      if (hole.end <= start) continue;
      if (hole.start >= span.end) break;
      if (hole.start > start) result.push({ start, end: hole.start });
      start = Math.max(start, hole.end);
      if (start >= span.end) break;
    }
    if (start < span.end) result.push({ start, end: span.end });
  }
  return result;
}

/** The union of intervals as sorted, disjoint intervals (overlapping outages counted once). */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  return toIntervals(mergeSpans(toSpans(intervals)));
}

/** Intervals minus holes — e.g. unplanned downtime minus time already agreed as planned outage. */
export function subtractIntervals(intervals: readonly Interval[], holes: readonly Interval[]): Interval[] {
  return toIntervals(subtractSpans(toSpans(intervals), toSpans(holes)));
}

/** The merged parts of intervals inside [from, to) — e.g. a period's share of an outage. */
export function clipIntervals(intervals: readonly Interval[], from: Date, to: Date): Interval[] {
  const spans = mergeSpans(toSpans(intervals));
  const [start, end] = [from.getTime(), to.getTime()];
  const clipped = spans.map((span) => ({ start: Math.max(span.start, start), end: Math.min(span.end, end) }));
  return toIntervals(clipped.filter((span) => span.end > span.start));
}
