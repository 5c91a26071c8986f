/**
 * The WebAssembly side of poolscope: one shared WebAssembly.Memory (so worker threads can share it), the
 * SIMD pooling module compiled from src/backend/wasm/assembly/pool.ts into dist/backend/wasm/pool.wasm, and a small block
 * allocator over that memory. Loading is lazy and fails soft: if the .wasm file is missing or the engine has
 * no SIMD, `wasmRuntime()` returns null and the ops keep to the TypeScript path.
 *
 * On the wasm backend every tensor's values live in this memory (`residentFloats`, through core/storage.ts), so
 * the kernels read and write them in place; an array from elsewhere is copied into a reusable scratch arena for
 * the call. Resident blocks come from size classes over the block heap: a freed block waits in its class for
 * the next tensor of about its size (no search, no zeroing), and the classes are emptied back into the heap
 * before the memory would grow. The memory is shared, so growing it never detaches a view: a view made before a
 * grow keeps addressing the same bytes (test/unit/core/storage.test.ts holds this).
 */
import { bytesText, ResourceError } from "../../core/errors.js";
import { wasmSource } from "./wasmSource.js";

export { wasmPathCandidates } from "./wasmSource.js";

/** The slice of the WebAssembly JS API used here (the project's lib settings do not declare it). */
export interface WasmMemory {
  readonly buffer: ArrayBufferLike;
  grow(pages: number): number;
}
export type WasmModule = object;
const WA = (
  globalThis as unknown as {
    WebAssembly: {
      Module: new (bytes: Uint8Array) => WasmModule;
      Memory: new (d: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
      Instance: new (m: WasmModule, imports: object) => { exports: object };
    };
  }
).WebAssembly;

export interface PoolExports {
  maxPool2d(...args: number[]): void;
  maxPool3x3s2(...args: number[]): void;
  maxPool2dIndices(...args: number[]): void;
  avgPool2d(...args: number[]): void;
  binsPool2d(...args: number[]): void;
  sppPool(...args: number[]): void;
  planeReduce(...args: number[]): void;
  pool2dNhwc(...args: number[]): void;
  padPlane(...args: number[]): void;
  convPackWeights(...args: number[]): void;
  conv2dTiles(...args: number[]): void;
  relu(...args: number[]): void;
  winoWeights(...args: number[]): void;
  winoInput(...args: number[]): void;
  winoGemm(...args: number[]): void;
  winoOutput(...args: number[]): void;
}

export interface WasmRuntime {
  memory: WasmMemory;
  module: WasmModule;
  exports: PoolExports;
  /** Where the module file was read from. */
  path: string;
  /**
   * Whether the memory is shared (the threads build). A plain memory (pool-single.wasm, for a browser page
   * that is not cross-origin isolated) detaches every view when it grows, so it holds no resident tensors.
   */
  shared: boolean;
}

const PAGE = 65536;
const MAX_PAGES = 65536; // 4 GiB
/** The most a 32-bit WebAssembly memory can hold, and so every tensor, copy and scratch of a call together. */
export const WASM_MEMORY_LIMIT = MAX_PAGES * PAGE;
/** Bytes below this offset are left to the module's own data. */
const HEAP_START = 1 << 20;
const ALIGN = 64;
/** Every block ends with this much readable slack, so SIMD loads may run a few floats past a row's end. */
export const SLACK = 64;

/** A block's use, for the out-of-memory message: "input", "output", "scratch" or "array". */
export interface Piece {
  what: string;
  bytes: number;
}

let state: WasmRuntime | null | undefined;
let loadError = "";

/** The loaded runtime, or null (see wasmLoadError) when WebAssembly SIMD cannot be used here. */
export function wasmRuntime(): WasmRuntime | null {
  if (state !== undefined) return state;
  state = null;
  try {
    const { bytes, shared, path } = wasmSource();
    const module = new WA.Module(bytes);
    const memory = new WA.Memory({ initial: HEAP_START / PAGE + 16, maximum: MAX_PAGES, shared });
    const instance = new WA.Instance(module, { env: { memory, abort: abortHandler } });
    state = { memory, module, exports: instance.exports as unknown as PoolExports, path, shared };
    heap = new Heap(memory);
  } catch (e) {
    loadError = (e as Error).message;
    state = null;
  }
  return state;
}

/** Why the runtime could not be loaded ("" if it loaded or was not tried). */
export function wasmLoadError(): string {
  return loadError;
}

function abortHandler(): never {
  throw new Error("poolscope wasm kernel aborted");
}

/** First-fit allocator over the shared memory, 64-byte aligned, coalescing on free. */
class Heap {
  private top = HEAP_START;
  /** Free blocks sorted by offset. */
  private free: { off: number; size: number }[] = [];
  /** Every SharedArrayBuffer object the memory has handed out (a new one after each grow). */
  readonly buffers = new WeakSet<ArrayBufferLike>();
  liveBytes = 0;

  constructor(readonly memory: WasmMemory) {
    this.buffers.add(memory.buffer);
  }

  /**
   * `bytes` of memory; `arrays` (what the block is for) only word the error when it cannot be had.
   * Throws a ResourceError, with the heap as it was, when the memory would pass its limit or the host refuses.
   */
  alloc(bytes: number, arrays: readonly Piece[] = [{ what: "array", bytes }]): number {
    const size = Math.ceil((bytes + SLACK) / ALIGN) * ALIGN;
    for (let i = 0; i < this.free.length; i++) {
      const b = this.free[i];
      if (b.size >= size) {
        const off = b.off;
        if (b.size === size) this.free.splice(i, 1);
        else {
          b.off += size;
          b.size -= size;
        }
        this.liveBytes += size;
        return off;
      }
    }
    const off = this.top;
    const need = off + size + SLACK - this.memory.buffer.byteLength;
    if (need > 0) {
      const pages = Math.ceil(need / PAGE);
      if (this.memory.buffer.byteLength + pages * PAGE > WASM_MEMORY_LIMIT) throw this.outOfMemory(size, arrays, null);
      try {
        this.memory.grow(pages);
      } catch (e) {
        // the host may refuse to commit pages below the limit (RangeError: out of memory)
        if (e instanceof RangeError) throw this.outOfMemory(size, arrays, e.message);
        throw e;
      }
      this.buffers.add(this.memory.buffer);
      this.current = null;
    }
    // only now: a refused block leaves the heap as it was, so later calls still work
    this.top = off + size;
    this.liveBytes += size;
    return off;
  }

  private outOfMemory(size: number, arrays: readonly Piece[], refused: string | null): ResourceError {
    // floats for the tensors, bytes for scratch
    const parts = arrays.map((a) =>
      a.what === "scratch"
        ? `scratch (${bytesText(a.bytes)})`
        : `the ${a.what} of ${count(a.bytes / 4)} values (${bytesText(a.bytes)})`,
    );
    const inUse = this.liveBytes > 0 ? `; ${bytesText(this.liveBytes)} of it is in use` : "";
    const limit = refused
      ? `the host refused to grow it past ${bytesText(this.memory.buffer.byteLength)} (${refused})`
      : `its limit is ${bytesText(WASM_MEMORY_LIMIT)} (${count(MAX_PAGES)} pages of 64 KiB, all a 32-bit WebAssembly memory can address${inUse})`;
    return new ResourceError(
      "poolscope",
      "WebAssembly memory",
      // no advice to setBackend("js"): its window table for one plane this large overflows V8's arrays
      `this call needs ${bytesText(size)} of WebAssembly memory, for ${parts.join(", ")}, but ${limit}. ` +
        "Pool it in parts (fewer samples or channels per call) or at a lower resolution.",
    );
  }

  release(off: number, bytes: number): void {
    const size = Math.ceil((bytes + SLACK) / ALIGN) * ALIGN;
    this.liveBytes -= size;
    let i = 0;
    while (i < this.free.length && this.free[i].off < off) i++;
    this.free.splice(i, 0, { off, size });
    // coalesce with the next and the previous block
    if (i + 1 < this.free.length && off + size === this.free[i + 1].off) {
      this.free[i].size += this.free[i + 1].size;
      this.free.splice(i + 1, 1);
    }
    if (i > 0 && this.free[i - 1].off + this.free[i - 1].size === off) {
      this.free[i - 1].size += this.free[i].size;
      this.free.splice(i, 1);
    }
    // give the tail back to the bump pointer
    const last = this.free[this.free.length - 1];
    if (last && last.off + last.size === this.top) {
      this.top = last.off;
      this.free.pop();
    }
  }

  /** Whether `bytes` fit in a free block or below the current end of the memory (no grow needed). */
  fits(bytes: number): boolean {
    const size = Math.ceil((bytes + SLACK) / ALIGN) * ALIGN;
    if (this.top + size + SLACK <= this.memory.buffer.byteLength) return true;
    return this.free.some((b) => b.size >= size);
  }

  /** The offset one past the highest block in use: how much of the memory the heap spans. */
  span(): number {
    return this.top;
  }

  /** The current buffer (after a grow, a new SharedArrayBuffer object over the same memory). */
  buffer(): SharedArrayBuffer {
    // memory.buffer of a shared memory costs ~0.6 µs a read in V8; only this heap grows the memory, so the
    // object read after the last grow is still the current one
    if (this.current === null) {
      this.current = this.memory.buffer as unknown as SharedArrayBuffer;
      this.buffers.add(this.current);
    }
    return this.current;
  }

  private current: SharedArrayBuffer | null = null;
}

let heap: Heap | null = null;

/** 1,073,741,824 */
function count(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/**
 * A resident block: where it is, its class size in bytes (what the heap gave), and how many tensors use it
 * (tensors may share one view, e.g. a reshape); `dispose()` of the last one frees it at once.
 */
interface Block {
  off: number;
  bytes: number;
  users: number;
  free: boolean;
}

/** Resident blocks by their view; a view not in here is no block of ours (a plain array, a subarray). */
const blocks = new WeakMap<Float32Array, Block>();
/** Freed resident blocks by class size: the next tensor of that class takes one back without a search. */
const classes = new Map<number, number[]>();
let cachedBytes = 0;
/** Resident bytes in use (not counting the cached free blocks), for tests and diagnostics. */
let residentBytes = 0;
/** Resident tensors stop here; past it they are plain arrays (the kernels copy them), so the arena keeps room. */
export const RESIDENT_LIMIT = WASM_MEMORY_LIMIT / 2;

/** Rounds a request up to its size class: multiples of 64 bytes up to 4 KiB, then 8 classes per power of two. */
export function sizeClass(bytes: number): number {
  if (bytes <= 4096) return Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN);
  const step = 2 ** (Math.floor(Math.log2(bytes)) - 3);
  return Math.ceil(bytes / step) * step;
}

function freeBlock(b: Block): void {
  if (b.free) return;
  b.free = true;
  residentBytes -= b.bytes;
  let list = classes.get(b.bytes);
  if (!list) classes.set(b.bytes, (list = []));
  list.push(b.off);
  cachedBytes += b.bytes;
}

/** Gives every cached block back to the heap, which coalesces them (before the memory would grow). */
function flushClasses(): void {
  for (const [bytes, list] of classes) for (const off of list) (heap as Heap).release(off, bytes);
  classes.clear();
  cachedBytes = 0;
}

// a dropped view's block goes back to its class when the collector finds the view
const registry = new FinalizationRegistry<Block>(freeBlock);

/**
 * `length` floats of resident memory as a tracked view (zeroed when `zero`), or null when the runtime is
 * absent or the block would take the resident part of the memory past RESIDENT_LIMIT (the caller then makes
 * a plain array). Never throws for lack of memory.
 */
export function residentFloats(length: number, zero: boolean): Float32Array | null {
  if (!wasmRuntime()?.shared || !heap) return null;
  const bytes = sizeClass(length * 4);
  let off: number | undefined = classes.get(bytes)?.pop();
  if (off !== undefined) cachedBytes -= bytes;
  else {
    if (!heap.fits(bytes) && cachedBytes > 0) flushClasses();
    if (heap.span() + bytes > RESIDENT_LIMIT && !heap.fits(bytes)) return null;
    try {
      off = heap.alloc(bytes);
    } catch (e) {
      if (e instanceof ResourceError) return null;
      throw e;
    }
  }
  const view = new Float32Array(heap.buffer(), off, length);
  if (zero) view.fill(0);
  const block: Block = { off, bytes, users: 0, free: false };
  blocks.set(view, block);
  registry.register(view, block, block);
  residentBytes += bytes;
  return view;
}

/** One more tensor uses `view` (a no-op for arrays that are not resident blocks). */
export function retainFloats(view: Float32Array): void {
  const b = blocks.get(view);
  if (b) b.users++;
}

/** One tensor less uses `view`; the last one gives the block back now. True if a block was freed. */
export function releaseFloats(view: Float32Array): boolean {
  const b = blocks.get(view);
  if (!b || b.free) return false;
  if (--b.users > 0) return false;
  registry.unregister(b);
  blocks.delete(view);
  freeBlock(b);
  return true;
}

/** Whether `view` is a live resident block (its values are in the module's memory, tracked). */
export function isResident(view: Float32Array): boolean {
  const b = blocks.get(view);
  return b !== undefined && !b.free;
}

/** Resident bytes in use by tensors (class sizes), without the freed blocks waiting in their classes. */
export function residentLiveBytes(): number {
  return residentBytes;
}

const arrays = new FinalizationRegistry<{ off: number; bytes: number }>((b) => heap?.release(b.off, b.bytes));

/**
 * A Float32Array of `length` floats in the shared memory, freed when the array is garbage-collected; null
 * without the runtime or with a plain memory (a grow would detach the array).
 */
export function allocFloats(length: number): Float32Array | null {
  if (!wasmRuntime()?.shared || !heap) return null;
  const bytes = length * 4;
  const off = heap.alloc(bytes, [{ what: "array", bytes }]);
  const view = new Float32Array(heap.buffer(), off, length);
  view.fill(0);
  arrays.register(view, { off, bytes });
  return view;
}

/** True if `a` is a view on the module's memory (its kernels can use it in place). */
export function inHeap(a: ArrayBufferView): boolean {
  return heap !== null && heap.buffers.has(a.buffer);
}

/** A Float32Array view of the memory at byte offset `ptr`. */
export function f32View(ptr: number, length: number): Float32Array {
  return new Float32Array((heap as Heap).buffer(), ptr, length);
}

export function i32View(ptr: number, length: number): Int32Array {
  return new Int32Array((heap as Heap).buffer(), ptr, length);
}

/**
 * The per-call scratch arena: one block, reused and grown as needed. `arena.begin(bytes)` reserves room for a
 * call; `take(bytes)` carves 64-byte aligned pieces (each followed by SLACK bytes). Calls do not nest.
 */
class Arena {
  private base = 0;
  private capacity = 0;
  private used = 0;

  /** `arrays`: what the bytes are for, named in the error if the memory cannot hold them. */
  begin(bytes: number, arrays?: readonly Piece[]): void {
    if (bytes > this.capacity) {
      const grown = Math.max(bytes, Math.floor(this.capacity * 1.5));
      // forget the old block before allocating: if the allocation throws, the arena holds nothing, not a freed block
      if (this.capacity > 0) (heap as Heap).release(this.base, this.capacity);
      this.capacity = 0;
      try {
        this.base = (heap as Heap).alloc(grown, arrays);
        this.capacity = grown;
      } catch (e) {
        // the 1.5× headroom may be what does not fit; the call itself may still
        if (!(e instanceof ResourceError) || grown === bytes) throw e;
        this.base = (heap as Heap).alloc(bytes, arrays);
        this.capacity = bytes;
      }
    }
    this.used = 0;
  }

  take(bytes: number): number {
    const off = this.base + this.used;
    this.used += Math.ceil((bytes + SLACK) / ALIGN) * ALIGN;
    if (this.used > this.capacity) throw new Error("poolscope: scratch arena overflow (internal error)");
    return off;
  }
}

/** Bytes the arena must reserve for pieces of these sizes. */
export function arenaSize(...pieces: number[]): number {
  return pieces.reduce((s, b) => s + Math.ceil((b + SLACK) / ALIGN) * ALIGN, 0);
}

export const arena = new Arena();

/** Live bytes allocated in the memory (tensors and scratch), for tests and diagnostics. */
export function heapLiveBytes(): number {
  return heap?.liveBytes ?? 0;
}
