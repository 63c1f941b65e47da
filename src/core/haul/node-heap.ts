/**
 * A binary min-heap of node numbers keyed by `keys[node]`, with decrease-key through a position
 * table, so a node is in the heap at most once and the heap never outgrows the node count.
 * Allocated once per graph size and reused by every search.
 */
export class NodeHeap {
  private readonly nodes: Int32Array;
  /** Heap slot of each node, or −1 when it is not in the heap. */
  private readonly slot: Int32Array;
  private size = 0;

  constructor(
    capacity: number,
    private readonly keys: Float64Array,
  ) {
    this.nodes = new Int32Array(capacity);
    this.slot = new Int32Array(capacity).fill(-1);
  }

  get length(): number {
    return this.size;
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.slot[this.nodes[i]!] = -1;
    this.size = 0;
  }

  /** Adds `node`, or moves it up after its key was lowered. */
  pushOrDecrease(node: number): void {
    let i = this.slot[node]!;
    if (i < 0) {
      i = this.size++;
      this.nodes[i] = node;
    }
    this.up(i, node);
  }

  /** Removes and returns the node with the smallest key; call only when `length > 0`. */
  pop(): number {
    const top = this.nodes[0]!;
    this.slot[top] = -1;
    const last = this.nodes[--this.size]!;
    if (this.size > 0) this.down(0, last);
    return top;
  }

  private up(i: number, node: number): void {
    const key = this.keys[node]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentNode = this.nodes[parent]!;
      if (this.keys[parentNode]! <= key) break;
      this.nodes[i] = parentNode;
      this.slot[parentNode] = i;
      i = parent;
    }
    this.nodes[i] = node;
    this.slot[node] = i;
  }

  private down(i: number, node: number): void {
    const key = this.keys[node]!;
    const half = this.size >> 1;
    while (i < half) {
      let child = 2 * i + 1;
      let childNode = this.nodes[child]!;
      const right = child + 1;
      if (right < this.size && this.keys[this.nodes[right]!]! < this.keys[childNode]!) {
        child = right;
        childNode = this.nodes[right]!;
      }
      if (this.keys[childNode]! >= key) break;
      this.nodes[i] = childNode;
      this.slot[childNode] = i;
      i = child;
    }
    this.nodes[i] = node;
    this.slot[node] = i;
  }
}
