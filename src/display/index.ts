/**
 * The browser-safe half of the display code (`poolscope/display`): the payload format, stats, colours, grid
 * layout and heatmap pixels. The JupyterLab renderer imports only this; PNG encoding and bundles stay in Node.
 */
export * from "./payload.js";
export * from "./stats.js";
export * from "./colormap.js";
export * from "./grid.js";
export * from "./heatmap.js";
