package org.cetak.drivers.chip;

/** The transparent files of the open profile (PROTOCOL.md part B), in FID order. */
public enum ChipFile {
  BIODATA(0x0101, 1024),
  PHOTO(0x0102, 4096),
  SIGNATURE(0x0103, 1024),
  FINGERPRINTS(0x0104, 1024),
  SECURITY_OBJECT(0x011D, 128);

  private final int fid;
  private final int sizeLimit;

  ChipFile(int fid, int sizeLimit) {
    this.fid = fid;
    this.sizeLimit = sizeLimit;
  }

  public int fid() {
    return fid;
  }

  public int sizeLimit() {
    return sizeLimit;
  }

  /** {@code 01 02} and so on. */
  public String fidHex() {
    return String.format("%04X", fid);
  }
}
