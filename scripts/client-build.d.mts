export declare const repoRoot: string;
export declare function clientIsStale(): boolean;
export declare function buildClientIfNeeded(options?: { log?: (message: string) => void }): boolean;
