from .cells import code, md

NAME = "05-strip-pooling.ipynb"

CELLS = [
    md(
        """
# 5 · Strip pooling

Strip pooling (Hou, Zhang, Cheng and Feng, CVPR 2020, SPNet) pools over long, narrow windows: a whole row
(H×1 output) or a whole column (1×W output). Square windows gather context from a small neighbourhood in every
direction; a strip gathers it far along one direction, which suits long structures — roads, poles, rails,
horizons — and avoids mixing in unrelated regions beside them.
""",
        """
# 5 · 条形池化

条形池化（Hou、Zhang、Cheng、Feng，CVPR 2020，SPNet）在狭长的窗口上池化：整行（输出 H×1）或整列（输出 1×W）。
正方形窗口从各个方向的小邻域中收集上下文；条形窗口则沿一个方向收集很远的上下文，适合道路、电线杆、铁轨、地平线这类细长结构，
也避免把旁边无关区域的内容混进来。
""",
    ),
    md(
        """
## Long structures in a picture

The street scene (`../images/street.png`, drawn by code) has poles (long and vertical), power lines, a roof and a
horizon (long and horizontal). As feature maps we take its edges: channel 0 responds to vertical structures
(|left − right| differences), channel 1 to horizontal ones (|above − below|); the image border, where the zero
padding would make false edges, is set to 0.
""",
        """
## 图片中的细长结构

街景图（`../images/street.png`，由代码绘制）里有电线杆（细长、竖直），还有电线、楼顶和地平线（细长、水平）。
我们取它的边缘作为特征图：通道 0 响应竖直结构（|左 − 右| 之差），通道 1 响应水平结构（|上 − 下|）；
图像边框处的零填充会造成虚假的边缘，因此把边框置为 0。
""",
    ),
    code(
        """
const gray = await loadImage("../images/street.png", { channels: "gray" });
const diff = tensor([[[[0, 0, 0], [-1, 0, 1], [0, 0, 0]]], [[[0, -1, 0], [0, 0, 0], [0, 1, 0]]]]); // 2×1×3×3
// |response|, with the one-pixel border (where the padding makes false edges) set to 0
const edges = conv2d(gray, diff, { padding: 1 }).abs().slice("..., 1:-1, 1:-1").pad([1, 1, 1, 1]);
edges
"""
    ),
    md(
        """
## H×1 and 1×W strips

`stripPool(x, "horizontal")` averages each row (output H×1, PyTorch's `AdaptiveAvgPool2d((None, 1))`);
`stripPool(x, "vertical")` averages each column (output 1×W, `AdaptiveAvgPool2d((1, None))`). Hover an entry in
JupyterLab to see its strip.
""",
        """
## H×1 与 1×W 条形

`stripPool(x, "horizontal")` 对每一行求平均（输出 H×1，即 PyTorch 的 `AdaptiveAvgPool2d((None, 1))`）；
`stripPool(x, "vertical")` 对每一列求平均（输出 1×W，即 `AdaptiveAvgPool2d((1, None))`）。在 JupyterLab 中悬停某一项可看到它的条形。
""",
    ),
    code(
        """
const rowStrip = stripPool(edges, "horizontal", { trace: true }); // 1×2×96×1
const colStrip = stripPool(edges, "vertical", { trace: true }); //   1×2×1×96
// the k largest of a channel's strip, their positions in ascending order
const top = (strip: Tensor, k: number) => Array.from(strip.flatten().topk(k).indices.sort().values.data);
console.log("strongest columns, vertical edges:", top(colStrip.output.select(1, 0), 6).join(", "), "");
console.log("strongest rows, horizontal edges: ", top(rowStrip.output.select(1, 1), 6).join(", "));
display(rowStrip);
colStrip
"""
    ),
    md(
        """
The column strips of the vertical edges peak at the two tallest poles (columns 80–82 and 91–94), because each
pole runs along most of its column: a strip adds up a long, thin object's evidence over its whole length. The row
strips of the horizontal edges peak at the rows of the power lines (10–17), which cross the whole picture.

## Strips against square windows

Now spread the pooled values back over the image, as SPNet does (expand each strip to H×W), and compare with a
square 9×9 average window, which sees 81 cells around each position. A strip sees 96.
""",
        """
竖直边缘的列条形在最高的两根电线杆处（第 80–82 列和第 91–94 列）达到峰值，因为每根电线杆几乎贯穿它所在的列：
条形池化把细长物体沿其整个长度的证据加在一起。水平边缘的行条形在电线所在的行（第 10–17 行）达到峰值，电线横贯整张图。

## 条形窗口与正方形窗口的对比

像 SPNet 那样把池化值铺回整张图（把每个条形扩展到 H×W），再和 9×9 的正方形平均窗口比较：正方形窗口在每个位置周围看 81 个格子，
条形窗口看 96 个。
""",
    ),
    code(
        """
// a strip of size 1 in H (or W) stretched over 96 rows (or columns); −1 keeps N and C
const rows = rowStrip.output.expand(-1, -1, 96, 96);
const cols = colStrip.output.expand(-1, -1, 96, 96);
const both = rows.add(cols); // y(i, j) = h(i) + v(j)
const square = avgPool2d(edges, { kernelSize: 9, stride: 1, padding: 4, countIncludePad: false });
display(square);
both
"""
    ),
    md(
        """
The square window only blurs: each pole becomes a short smear, and a position beside the building mixes
building, sky and wires. In the strip version (second picture, row strips plus column strips) each pole becomes a
full-height band and each wire a full-width band: every position gets a cross-shaped view — its whole row plus its
whole column, H + W − 1 cells — at the cost of just H + W pooled numbers per channel.
""",
        """
正方形窗口只会模糊：每根电线杆变成一段短短的斑，楼房旁边的位置把楼房、天空和电线混在一起。在条形版本中（第二幅图，行条形加列条形），
每根电线杆变成贯穿全高的带，每条电线变成贯穿全宽的带：每个位置都拥有十字形的视野——整行加整列，共 H + W − 1 个格子——
而每个通道的代价只是 H + W 个池化值。
""",
    ),
    md(
        """
## The Strip Pooling Module, step by step

SPNet's Strip Pooling Module (SPM) turns the two strips into an attention map for the input:
1. pool the H×1 and the 1×W strips;
2. a 3-tap 1-D convolution along each strip (kernel 3×1 on the H×1 strip, 1×3 on the 1×W strip);
3. expand both back to H×W and add them: y(c, i, j) = yʰ(c, i) + yᵛ(c, j);
4. ReLU, a 1×1 convolution, and a sigmoid: s = σ(conv₁ₓ₁(ReLU(y)));
5. multiply the input by it: z = s ⊙ x.

`stripPoolingModule` runs the whole module with seeded weights (the batch-norm layers of the original are left
out; untrained they are nearly the identity). Here on the RGB street scene at 48×48:
""",
        """
## 条形池化模块，一步一步来

SPNet 的条形池化模块（SPM）把两个条形变成输入的注意力图：
1. 池化出 H×1 和 1×W 两个条形；
2. 沿每个条形做 3 抽头的一维卷积（H×1 条形用 3×1 卷积核，1×W 条形用 1×3）；
3. 把两者扩展回 H×W 并相加：y(c, i, j) = yʰ(c, i) + yᵛ(c, j)；
4. ReLU、1×1 卷积、sigmoid：s = σ(conv₁ₓ₁(ReLU(y)))；
5. 与输入相乘：z = s ⊙ x。

`stripPoolingModule` 用固定种子的权重运行整个模块（原版中的批归一化层被省略；未训练时它们几乎是恒等映射）。
下面用 48×48 的彩色街景：
""",
    ),
    code(
        """
const x = avgPool2d(await loadImage("../images/street.png"), { kernelSize: 2 }); // 1×3×48×48
const spm = stripPoolingModule(x, { seed: 0 });
console.log("strips:", spm.horizontal.shape, spm.vertical.shape, " attention:", spm.attention.shape);
display(x);
spm.attention
"""
    ),
    md(
        """
Called with `trace: true`, the module also returns how its fused map was made. Shown as a cell's value, each
plane's input has its row strip (H×1) beside it and its column strip (1×W) below it, next to the fused map (the
attention). In JupyterLab, hover a fused cell: its row-strip and column-strip cells light up (with their
neighbours, which the 3-tap convolutions also read) and so do the input row and column they average.
""",
        """
用 `trace: true` 调用时，模块还会返回融合图是如何得到的。作为单元格的值显示时，每个平面的输入旁边是它的行条形（H×1），
下方是列条形（1×W），再旁边是融合图（注意力）。在 JupyterLab 中悬停融合图的某个格子：它对应的行条形格子和列条形格子会亮起
（连同 3 抽头卷积也会读到的相邻格子），它们所平均的输入行和列也会亮起。
""",
    ),
    code(
        """
stripPoolingModule(x, { seed: 0, trace: true })
"""
    ),
    md(
        """
The same five steps written out with the module's own weights, checked against its result:
""",
        """
用模块自己的权重把这五步逐一写出来，并与它的结果核对：
""",
    ),
    code(
        """
const W = spm.weights;
const yh = conv2d(stripPool(x, "horizontal"), W.conv1, { padding: [1, 0] }); // step 1–2: 1×3×48×1
const yv = conv2d(stripPool(x, "vertical"), W.conv2, { padding: [0, 1] }); //   1×3×1×48
const y = yh.add(yv); // step 3: 1×3×48×1 + 1×3×1×48 broadcast to 1×3×48×48
const s = sigmoid(conv2d(relu(y), W.conv3, { bias: W.bias3 })); // step 4
const z = x.mul(s); // step 5
const maxDiff = (a: Tensor, b: Tensor) => a.sub(b).abs().max().item();
console.log("attention matches the module:", maxDiff(s, spm.attention));
console.log("output matches the module:   ", maxDiff(z, spm.output));
display(y);
z
"""
    ),
    md(
        """
With random weights the attention is not yet meaningful — training would make it pick out the structures that
matter — but its *shape* is already visible: every attention value is a function of one row and one column, so it
varies in bands and crosses, never in blobs.
""",
        """
在随机权重下，注意力图还没有实际意义——训练会让它挑出重要的结构——但它的*形状*已经可见：每个注意力值都只取决于一行和一列，
所以它按条带和十字变化，而不会呈现团块。
""",
    ),
]
