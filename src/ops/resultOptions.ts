/**
 * The options that choose a pooling op's result type. They stay out of each op's options interface on purpose:
 * a variable typed with that interface (`const o: MaxPoolOptions = { kernelSize: 2 }`) then resolves to the
 * Tensor overload, as a PyTorch user expects, and `{ ...o, trace: true }` to the traced one. A flag only known
 * at run time (`trace: flag`) goes through each op's last overload and is typed as the union.
 */

export interface TraceOptions {
  /** Return the traced result: the output and the geometry of every output cell (renders in Jupyter). */
  trace: true;
}

export interface IndicesOptions {
  /** Also return PyTorch's indices: `{ output, indices }`. */
  returnIndices: true;
  trace?: false;
}

/** `trace` as a boolean known only at run time. */
export interface TraceFlag {
  trace?: boolean;
}

/** `trace` and `returnIndices` as booleans known only at run time. */
export interface ResultFlags extends TraceFlag {
  returnIndices?: boolean;
}
