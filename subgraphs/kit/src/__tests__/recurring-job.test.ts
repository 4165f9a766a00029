import { RecurringRun } from "../write/recurring-job";

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("RecurringRun", () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ["setImmediate"] }));
  afterEach(() => jest.useRealTimers());

  it("runs at once, then an interval after each run ends, and never after stop", async () => {
    const run = jest.fn(async () => undefined);
    const loop = new RecurringRun({ intervalSeconds: 10, run, onError: jest.fn() });
    loop.start();
    await settle();
    expect(run).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(9_999);
    await settle();
    expect(run).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(1);
    await settle();
    expect(run).toHaveBeenCalledTimes(2);
    await loop.stop();
    jest.advanceTimersByTime(60_000);
    await settle();
    expect(run).toHaveBeenCalledTimes(2);
    loop.start();
    await settle();
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("waits the delay a run answers, and the interval after a failure (which it reports)", async () => {
    const onError = jest.fn();
    const failure = new Error("database gone");
    const run = jest
      .fn<Promise<number | void>, []>()
      .mockResolvedValueOnce(0)
      .mockRejectedValueOnce(failure)
      .mockResolvedValue(undefined);
    const loop = new RecurringRun({ intervalSeconds: 5, run, onError });
    loop.start();
    await settle();
    jest.advanceTimersByTime(0);
    await settle();
    expect(run).toHaveBeenCalledTimes(2);
    expect(onError).toHaveBeenCalledWith(failure);
    jest.advanceTimersByTime(4_999);
    await settle();
    expect(run).toHaveBeenCalledTimes(2);
    jest.advanceTimersByTime(1);
    await settle();
    expect(run).toHaveBeenCalledTimes(3);
    await loop.stop();
  });

  it("does nothing when the interval is 0", async () => {
    const run = jest.fn(async () => undefined);
    new RecurringRun({ intervalSeconds: 0, run, onError: jest.fn() }).start();
    await settle();
    expect(run).not.toHaveBeenCalled();
  });

  it("lets a run in progress finish before stop returns", async () => {
    let finish!: () => void;
    let finished = false;
    const run = jest.fn(
      () =>
        new Promise<void>((resolve) => {
          finish = () => {
            finished = true;
            resolve();
          };
        }),
    );
    const loop = new RecurringRun({ intervalSeconds: 1, run, onError: jest.fn() });
    loop.start();
    const stopped = loop.stop();
    finish();
    await stopped;
    expect(finished).toBe(true);
  });
});
