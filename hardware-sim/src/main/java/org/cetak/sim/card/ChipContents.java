package org.cetak.sim.card;

import java.util.Map;

/**
 * What a chip holds: per file (FID as 4 hex digits) the written length (highest byte written) and
 * the SHA-256 of the bytes up to it.
 */
public record ChipContents(
    String uid, boolean mute, boolean locked, Map<String, FileContent> files) {

  public ChipContents {
    files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
  }

  /** One file: bytes written up to {@code length}, and their SHA-256 (hex). */
  public record FileContent(int length, String sha256) {}
}
