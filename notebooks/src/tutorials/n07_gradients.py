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
show([maxPool2d(x, { kernelSize: 2, trace: true }), maxPool2dBackward(gradY, x, { kernelSize: 2 })], { titles: ["forward: max pool 2×2", "backward: gradient on the input"], scale: "each" })
""",
        zh=[('"forward: max pool 2×2"', '"前向：最大池化 2×2"'), ('"backward: gradient on the input"', '"反向：输入上的梯度"')],
    ),
    md(
        """
The gradient lands on 6, 2, 3 and 9 — the cells the forward pass kept. Overlapping windows (3×3, stride 1) can
pick the same winner several times; that cell then collects every one of those gradients, and a cell that never
wins gets nothing. A tie goes to the first maximum in scan order.
""",
        """
梯度落在 6、2、3、9 上——正是前向传播保留的那些格子。重叠的窗口（3×3、步幅 1）可能多次选中同一个胜出者，
那个格子就会收集所有这些梯度；从未胜出的格子什么也得不到。出现并列时，梯度交给扫描顺序中的第一个最大值。
""",
    ),
    code(
        """
const peak = zeros([1, 1, 5, 5]);
peak.set("0, 0, 2, 2", 1); // the centre: peak[0, 0, 2, 2] = 1
const out3 = maxPool2d(peak, { kernelSize: 3, stride: 1 });
const g3 = maxPool2dBackward(onesLike(out3), peak, { kernelSize: 3, stride: 1 });
console.log(`${out3.size} overlapping windows, the centre wins all of them → gradient`, g3.get(0, 0, 2, 2));
const tie = tensor([[[[5, 5], [5, 5]]]]);
console.log("a 2×2 tie, gradient per cell:", String(maxPool2dBackward(tensor([[[[1]]]]), tie, { kernelSize: 2 }).flatten()));
g3
""",
        zh=[
            ("// the centre: peak[0, 0, 2, 2] = 1", "// 中心：peak[0, 0, 2, 2] = 1"),
            (" overlapping windows, the centre wins all of them → gradient`", " 个重叠窗口，中心在每个窗口都胜出 → 梯度`"),
            ('"a 2×2 tie, gradient per cell:"', '"2×2 并列，每格的梯度："'),
        ],
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
// how many real cells each window holds: the padded average of ones, times the window's 9 cells
const realCells = avgPool2d(ones([1, 1, 5, 5]), opts).mul(9);
const cornerWindows = realCells.slice("..., 0:2, 0:2"); // the windows centred at (0,0), (0,1), (1,0), (1,1) hold the corner
console.log("real cells in the corner's 4 windows:", String(cornerWindows.flatten()));
console.log("Σ 1/count:", cornerWindows.pow(-1).sum().item().toFixed(4));
show([withPad, withoutPad], { titles: ["countIncludePad: true", "countIncludePad: false"] })
""",
        zh=[
            ('"corner cell:"', '"角上的格子："'),
            ('"centre cell:"', '"中心的格子："'),
            ('"vs"', '"对比"'),
            ("// how many real cells each window holds: the padded average of ones, times the window's 9 cells", "// 每个窗口含多少个真实格子：全 1 图做带填充的平均池化，再乘以窗口的 9 个格子"),
            ("// the windows centred at (0,0), (0,1), (1,0), (1,1) hold the corner", "// 以 (0,0)、(0,1)、(1,0)、(1,1) 为中心的窗口包含角上的格子"),
            ('"real cells in the corner\'s 4 windows:"', '"角格所在 4 个窗口中的真实格子数："'),
            ('"countIncludePad: true"', '"countIncludePad: true（计入填充）"'),
            ('"countIncludePad: false"', '"countIncludePad: false（不计入填充）"'),
        ],
    ),
    md(
        """
With every output gradient 1, a centre cell sits in 9 windows of divisor 9 and gets exactly 1 either way. A corner
cell sits in 4 windows: with the padding counted each divides by 9 (4/9 ≈ 0.444); without it each divides by the
real cells it holds, 4, 6, 6 and 9 (printed above), so the corner gets 1/4 + 1/6 + 1/6 + 1/9 ≈ 0.694, the sum the
cell computes.

## Checking a gradient numerically

For L = Σ w ⊙ pool(x), nudge each input by ε and measure how L moves. With no ties, the finite differences agree
with the backward pass:
""",
        """
所有输出梯度都为 1 时，中心格子处在 9 个除数为 9 的窗口中，无论哪种方式都恰好得到 1。角上的格子处在 4 个窗口中：
计入填充时每个都除以 9（4/9 ≈ 0.444）；不计入时每个窗口除以它所含的真实格子数，即 4、6、6、9（上面已打印），
所以角格得到 1/4 + 1/6 + 1/6 + 1/9 ≈ 0.694，也就是单元格算出的和。

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
// nudge input i by ±eps: a one-hot tensor (flat index i, reshaped like x) times eps
const oneHot = (i: number) => {
  const e = zeros([xr.size]);
  e.set([i], 1);
  return e.reshape(xr.shape);
};
const slopes = Array.from({ length: xr.size }, (_, i) => {
  const d = oneHot(i).mul(eps);
  return (loss(xr.add(d)) - loss(xr.sub(d))) / (2 * eps);
});
const numeric = tensor(slopes, xr.shape);
const analytic = maxPool2dBackward(w, xr, { kernelSize: 2 });
console.log("largest difference:", numeric.sub(analytic).abs().max().item().toFixed(5));
analytic
""",
        zh=[
            ("// nudge input i by ±eps: a one-hot tensor (flat index i, reshaped like x) times eps", "// 把第 i 个输入挪动 ±eps：一个独热张量（展平下标 i，形状同 x）乘以 eps"),
            ('"largest difference:"', '"最大差："'),
        ],
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
对输出梯度做反池化*就是*反向传播。在 JupyterLab 中，悬停一个池化值可看到它的窗口和它被写到的位置，悬停反池化图上的格子可看到写入它的是哪个值：
""",
    ),
    code(
        """
const pooled = maxPool2d(x, { kernelSize: 2, returnIndices: true });
const routed = maxUnpool2d(gradY, pooled.indices, { kernelSize: 2 });
const backward = maxPool2dBackward(gradY, x, { kernelSize: 2 });
console.log("indices:", String(pooled.indices.flatten()));
console.log("unpooled gradient equals the backward pass:", routed.equal(backward));
maxUnpool2d(pooled.output, pooled.indices, { kernelSize: 2, trace: true })
""",
        zh=[('"indices:"', '"下标："'), ('"unpooled gradient equals the backward pass:"', '"反池化的梯度等于反向传播的结果："')],
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
console.log("pooled:", String(p.output.flatten()), "at flat indices", String(p.indices.flatten()));
const into5 = maxUnpool2d(p.output, p.indices, { kernelSize: 2, outputSize: [5, 5] });
const hits = into5.nonzero(); // one row (n, c, i, j) per non-zero value
const placed = Array.from({ length: hits.shape[0] }, (_, k) => {
  const [n, c, i, j] = hits.select(0, k).toArray() as number[];
  return `${into5.get(n, c, i, j)} at (${i},${j})`;
});
console.log(placed.join(", "));
maxUnpool2d(p.output, p.indices, { kernelSize: 2, outputSize: [5, 5], trace: true })
""",
        zh=[
            ('"pooled:"', '"池化结果："'),
            ('"at flat indices"', '"位于展平下标"'),
            ("// one row (n, c, i, j) per non-zero value", "// 每个非零值一行 (n, c, i, j)"), ("} at (${i},${j})`", "} 位于 (${i},${j})`")],
    ),
    md(
        """
## Exercises

1. In the overlap example, use stride 2 instead of 1: how many windows does the centre win, and what gradient
   does it collect?
2. With `countIncludePad: false`, 3×3 windows, stride 1 and padding 1 on a 5×5 map, what gradient does the cell
   at (0, 2), in the middle of the top edge, receive when every output gradient is 1?

The next cell computes both.
""",
        """
## 练习

1. 在重叠窗口的例子里把步幅从 1 改成 2：中心在几个窗口中胜出？它收集到多少梯度？
2. 在 5×5 的图上用 3×3 窗口、步幅 1、填充 1 且 `countIncludePad: false`，所有输出梯度都为 1 时，上边缘正中 (0, 2) 的格子得到多少梯度？

下一个单元格算出这两个答案。
""",
    ),
    code(
        """
const out3s2 = maxPool2d(peak, { kernelSize: 3, stride: 2 });
const g3s2 = maxPool2dBackward(onesLike(out3s2), peak, { kernelSize: 3, stride: 2 });
console.log(`1. stride 2: ${out3s2.eq(1).sum().item()} windows won by the centre, gradient ${g3s2.get(0, 0, 2, 2)}`);
console.log(`2. cell (0, 2): gradient ${withoutPad.get(0, 0, 0, 2).toFixed(4)}`);
""",
        zh=[
            ("`1. stride 2: ", "`1. 步幅 2：中心胜出 "),
            (" windows won by the centre, gradient ", " 个窗口，梯度 "),
            ("`2. cell (0, 2): gradient ", "`2. 格子 (0, 2)：梯度 "),
        ],
    ),
]
