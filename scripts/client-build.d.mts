export declare const repoRoot: string;
export declare function newestMtimeMs(target: string): number;
export declare function clientIsStale(): boolean;
export declare function buildClientIfNeeded(options?: { log?: (message: string) => void }): boolean;
