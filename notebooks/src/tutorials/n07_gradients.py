from .cells import code, md

NAME = "07-where-the-gradient-goes.ipynb"

CELLS = [
    md(
        """
# 7 · Where the gradient goes

Pooling has no weights to learn, but during training the loss gradient must pass *through* it to the layers
below. `maxPool2dBackward(gradY, x, options)` and `avgPool2dBackward(gradY, x, options)` compute, as PyTorch
does, the gradient with respect to the input from the gradient with respect to the output.
""",
        """
# 7 · 梯度去了哪里

池化层没有需要学习的权重，但训练时损失的梯度必须*穿过*它，传到下面的层。`maxPool2dBackward(gradY, x, options)`
和 `avgPool2dBackward(gradY, x, options)` 按 PyTorch 的方式，由输出的梯度算出输入的梯度。
""",
    ),
    md(
        """
## Max pooling: all of it to the winner

Each output is one input cell, the window's maximum, so its whole gradient goes to that cell and the others get
0. The 4×4 map of notebook 1, with output gradients 1, 2, 3, 4:
""",
        """
## 最大池化：全部交给胜出者

每个输出就是一个输入格（窗口中的最大值），所以它的梯度全部传给那个格子，其余格子得到 0。用第 1 篇中的 4×4 图，
输出梯度取 1、2、3、4：
""",
    ),
    code(
        """
const x = tensor([[[
  [1, 3, 2, 0],
  [5, 6, 1, 2],
  [0, 2, 9, 4],
  [3, 1, 4, 8],
]]]);
const gradY = tensor([[[[1, 2], [3, 4]]]]);
display(maxPool2d(x, { kernelSize: 2, trace: true }));
maxPool2dBackward(gradY, x, { kernelSize: 2 })
"""
    ),
    md(
        """
The gradient lands on 6, 2, 3 and 9 — the cells the forward pass kept. Overlapping windows (3×3, stride 1) can
pick the same winner several times; that cell then collects every one of those gradients, and a cell that never
wins gets nothing. A tie goes to the first maximum in scan order.
""",
        """
梯度落在 6、2、3、9 上——正是前向传播保留的那些格子。重叠的窗口（3×3、步长 1）可能多次选中同一个胜出者，
那个格子就会收集所有这些梯度；从未胜出的格子什么也得不到。出现并列时，梯度交给扫描顺序中的第一个最大值。
""",
    ),
    code(
        """
const peak = zeros([1, 1, 5, 5]);
peak.set("0, 0, 2, 2", 1); // the centre: peak[0, 0, 2, 2] = 1
const out3 = maxPool2d(peak, { kernelSize: 3, stride: 1 });
const g3 = maxPool2dBackward(onesLike(out3), peak, { kernelSize: 3, stride: 1 });
console.log("9 overlapping windows, the centre wins all of them → gradient", g3.get(0, 0, 2, 2));
const tie = tensor([[[[5, 5], [5, 5]]]]);
console.log("a 2×2 tie, gradient per cell:", Array.from(maxPool2dBackward(tensor([[[[1]]]]), tie, { kernelSize: 2 }).data).join(" "));
g3
"""
    ),
    md(
        """
## Average pooling: shared equally

An average is (sum of the window) / divisor, so each cell of a window gets gradY / divisor. With 2×2 windows every
cell gets a quarter of its window's gradient. With padding, the padded cells take their share too
(`countIncludePad: true`, PyTorch's default), so border cells receive less than with `countIncludePad: false`:
""",
        """
## 平均池化：平均分配

平均值等于（窗口之和）/ 除数，所以窗口中的每个格子得到 gradY / 除数。2×2 窗口时，每个格子得到其窗口梯度的四分之一。
有填充时，填充的格子也分走一份（`countIncludePad: true`，PyTorch 的默认值），所以边界格子得到的比
`countIncludePad: false` 时少：
""",
    ),
    code(
        """
display(avgPool2dBackward(gradY, x, { kernelSize: 2 }));
const x5 = rand([1, 1, 5, 5], { seed: 3 });
const opts = { kernelSize: 3, stride: 1, padding: 1 };
const withPad = avgPool2dBackward(ones([1, 1, 5, 5]), x5, opts);
const withoutPad = avgPool2dBackward(ones([1, 1, 5, 5]), x5, { ...opts, countIncludePad: false });
console.log("corner cell:", withPad.get(0, 0, 0, 0).toFixed(4), "vs", withoutPad.get(0, 0, 0, 0).toFixed(4));
console.log("centre cell:", withPad.get(0, 0, 2, 2).toFixed(4), "vs", withoutPad.get(0, 0, 2, 2).toFixed(4));
concat([withPad, withoutPad], 1)
"""
    ),
    md(
        """
With every output gradient 1, a centre cell sits in 9 windows of divisor 9 and gets exactly 1 either way. A corner
cell sits in 4 windows: with the padding counted each divides by 9 (4/9 ≈ 0.444); without it the windows hold 4 or 6
real cells (1/4 + 1/6 + 1/6 + 1/9 ≈ 0.694).

## Checking a gradient numerically

For L = Σ w ⊙ pool(x), nudge each input by ε and measure how L moves. With no ties, the finite differences agree
with the backward pass:
""",
        """
所有输出梯度都为 1 时，中心格子处在 9 个除数为 9 的窗口中，无论哪种方式都恰好得到 1。角上的格子处在 4 个窗口中：
计入填充时每个都除以 9（4/9 ≈ 0.444）；不计入时这些窗口分别含 4 个或 6 个真实格子（1/4 + 1/6 + 1/6 + 1/9 ≈ 0.694）。

## 用数值方法检验梯度

对 L = Σ w ⊙ pool(x)，把每个输入挪动 ε，测量 L 的变化。没有并列时，有限差分与反向传播一致：
""",
    ),
    code(
        """
const xr = randn([1, 1, 6, 6], { seed: 8 });
const w = randn([1, 1, 3, 3], { seed: 9 });
const loss = (t: Tensor) => maxPool2d(t, { kernelSize: 2 }).mul(w).sum().item();
const eps = 1e-2;
const numeric = zeros(xr.shape);
for (let i = 0; i < xr.size; i++) {
  const up = xr.clone();
  const down = xr.clone();
  up.data[i] += eps;
  down.data[i] -= eps;
  numeric.data[i] = (loss(up) - loss(down)) / (2 * eps);
}
const analytic = maxPool2dBackward(w, xr, { kernelSize: 2 });
console.log("largest difference:", numeric.sub(analytic).abs().max().item().toFixed(5));
analytic
"""
    ),
    md(
        """
## Max unpooling

`maxUnpool2d` is max pooling's partial inverse: with the indices the forward pass returned, it writes each pooled
value back where it came from and zeros elsewhere. It is how segmentation decoders (SegNet, for example) undo
pooling, and it is the same routing the max-pool gradient follows: unpooling the output gradient *is* the backward
pass when windows do not overlap. In JupyterLab, hover a pooled value to see its window and where it went, or a cell of
the unpooled map to see which value was written there:
""",
        """
## 最大反池化

`maxUnpool2d` 是最大池化的部分逆运算：利用前向传播返回的下标，把每个池化值写回它原来的位置，其余位置填 0。
分割网络的解码器（例如 SegNet）就是这样撤销池化的；它走的路线也正是最大池化梯度的路线：窗口不重叠时，
对输出梯度做反池化*就是*反向传播。在 JupyterLab 中，悬停一个池化值可看到它的窗口和它被写到的位置，悬停反池化图上的单元可看到写入它的是哪个值：
""",
    ),
    code(
        """
const pooled = maxPool2d(x, { kernelSize: 2, returnIndices: true });
const routed = maxUnpool2d(gradY, pooled.indices, { kernelSize: 2 });
const backward = maxPool2dBackward(gradY, x, { kernelSize: 2 });
console.log("indices:", Array.from(pooled.indices.data).join(", "));
console.log("unpooled gradient equals the backward pass:", routed.equal(backward));
maxUnpool2d(pooled.output, pooled.indices, { kernelSize: 2, trace: true })
"""
    ),
    md(
        """
Given a different `outputSize`, PyTorch keeps the flat indices and re-reads them with the new width. Pooling the
4×4 map of 1…16 gives 6, 8, 14, 16 at flat indices 5, 7, 13, 15; unpooled into 5×5 they land at (1,0), (1,2),
(2,3) and (3,0), not where they came from:
""",
        """
如果指定了不同的 `outputSize`，PyTorch 保持展平下标不变，并按新的宽度重新解读。对 1…16 的 4×4 图做池化，得到位于展平下标
5、7、13、15 的 6、8、14、16；反池化到 5×5 时它们落在 (1,0)、(1,2)、(2,3)、(3,0)，而不是原来的位置：
""",
    ),
    code(
        """
const grid = reshape(arange(1, 17), [1, 1, 4, 4]);
const p = maxPool2d(grid, { kernelSize: 2, returnIndices: true });
const into5 = maxUnpool2d(p.output, p.indices, { kernelSize: 2, outputSize: [5, 5] });
const hits = into5.nonzero(); // one row (n, c, i, j) per non-zero value
const placed = Array.from({ length: hits.shape[0] }, (_, k) => {
  const [n, c, i, j] = hits.select(0, k).toArray() as number[];
  return `${into5.get(n, c, i, j)} at (${i},${j})`;
});
console.log(placed.join(", "));
maxUnpool2d(p.output, p.indices, { kernelSize: 2, outputSize: [5, 5], trace: true })
"""
    ),
]
