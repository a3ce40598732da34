import { encode } from 'uqr';

/** A horizontal run of modules of one colour. */
export interface QrRun {
  dark: boolean;
  length: number;
}

export interface QrRows {
  /** Modules per side (without a quiet zone: the page draws a white margin). */
  size: number;
  rows: QrRun[][];
}

/**
 * The QR matrix of `text` as runs per row, so a ticket is drawn with a few hundred Views instead
 * of a thousand, on WeChat and H5 alike (no canvas). Error correction M: a phone screen is clean
 * but may be scanned at an angle or with glare.
 */
export function qrRows(text: string): QrRows {
  const { data, size } = encode(text, { ecc: 'M', border: 0 });
  const rows = data.map((row) => {
    const runs: QrRun[] = [];
    for (const dark of row) {
      const last = runs[runs.length - 1];
      if (last && last.dark === dark) last.length += 1;
      else runs.push({ dark, length: 1 });
    }
    return runs;
  });
  return { size, rows };
}
