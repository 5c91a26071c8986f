/**
 * Hover and pin state of a view: the hovered cell wins while the mouse is over a plane, else the pinned one.
 * Arrow keys move the pin within its plane. Pure, so the keyboard rules are unit-tested.
 */
export interface CellRef {
  /** Which panel: a tensor view has one ("tensor"); the pooling view has "input" and "output". */
  role: string;
  /** Plane index in grid order. */
  plane: number;
  i: number;
  j: number;
}

export const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** The pin moved by one cell, clamped to the plane's h×w. */
export function movePin(pin: CellRef, key: string, h: number, w: number): CellRef {
  const d = ARROWS[key];
  if (!d) return pin;
  return {
    ...pin,
    i: Math.max(0, Math.min(h - 1, pin.i + d[0])),
    j: Math.max(0, Math.min(w - 1, pin.j + d[1])),
  };
}

export class Selection {
  hovered: CellRef | null = null;
  pinned: CellRef | null = null;

  constructor(private readonly onChange: (focus: CellRef | null, pinned: CellRef | null) => void) {}

  get focus(): CellRef | null {
    return this.hovered ?? this.pinned;
  }

  hover(cell: CellRef | null): void {
    this.hovered = cell;
    this.onChange(this.focus, this.pinned);
  }

  pin(cell: CellRef | null): void {
    this.pinned = cell;
    this.onChange(this.focus, this.pinned);
  }

  /** Handles an arrow key (true when it moved the pin). `size` gives a plane's h×w for a role. */
  key(key: string, size: (role: string) => [number, number]): boolean {
    if (key === "Escape" && this.pinned) {
      this.pin(null);
      return true;
    }
    if (!this.pinned || !ARROWS[key]) return false;
    const [h, w] = size(this.pinned.role);
    this.hovered = null;
    this.pin(movePin(this.pinned, key, h, w));
    return true;
  }
}
