import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encode as encodePng } from "fast-png";
import jpeg from "jpeg-js";
import { describe, expect, it } from "vitest";
import { decodeImage, loadImage, ParameterError } from "../../../src/index.js";
import { expectClose } from "../helpers.js";

const rgbPng = encodePng({ width: 2, height: 1, data: new Uint8Array([255, 0, 0, 0, 51, 255]), channels: 3, depth: 8 });

describe("image loading", () => {
  it("an RGB PNG becomes (1, 3, H, W) in [0, 1], one plane per channel", () => {
    const t = decodeImage(rgbPng);
    expect(t.shape).toEqual([1, 3, 1, 2]);
    expectClose(t, [1, 3, 1, 2], [1, 0, 0, 0.2, 0, 1]);
  });

  it("gray uses BT.601 luma: pure red → 0.299", () => {
    const t = decodeImage(rgbPng, { channels: "gray" });
    expect(t.shape).toEqual([1, 1, 1, 2]);
    expectClose(t, [1, 1, 1, 2], [0.299, 0.587 * 0.2 + 0.114]);
  });

  it("a 16-bit gray PNG scales by 65535 and broadcasts to RGB", () => {
    const png = encodePng({ width: 1, height: 1, data: new Uint16Array([65535]), channels: 1, depth: 16 });
    expectClose(decodeImage(png), [1, 3, 1, 1], [1, 1, 1]);
  });

  it("a JPEG decodes close to its (lossy) source colour", () => {
    const rgba = new Uint8Array(8 * 8 * 4);
    for (let i = 0; i < 64; i++) rgba.set([200, 100, 50, 255], i * 4);
    const file = jpeg.encode({ width: 8, height: 8, data: rgba }, 100).data;
    const t = decodeImage(file);
    expect(t.shape).toEqual([1, 3, 8, 8]);
    expect(Math.abs(t.data[0] - 200 / 255)).toBeLessThan(3 / 255);
    expect(Math.abs(t.data[64] - 100 / 255)).toBeLessThan(3 / 255);
    expect(Math.abs(t.data[128] - 50 / 255)).toBeLessThan(3 / 255);
  });

  it("loadImage reads a file; the format comes from the signature", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "poolscope-")), "picture.jpg");
    writeFileSync(path, rgbPng);
    expect((await loadImage(path)).shape).toEqual([1, 3, 1, 2]);
  });

  it("other bytes are refused with a ParameterError", () => {
    expect(() => decodeImage(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]))).toThrow(ParameterError);
  });
});
