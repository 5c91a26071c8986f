/**
 * poolscope: pooling in CNNs, exact to PyTorch, with a display bundle for Jupyter.
 *
 * The tree, each folder one rule: core/ (Tensor and constructors, errors, shape sizes, backend choice) ← geometry/ (all window
 * arithmetic) ← ops/ (one op family per file: options → geometry → backend/ kernels → trace/ builder);
 * backend/ (js/ reference and wasm/ SIMD kernels behind one interface); trace/ (traced results); wire/ (the
 * browser-safe contract the renderer imports); display/ (Node-only bundle and PNG, installed on Tensor by
 * importing it below); io/ (images); conformance/ + cli.ts (the golden runner).
 *
 * Pooling ops return a Tensor; max ops return `{ output, indices }` with `returnIndices: true`; every pooling op
 * returns a traced result (`{ input, output, trace }`, plus `indices` for max) with `trace: true`, which renders
 * in Jupyter with each output cell linked to its window.
 */
export { Tensor, tensor, zeros, JUPYTER_DISPLAY, type NestedNumbers } from "./core/tensor.js";
export { shapeSize } from "./core/shape.js";
export { ParameterError, ResourceError } from "./core/errors.js";
export type { PerDim, DataFormat } from "./geometry/params.js";
export {
  poolOutputSize,
  convOutputSize,
  samePadding,
  adaptiveRange,
  unpoolOutputSize,
  windowStart,
  windowTaps,
  windowExtent,
  axisTaps,
  axisOutSize,
  type AxisGeometry,
  type AxisWindows,
} from "./geometry/window.js";
export type { TfPadding } from "./geometry/pool.js";
export { sppBins, type SppRule } from "./geometry/spp.js";
export {
  explainPoolOutputSize,
  explainConvOutputSize,
  explainTfPoolOutputSize,
  conv2dParamCount,
  linearParamCount,
  type SizeExplanation,
  type ParamCount,
} from "./geometry/explain.js";

// pooling
// the poolings that take PyTorch's unbatched input too, (C, H, W) for 2-d, come through ops/unbatched.ts
export {
  maxPool1d,
  maxPool2d,
  maxPool3d,
  avgPool1d,
  avgPool2d,
  avgPool3d,
  lpPool1d,
  lpPool2d,
  lpPool3d,
  adaptiveMaxPool1d,
  adaptiveMaxPool2d,
  adaptiveMaxPool3d,
  adaptiveAvgPool1d,
  adaptiveAvgPool2d,
  adaptiveAvgPool3d,
  maxUnpool1d,
  maxUnpool2d,
  maxUnpool3d,
} from "./ops/unbatched.js";
export { type MaxPoolOptions, type PoolWithIndices } from "./ops/maxPool.js";
// the result flags, out of every op's options type so that a typed options object gives a Tensor
export { type TraceOptions, type IndicesOptions, type TraceFlag, type ResultFlags } from "./ops/resultOptions.js";
export { type AvgPoolOptions } from "./ops/avgPool.js";
export { type AdaptivePoolOptions, type AdaptiveMaxPoolOptions, type OutputSize } from "./ops/adaptivePool.js";
export { globalMaxPool, globalAvgPool, type GlobalPoolOptions } from "./ops/globalPool.js";
export { type LpPoolOptions } from "./ops/lpPool.js";
export { type MaxUnpoolOptions } from "./ops/unpool.js";
export { roiPool, type RoiPoolOptions } from "./ops/roiPool.js";
export { roiAlign, type RoiAlignOptions } from "./ops/roiAlign.js";
export { spatialPyramidPool, type SppOptions } from "./ops/spp.js";
export {
  stripPool,
  stripPoolingModule,
  type StripDirection,
  type StripPoolingWeights,
  type StripPoolingModuleOptions,
  type StripPoolingModuleResult,
} from "./ops/stripPool.js";

// gradients
export { maxPool1dBackward, maxPool2dBackward, maxPool3dBackward } from "./ops/backward/maxPoolBackward.js";
export { avgPool1dBackward, avgPool2dBackward, avgPool3dBackward } from "./ops/backward/avgPoolBackward.js";
export {
  adaptiveMaxPool1dBackward,
  adaptiveMaxPool2dBackward,
  adaptiveMaxPool3dBackward,
  adaptiveAvgPool1dBackward,
  adaptiveAvgPool2dBackward,
  adaptiveAvgPool3dBackward,
} from "./ops/backward/adaptivePoolBackward.js";

// around pooling
export { conv2d, type Conv2dOptions } from "./ops/conv2d.js";
export { linear } from "./ops/linear.js";
export { relu, sigmoid } from "./ops/activations.js";
export { reshape, flatten } from "./ops/reshape.js";
export { concat } from "./ops/concat.js";
export { nchwToNhwc, nhwcToNchw, toChannelsFirst, toChannelsLast } from "./ops/layout.js";
export { rand, randn, arange, type RandomOptions } from "./core/random.js";
export { tidy } from "./core/storage.js";
export { setPrintOptions, getPrintOptions, type PrintOptions } from "./core/print.js";
export { loadImage, decodeImage, type ImageOptions } from "./io/image.js";

// the everyday tensor API, PyTorch's names; each file also installs its Tensor methods (t.add(1).sum())
export {
  add,
  sub,
  mul,
  div,
  pow,
  neg,
  abs,
  exp,
  log,
  sqrt,
  clamp,
  maximum,
  minimum,
  where,
  eq,
  ne,
  gt,
  ge,
  lt,
  le,
  map,
  type Alpha,
  type DivOptions,
  type Operand,
} from "./ops/elementwise.js";
export {
  sum,
  mean,
  prod,
  max,
  min,
  amax,
  amin,
  argmax,
  argmin,
  std,
  variance,
  norm,
  item,
  type Dims,
  type ValuesIndices,
  type VarOptions,
} from "./ops/reduce.js";
export { select, narrow, slice, set, type SliceEntry } from "./ops/select.js";
export {
  clone,
  transpose,
  permute,
  view,
  squeeze,
  unsqueeze,
  expand,
  repeat,
  flip,
  roll,
  cat,
  stack,
} from "./ops/view.js";
export { pad, type PadMode } from "./ops/pad.js";
export { ones, full, zerosLike, onesLike, fullLike, eye, linspace } from "./ops/construct.js";
export { matmul } from "./ops/matmul.js";
export { allclose, equal, type AllcloseOptions } from "./ops/compare.js";
export { sort, topk, nonzero } from "./ops/sort.js";

// traces
export { TracedPool, TracedMaxPool } from "./trace/result.js";
export { TracedStripPooling } from "./trace/stripResult.js";
export { compareSpp, SppComparison } from "./trace/compare.js";
export { show, ShownRow, type ShowOptions, type Showable } from "./trace/row.js";
export {
  TRACE_ARRAY_LIMIT,
  type PoolTrace,
  type WindowTrace,
  type SppTrace,
  type SppLevelTrace,
  type RoiTrace,
  type RoiRegionTrace,
  type StripFusionTrace,
  type UnpoolTrace,
  unpoolAsWindow,
} from "./wire/traceTypes.js";
export { parseTrace, type ParsedTrace } from "./wire/traceValidate.js";

// display
// display/index.ts installs [JUPYTER_DISPLAY] on Tensor and Plot when it loads: this import is what makes a
// tensor render as a cell's value
import "./display/index.js";
export { type PlotBundle } from "./display/index.js";
export {
  toDisplayBundle,
  toRowBundle,
  type DisplayBundle,
  type DisplayExtras,
  type DisplayItem,
  type CaptionOptions,
} from "./display/bundle.js";
export {
  plot,
  Plot,
  VEGALITE_MIME,
  PLOT_POINT_LIMIT,
  type PlotOptions,
  type PlotSeries,
  type PlotKind,
  type PlotScale,
  type PlotValues,
  type VegaLiteSpec,
} from "./display/plot.js";
export {
  TENSOR_MIME,
  PAYLOAD_VERSION,
  type TensorPayload,
  type TensorData,
  type ComparedResult,
  type RowItem,
  type RowPart,
  type RowScale,
} from "./wire/payload.js";
export { computeStats, summaryLine, type TensorStats } from "./wire/stats.js";
export { setBackend, getBackend, type Backend } from "./core/backend.js";
export { setThreads, getThreads } from "./backend/wasm/workers.js";
export { allocFloats } from "./backend/wasm/runtime.js";
