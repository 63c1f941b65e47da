export declare const runtimeDir: string;
export declare function runtimeEntry(name: "server" | "cli" | "solver-worker"): URL;
export declare function runtimeIsStale(): boolean;
export declare function buildRuntime(): Promise<void>;
export declare function buildRuntimeIfNeeded(options?: { log?: (message: string) => void }): Promise<boolean>;
