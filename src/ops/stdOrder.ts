/**
 * The orderings PyTorch's CPU topk runs (aten/src/ATen/native/TopKImpl.h): C++'s std::nth_element, std::sort and
 * std::partial_sort as GNU libstdc++ implements them (introselect, introsort with a final insertion sort,
 * heap select). None of them is stable, so among equal values the order PyTorch returns is whatever these
 * algorithms leave; repeating their steps exactly is the only way to give the same indices for ties.
 *
 * Elements are ids in `q` (an Int32Array); `less(a, b)` compares two ids. Ranges are [first, last).
 */

export type Less = (a: number, b: number) => boolean;

/** ⌊log2 n⌋, libstdc++'s __lg. */
function lg(n: number): number {
  return 31 - Math.clz32(n);
}

function swap(q: Int32Array, i: number, j: number): void {
  const t = q[i];
  q[i] = q[j];
  q[j] = t;
}

/** std::nth_element: q[nth] becomes the element a full sort would put there, smaller ones before it. */
export function nthElement(q: Int32Array, first: number, nth: number, last: number, less: Less): void {
  if (first === last || nth === last) return;
  let depth = lg(last - first) * 2;
  while (last - first > 3) {
    if (depth === 0) {
      heapSelect(q, first, nth + 1, last, less);
      swap(q, first, nth);
      return;
    }
    depth--;
    const cut = partitionPivot(q, first, last, less);
    if (cut <= nth) first = cut;
    else last = cut;
  }
  insertionSort(q, first, last, less);
}

/** std::sort: introsort down to runs of 16, then one insertion sort over everything. */
export function stdSort(q: Int32Array, first: number, last: number, less: Less): void {
  if (first === last) return;
  introsortLoop(q, first, last, lg(last - first) * 2, less);
  if (last - first > 16) {
    insertionSort(q, first, first + 16, less);
    for (let i = first + 16; i < last; i++) linearInsert(q, i, less);
  } else insertionSort(q, first, last, less);
}

/** std::partial_sort: the smallest middle − first elements, sorted, in front (a heap select, then a heap sort). */
export function partialSort(q: Int32Array, first: number, middle: number, last: number, less: Less): void {
  heapSelect(q, first, middle, last, less);
  // __sort_heap
  for (let end = middle; end - first > 1;) {
    end--;
    popHeap(q, first, end, end, less);
  }
}

function introsortLoop(q: Int32Array, first: number, last: number, depth: number, less: Less): void {
  while (last - first > 16) {
    if (depth === 0) {
      partialSort(q, first, last, last, less);
      return;
    }
    depth--;
    const cut = partitionPivot(q, first, last, less);
    introsortLoop(q, cut, last, depth, less);
    last = cut;
  }
}

/** __unguarded_partition_pivot: the median of q[first + 1], the middle and q[last − 1] as pivot, at first. */
function partitionPivot(q: Int32Array, first: number, last: number, less: Less): number {
  const mid = first + Math.floor((last - first) / 2);
  moveMedianToFirst(q, first, first + 1, mid, last - 1, less);
  // __unguarded_partition with the pivot at `first`
  let lo = first + 1;
  let hi = last;
  const pivot = q[first];
  for (;;) {
    while (less(q[lo], pivot)) lo++;
    hi--;
    while (less(pivot, q[hi])) hi--;
    if (!(lo < hi)) return lo;
    swap(q, lo, hi);
    lo++;
  }
}

function moveMedianToFirst(q: Int32Array, result: number, a: number, b: number, c: number, less: Less): void {
  if (less(q[a], q[b])) {
    if (less(q[b], q[c])) swap(q, result, b);
    else if (less(q[a], q[c])) swap(q, result, c);
    else swap(q, result, a);
  } else if (less(q[a], q[c])) swap(q, result, a);
  else if (less(q[b], q[c])) swap(q, result, c);
  else swap(q, result, b);
}

function insertionSort(q: Int32Array, first: number, last: number, less: Less): void {
  if (first === last) return;
  for (let i = first + 1; i < last; i++) {
    if (less(q[i], q[first])) {
      const v = q[i];
      q.copyWithin(first + 1, first, i);
      q[first] = v;
    } else linearInsert(q, i, less);
  }
}

/** __unguarded_linear_insert: q[at] moved down past every element it is less than. */
function linearInsert(q: Int32Array, at: number, less: Less): void {
  const v = q[at];
  let hole = at;
  while (less(v, q[hole - 1])) {
    q[hole] = q[hole - 1];
    hole--;
  }
  q[hole] = v;
}

function heapSelect(q: Int32Array, first: number, middle: number, last: number, less: Less): void {
  makeHeap(q, first, middle, less);
  for (let i = middle; i < last; i++) if (less(q[i], q[first])) popHeap(q, first, middle, i, less);
}

function makeHeap(q: Int32Array, first: number, last: number, less: Less): void {
  const len = last - first;
  if (len < 2) return;
  for (let parent = Math.floor((len - 2) / 2); ; parent--) {
    adjustHeap(q, first, parent, len, q[first + parent], less);
    if (parent === 0) return;
  }
}

/** __pop_heap: the top goes to `result`, whose element sinks into the heap [first, last). */
function popHeap(q: Int32Array, first: number, last: number, result: number, less: Less): void {
  const v = q[result];
  q[result] = q[first];
  adjustHeap(q, first, 0, last - first, v, less);
}

function adjustHeap(q: Int32Array, first: number, hole: number, len: number, value: number, less: Less): void {
  const top = hole;
  let child = hole;
  while (child < Math.floor((len - 1) / 2)) {
    child = 2 * (child + 1);
    if (less(q[first + child], q[first + child - 1])) child--;
    q[first + hole] = q[first + child];
    hole = child;
  }
  if ((len & 1) === 0 && child === Math.floor((len - 2) / 2)) {
    child = 2 * (child + 1);
    q[first + hole] = q[first + child - 1];
    hole = child - 1;
  }
  // __push_heap
  let parent = Math.floor((hole - 1) / 2);
  while (hole > top && less(q[first + parent], value)) {
    q[first + hole] = q[first + parent];
    hole = parent;
    parent = Math.floor((hole - 1) / 2);
  }
  q[first + hole] = value;
}
