import { createRequire } from "node:module";
import { snappyCompress } from "hyparquet-writer/src/snappy.js";

/** A SNAPPY compressor of Parquet pages: raw (unframed) snappy, as Parquet's SNAPPY codec and every reader take it. */
export type SnappyCompress = (bytes: Uint8Array) => Uint8Array;

/**
 * The `snappy` package's native compressor (an optional dependency of this package, with prebuilt binaries for the
 * usual platforms), or `undefined` where it is not installed or does not load.
 */
export function nativeSnappy(): SnappyCompress | undefined {
  try {
    const { compressSync } = createRequire(import.meta.url)("snappy") as {
      compressSync: (input: Uint8Array) => Uint8Array;
    };
    // a compressor that loads but cannot compress is no compressor
    compressSync(new Uint8Array([1, 2, 3]));
    return (bytes) => compressSync(bytes);
  } catch {
    return undefined;
  }
}

/** hyparquet-writer's own compressor, in JavaScript: the same format, ~2.5× slower on dataset pages. */
export const javascriptSnappy: SnappyCompress = snappyCompress;

/**
 * The compressor the dataset writer uses: {@link nativeSnappy} where it loads (SNAPPY was ~8% of the CPU of exporting
 * 100,000 questions in JavaScript), else {@link javascriptSnappy}. Both write valid SNAPPY pages that decode to the
 * same bytes; the compressed bytes (and so the files' checksums) differ between the two.
 */
export const compressSnappy: SnappyCompress = nativeSnappy() ?? javascriptSnappy;
