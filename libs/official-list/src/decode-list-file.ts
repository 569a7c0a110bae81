/**
 * The bytes of a list file → its text. Government files come as UTF-8 (with or without BOM),
 * GB18030/GBK (what Windows and WPS save in China) and now and then UTF-16 with a BOM.
 *
 * Detection (docs/decisions/0008-official-list-import.md): a BOM decides; else the bytes are
 * tried as UTF-8 with a fatal decoder (GBK text is almost never valid UTF-8: its lead bytes
 * 0x81–0xFE followed by 0x40–0xFE are not UTF-8 sequences), then as GB18030 (a superset of GBK
 * and GB2312), fatal too. The decoders are the WHATWG ones built into Node (full ICU), so no
 * dependency is needed. A file with NUL bytes or many control characters is not a text file
 * and is refused, with a Chinese message naming the problem.
 */

export type ListEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedListFile {
  text: string;
  encoding: ListEncoding;
}

export class ListFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ListFileError';
  }
}

/** Controls other than tab, line feed, vertical tab, form feed and carriage return. */
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/gu;
/** Share of control characters above which a text is taken for a binary file. */
const MAX_CONTROL_SHARE = 0.01;

function decodeWith(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Files clerks often have instead of text, by their first bytes, to say what to do. */
const KNOWN_BINARY: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'PDF 文件'],
  [[0x50, 0x4b, 0x03, 0x04], 'Word/Excel/WPS 文档(.docx/.xlsx)或压缩文件'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'Word/Excel 97-2003 文档(.doc/.xls)或 WPS 文档'],
];

export function decodeListFile(bytes: Uint8Array): DecodedListFile {
  if (bytes.length === 0) throw new ListFileError('文件为空');
  for (const [magic, what] of KNOWN_BINARY) {
    if (magic.every((b, i) => bytes[i] === b)) throw new ListFileError(`不是文本文件(这是${what})：请另存为纯文本(.txt)，UTF-8 或 GBK 编码，再导入`);
  }
  let decoded: DecodedListFile | undefined;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeWith('utf-8', bytes.subarray(3));
    if (text === undefined) throw new ListFileError('文件以 UTF-8 标记开头，但内容不是有效的 UTF-8 文本');
    decoded = { text, encoding: 'utf-8-bom' };
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: decodeWith('utf-16le', bytes.subarray(2)) ?? fail('UTF-16'), encoding: 'utf-16le' };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = { text: decodeWith('utf-16be', bytes.subarray(2)) ?? fail('UTF-16'), encoding: 'utf-16be' };
  } else {
    if (bytes.includes(0)) throw new ListFileError('不是文本文件(含有空字节)：请提供名单的纯文本(.txt)，UTF-8 或 GBK 编码');
    const utf8 = decodeWith('utf-8', bytes);
    if (utf8 !== undefined) decoded = { text: utf8, encoding: 'utf-8' };
    else {
      const gb = decodeWith('gb18030', bytes);
      if (gb === undefined) throw new ListFileError('无法识别文件编码：既不是 UTF-8，也不是 GB18030/GBK');
      decoded = { text: gb, encoding: 'gb18030' };
    }
  }
  const controls = decoded.text.match(CONTROL)?.length ?? 0;
  if (decoded.text.includes('\u0000') || controls > Math.max(2, decoded.text.length * MAX_CONTROL_SHARE)) {
    throw new ListFileError(`不是文本文件(含有 ${controls} 个控制字符)：请提供名单的纯文本(.txt)，UTF-8 或 GBK 编码`);
  }
  return decoded;
}

function fail(encoding: string): never {
  throw new ListFileError(`文件以 ${encoding} 标记开头，但内容不是有效的 ${encoding} 文本`);
}
