/** Counts per code unit, reused from call to call (only the cells a value touched are cleared). */
const COUNTS = new Uint32Array(0x10000);

/** Shannon entropy of a string in bits per character (per UTF-16 code unit). */
export function shannonEntropy(value: string): number {
  const length = value.length;
  if (length === 0) return 0;
  for (let i = 0; i < length; i++) COUNTS[value.charCodeAt(i)] = (COUNTS[value.charCodeAt(i)] as number) + 1;
  let bits = 0;
  for (let i = 0; i < length; i++) {
    const c = value.charCodeAt(i);
    const n = COUNTS[c] as number;
    if (n === 0) continue; // this code unit was counted already
    const p = n / length;
    bits -= p * Math.log2(p);
    COUNTS[c] = 0;
  }
  return bits;
}
