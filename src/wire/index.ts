/**
 * src/wire/: the browser-safe contract between the library and the JupyterLab renderer, exported as
 * `poolscope/wire`: the payload format, the trace types and
 * their validator (both read off one table, traceSchema.ts), base64, stats, colours, grid layout and heatmap
 * pixels, the size rule (planeSize.ts), plus the geometry the renderer reads traces with. No Node module and no Tensor: the renderer bundles
 * exactly this (test/unit/imports.test.ts holds it to that); PNG encoding and bundles stay in display/.
 */
export * from "./payload.js";
export * from "./stats.js";
export * from "./colormap.js";
export * from "./grid.js";
export * from "./heatmap.js";
export * from "./reduce.js";
export * from "./quantize.js";
export * from "./rgb.js";
export * from "./planeSize.js";
export * from "./scaleRule.js";
export * from "./words.js";
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
// Window positions with their padding, the reverse link and the channels-first move, so the renderer keeps no
// copy of window or layout arithmetic.
export { windowPositions, windowsContaining, type WindowPosition } from "../geometry/window.js";
export { channelsFirstValues, type ChannelsFirst } from "../geometry/layout.js";
