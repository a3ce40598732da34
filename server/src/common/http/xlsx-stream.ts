import ExcelJS from 'exceljs';
import type { Writable } from 'stream';

export interface SheetColumn {
  header: string;
  key: string;
  width: number;
}

/**
 * Writes a one-sheet .xlsx to `out` a batch of rows at a time (use with streamAnswer), so an export
 * of any length holds one batch in memory: each row is committed as it is added, and the next batch
 * is read only once the client has taken what came before.
 */
export async function writeSheet(out: Writable, name: string, columns: SheetColumn[], batches: AsyncIterable<Record<string, unknown>[]>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const batch of batches) {
    for (const row of batch) sheet.addRow(row).commit();
    await caughtUp(out);
  }
  sheet.commit();
  await workbook.commit();
}

/**
 * Resolves once `out` has room again. ExcelJS buffers committed rows without limit ahead of its zip
 * stream, so the writer waits here rather than on a write's answer. Rejects when the download was
 * abandoned, so the rest of the export is not read from the database for nobody.
 */
async function caughtUp(out: Writable): Promise<void> {
  do {
    if (out.writableNeedDrain) {
      await new Promise<void>((resolve, reject) => {
        const done = () => {
          out.off('drain', done).off('close', done);
          if (out.destroyed) reject(new Error('The download was abandoned'));
          else resolve();
        };
        out.on('drain', done).on('close', done);
      });
    }
    // Let the zip stream pass on what it holds: `out` may fill again from data already written.
    await new Promise((resolve) => setImmediate(resolve));
    if (out.destroyed) throw new Error('The download was abandoned');
  } while (out.writableNeedDrain);
}
