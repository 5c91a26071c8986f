"""Golden cases for the everyday tensor API (issue 14): elementwise ops with broadcasting, reductions, indexing
and shape moves, constructors, matmul, comparisons, sort/topk/nonzero, computed with a real PyTorch.

A case names the torch function and passes its arguments under PyTorch's names: tensors in `inputs`
(a list of tensors as tensors0, tensors1, ...), everything else in `params` (src/conformance/tensorCases.ts
reads them generically). `slice` and `set` stand for indexing, `x[index]` and `x[index] = value`, with the
index written as the library's slicing string. Where PyTorch refuses, the case records `error_param`, the
argument the refusal is about, and the library must blame the same one.

    /tmp/torchvenv/bin/python test/golden/gen_tensor_api.py
"""

import json
import pathlib

import torch

from golden_io import Cases, encode

OUT = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "golden" / "torch2_tensor_api.json"

torch.manual_seed(14)
cases = Cases()


def rnd(*shape):
    return torch.randn(list(shape), dtype=torch.float32)


def floats(*values):
    return torch.tensor(values, dtype=torch.float32)


NAN = float("nan")
INF = float("inf")


def outputs_of(r):
    if isinstance(r, torch.Tensor):
        if r.dtype == torch.bool:
            return {"y": r.float()}
        if r.dtype in (torch.int64, torch.int32):
            return {"indices": r}
        return {"y": r}
    if isinstance(r, bool):
        return {"y": torch.tensor(float(r))}
    if hasattr(r, "values") and hasattr(r, "indices"):
        return {"values": r.values, "indices": r.indices}
    raise TypeError(type(r))


def case(op, call, inputs=None, params=None, error_param=None, note=None):
    """Runs call(); records its outputs, or, when PyTorch refuses, an error case blaming error_param."""
    inputs = inputs or {}
    params = params or {}
    try:
        r = call()
    except (RuntimeError, IndexError, ValueError, TypeError) as e:
        assert error_param, f"{op} {params}: PyTorch refused ({e}) but the case names no error_param"
        # golden_io checks error_param against params and input names; a list argument (tensors0, tensors1, ...)
        # is blamed by its stem, which the conformance runner understands, so it is set after the check
        known = error_param in params or error_param in inputs
        note = note or str(e).splitlines()[0][:160]
        cases.add(op, params, inputs, error=True, note=note, error_param=error_param if known else next(iter(inputs)))
        cases.cases[-1]["error_param"] = error_param
        return
    assert error_param is None, f"{op} {params}: expected a refusal about {error_param}"
    cases.add(op, params, inputs, outputs_of(r), note=note)


# ---- elementwise, broadcasting corners ----------------------------------------------------------------------
shapes = [
    ([2, 3], [2, 3]),
    ([2, 3], [3]),
    ([2, 1], [1, 3]),
    ([4, 1, 3], [2, 1]),
    ([], [2, 3]),
    ([2, 3], []),
    ([0, 3], [1, 3]),
    ([2, 1, 3], [5, 1, 1, 1]),
]
binary = {
    "add": torch.add,
    "sub": torch.sub,
    "mul": torch.mul,
    "div": torch.div,
    "maximum": torch.maximum,
    "minimum": torch.minimum,
    "eq": torch.eq,
    "ne": torch.ne,
    "gt": torch.gt,
    "ge": torch.ge,
    "lt": torch.lt,
    "le": torch.le,
}
for name, fn in binary.items():
    for a, b in shapes:
        x, y = rnd(*a).round(decimals=1), rnd(*b).round(decimals=1)
        case(name, lambda: fn(x, y), {"input": x, "other": y})
    # NaN, infinities and signed zeros on both sides
    x = floats(NAN, 1.0, INF, -INF, 0.0, -0.0, 2.0)
    y = floats(1.0, NAN, INF, 1.0, -0.0, 0.0, 2.0)
    case(name, lambda: fn(x, y), {"input": x, "other": y})
    # shapes that do not broadcast
    x, y = rnd(2, 3), rnd(2)
    case(name, lambda: fn(x, y), {"input": x, "other": y}, error_param="other")
    x, y = rnd(2, 3, 4), rnd(3, 1, 4)
    case(name, lambda: fn(x, y), {"input": x, "other": y}, error_param="other")

for name in ["add", "sub", "mul", "div", "eq", "ne", "gt", "ge", "lt", "le"]:
    fn = binary[name]
    x = floats(-1.5, 0.0, 0.5, 2.0, NAN)
    for other in [2.0, -0.5, 0.1, 0.0]:
        case(name, lambda: fn(x, other), {"input": x}, {"other": other})

x = rnd(3, 4)
for e in [2.0, 0.5, -1.0, 3.0, 0.0, 1.7]:
    case("pow", lambda: torch.pow(x, e), {"input": x}, {"exponent": e})
x = floats(-8.0, -1.0, 0.0, 0.0, 1.0, 2.0, NAN, -1.0)
y = floats(1 / 3, INF, -1.0, 0.0, NAN, 0.5, 0.0, -INF)
case("pow", lambda: torch.pow(x, y), {"input": x, "exponent": y})
x, y = rnd(2, 1).abs(), rnd(3)
case("pow", lambda: torch.pow(x, y), {"input": x, "exponent": y})
y = rnd(2, 3)
case("pow", lambda: torch.pow(2.0, y), {"exponent": y}, {"input": 2.0})

for name, fn in {"neg": torch.neg, "abs": torch.abs, "exp": torch.exp, "log": torch.log, "sqrt": torch.sqrt}.items():
    x = rnd(2, 3, 4)
    case(name, lambda: fn(x), {"input": x})
    x = floats(NAN, INF, -INF, 0.0, -0.0, -1.0, 1e-30, 88.0, 100.0)
    case(name, lambda: fn(x), {"input": x})
    x = torch.zeros(0, 3)
    case(name, lambda: fn(x), {"input": x})

x = floats(-3.0, -1.0, 0.0, 0.5, 2.0, NAN, INF, -INF)
for lo, hi in [(-1.0, 1.0), (None, 0.0), (0.0, None), (1.0, -1.0)]:
    case("clamp", lambda: torch.clamp(x, lo, hi), {"input": x}, {"min": lo, "max": hi})
x, lo, hi = rnd(3, 4), rnd(4) - 0.5, rnd(3, 1) + 0.5
case("clamp", lambda: torch.clamp(x, lo, hi), {"input": x, "min": lo, "max": hi})
case("clamp", lambda: torch.clamp(x, rnd(5)), {"input": x, "min": rnd(5)}, error_param="min")

c = (rnd(2, 3) > 0).float()
x, y = rnd(2, 3), rnd(3)
case("where", lambda: torch.where(c.bool(), x, y), {"condition": c, "input": x, "other": y})
case("where", lambda: torch.where(c.bool(), x, 0.0), {"condition": c, "input": x}, {"other": 0.0})
c2 = (rnd(2, 1) > 0).float()
x2 = rnd(1, 4)
case("where", lambda: torch.where(c2.bool(), x2, -1.0), {"condition": c2, "input": x2}, {"other": -1.0})
case("where", lambda: torch.where(c.bool(), rnd(4), y), {"condition": c, "input": rnd(4), "other": y}, error_param="input")

# ---- reductions -----------------------------------------------------------------------------------------
x = rnd(2, 3, 4)
dims = [None, 0, -1, 1, [0, 2], [-1, -2], [0, 1, 2]]
for name, fn in {"sum": torch.sum, "mean": torch.mean, "amax": torch.amax, "amin": torch.amin}.items():
    for d in dims:
        for keep in [False, True]:
            if d is None:
                if name in ("amax", "amin"):
                    case(name, lambda: fn(x, keepdim=keep), {"input": x}, {"keepdim": keep} if keep else {})
                    continue
                if keep:
                    continue
                case(name, lambda: fn(x), {"input": x})
            else:
                case(name, lambda: fn(x, d, keep), {"input": x}, {"dim": d, "keepdim": keep})
    xn = floats(1.0, NAN, 3.0, -INF).reshape(2, 2)
    case(name, lambda: fn(xn, 1) if name not in ("sum", "mean") else fn(xn, 1), {"input": xn}, {"dim": 1})
    case(name, lambda: fn(x, 3), {"input": x}, {"dim": 3}, error_param="dim")
    case(name, lambda: fn(x, -4), {"input": x}, {"dim": -4}, error_param="dim")
    case(name, lambda: fn(x, [0, 0]), {"input": x}, {"dim": [0, 0]}, error_param="dim")
    xe = torch.zeros(0, 3)
    if name in ("amax", "amin"):
        case(name, lambda: fn(xe, 0), {"input": xe}, {"dim": 0}, error_param="dim")
        case(name, lambda: fn(xe, 1), {"input": xe}, {"dim": 1})
    else:
        case(name, lambda: fn(xe, 0), {"input": xe}, {"dim": 0})
        case(name, lambda: fn(xe), {"input": xe})
s0 = torch.tensor(2.5)
case("sum", lambda: torch.sum(s0), {"input": s0})
case("sum", lambda: torch.sum(s0, 0), {"input": s0}, {"dim": 0})
case("mean", lambda: torch.mean(s0, -1, True), {"input": s0}, {"dim": -1, "keepdim": True})

x = rnd(2, 3, 4).round(decimals=0)
for d in [None, 0, -1, 2]:
    for keep in [False, True]:
        if d is None and keep:
            continue
        if d is None:
            case("prod", lambda: torch.prod(x), {"input": x})
        else:
            case("prod", lambda: torch.prod(x, d, keep), {"input": x}, {"dim": d, "keepdim": keep})
case("prod", lambda: torch.prod(floats(1e20, 1e20, 0.0)), {"input": floats(1e20, 1e20, 0.0)})
case("prod", lambda: torch.prod(torch.zeros(0)), {"input": torch.zeros(0)})

# ties (the first index wins) and NaN (the first NaN wins)
xt = floats(1.0, 3.0, 3.0, -2.0, 1.0, -2.0, 0.5, 3.0, NAN, 2.0, NAN, -5.0).reshape(3, 4)
for name, fn in {"argmax": torch.argmax, "argmin": torch.argmin}.items():
    for xx in [x, xt]:
        case(name, lambda: fn(xx), {"input": xx})
        case(name, lambda: fn(xx, keepdim=True), {"input": xx}, {"keepdim": True})
        for d in [0, 1, -1]:
            if xx.dim() == 2 and d == 2:
                continue
            for keep in [False, True]:
                case(name, lambda: fn(xx, d, keep), {"input": xx}, {"dim": d, "keepdim": keep})
    case(name, lambda: fn(torch.zeros(0)), {"input": torch.zeros(0)}, error_param="input")
    case(name, lambda: fn(x, 3), {"input": x}, {"dim": 3}, error_param="dim")

for name, fn in {"max": torch.max, "min": torch.min}.items():
    for xx in [x, xt]:
        case(name, lambda: fn(xx), {"input": xx})
        for d in [0, -1]:
            for keep in [False, True]:
                case(name, lambda: fn(xx, d, keep), {"input": xx}, {"dim": d, "keepdim": keep})
    a, b = rnd(2, 3), rnd(3)
    case(name, lambda: fn(a, b), {"input": a, "other": b})
    case(name, lambda: fn(torch.zeros(0, 2)), {"input": torch.zeros(0, 2)}, error_param="input")
    case(name, lambda: fn(torch.zeros(0, 2), 0), {"input": torch.zeros(0, 2)}, {"dim": 0}, error_param="dim")
    case(name, lambda: fn(torch.zeros(0, 2), 1), {"input": torch.zeros(0, 2)}, {"dim": 1})

x = rnd(3, 5)
for name, fn in {"std": torch.std, "var": torch.var}.items():
    case(name, lambda: fn(x), {"input": x})
    for d in [0, -1, [0, 1]]:
        for corr in [1, 0, 2]:
            for keep in [False, True]:
                case(
                    name,
                    lambda: fn(x, d, correction=corr, keepdim=keep),
                    {"input": x},
                    {"dim": d, "correction": corr, "keepdim": keep},
                )
    one = floats(4.0)
    case(name, lambda: fn(one), {"input": one}, note="one value, correction 1: 0/0")
    case(name, lambda: fn(floats(1.0, NAN, 2.0)), {"input": floats(1.0, NAN, 2.0)})

x = rnd(3, 4)
for p in [2, 1, 3, 0.5, INF, -INF, 0]:
    ps = "Infinity" if p == INF else "-Infinity" if p == -INF else p
    case("norm", lambda: torch.norm(x, p), {"input": x}, {"p": ps})
    case("norm", lambda: torch.norm(x, p, 1, True), {"input": x}, {"p": ps, "dim": 1, "keepdim": True})
case("norm", lambda: torch.norm(x, 2, [0, 1]), {"input": x}, {"p": 2, "dim": [0, 1]})
case("norm", lambda: torch.norm(x, 2, -2), {"input": x}, {"p": 2, "dim": -2})

# ---- indexing -----------------------------------------------------------------------------------------
x = torch.arange(2 * 3 * 4 * 5, dtype=torch.float32).reshape(2, 3, 4, 5)
for d, i in [(0, 1), (1, -1), (-1, 2), (3, -5), (2, 0)]:
    case("select", lambda: torch.select(x, d, i), {"input": x}, {"dim": d, "index": i})
case("select", lambda: torch.select(x, 1, 3), {"input": x}, {"dim": 1, "index": 3}, error_param="index")
case("select", lambda: torch.select(x, 4, 0), {"input": x}, {"dim": 4, "index": 0}, error_param="dim")
for d, s, n in [(0, 0, 1), (1, 1, 2), (-1, -3, 3), (3, 5, 0), (2, 0, 4)]:
    case("narrow", lambda: torch.narrow(x, d, s, n), {"input": x}, {"dim": d, "start": s, "length": n})
case("narrow", lambda: torch.narrow(x, 2, 2, 3), {"input": x}, {"dim": 2, "start": 2, "length": 3}, error_param="length")
case("narrow", lambda: torch.narrow(x, 2, 6, 0), {"input": x}, {"dim": 2, "start": 6, "length": 0}, error_param="start")

slices = [
    ":, 0, 1:3, ::2",
    "1",
    "-1, -1",
    "..., 0",
    "0, ..., 1:",
    ":, :, ::3",
    "1:, 1:2, -3:-1, 4:",
    ":, 5:, :",
    "0, 0, 3:1",
    "..., -100:100:2",
    "1, 2, 3, 4",
    "::7",
]
for spec in slices:
    case("slice", lambda: eval(f"x[{spec}]"), {"input": x}, {"index": spec})
for spec in ["::-1", "0, 0, 0, 0, 0", "5", ":, -4", ":, 0:2:0"]:
    case("slice", lambda: eval(f"x[{spec}]"), {"input": x}, {"index": spec}, error_param="index")


def setitem(t, spec, value):
    y = t.clone()
    exec(f"y[{spec}] = value")
    return y


for spec, value in [(":, 0, 1:3, ::2", -1.0), ("1", 7.0), ("..., -1", 0.5), ("0, 1, 2, 3", 9.0), (":, :, 5:", 1.0)]:
    case("set", lambda: setitem(x, spec, value), {"input": x}, {"index": spec, "value": value})
v = floats(-1.0, -2.0, -3.0)
case("set", lambda: setitem(x, ":, :, 0, 0", v), {"input": x, "value": v}, {"index": ":, :, 0, 0"})
v = rnd(4, 1)
case("set", lambda: setitem(x, "0, 0", v), {"input": x, "value": v}, {"index": "0, 0"})
case("set", lambda: setitem(x, "0, 0", rnd(3)), {"input": x, "value": rnd(3)}, {"index": "0, 0"}, error_param="value")

# ---- shape moves --------------------------------------------------------------------------------------
x = rnd(2, 3, 4)
case("clone", lambda: x.clone(), {"input": x})
for a, b in [(0, 1), (-1, 0), (1, 1), (2, -2)]:
    case("transpose", lambda: torch.transpose(x, a, b), {"input": x}, {"dim0": a, "dim1": b})
case("transpose", lambda: torch.transpose(x, 0, 3), {"input": x}, {"dim0": 0, "dim1": 3}, error_param="dim1")
for p in [[2, 0, 1], [0, 1, 2], [-1, 0, 1]]:
    case("permute", lambda: torch.permute(x, p), {"input": x}, {"dims": p})
case("permute", lambda: torch.permute(x, [0, 0, 1]), {"input": x}, {"dims": [0, 0, 1]}, error_param="dims")
case("permute", lambda: torch.permute(x, [0, 1]), {"input": x}, {"dims": [0, 1]}, error_param="dims")
for name, fn in {"reshape": torch.reshape, "view": lambda t, s: t.view(s)}.items():
    for s in [[6, 4], [-1], [4, -1, 3], [1, 24, 1]]:
        case(name, lambda: fn(x, s), {"input": x}, {"shape": s})
    case(name, lambda: fn(x, [5, -1]), {"input": x}, {"shape": [5, -1]}, error_param="shape")
for s, e in [(0, -1), (1, 2), (0, 1), (-2, -1), (2, 2)]:
    case("flatten", lambda: torch.flatten(x, s, e), {"input": x}, {"start_dim": s, "end_dim": e})
y = rnd(1, 3, 1, 2)
for d in [None, 0, 1, -2, [0, 2]]:
    if d is None:
        case("squeeze", lambda: torch.squeeze(y), {"input": y})
    else:
        case("squeeze", lambda: torch.squeeze(y, d), {"input": y}, {"dim": d})
for d in [0, 2, 3, -1, -4]:
    case("unsqueeze", lambda: torch.unsqueeze(x, d), {"input": x}, {"dim": d})
case("unsqueeze", lambda: torch.unsqueeze(x, 4), {"input": x}, {"dim": 4}, error_param="dim")
z = rnd(3, 1)
for s in [[3, 4], [2, 3, 4], [-1, 2], [3, 1], [2, -1, 0]]:
    case("expand", lambda: z.expand(s), {"input": z}, {"size": s})
case("expand", lambda: z.expand([4, 4]), {"input": z}, {"size": [4, 4]}, error_param="size")
case("expand", lambda: z.expand([4]), {"input": z}, {"size": [4]}, error_param="size")
for r in [[2, 1], [1, 3], [2, 2, 2], [0, 1]]:
    case("repeat", lambda: z.repeat(r), {"input": z}, {"repeats": r})
case("repeat", lambda: z.repeat([2]), {"input": z}, {"repeats": [2]}, error_param="repeats")
for d in [[0], [-1], [0, 2], []]:
    case("flip", lambda: torch.flip(x, d), {"input": x}, {"dims": d})
case("flip", lambda: torch.flip(x, [0, 0]), {"input": x}, {"dims": [0, 0]}, error_param="dims")
for s, d in [(1, 0), (-1, 2), (5, 1), ([1, 2], [0, 2]), (3, None), ([1, 1], [1, 1])]:
    params = {"shifts": s} if d is None else {"shifts": s, "dims": d}
    case("roll", lambda: torch.roll(x, s, d) if d is not None else torch.roll(x, s), {"input": x}, params)
case("roll", lambda: torch.roll(x, [1, 2], [0]), {"input": x}, {"shifts": [1, 2], "dims": [0]}, error_param="shifts")



# ---- strides: is_contiguous and view after chains of view ops ("before": method calls on the input) -----------
def chain(t, before):
    for name, *args in before:
        t = eval(f"t[{args[0]}]") if name == "slice" else getattr(t, name)(*args)
    return t


x34, x234, x31, x41 = rnd(3, 4), rnd(2, 3, 4), rnd(3, 1), rnd(4, 1)
for t, before in [
    (x34, []),
    (x34, [["transpose", 0, 1]]),
    (x34, [["transpose", 0, 1], ["transpose", 0, 1]]),
    (x34, [["slice", ":, ::2"]]),
    (x34, [["slice", "1:"]]),
    (x34, [["slice", "::2"]]),
    (x34, [["select", 1, 0]]),
    (x34, [["select", 0, 1]]),
    (x34, [["narrow", 1, 0, 2]]),
    (x34, [["narrow", 0, 1, 2]]),
    (x31, [["expand", [3, 4]]]),
    (x31, [["unsqueeze", 0], ["expand", [1, 3, 1]]]),
    (x34, [["transpose", 0, 1], ["contiguous"]]),
    (x34, [["transpose", 0, 1], ["clone"]]),
    (x34, [["slice", ":, ::2"], ["clone"]]),
    (x234, [["permute", [2, 0, 1]]]),
    (x234, [["permute", [2, 0, 1]], ["permute", [1, 2, 0]]]),
    (x34, [["transpose", 0, 1], ["reshape", [-1]]]),
    (x34, [["transpose", 0, 1], ["unsqueeze", 1]]),
    (x34, [["transpose", 0, 1], ["unsqueeze", 1], ["squeeze", 1]]),
    (x41, [["transpose", 0, 1]]),
    (x234, [["slice", ":, :, 1:3"], ["view", [6, 2]]]),
    (x234, [["transpose", 1, 2], ["flatten"]]),
    (x234, [["select", 2, 1], ["select", 1, 0]]),
]:
    case("is_contiguous", lambda: chain(t, before).is_contiguous(), {"input": t}, {"before": before})
for t, before, shape in [
    (x34, [["transpose", 0, 1]], [-1]),
    (x34, [["transpose", 0, 1]], [4, 3]),
    (x34, [["transpose", 0, 1]], [2, 2, 3]),
    (x34, [["transpose", 0, 1]], [4, 1, 3, 1]),
    (x34, [["slice", ":, 1:3"]], [6]),
    (x34, [["slice", ":, 1:3"]], [3, 2, 1]),
    (x34, [["slice", ":, 1:3"]], [3, 1, 2]),
    (x234, [["slice", ":, :, 1:3"]], [6, 2]),
    (x234, [["slice", ":, :, 1:3"]], [2, 6]),
    (x234, [["transpose", 1, 2]], [2, 12]),
    (x234, [["transpose", 1, 2]], [8, 3]),
    (x234, [["transpose", 1, 2]], [2, 2, 2, 3]),
    (x31, [["expand", [3, 4]]], [12]),
    (x31, [["expand", [3, 4]]], [3, 2, 2]),
    (x34, [["slice", "::2"]], [8]),
    (x34, [["transpose", 0, 1], ["transpose", 0, 1]], [12]),
]:
    refused = None
    try:
        chain(t, before).view(shape)
    except RuntimeError:
        refused = "shape"
    case("view", lambda: chain(t, before).view(shape), {"input": t}, {"before": before, "shape": shape}, error_param=refused)
    case("reshape", lambda: chain(t, before).reshape(shape), {"input": t}, {"before": before, "shape": shape})
case("flatten", lambda: chain(x234, [["transpose", 0, 2]]).flatten(), {"input": x234}, {"before": [["transpose", 0, 2]], "start_dim": 0})

a, b, c3 = rnd(2, 3), rnd(1, 3), rnd(2, 2)
case("cat", lambda: torch.cat([a, b], 0), {"tensors0": a, "tensors1": b}, {"dim": 0})
case("cat", lambda: torch.cat([a, c3], -1), {"tensors0": a, "tensors1": c3}, {"dim": -1})
case("cat", lambda: torch.cat([a, b], 1), {"tensors0": a, "tensors1": b}, {"dim": 1}, error_param="tensors")
a2 = rnd(2, 3)
for d in [0, 1, 2, -1, -3]:
    case("stack", lambda: torch.stack([a, a2, a], d), {"tensors0": a, "tensors1": a2, "tensors2": a}, {"dim": d})
case("stack", lambda: torch.stack([a, b], 0), {"tensors0": a, "tensors1": b}, {"dim": 0}, error_param="tensors")
case("stack", lambda: torch.stack([a, a2], 3), {"tensors0": a, "tensors1": a2}, {"dim": 3}, error_param="dim")

F = torch.nn.functional
img = rnd(1, 2, 3, 4)
img3 = rnd(2, 3, 4)
for t, p, mode, value in [
    (img, [1, 1], "constant", 0.0),
    (img, [1, 2, 0, 1], "constant", -1.5),
    (img, [-1, 1, 1, -2], "constant", 0.0),
    (img, [0, 0, 0, 0, 1, 1], "constant", 2.0),
    (img3, [2, 3], "reflect", None),
    (img, [1, 2, 2, 1], "reflect", None),
    (img3, [2, 3], "replicate", None),
    (img, [3, 1, 0, 2], "replicate", None),
    (img3, [1, 2, 2, 1], "reflect", None),
]:
    params = {"pad": p, "mode": mode}
    if value is not None:
        params["value"] = value
    case("pad", lambda: F.pad(t, p, mode, value), {"input": t}, params)
case("pad", lambda: F.pad(img, [2, 3], "reflect"), {"input": img}, {"pad": [2, 3], "mode": "reflect"}, error_param="pad")
case("pad", lambda: F.pad(img, [4, 0], "reflect"), {"input": img}, {"pad": [4, 0], "mode": "reflect"}, error_param="pad")
case("pad", lambda: F.pad(img, [1], "constant"), {"input": img}, {"pad": [1], "mode": "constant"}, error_param="pad")
v3 = rnd(2, 5)
case("pad", lambda: F.pad(v3, [2, 2], "reflect"), {"input": v3}, {"pad": [2, 2], "mode": "reflect"})

# ---- constructors -------------------------------------------------------------------------------------
case("ones", lambda: torch.ones([2, 3]), params={"size": [2, 3]})
case("ones", lambda: torch.ones([0, 2]), params={"size": [0, 2]})
case("full", lambda: torch.full([3, 1], 0.1), params={"size": [3, 1], "fill_value": 0.1})
x = rnd(2, 3)
case("zeros_like", lambda: torch.zeros_like(x), {"input": x})
case("ones_like", lambda: torch.ones_like(x), {"input": x})
case("full_like", lambda: torch.full_like(x, -2.5), {"input": x}, {"fill_value": -2.5})
for n, m in [(3, None), (2, 4), (4, 2), (0, None)]:
    params = {"n": n} if m is None else {"n": n, "m": m}
    case("eye", lambda: torch.eye(n) if m is None else torch.eye(n, m), params=params)
for s, e, n in [(0.0, 1.0, 5), (-1.0, 1.0, 7), (0.0, 1.0, 1), (0.0, 1.0, 0), (3.0, -2.0, 6), (0.0, 0.3, 11)]:
    case("linspace", lambda: torch.linspace(s, e, n), params={"start": s, "end": e, "steps": n})
for s, e, st in [(0, 5, 1), (1.0, 2.0, 0.25), (0.0, 1.0, 0.1), (5, 0, -1.5), (2, 2, 1)]:
    case("arange", lambda: torch.arange(s, e, st, dtype=torch.float32), params={"start": s, "end": e, "step": st})
case("arange", lambda: torch.arange(0, 1, 0), params={"start": 0, "end": 1, "step": 0}, error_param="step")

# ---- matmul, comparisons, ordering --------------------------------------------------------------------
for sa, sb in [([3], [3]), ([2, 3], [3]), ([3], [3, 4]), ([2, 3], [3, 4]), ([5, 2, 3], [3, 4]), ([2, 1, 2, 3], [4, 3, 2])]:
    a, b = rnd(*sa), rnd(*sb)
    case("matmul", lambda: torch.matmul(a, b), {"input": a, "other": b})
for sa, sb in [([2, 3], [2, 3]), ([3], [4]), ([2, 2, 3], [3, 3, 1])]:
    a, b = rnd(*sa), rnd(*sb)
    case("matmul", lambda: torch.matmul(a, b), {"input": a, "other": b}, error_param="other")

a = floats(1.0, 2.0, NAN, INF)
for b, opts in [
    (floats(1.0, 2.0, NAN, INF), {}),
    (floats(1.0, 2.0, NAN, INF), {"equal_nan": True}),
    (floats(1.00001, 2.0, NAN, INF), {"equal_nan": True}),
    (floats(1.001, 2.0, NAN, INF), {"equal_nan": True}),
    (floats(1.001, 2.0, NAN, INF), {"equal_nan": True, "rtol": 1e-2}),
    (floats(1.1, 2.0, NAN, INF), {"equal_nan": True, "atol": 0.2, "rtol": 0.0}),
    (floats(1.0, 2.0, NAN, -INF), {"equal_nan": True}),
]:
    case("allclose", lambda: torch.allclose(a, b, **opts), {"input": a, "other": b}, opts)
x = rnd(2, 3)
case("allclose", lambda: torch.allclose(x, x[0]), {"input": x, "other": x[0].clone()})
case("equal", lambda: torch.equal(x, x.clone()), {"input": x, "other": x.clone()})
case("equal", lambda: torch.equal(x, x[0]), {"input": x, "other": x[0].clone()})
case("equal", lambda: torch.equal(a, a.clone()), {"input": a, "other": a.clone()}, note="NaN equals nothing")

xs = floats(3.0, 1.0, 2.0, 1.0, NAN, 3.0, -INF, 0.0, 1.0, 2.0, 2.0, NAN).reshape(3, 4)
for d in [-1, 0]:
    for desc in [False, True]:
        case("sort", lambda: torch.sort(xs, stable=True, dim=d, descending=desc), {"input": xs}, {"dim": d, "descending": desc}, note="stable")
x = rnd(3, 5)
case("sort", lambda: torch.sort(x), {"input": x})
xk = rnd(4, 6)
for k, d, largest in [(2, -1, True), (3, 0, False), (6, 1, True), (0, 1, True)]:
    case("topk", lambda: torch.topk(xk, k, d, largest), {"input": xk}, {"k": k, "dim": d, "largest": largest})
case("topk", lambda: torch.topk(xk, 7), {"input": xk}, {"k": 7}, error_param="k")
xz = floats(0.0, 1.0, 0.0, -2.0, NAN, 0.0).reshape(2, 3)
case("nonzero", lambda: torch.nonzero(xz), {"input": xz})
case("nonzero", lambda: torch.nonzero(torch.zeros(2, 2)), {"input": torch.zeros(2, 2)})
case("nonzero", lambda: torch.nonzero(torch.tensor(3.0)), {"input": torch.tensor(3.0)})

# ---- add/sub with alpha, div with a rounding mode, topk unsorted, linspace ends (issue 14, second part) ------
for name, fn in {"add": torch.add, "sub": torch.sub}.items():
    for a, b in [([2, 3], [2, 3]), ([2, 1], [1, 3]), ([4, 1, 3], [2, 1]), ([], [2, 3])]:
        x, y = rnd(*a), rnd(*b)
        for alpha in [2.0, -0.5, 0.1, 3.0]:
            case(name, lambda: fn(x, y, alpha=alpha), {"input": x, "other": y}, {"alpha": alpha})
    x = floats(NAN, 1.0, INF, -INF, 0.0, -0.0, 2.0, 1e30)
    y = floats(1.0, NAN, INF, 1.0, -0.0, 0.0, INF, 1e30)
    for alpha in [0.0, -1.0, 1e10]:
        case(name, lambda: fn(x, y, alpha=alpha), {"input": x, "other": y}, {"alpha": alpha})
    case(name, lambda: fn(x, 0.5, alpha=3.0), {"input": x}, {"other": 0.5, "alpha": 3.0})
    # one rounding, as a fused multiply-add: -3 + 3 * (1 + 2^-23) is 3 * 2^-23, two roundings would give 4 * 2^-23
    x1, y1 = torch.full((19,), -3.0 if name == "add" else 3.0), torch.full((19,), 1 + 2**-23)
    case(name, lambda: fn(x1, y1, alpha=3.0), {"input": x1, "other": y1}, {"alpha": 3.0}, note="fused multiply-add")
    case(name, lambda: fn(rnd(2, 3), rnd(2), alpha=2.0), {"input": rnd(2, 3), "other": rnd(2)}, {"alpha": 2.0}, error_param="other")
    case(name, lambda: fn(x, y, alpha="two"), {"input": x, "other": y}, {"alpha": "two"}, error_param="alpha")

numer = floats(7.0, -7.0, 7.0, -7.0, 0.5, -0.5, 0.0, -0.0, 1.0, -1.0, NAN, INF, -INF, 5.0, -5.0, 1e30, 6.0, -6.0)
denom = floats(2.0, 2.0, -2.0, -2.0, 1.0, 1.0, 3.0, 3.0, 0.0, 0.0, 1.0, 2.0, 2.0, INF, INF, 3e-7, 0.1, -0.1)
for mode in ["trunc", "floor"]:
    case("div", lambda: torch.div(numer, denom, rounding_mode=mode), {"input": numer, "other": denom}, {"rounding_mode": mode})
    z = floats(1.0, -1.0, 0.0, NAN)
    case("div", lambda: torch.div(z, torch.zeros(4), rounding_mode=mode), {"input": z, "other": torch.zeros(4)}, {"rounding_mode": mode}, note="division by zero")
    x, y = (rnd(4, 1, 3) * 10).round(decimals=1), rnd(2, 1).round(decimals=1)
    case("div", lambda: torch.div(x, y, rounding_mode=mode), {"input": x, "other": y}, {"rounding_mode": mode})
    xr = rnd(3, 5) * 100
    for other in [3.0, -2.5, 0.0, 0.3]:
        case("div", lambda: torch.div(xr, other, rounding_mode=mode), {"input": xr}, {"other": other, "rounding_mode": mode})
    case("div", lambda: torch.div(rnd(2, 3), rnd(2), rounding_mode=mode), {"input": rnd(2, 3), "other": rnd(2)}, {"rounding_mode": mode}, error_param="other")
case("div", lambda: torch.div(numer, denom, rounding_mode=None), {"input": numer, "other": denom}, {"rounding_mode": None})
case("div", lambda: torch.div(numer, denom, rounding_mode="round"), {"input": numer, "other": denom}, {"rounding_mode": "round"}, error_param="rounding_mode")


def by_index(r, dim):
    """topk with sorted=False may order its k results any way: the case records them ordered by index, and the
    conformance runner orders the library's the same way, so the two compare as sets."""
    idx, perm = r.indices.sort(dim)
    return torch.return_types.topk((r.values.gather(dim, perm), idx))


xk = rnd(5, 40)
xt = floats(2.0, 1.0, 2.0, NAN, 0.0, 2.0, -1.0, 1.0).reshape(2, 4)
for t, k, d, largest in [(xk, 3, -1, True), (xk, 7, 1, False), (xk, 40, 1, True), (xk, 2, 0, False), (xk, 0, 1, True), (xt, 2, 1, True), (xt, 3, 1, False), (xt, 1, 0, True)]:
    case(
        "topk",
        lambda: by_index(torch.topk(t, k, d, largest, sorted=False), d),
        {"input": t},
        {"k": k, "dim": d, "largest": largest, "sorted": False},
        note="sorted=False: compared ordered by index, as sets",
    )
    case("topk", lambda: torch.topk(t, k, d, largest, sorted=True), {"input": t}, {"k": k, "dim": d, "largest": largest, "sorted": True})

# ties: PyTorch's CPU kernel runs the unstable std::partial_sort (k * 64 <= size) or std::nth_element + std::sort,
# so equal values come out in the order those algorithms leave (ops/stdOrder.ts repeats them); long rows of few
# distinct values reach introsort's partitions, sorted rows its worst pivots
xties = torch.randint(0, 4, (3, 700)).float()
xties[1] = torch.sort(xties[1]).values
xties[2, ::9] = NAN
for k, largest in [(5, True), (5, False), (11, True), (40, True), (40, False), (699, True), (300, False)]:
    case("topk", lambda: torch.topk(xties, k, 1, largest), {"input": xties}, {"k": k, "dim": 1, "largest": largest}, note="ties")
    case(
        "topk",
        lambda: by_index(torch.topk(xties, k, 1, largest, sorted=False), 1),
        {"input": xties},
        {"k": k, "dim": 1, "largest": largest, "sorted": False},
        note="ties, sorted=False: compared ordered by index, as sets",
    )
xcol = torch.randint(0, 3, (90, 2)).float()
case("topk", lambda: torch.topk(xcol, 30, 0), {"input": xcol}, {"k": 30, "dim": 0}, note="ties along dim 0")
case("topk", lambda: torch.topk(torch.tensor(3.0), 1), {"input": torch.tensor(3.0)}, {"k": 1})
case("topk", lambda: torch.topk(torch.tensor(3.0), 0), {"input": torch.tensor(3.0)}, {"k": 0}, note="0-d: its own top 0 too")
case("topk", lambda: torch.topk(xk, 2, sorted="yes"), {"input": xk}, {"k": 2, "sorted": "yes"}, error_param="sorted")

# the last value is end exactly, the first start, whatever the rounding of the step (test/unit/ops/construct.test.ts
# compares these bit for bit)
for s, e, n in [(0.0, 0.3, 11), (-3.7, 11.1, 37), (0.1, 0.7, 3), (1e-3, 1.0, 1000), (5.0, -5.0, 101), (-1.0, 1.0, 2), (0.0, 1.0, 1001), (2.0, 2.0, 4), (1e6, 1e6 + 1, 7)]:
    case("linspace", lambda: torch.linspace(s, e, n), params={"start": s, "end": e, "steps": n})
case("linspace", lambda: torch.linspace(0.0, 1.0, -1), params={"start": 0.0, "end": 1.0, "steps": -1}, error_param="steps")

# ---- pooling on unbatched input, where PyTorch takes it -----------------------------------------------------
for nd, shape in [(1, [2, 7]), (2, [2, 5, 6]), (3, [2, 4, 6, 4])]:
    x = rnd(*shape)
    y, idx = getattr(F, f"max_pool{nd}d")(x, 2, 2, return_indices=True)
    cases.add(f"max_pool{nd}d", {"kernel_size": 2, "stride": 2}, {"x": x}, {"y": y, "indices": idx})
    cases.add(f"avg_pool{nd}d", {"kernel_size": 2, "stride": 1}, {"x": x}, {"y": getattr(F, f"avg_pool{nd}d")(x, 2, 1)})
    cases.add(
        f"lp_pool{nd}d",
        {"norm_type": 2, "kernel_size": 2, "stride": 2},
        {"x": x},
        {"y": getattr(F, f"lp_pool{nd}d")(x, 2, 2, 2)},
    )
    out = [3] * nd
    cases.add(f"adaptive_avg_pool{nd}d", {"output_size": out}, {"x": x}, {"y": getattr(F, f"adaptive_avg_pool{nd}d")(x, out)})
    ay, ai = getattr(F, f"adaptive_max_pool{nd}d")(x, out, return_indices=True)
    cases.add(f"adaptive_max_pool{nd}d", {"output_size": out, "return_indices": True}, {"x": x}, {"y": ay, "indices": ai})
    cases.add(
        f"max_unpool{nd}d",
        {"kernel_size": 2, "stride": 2},
        {"x": y, "indices": idx.float()},
        {"y": getattr(F, f"max_unpool{nd}d")(y, idx, 2, 2)},
    )
# one rank too few for even the unbatched form: PyTorch refuses
x = rnd(5, 6)
case("max_pool2d", lambda: F.max_pool2d(x, 2), {"x": x}, {"kernel_size": 2}, error_param="x")

# ---- printing: str(t) for test/unit/core/print.test.ts (not a golden case: the output is text) ------------
PRINTS = {
    "ints2d": torch.tensor([[1.0, 2.0], [3.0, 4.0]]),
    "mixed": torch.tensor([[1.5, -2.25, 3.0], [0.0, 100.125, -0.5]]),
    "scalar": torch.tensor(3.5),
    "scalar_int": torch.tensor(-2.0),
    "tiny": torch.tensor([1e-5, 1.0]),
    "big": torch.tensor([1e9, 1.0]),
    "int_ratio": torch.tensor([1.0, 2000.0]),
    "nan_inf": torch.tensor([NAN, INF, -INF, 1.5]),
    "nan_int": torch.tensor([NAN, 1.0, 2.0]),
    "all_nan": torch.tensor([NAN, NAN]),
    "zeros": torch.zeros(2, 3),
    "negzero": torch.tensor([-0.0, 1.0]),
    "tie_half_even": torch.tensor([0.03125, 0.5]),
    "empty1": torch.zeros(0),
    "empty2": torch.zeros(0, 3),
    "wrapped": torch.arange(30.0) / 7,
    "summarised2d": torch.arange(2000.0).reshape(40, 50) / 3,
    "summarised3d": torch.arange(1200.0).reshape(2, 30, 20),
    "rank4": torch.arange(16.0).reshape(1, 2, 2, 4),
    "sci_negative": torch.tensor([-1.5e-7, 2.0, 3e5]),
    "arange2000": torch.arange(2000.0),
    "exactly1000": torch.arange(1000.0) / 1000,
    "randn": rnd(3, 4),
}
prints = {k: {"shape": list(v.shape), "data": encode(v)["data"], "str": str(v)} for k, v in PRINTS.items()}

# the same printer under torch.set_printoptions; "options" holds the library's camelCase names
WITH_OPTIONS = [
    ("precision2", PRINTS["mixed"], {"precision": 2}),
    ("precision0", PRINTS["randn"], {"precision": 0}),
    ("precision8", torch.tensor([1 / 3, 2 / 3]), {"precision": 8}),
    ("threshold5", torch.arange(10.0), {"threshold": 5}),
    ("threshold5_edge1", torch.arange(24.0).reshape(2, 3, 4), {"threshold": 5, "edgeitems": 1}),
    ("edge0_1d", torch.arange(10.0), {"threshold": 5, "edgeitems": 0}),
    ("edge0_2d", torch.arange(20.0).reshape(4, 5), {"threshold": 5, "edgeitems": 0}),
    ("edge5", torch.arange(2000.0), {"edgeitems": 5}),
    ("linewidth40", torch.arange(30.0) / 7, {"linewidth": 40}),
    ("linewidth1", torch.arange(4.0), {"linewidth": 1}),
    ("sci_on", PRINTS["mixed"], {"sci_mode": True}),
    ("sci_on_ints", PRINTS["ints2d"], {"sci_mode": True}),
    ("sci_off", PRINTS["tiny"], {"sci_mode": False}),
    ("sci_off_big", PRINTS["big"], {"sci_mode": False}),
    ("profile_short", PRINTS["summarised2d"], {"profile": "short"}),
    ("profile_full", torch.arange(1200.0) / 3, {"profile": "full"}),
    ("profile_full_precision2", torch.arange(1100.0) / 3, {"profile": "full", "precision": 2}),
]
for name, v, o in WITH_OPTIONS:
    torch.set_printoptions(**o)
    camel = {"sci_mode": "sciMode"}
    prints[name] = {"shape": list(v.shape), "data": encode(v)["data"], "str": str(v), "options": {camel.get(k, k): val for k, val in o.items()}}
    torch.set_printoptions(profile="default")
with open(OUT.parent.parent / "torch2_print.json", "w") as f:
    json.dump({"about": f"str(tensor) in PyTorch {torch.__version__}", "cases": prints}, f, separators=(",", ":"))
    f.write("\n")

cases.write(OUT, "the everyday tensor API (issue 14): elementwise, reductions, indexing, shape moves, constructors")
