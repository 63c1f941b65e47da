// Worker-thread entry of the server's solve: matching runs and site recommendations run here so the
// HTTP event loop stays free. It gets one request as workerData, answers with one message and
// ends; the parent terminates it when the time limit passes.
import { parentPort, workerData } from "node:worker_threads";
import { recommendSites } from "../core/allocation/recommend";
import { solveInstance } from "../core/matching/solve";
import { createHighsSolver } from "./highs-solver";
import type { NodeWorkerRequest } from "./solve-in-worker";

const request = workerData as NodeWorkerRequest;
const result =
  request.task === "recommend"
    ? await recommendSites(request.instance, createHighsSolver(), request.options)
    : await solveInstance(request.instance, createHighsSolver(), request.options);
parentPort?.postMessage(result);
