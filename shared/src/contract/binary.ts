/**
 * A `format: binary` field of the contract: what a browser's Blob or File is, structurally, so this
 * package needs no DOM types.
 */
export interface BinaryFile {
  readonly size: number;
  readonly type: string;
}
