import type { Clock } from "../../lifecycle/lifecycle.clock";

/** A clock tests move: it starts at the real now and only moves when told (never by sleeping). */
export class TestClock implements Clock {
  private at = new Date();

  now(): Date {
    return new Date(this.at);
  }

  /** Moves the clock `days` ahead (or back, when negative). */
  advanceDays(days: number): void {
    this.at = new Date(this.at.getTime() + days * 86_400_000);
  }

  /** Back to the real now. */
  reset(): void {
    this.at = new Date();
  }
}
