/** `items` in consecutive slices of at most `size` (the last may be shorter), for statements with bounded parameter lists. */
export function* chunksOf<T>(items: readonly T[], size: number): Generator<T[]> {
  if (!(size >= 1)) throw new RangeError(`chunk size must be at least 1, got ${size}`);
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
