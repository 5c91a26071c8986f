/**
 * Strip pooling (Hou et al., CVPR 2020, SPNet): long, thin pooling windows. stripPool averages each row
 * ("horizontal", (N, C, H, 1)) or each column ("vertical", (N, C, 1, W)), i.e. PyTorch's
 * AdaptiveAvgPool2d((None, 1)) and ((1, None)). stripPoolingModule is SPNet's Strip Pooling Module forward.
 */
import { ParameterError } from "../core/errors.js";
import { checkTensor, spatialShape } from "../geometry/params.js";
import { Tensor } from "../core/tensor.js";
import { TracedPool } from "../trace/result.js";
import { TracedStripPooling, type StripPoolingModuleResult, type StripPoolingWeights } from "../trace/stripResult.js";
import type { WindowTrace } from "../wire/traceTypes.js";
import { relu, sigmoid } from "./activations.js";
import { adaptiveGeometry, binsTrace, poolOverBins } from "./adaptivePool.js";
import { conv2d } from "./conv2d.js";
import { rand } from "../core/random.js";
import type { TraceFlag, TraceOptions } from "./resultOptions.js";

// the result types live with the traced result that implements them, so trace/ never imports this op
export type { StripPoolingModuleResult, StripPoolingWeights };

export type StripDirection = "horizontal" | "vertical";

/** Mean over each row (horizontal, H×1) or each column (vertical, 1×W). */
export function stripPool(x: Tensor, direction: StripDirection, options: TraceOptions): TracedPool<WindowTrace>;
export function stripPool(x: Tensor, direction: StripDirection, options?: { trace?: false }): Tensor;
export function stripPool(x: Tensor, direction: StripDirection, options?: TraceFlag): Tensor | TracedPool<WindowTrace>;
export function stripPool(
  x: Tensor,
  direction: StripDirection,
  options: TraceFlag = {},
): Tensor | TracedPool<WindowTrace> {
  const op = "stripPool";
  checkTensor(op, "x", x);
  if (direction !== "horizontal" && direction !== "vertical") {
    throw new ParameterError(op, "direction", direction, 'must be "horizontal" (H×1) or "vertical" (1×W)');
  }
  const axes = adaptiveGeometry(op, x.shape, 2, direction === "horizontal" ? [null, 1] : [1, null]);
  const core = poolOverBins(x, axes, "avg");
  if (!options.trace) return core.output;
  const trace = binsTrace(op, x, core, "avg", "strip");
  trace.strip = direction;
  return new TracedPool(x, core.output, trace);
}

export interface StripPoolingModuleOptions {
  /** Given weights; otherwise seeded ones (PyTorch's default init, U(±1/√fan_in)). */
  weights?: StripPoolingWeights;
  /** Seed of the generated weights. Default 0. */
  seed?: number;
  /** Channels between the strip convolutions and the 1×1 convolution. Default C. */
  midChannels?: number;
}

/**
 * SPNet's Strip Pooling Module forward (SPBlock and its use `out * spm(out)`): both strips, a 3×1 / 1×3
 * convolution each, expand back to H×W, sum, ReLU, 1×1 convolution, sigmoid, multiply. SPBlock's
 * BatchNorm layers are left out: untrained and in eval mode they are the identity up to 1/√(1+ε).
 */
export function stripPoolingModule(x: Tensor, options: StripPoolingModuleOptions & TraceOptions): TracedStripPooling;
export function stripPoolingModule(
  x: Tensor,
  options?: StripPoolingModuleOptions & { trace?: false },
): StripPoolingModuleResult;
export function stripPoolingModule(
  x: Tensor,
  options?: StripPoolingModuleOptions & TraceFlag,
): StripPoolingModuleResult | TracedStripPooling;
export function stripPoolingModule(
  x: Tensor,
  options: StripPoolingModuleOptions & TraceFlag = {},
): StripPoolingModuleResult | TracedStripPooling {
  const op = "stripPoolingModule";
  checkTensor(op, "x", x);
  const [h, w] = spatialShape(op, x.shape, 2);
  const [n, c] = x.shape;
  const mid = options.midChannels ?? options.weights?.conv1.shape[0] ?? c;
  if (!Number.isInteger(mid) || mid < 1)
    throw new ParameterError(op, "midChannels", mid, "must be a positive whole number");
  const weights = options.weights ?? seededWeights(c, mid, options.seed ?? 0);
  checkWeight(op, "weights.conv1", weights.conv1, [mid, c, 3, 1]);
  checkWeight(op, "weights.conv2", weights.conv2, [mid, c, 1, 3]);
  checkWeight(op, "weights.conv3", weights.conv3, [c, mid, 1, 1]);
  checkWeight(op, "weights.bias3", weights.bias3, [c]);
  const horizontal = stripPool(x, "horizontal");
  const vertical = stripPool(x, "vertical");
  const a = conv2d(horizontal, weights.conv1, { padding: [1, 0] }); // (N, mid, H, 1)
  const b = conv2d(vertical, weights.conv2, { padding: [0, 1] }); // (N, mid, 1, W)
  const sum = new Float32Array(n * mid * h * w);
  for (let p = 0; p < n * mid; p++) {
    for (let i = 0; i < h; i++) {
      for (let j = 0; j < w; j++) sum[(p * h + i) * w + j] = a.data[p * h + i] + b.data[p * w + j];
    }
  }
  const attention = sigmoid(conv2d(relu(new Tensor(sum, [n, mid, h, w])), weights.conv3, { bias: weights.bias3 }));
  const output = new Tensor(
    x.data.map((v, i) => v * attention.data[i]),
    x.shape,
  );
  const result = { output, attention, horizontal, vertical, weights };
  return options.trace ? new TracedStripPooling(x, result, 3) : result;
}

function seededWeights(c: number, mid: number, seed: number): StripPoolingWeights {
  const uniform = (shape: number[], fanIn: number, s: number): Tensor => {
    const bound = 1 / Math.sqrt(fanIn);
    const u = rand(shape, { seed: s });
    return new Tensor(
      u.data.map((v) => (2 * v - 1) * bound),
      shape,
    );
  };
  return {
    conv1: uniform([mid, c, 3, 1], c * 3, seed),
    conv2: uniform([mid, c, 1, 3], c * 3, seed + 1),
    conv3: uniform([c, mid, 1, 1], mid, seed + 2),
    bias3: uniform([c], mid, seed + 3),
  };
}

function checkWeight(op: string, name: string, t: Tensor, shape: number[]): void {
  checkTensor(op, name, t);
  if (t.shape.length !== shape.length || t.shape.some((d, i) => d !== shape[i])) {
    throw new ParameterError(op, `${name}.shape`, t.shape, `must be [${shape.join(", ")}]`);
  }
}
