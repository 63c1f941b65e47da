import { describe, expect, it } from "vitest";
import { createSolveQueue } from "../../src/server/solve-queue";

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe("createSolveQueue", () => {
  it("runs at most maxConcurrent at once, first come first served, and tells each waiting job its place", async () => {
    const queue = createSolveQueue({ maxConcurrent: 2 });
    const started: string[] = [];
    const gates = new Map(["a", "b", "c", "d"].map((key) => [key, deferred()]));
    const jobs = [...gates.keys()].map((key) => queue.enqueue(key, async () => {
      started.push(key);
      await gates.get(key)!.promise;
      return key;
    }));
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual(["a", "b"]);
    expect([queue.positionOf("a"), queue.positionOf("c"), queue.positionOf("d")]).toEqual([undefined, 1, 2]);
    gates.get("b")!.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual(["a", "b", "c"]);
    expect(queue.positionOf("d")).toBe(1);
    for (const gate of gates.values()) gate.resolve();
    const done = await Promise.all(jobs.map((job) => (job.queued ? job.done : Promise.reject(new Error("refused")))));
    expect(done).toEqual(["a", "b", "c", "d"]);
    expect([queue.running, queue.waiting]).toEqual([0, 0]);
  });

  it("frees the slot of a job that fails and refuses jobs beyond maxWaiting", async () => {
    const queue = createSolveQueue({ maxConcurrent: 1, maxWaiting: 1 });
    const failing = queue.enqueue("x", () => Promise.reject(new Error("boom")));
    const next = queue.enqueue("y", async () => "ok");
    expect(queue.enqueue("z", async () => "late")).toEqual({ queued: false });
    await expect(failing.queued ? failing.done : undefined).rejects.toThrow("boom");
    expect(await (next.queued ? next.done : undefined)).toBe("ok");
  });
});
