import { randomBytes } from 'crypto';
import ExcelJS from 'exceljs';
import { PassThrough } from 'stream';
import { writeSheet } from './xlsx-stream';

const COLUMNS = [
  { header: '序号', key: 'n', width: 8 },
  { header: '内容', key: 'text', width: 40 },
];
const BATCH = 500;

/** `count` batches of rows that do not compress away, counting how many the writer asked for. */
function batches(count: number, onBatch: (index: number) => void = () => undefined) {
  const pulled = { n: 0 };
  async function* rows() {
    for (let b = 0; b < count; b++) {
      pulled.n++;
      onBatch(b);
      yield Array.from({ length: BATCH }, (_, i) => ({ n: b * BATCH + i + 1, text: randomBytes(100).toString('hex') }));
    }
  }
  return { pulled, rows: rows() };
}

async function collect(out: PassThrough): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of out) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('writeSheet', () => {
  it('writes the header and every row of every batch', async () => {
    const out = new PassThrough();
    const { rows } = batches(3);
    const [file] = await Promise.all([collect(out), writeSheet(out, '名单', COLUMNS, rows)]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('名单')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '序号', '内容']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(1 + 3 * BATCH);
    expect(sheet.getColumn(1).values.slice(2)).toEqual(Array.from({ length: 3 * BATCH }, (_, i) => i + 1));
  });

  it('reads no further ahead while nobody takes the file, and finishes once someone does', async () => {
    const out = new PassThrough();
    const { pulled, rows } = batches(40);
    const writing = writeSheet(out, '名单', COLUMNS, rows);
    // Nobody reads yet: the writer stops after the little that fits in the stream's buffers (it
    // would otherwise go on to the last batch, buffering the whole file).
    let seen = -1;
    for (let unchanged = 0; unchanged < 5 && pulled.n < 40;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      unchanged = pulled.n === seen ? unchanged + 1 : 0;
      seen = pulled.n;
    }
    expect(pulled.n).toBeLessThan(10);
    const [file] = await Promise.all([collect(out), writing]);
    expect(pulled.n).toBe(40);
    expect(file.length).toBeGreaterThan(40 * BATCH * 100);
  });

  it('stops reading rows and rejects when the download is abandoned', async () => {
    const out = new PassThrough();
    out.resume();
    const { pulled, rows } = batches(40, (b) => b === 2 && out.destroy());
    await expect(writeSheet(out, '名单', COLUMNS, rows)).rejects.toThrow('The download was abandoned');
    expect(pulled.n).toBe(3);
  });
});
