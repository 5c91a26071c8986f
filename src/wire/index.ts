/**
 * The browser-safe half of the display code (`poolscope/display`): the payload format, stats, colours, grid
 * layout and heatmap pixels. The JupyterLab renderer imports only this; PNG encoding and bundles stay in Node.
 */
export * from "./payload.js";
export * from "./stats.js";
export * from "./colormap.js";
export * from "./grid.js";
export * from "./heatmap.js";
export * from "./reduce.js";
// Trace types and the window geometry the renderer reads traces with (pure, browser-safe): the renderer draws
// windows from the trace's own axis description instead of re-deriving it.
export type {
  PoolTrace,
  WindowTrace,
  SppTrace,
  SppLevelTrace,
  RoiTrace,
  StripFusionTrace,
  UnpoolTrace,
  AxisWindows,
  AxisGeometry,
} from "./traceTypes.js";
export { unpoolAsWindow } from "./traceTypes.js";
export { axisTaps, axisInSize, axisOutSize, windowExtent } from "../geometry/window.js";
export { alignSampleInside } from "../geometry/roi.js";
