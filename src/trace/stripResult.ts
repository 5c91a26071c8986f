/**
 * The result of stripPoolingModule called with `trace: true`: the module's tensors plus a trace of how the
 * fused map was made from the two strips. As a notebook cell's value it renders as the fused map (the
 * attention) beside the input, with the row and column strips linked to it.
 */
import { say } from "../core/messages.js";
import { toDisplayBundle, type CaptionOptions, type DisplayBundle } from "../display/bundle.js";
import { encodeFloat32 } from "../wire/payload.js";
import { JUPYTER_DISPLAY, type Tensor } from "../core/tensor.js";
import { TRACE_ARRAY_LIMIT, type StripFusionTrace } from "../wire/traceTypes.js";

export interface StripPoolingWeights {
  /** (mid, C, 3, 1): a 3-tap convolution along H of the H×1 strip (padding 1 on H). */
  conv1: Tensor;
  /** (mid, C, 1, 3): a 3-tap convolution along W of the 1×W strip (padding 1 on W). */
  conv2: Tensor;
  /** (C, mid, 1, 1): the 1×1 convolution back to C channels. */
  conv3: Tensor;
  /** (C): its bias. */
  bias3: Tensor;
}

export interface StripPoolingModuleResult {
  /** x ⊙ attention. */
  output: Tensor;
  /** σ(conv1×1(ReLU(expand(conv3×1(horizontal)) + expand(conv1×3(vertical))))), (N, C, H, W). */
  attention: Tensor;
  /** The H×1 and 1×W strips. */
  horizontal: Tensor;
  vertical: Tensor;
  weights: StripPoolingWeights;
}

export class TracedStripPooling implements StripPoolingModuleResult {
  readonly trace: StripFusionTrace;
  /** x ⊙ attention. */
  readonly output: Tensor;
  /** The fused map: σ(conv₁ₓ₁(ReLU(expand(conv rows) + expand(conv cols)))), (N, C, H, W). */
  readonly attention: Tensor;
  /** The H×1 strip (row means), (N, C, H, 1). */
  readonly horizontal: Tensor;
  /** The 1×W strip (column means), (N, C, 1, W). */
  readonly vertical: Tensor;
  readonly weights: StripPoolingWeights;

  constructor(
    readonly input: Tensor,
    result: StripPoolingModuleResult,
    taps: number,
  ) {
    ({
      output: this.output,
      attention: this.attention,
      horizontal: this.horizontal,
      vertical: this.vertical,
      weights: this.weights,
    } = result);
    this.trace = {
      kind: "stripFusion",
      op: "stripPoolingModule",
      inputShape: [...input.shape],
      outputShape: [...result.attention.shape],
      channels: "first",
      taps,
      midChannels: result.weights.conv3.shape[1],
    };
    const rows = smallFloats(result.horizontal.data);
    const cols = smallFloats(result.vertical.data);
    if (rows !== undefined) this.trace.rows = rows;
    if (cols !== undefined) this.trace.cols = cols;
  }

  toString(): string {
    return say("stripString", { input: this.input.shape.join(", "), output: this.attention.shape.join(", ") });
  }

  [JUPYTER_DISPLAY](options?: CaptionOptions): DisplayBundle {
    return toDisplayBundle(this.attention, options?.title ?? "stripPoolingModule (fused)", {
      input: this.input,
      trace: this.trace,
    });
  }
}

function smallFloats(values: Float32Array): string | undefined {
  return values.length <= TRACE_ARRAY_LIMIT ? encodeFloat32(values) : undefined;
}
