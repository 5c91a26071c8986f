/**
 * poolscope: pooling in CNNs, exact to PyTorch, with a display bundle for Jupyter.
 */
export { Tensor, tensor, zeros, shapeSize, JUPYTER_DISPLAY, type NestedNumbers } from "./tensor.js";
export { ParameterError } from "./errors.js";
export type { PerDim } from "./shape/params.js";
export {
  poolOutputSize,
  convOutputSize,
  samePadding,
  adaptiveRange,
  type AxisGeometry,
} from "./shape/window.js";
export { maxPool1d, maxPool2d, maxPool3d, type MaxPoolOptions } from "./ops/maxPool.js";
export { avgPool1d, avgPool2d, avgPool3d, type AvgPoolOptions } from "./ops/avgPool.js";
export { toDisplayBundle, type DisplayBundle } from "./display/bundle.js";
export { TENSOR_MIME, PAYLOAD_VERSION, type TensorPayload } from "./display/payload.js";
export { computeStats, summaryLine, type TensorStats } from "./display/stats.js";
