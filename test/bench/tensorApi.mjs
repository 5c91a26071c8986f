// The tensor API's hot paths against a plain typed-array loop, on 2^20 float32 values: add and mul (tensor
// with tensor of the same shape, and with a number) and sum. Medians of interleaved rounds; it reports, it does
// not assert. Needs `npm run build` first: node test/bench/tensorApi.mjs
import { performance } from "node:perf_hooks";
import * as ps from "../../dist/index.js";

const N = 1 << 20;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 41);
const a = ps.rand([N], { seed: 1 });
const b = ps.rand([N], { seed: 2 });

// the hand loops write a fresh array each call, as the ops do
const hand = {
  add: () => {
    const o = new Float32Array(N);
    const p = a.data;
    const q = b.data;
    for (let i = 0; i < N; i++) o[i] = p[i] + q[i];
    return o;
  },
  mulScalar: () => {
    const o = new Float32Array(N);
    const p = a.data;
    for (let i = 0; i < N; i++) o[i] = p[i] * 2;
    return o;
  },
  sum: () => {
    let s = 0;
    const p = a.data;
    for (let i = 0; i < N; i++) s += p[i];
    return s;
  },
};
const api = {
  add: () => a.add(b),
  mulScalar: () => a.mul(2),
  sum: () => a.sum(),
};

const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
const time = (f) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
// warm up, so both sides run optimised code
for (const k of Object.keys(hand)) {
  for (let i = 0; i < 5; i++) {
    hand[k]();
    api[k]();
  }
}
console.log(`2^20 float32 values, median of ${ROUNDS} interleaved rounds (ms)`);
console.log("op          hand loop  tensor API  ratio");
for (const k of Object.keys(hand)) {
  const h = [];
  const p = [];
  for (let r = 0; r < ROUNDS; r++) {
    h.push(time(hand[k]));
    p.push(time(api[k]));
  }
  const mh = median(h);
  const mp = median(p);
  console.log(
    `${k.padEnd(10)}  ${mh.toFixed(2).padStart(9)}  ${mp.toFixed(2).padStart(10)}  ${(mp / mh).toFixed(2).padStart(5)}`,
  );
}
