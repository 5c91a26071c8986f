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
console.log("edges:", edges.shape, "(channel 0 vertical, channel 1 horizontal; pictured with their strips below)");
""",
        zh=[
            ("// |response|, with the one-pixel border (where the padding makes false edges) set to 0", "// |响应|，一像素宽的边框（填充在这里造成虚假边缘）置为 0"),
            ('"edges:"', '"边缘："'),
            ('"(channel 0 vertical, channel 1 horizontal; pictured with their strips below)"', '"（通道 0 为竖直边缘，通道 1 为水平边缘；图见下面的条形）"'),
        ],
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
// the row strips of the horizontal edges and the column strips of the vertical ones (one channel each, traced)
const rowStrip = stripPool(edges.narrow(1, 1, 1), "horizontal", { trace: true }); // 1×1×96×1
const colStrip = stripPool(edges.narrow(1, 0, 1), "vertical", { trace: true }); //   1×1×1×96
// the k largest of a channel's strip, their positions in ascending order
const top = (strip: Tensor, k: number) => strip.flatten().topk(k).indices.sort().values.toArray() as number[];
console.log("strongest columns, vertical edges:", top(colStrip.output, 6).join(", "));
console.log("strongest rows, horizontal edges: ", top(rowStrip.output, 6).join(", "));
show([rowStrip, colStrip], { titles: ["horizontal edges, row strips (H×1)", "vertical edges, column strips (1×W)"] })
""",
        zh=[
            ("// the k largest of a channel's strip, their positions in ascending order", "// 一个通道条形中最大的 k 个值，按位置升序"),
            ('"strongest columns, vertical edges:"', '"竖直边缘最强的列："'),
            ('"strongest rows, horizontal edges: "', '"水平边缘最强的行： "'),
            ("// the row strips of the horizontal edges and the column strips of the vertical ones (one channel each, traced)", "// 水平边缘的行条形和竖直边缘的列条形（各一个通道，带追踪）"),
            ('"horizontal edges, row strips (H×1)"', '"水平边缘，行条形（H×1）"'),
            ('"vertical edges, column strips (1×W)"', '"竖直边缘，列条形（1×W）"'),
        ],
    ),
    md(
        """
The six strongest column strips of the vertical edges (printed above) all lie at the two tallest poles, which
`make_images.py` draws two pixels wide at columns 80–81 and 92–93 (an edge responds on both sides of a pole),
because each pole runs along most of its column: a strip adds up a long, thin object's evidence over its whole
length. The six strongest row strips of the horizontal edges lie between rows 10 and 17, the rows of the two power
lines, which cross the whole picture.

## Strips against square windows

Now spread the pooled values back over the image, as SPNet does (expand each strip to H×W), and compare with a
square 9×9 average window, which sees 81 cells around each position. A strip sees 96. Each picture adds the
two edge channels.
""",
        """
竖直边缘最强的六个列条形（上面打印的）全都在最高的两根电线杆处，`make_images.py` 把这两根杆画成两像素宽，位于第 80–81
列和第 92–93 列（边缘在杆的两侧都有响应）；这是因为每根电线杆几乎贯穿它所在的列：条形池化把细长物体沿其整个长度的证据加在一起。
水平边缘最强的六个行条形位于第 10 行到第 17 行之间，正是两条电线所在的行，电线横贯整张图。

## 条形窗口与正方形窗口的对比

像 SPNet 那样把池化值铺回整张图（把每个条形扩展到 H×W），再和 9×9 的正方形平均窗口比较：正方形窗口在每个位置周围看 81 个格子，
条形窗口看 96 个。每幅图都把两个边缘通道相加。
""",
    ),
    code(
        """
// both strips of both channels, each stretched over 96 rows (or columns); −1 keeps N and C
const rows = stripPool(edges, "horizontal").expand(-1, -1, 96, 96);
const cols = stripPool(edges, "vertical").expand(-1, -1, 96, 96);
const both = rows.add(cols).sum(1, true); // y(i, j) = h(i) + v(j), both channels added
const square = avgPool2d(edges, { kernelSize: 9, stride: 1, padding: 4, countIncludePad: false }).sum(1, true);
show([square, both], { titles: ["9×9 square mean", "row strip + column strip"], scale: "each" })
""",
        zh=[
            ("// both strips of both channels, each stretched over 96 rows (or columns); −1 keeps N and C", "// 两个通道的两种条形，各自拉伸到 96 行（或列）；−1 表示保持 N 和 C 不变"),
            ("// y(i, j) = h(i) + v(j), both channels added", "// y(i, j) = h(i) + v(j)，两个通道相加"),
            ('"9×9 square mean"', '"9×9 正方形平均"'),
            ('"row strip + column strip"', '"行条形 + 列条形"'),
        ],
    ),
    md(
        """
The square window only blurs: each pole stays where it was, wider and fainter, and a position beside the
building mixes building, sky and wires from at most 4 cells away. In the strip version (second picture, row strips plus column strips) each pole becomes a
full-height band and each wire a full-width band: every position gets a cross-shaped view — its whole row plus its
whole column, H + W − 1 cells — at the cost of just H + W pooled numbers per channel.
""",
        """
正方形窗口只会模糊：每根电线杆仍在原处，只是变宽变淡；楼房旁边的位置把至多 4 格以内的楼房、天空和电线混在一起。在条形版本中（第二幅图，行条形加列条形），
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
display(x, { title: "input, 3×48×48" });
display(spm.attention, { title: "attention s" });
""",
        zh=[('"strips:"', '"条形："'), ('" attention:"', '" 注意力："'), ('"input, 3×48×48"', '"输入，3×48×48"'), ('"attention s"', '"注意力 s"')],
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
show([y, z], { titles: ["fused map y = yʰ + yᵛ", "output z = s ⊙ x"], scale: "each" })
""",
        zh=[
            ("// step 1–2: 1×3×48×1", "// 第 1–2 步：1×3×48×1"),
            ("// step 3: 1×3×48×1 + 1×3×1×48 broadcast to 1×3×48×48", "// 第 3 步：1×3×48×1 + 1×3×1×48 广播成 1×3×48×48"),
            ("// step 4", "// 第 4 步"),
            ("// step 5", "// 第 5 步"),
            ('"attention matches the module:"', '"注意力与模块一致（最大差）："'),
            ('"output matches the module:   "', '"输出与模块一致（最大差）：  "'),
            ('"fused map y = yʰ + yᵛ"', '"融合图 y = yʰ + yᵛ"'),
            ('"output z = s ⊙ x"', '"输出 z = s ⊙ x"'),
        ],
    ),
    md(
        """
With random weights the attention is not yet meaningful — training would make it pick out the structures that
matter. Its *structure* is there already, and the next cell measures it instead of trusting the picture: the
fused map y is exactly a row term plus a column term (y − its row means − its column means + its mean is zero up
to rounding), and a change to one input pixel can move the attention only on a cross, the pixel's row and column
with their neighbours (the 3-tap convolutions read one strip cell either side): 3·48 + 3·48 − 9 = 279 of the 2,304
positions. It moves on fewer of them, because where y stays negative the ReLU passes no change; but on none off
the cross.
""",
        """
在随机权重下，注意力图还没有实际意义——训练会让它挑出重要的结构。
但它的*结构*已经存在，下一个单元格不靠眼睛看图，而是把它测量出来：融合图 y 恰好是一个行项加一个列项
（y 减去各行均值、减去各列均值、再加上总均值，在舍入误差内为零）；改动一个输入像素，注意力只可能在一个十字上改变：该像素所在的行和列
以及它们的相邻行列（3 抽头卷积会读到条形两侧各一格），即 2,304 个位置中的 3·48 + 3·48 − 9 = 279 个。实际变化的位置更少，
因为在 y 保持为负的地方 ReLU 不传递任何变化；但十字之外没有一个位置变化。
""",
    ),
    code(
        """
const att = spm.attention;
console.log(`attention: mean ${att.mean().item().toFixed(4)}, std ${att.std().item().toFixed(4)}`);
// y = yh + yv exactly: remove the row means and the column means, and nothing is left
const residual = y.sub(y.mean(3, true)).sub(y.mean(2, true)).add(y.mean([2, 3], true));
console.log(`y − row means − column means + mean: largest |value| ${residual.abs().max().item().toExponential(1)}`);
// one pixel changed: where does the attention move?
const poked = x.clone();
poked.set("0, :, 20, 30", 5);
const movedAt = stripPoolingModule(poked, { seed: 0 }).attention.sub(att).abs().amax(1).gt(0); // any channel
console.log(`pixel (20, 30) changed: attention moves at ${movedAt.sum().item()} of ${movedAt.size} positions`);
const cross = zeros([1, 48, 48]);
cross.set(":, 19:22, :", 1);
cross.set(":, :, 29:32", 1);
console.log(`on the cross of rows 19–21 and columns 29–31 (${cross.sum().item()} positions): ${movedAt.mul(cross).sum().item()}, off it: ${movedAt.sub(cross).clamp(0).sum().item()}`);
display(movedAt, { title: "where the attention moved (1) after one pixel changed" });
""",
        zh=[
            ("`attention: mean ", "`注意力：均值 "),
            (", std ", "，标准差 "),
            ("// y = yh + yv exactly: remove the row means and the column means, and nothing is left", "// y 恰好等于 yh + yv：减去行均值和列均值后什么也不剩"),
            ("`y − row means − column means + mean: largest |value| ", "`y − 行均值 − 列均值 + 均值：最大 |值| "),
            ("// one pixel changed: where does the attention move?", "// 改动一个像素：注意力在哪里变化？"),
            ("// any channel", "// 任一通道"),
            ('"where the attention moved (1) after one pixel changed"', '"改动一个像素后注意力变化的位置（1）"'),
            ("`pixel (20, 30) changed: attention moves at ", "`像素 (20, 30) 改变：注意力在 "),
            (" of ${movedAt.size} positions`", " / ${movedAt.size} 个位置上变化`"),
            ("`on the cross of rows 19–21 and columns 29–31 (", "`在第 19–21 行和第 29–31 列组成的十字上（"),
            (" positions): ", " 个位置）："),
            (", off it: ", "，十字之外："),
        ],
    ),
    md(
        """
## Exercises

1. Which six columns are strongest in the vertical-edge column strips of the lower half of the picture only
   (rows 48 to 95), where the shorter pole at column 66 also stands?
2. Change the pixel at (5, 40) instead of (20, 30): at how many positions does the attention move?

The next cell computes both.
""",
        """
## 练习

1. 只看图片下半部分（第 48 行到第 95 行，较矮的第 66 列电线杆也在这里），竖直边缘的列条形中最强的是哪六列？
2. 改动 (5, 40) 处的像素而不是 (20, 30)：注意力在多少个位置上变化？

下一个单元格算出这两个答案。
""",
    ),
    code(
        """
const lower = stripPool(edges.slice("..., 48:, :"), "vertical");
console.log("1. strongest columns, lower half:", top(lower.select(1, 0), 6).join(", "));
const poked2 = x.clone();
poked2.set("0, :, 5, 40", 5);
const moved2 = stripPoolingModule(poked2, { seed: 0 }).attention.sub(att).abs().amax(1).gt(0);
const cross2 = zeros([1, 48, 48]);
cross2.set(":, 4:7, :", 1);
cross2.set(":, :, 39:42", 1);
console.log(`2. pixel (5, 40): attention moves at ${moved2.sum().item()} positions, ${moved2.sub(cross2).clamp(0).sum().item()} off its cross`);
""",
        zh=[
            ('"1. strongest columns, lower half:"', '"1. 下半部分最强的列："'),
            ("`2. pixel (5, 40): attention moves at ", "`2. 像素 (5, 40)：注意力变化的位置数 "),
            (" positions, ${moved2.sub(cross2).clamp(0).sum().item()} off its cross`", " 个，十字之外 ${moved2.sub(cross2).clamp(0).sum().item()} 个`"),
        ],
    ),
]
