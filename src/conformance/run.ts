/**
 * The conformance runner: every case of a golden file through the public API, one verdict per case. Nothing
 * is skipped: an unknown op, an unknown parameter, a malformed case or a missing output is a failure with its
 * reason. A case marked "error" passes only if the op throws a ParameterError whose message names the
 * offending parameter: the one the case's error_param records (the argument PyTorch refuses), or, in a file
 * that does not record it, any parameter or input of the case.
 */
import { ParameterError } from "../core/errors.js";
import type { Tensor } from "../core/tensor.js";
import { camel, EXACT_OUTPUTS, OPS, type Inputs, type OpSpec, type Options } from "./cases.js";
import { compareTensor } from "./compare.js";
import { toTensor, type GoldenCase, type GoldenFile } from "./load.js";
import { TENSOR_OPS } from "./tensorCases.js";

export interface CaseResult {
  id: string;
  op: string;
  passed: boolean;
  reason?: string;
}

export interface Summary {
  results: CaseResult[];
  passed: number;
  failed: number;
  /** Per op, in first-seen order. */
  byOp: { op: string; passed: number; failed: number }[];
}

const BACKWARD = ".backward";

export function runCase(c: GoldenCase): CaseResult {
  const result = (passed: boolean, reason?: string): CaseResult => ({ id: c.id, op: c.op, passed, reason });
  if (c.problem) return result(false, c.problem);
  const backward = c.op.endsWith(BACKWARD);
  const base = backward ? c.op.slice(0, -BACKWARD.length) : c.op;
  const spec = OPS[base] ?? TENSOR_OPS[base];
  if (!spec) return result(false, `unknown op "${c.op}"`);
  if (backward && !spec.backward) return result(false, `op "${base}" has no backward`);

  let options: Options = {};
  const given: string[] = [];
  for (const [k, v] of Object.entries(c.params)) {
    const name = spec.params[k];
    if (name === undefined) return result(false, `unknown parameter "${k}" for op "${c.op}"`);
    // PyTorch's None means "the default"; golden files write it as null
    if (v !== null) options[name] = v;
    given.push(name, camel(k));
  }
  if (spec.convert) options = spec.convert(options);
  if (c.errorParam !== undefined && !(c.errorParam in c.params) && !inputNames(c).includes(c.errorParam)) {
    return result(false, `error_param "${c.errorParam}" is neither a parameter nor an input of this case`);
  }

  const needed = backward ? [...spec.inputs, "grad_y"] : spec.inputs;
  for (const name of needed) if (!c.inputs[name]) return result(false, `missing input "${name}"`);
  let inputs: Inputs;
  try {
    inputs = Object.fromEntries(Object.entries(c.inputs).map(([k, t]) => [k, toTensor(t)]));
  } catch (e) {
    return result(false, `input could not be built: ${(e as Error).message}`);
  }

  const paths: { label: string; run(): Record<string, Tensor> }[] = backward
    ? [{ label: "", run: () => ({ grad_x: (spec.backward as BackwardFn)(inputs.grad_y, inputs.x, options) }) }]
    : [
        { label: "", run: () => spec.run(inputs, options) },
        ...(spec.also ?? []).map((p) => ({ label: `${p.label}: `, run: () => p.run(inputs, options) })),
      ];
  for (const [i, path] of paths.entries()) {
    const reason = verdict(c, spec, given, path.run, i > 0);
    if (reason) return result(false, path.label + reason);
  }
  if (spec.check) {
    try {
      const reason = spec.check(inputs, options, c.extra);
      if (reason) return result(false, reason);
    } catch (e) {
      return result(false, `check threw: ${(e as Error).message}`);
    }
  }
  return result(true);
}

type BackwardFn = NonNullable<OpSpec["backward"]>;

/** The case's inputs by name; an input list (tensors0, tensors1, …) is one argument, `tensors[1]` in the library's words. */
function inputNames(c: GoldenCase): string[] {
  return Object.keys(c.inputs).flatMap((k) => [k, k.replace(/\d+$/, "")]);
}

/** One call of the op against the case: null if it gives the golden outputs (or refuses as it must), else why not. */
function verdict(
  c: GoldenCase,
  spec: OpSpec,
  given: string[],
  call: () => Record<string, Tensor>,
  partial: boolean,
): string | null {
  let outputs: Record<string, Tensor>;
  try {
    outputs = call();
  } catch (e) {
    if (!c.error) return `threw ${(e as Error).name}: ${(e as Error).message}`;
    if (!(e instanceof ParameterError))
      return `threw ${(e as Error).name}, not a ParameterError: ${(e as Error).message}`;
    if (!e.message.includes(e.param)) return `the error does not name its parameter: ${e.message}`;
    if (c.errorParam !== undefined) {
      // a golden parameter goes by its option's name (output_size → outputSize), an input by its own
      const want = inputNames(c).includes(c.errorParam) ? c.errorParam : spec.params[c.errorParam];
      if (e.param.split(/[.[]/)[0] === want) return null;
      return `the error names "${e.param}", but PyTorch refuses "${c.errorParam}": ${e.message}`;
    }
    if (!given.includes(e.param) && !inputNames(c).includes(e.param.split(/[.[]/)[0])) {
      return `the error names "${e.param}", which is not a parameter of this case: ${e.message}`;
    }
    return null;
  }
  if (c.error) return "expected a ParameterError, but the op returned a result";
  for (const [name, want] of Object.entries(c.outputs)) {
    const got = outputs[name];
    // a further path may produce part of the outputs (no indices without returnIndices), never none of them
    if (!got) {
      if (partial && Object.keys(outputs).some((k) => k in c.outputs)) continue;
      return `the op produced no output "${name}"`;
    }
    const diff = compareTensor(name, got, want, EXACT_OUTPUTS.has(name));
    if (diff) return diff;
  }
  return null;
}

export function runGolden(file: GoldenFile): Summary {
  const results = file.cases.map(runCase);
  const byOp = new Map<string, { op: string; passed: number; failed: number }>();
  for (const r of results) {
    const row = byOp.get(r.op) ?? { op: r.op, passed: 0, failed: 0 };
    if (r.passed) row.passed++;
    else row.failed++;
    byOp.set(r.op, row);
  }
  const passed = results.filter((r) => r.passed).length;
  return { results, passed, failed: results.length - passed, byOp: [...byOp.values()] };
}

/** The report: a per-op table, the failures with reasons, and the last line `conformance: N passed, M failed`. */
export function formatSummary(summary: Summary): string {
  const width = Math.max(2, ...summary.byOp.map((r) => r.op.length));
  const lines = [`${"op".padEnd(width)}  passed  failed`];
  for (const r of summary.byOp)
    lines.push(`${r.op.padEnd(width)}  ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}`);
  const failures = summary.results.filter((r) => !r.passed);
  if (failures.length > 0) {
    lines.push("", "failures:");
    for (const f of failures) lines.push(`  ${f.id}: ${f.reason}`);
  }
  lines.push("", `conformance: ${summary.passed} passed, ${summary.failed} failed`);
  return lines.join("\n");
}
