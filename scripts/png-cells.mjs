// Lists every image/png output of the tutorials (notebooks/en, notebooks/zh) with the smallest cell its figure
// drew (the "poolscope:cellPx" tEXt chunk that src/display/png.ts writes), those below the size rule's 12 px
// first. Usage: node scripts/png-cells.mjs [--below] [notebook.ipynb …]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const MIN_CELL_PX = 12;
const args = process.argv.slice(2);
const below = args.includes("--below");
const files = args.filter((a) => !a.startsWith("--"));
const books = files.length
  ? files
  : ["notebooks/en", "notebooks/zh"].flatMap((d) =>
      readdirSync(d)
        .filter((f) => f.endsWith(".ipynb"))
        .sort()
        .map((f) => join(d, f)),
    );

/** The tEXt chunks of a PNG, keyword → text. */
function texts(png) {
  const out = {};
  for (let o = 8; o + 8 <= png.length;) {
    const len = png.readUInt32BE(o);
    const type = png.toString("latin1", o + 4, o + 8);
    if (type === "tEXt") {
      const body = png.toString("latin1", o + 8, o + 8 + len);
      const nul = body.indexOf("\0");
      out[body.slice(0, nul)] = body.slice(nul + 1);
    }
    o += 12 + len;
  }
  return out;
}

const rows = [];
for (const book of books) {
  const nb = JSON.parse(readFileSync(book, "utf8"));
  nb.cells.forEach((cell, c) => {
    for (const out of cell.outputs ?? []) {
      const b64 = out.data?.["image/png"];
      if (!b64) continue;
      const png = Buffer.from(Array.isArray(b64) ? b64.join("") : b64, "base64");
      const cell = texts(png)["poolscope:cellPx"];
      const px = cell === undefined ? null : Number(cell);
      rows.push({ book, cell: c, px, width: png.readUInt32BE(16), height: png.readUInt32BE(20), bytes: png.length });
    }
  });
}
rows.sort((a, b) => (a.px ?? Infinity) - (b.px ?? Infinity));
let small = 0;
for (const r of rows) {
  const bad = r.px !== null && r.px < MIN_CELL_PX;
  if (bad) small++;
  if (below && !bad) continue;
  console.log(`${r.px ?? "-"}\t${r.book} cell ${r.cell}\t${r.width}×${r.height}\t${r.bytes} B${bad ? "\tBELOW" : ""}`);
}
console.log(`${rows.length} PNGs, ${small} with cells below ${MIN_CELL_PX} px`);
process.exit(0);
