/**
 * Max unpooling, read from its trace as the pooling it inverts (unpoolAsWindow): where each pooled value was
 * written on the unpooled map (the recorded index) and which pooled values were written to a map cell.
 */
import { argmaxCell, outputFlatIndex, type PlaneAxes } from "./pooling.js";

/** Where pooled cell (i, j) of plane p went on the map: the cell its recorded index names. */
export function unpoolTarget(
  axes: PlaneAxes,
  p: number,
  i: number,
  j: number,
  pooledH: number,
  pooledW: number,
): [number, number] | null {
  return argmaxCell(axes, outputFlatIndex(axes, p, i, j, pooledH, pooledW), i);
}

/** The pooled cells of plane p whose value was written to map cell (i, j), in write order (the last one wins). */
export function unpoolWriters(
  axes: PlaneAxes,
  p: number,
  i: number,
  j: number,
  pooledH: number,
  pooledW: number,
): [number, number][] {
  const out: [number, number][] = [];
  for (let a = 0; a < pooledH; a++)
    for (let b = 0; b < pooledW; b++) {
      const t = unpoolTarget(axes, p, a, b, pooledH, pooledW);
      if (t && t[0] === i && t[1] === j) out.push([a, b]);
    }
  return out;
}
