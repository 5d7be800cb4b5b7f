import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from "hyparquet";

/** Rows of a Parquet file as plain objects (INT64 as bigint), read with an independent reader. */
export async function readParquetRows(path: string): Promise<Record<string, unknown>[]> {
  return parquetReadObjects({ file: await asyncBufferFromFile(path) });
}

/** The footer: row groups and key-value metadata. */
export async function readParquetFooter(path: string): Promise<{
  rowGroups: number[];
  keyValue: Record<string, string>;
  columns: { name: string; type?: string; repetition?: string }[];
}> {
  const metadata = await parquetMetadataAsync(await asyncBufferFromFile(path));
  return {
    rowGroups: metadata.row_groups.map((g) => Number(g.num_rows)),
    keyValue: Object.fromEntries((metadata.key_value_metadata ?? []).map((kv) => [kv.key, kv.value ?? ""])),
    columns: metadata.schema.slice(1).map((e) => ({ name: e.name, type: e.type, repetition: e.repetition_type })),
  };
}
