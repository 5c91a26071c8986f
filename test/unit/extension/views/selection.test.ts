import { describe, expect, it } from "vitest";
import { Selection, movePin } from "../../../../extension/src/views/selection.js";

describe("selection", () => {
  it("moves the pin with arrow keys, clamped to the plane, and unpins on Escape", () => {
    const pin = { role: "output", plane: 0, i: 0, j: 0 };
    expect(movePin(pin, "ArrowUp", 2, 2)).toEqual(pin);
    expect(movePin(pin, "ArrowRight", 2, 2)).toEqual({ ...pin, j: 1 });
    const seen: unknown[] = [];
    const s = new Selection((focus) => seen.push(focus));
    expect(s.key("ArrowDown", () => [2, 2])).toBe(false);
    s.pin(pin);
    expect(s.key("ArrowDown", () => [2, 2])).toBe(true);
    expect(s.pinned).toEqual({ ...pin, i: 1 });
    s.hover({ ...pin, j: 1 });
    expect(s.focus).toEqual({ ...pin, j: 1 });
    expect(s.key("Escape", () => [2, 2])).toBe(true);
    expect(s.pinned).toBeNull();
  });
});
