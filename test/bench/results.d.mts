// Types of results.mjs, for the benches written in TypeScript (cell.bench.ts).
export declare const RESULTS: string;
export declare function replaceSection(text: string, name: string, body: string): string;
export declare function writeSection(name: string, lines: string[], file?: string): void;
