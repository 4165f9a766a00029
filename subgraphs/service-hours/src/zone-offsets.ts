import { IANAZone } from "luxon";
import { DAY_MS, MINUTE_MS } from "./local-time";

/** Instants [start, end) over which a zone's UTC offset is constant (`offset` in ms). */
export interface OffsetSegment {
  start: number;
  end: number;
  offset: number;
}

/**
 * A zone's UTC offsets as Luxon (the ICU time zone data) reports them, with the transitions found
 * once per UTC day and kept: a compiled calendar converts wall-clock times to instants by arithmetic.
 * Offsets are sampled at every UTC midnight; a day whose two ends differ is searched for its
 * transition to the second. (Assumes no zone changes its offset and back within one UTC day — no
 * tz rule does.)
 */
export class ZoneOffsets {
  private readonly zone: IANAZone;
  private readonly midnightOffsets = new Map<number, number>();
  private readonly dayTransitions = new Map<number, OffsetSegment[]>();

  constructor(timeZone: string) {
    // create() is cached per name and checks validity once; isValidZone builds an Intl formatter per call.
    this.zone = IANAZone.create(timeZone);
    if (!this.zone.isValid) throw new RangeError(`Unknown time zone "${timeZone}"`);
  }

  /** The UTC offset in ms at an instant. */
  offsetAt(instant: number): number {
    return Math.round(this.zone.offset(instant) * MINUTE_MS);
  }

  /** The constant-offset segments covering [from, to), in order. */
  segments(from: number, to: number): OffsetSegment[] {
    const result: OffsetSegment[] = [];
    for (let day = Math.floor(from / DAY_MS); day * DAY_MS < to; day++) {
      for (const piece of this.segmentsOfUtcDay(day)) {
        const start = Math.max(piece.start, from);
        const end = Math.min(piece.end, to);
        if (start >= end) continue;
        const last = result[result.length - 1];
        if (last && last.offset === piece.offset && last.end === start) last.end = end;
        else result.push({ start, end, offset: piece.offset });
      }
    }
    return result;
  }

  /** The first instant whose local wall-clock time is at or after `wall` (ms on the wall axis). */
  firstInstantAtOrAfter(wall: number): number {
    // Offsets stay within ±18 h, so the answer lies within a day and a half around `wall`.
    for (const segment of this.segments(wall - 1.5 * DAY_MS, wall + 1.5 * DAY_MS)) {
      const candidate = Math.max(segment.start, wall - segment.offset);
      if (candidate < segment.end) return candidate;
    }
    throw new RangeError(`No instant at local time ${new Date(wall).toISOString()}`);
  }

  private midnightOffset(day: number): number {
    let offset = this.midnightOffsets.get(day);
    if (offset === undefined) {
      offset = this.offsetAt(day * DAY_MS);
      this.midnightOffsets.set(day, offset);
    }
    return offset;
  }

  private segmentsOfUtcDay(day: number): OffsetSegment[] {
    let segments = this.dayTransitions.get(day);
    if (segments === undefined) {
      const offset = this.midnightOffset(day);
      // Most days: the same offset at both midnights, one segment (a day's single offset call).
      segments =
        offset === this.midnightOffset(day + 1)
          ? [{ start: day * DAY_MS, end: (day + 1) * DAY_MS, offset }]
          : this.splitAtTransitions(day * DAY_MS, (day + 1) * DAY_MS, offset);
      this.dayTransitions.set(day, segments);
    }
    return segments;
  }

  /** Splits [start, end) where the offset changes; Intl reports offsets to the second. */
  private splitAtTransitions(start: number, end: number, startOffset: number): OffsetSegment[] {
    const segments: OffsetSegment[] = [];
    let from = start;
    let offset = startOffset;
    while (this.offsetAt(end - 1000) !== offset) {
      let low = from; // offset(low) === offset
      let high = end - 1000; // offset(high) !== offset
      while (high - low > 1000) {
        const mid = low + Math.floor((high - low) / 2000) * 1000;
        if (this.offsetAt(mid) === offset) low = mid;
        else high = mid;
      }
      segments.push({ start: from, end: high, offset });
      from = high;
      offset = this.offsetAt(high);
    }
    segments.push({ start: from, end, offset });
    return segments;
  }
}
