/**
 * Which legacy code page a CSV that is not valid UTF-8 was written in: GB18030 (Excel's "CSV"
 * for Chinese users) or Windows-1252 (the same for Western European users: `Müller`, `Straße`).
 *
 * Both decode almost any bytes, so the choice is made on the shape of the non-ASCII bytes in
 * the file's head: Chinese text in GB18030 is pairs of bytes from 0xA1 up (GB2312's characters,
 * which every Chinese name mostly uses); Windows-1252 text is single accented letters between
 * ASCII ones, whose bytes rarely pair that way (`ü` followed by `l` is no GB2312 character).
 * Windows-1252 is chosen only when such lone bytes outnumber the GB2312 pairs.
 */
import * as fs from "fs";

export type LegacyEncoding = "gb18030" | "windows-1252";

const SAMPLE_BYTES = 1 << 18;

const isGb2312Byte = (b: number): boolean => b >= 0xa1 && b <= 0xfe;

/** The encoding the bytes most plausibly are (see the module comment). */
function legacyEncodingOf(bytes: Uint8Array): LegacyEncoding {
  let pairs = 0;
  let lone = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    if (i + 1 < bytes.length && isGb2312Byte(b) && b <= 0xf7 && isGb2312Byte(bytes[i + 1])) {
      pairs++;
      i++;
    } else {
      lone++;
      // A GBK/GB18030 lead byte takes its trail byte with it, whatever it is.
      if (b >= 0x81 && b <= 0xfe && i + 1 < bytes.length && bytes[i + 1] >= 0x40) i++;
    }
  }
  return lone > pairs ? "windows-1252" : "gb18030";
}

/** legacyEncodingOf the head of a file. */
export async function legacyEncodingOfFile(path: string): Promise<LegacyEncoding> {
  const handle = await fs.promises.open(path, "r");
  try {
    const buf = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SAMPLE_BYTES, 0);
    return legacyEncodingOf(buf.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
