/**
 * Summary statistics over every value of a tensor, non-finite values counted apart so one NaN does not hide
 * the range of the rest.
 */
export interface TensorStats {
  /** Over finite values; null when there are none. */
  min: number | null;
  max: number | null;
  mean: number | null;
  std: number | null;
  nanCount: number;
  posInfCount: number;
  negInfCount: number;
}

export function computeStats(data: ArrayLike<number>): TensorStats {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let finite = 0;
  let nonFinite = 0;
  // the common case first: one branch-light pass, non-finite values only counted (v - v is NaN for them)
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v - v === 0) {
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
      finite++;
    } else nonFinite++;
  }
  let nan = 0;
  let posInf = 0;
  let negInf = 0;
  if (nonFinite > 0) {
    for (let i = 0; i < data.length; i++) {
      const v = data[i];
      if (v !== v) nan++;
      else if (v === Infinity) posInf++;
      else if (v === -Infinity) negInf++;
    }
  }
  if (finite === 0)
    return { min: null, max: null, mean: null, std: null, nanCount: nan, posInfCount: posInf, negInfCount: negInf };
  const mean = sum / finite;
  // a second pass over deviations: sum of squares minus the squared mean would cancel for values far from 0
  let sq = 0;
  for (let i = 0; i < data.length; i++) {
    const d = data[i] - mean;
    if (d - d === 0) sq += d * d;
  }
  return { min, max, mean, std: Math.sqrt(sq / finite), nanCount: nan, posInfCount: posInf, negInfCount: negInf };
}

/** Short number text: up to 4 significant digits, a true minus sign. */
export function formatNumber(v: number | null): string {
  if (v === null) return "–";
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "∞";
  if (v === -Infinity) return "−∞";
  const abs = Math.abs(v);
  const text = abs !== 0 && (abs >= 1e5 || abs < 1e-3) ? v.toExponential(3) : String(Number(v.toPrecision(4)));
  return text.replace("-", "−");
}

/**
 * The summary's fields in order: shape, min, max, mean, the standard deviation when asked for (the renderer
 * shows it; text/plain, whose saved outputs are pinned, does not), and NaN/Inf counts when there are any.
 */
export function summaryFields(shape: readonly number[], s: TensorStats, options: { std?: boolean } = {}): string[] {
  const fields = [
    `shape=[${shape.join(", ")}]`,
    `min=${formatNumber(s.min)}`,
    `max=${formatNumber(s.max)}`,
    `mean=${formatNumber(s.mean)}`,
  ];
  if (options.std) fields.push(`std=${formatNumber(s.std)}`);
  if (s.nanCount) fields.push(`NaN=${s.nanCount}`);
  if (s.posInfCount) fields.push(`+Inf=${s.posInfCount}`);
  if (s.negInfCount) fields.push(`−Inf=${s.negInfCount}`);
  return fields;
}

/** One line: shape, min, max, mean, and NaN/Inf counts when there are any. */
export function summaryLine(shape: readonly number[], s: TensorStats): string {
  return `Tensor ${summaryFields(shape, s).join(" ")}`;
}
