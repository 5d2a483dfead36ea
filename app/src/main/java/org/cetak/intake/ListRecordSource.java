package org.cetak.intake;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Records already in memory (a page of the upstream registry), numbered from 1. Its payload
 * resolver answers for the record last returned.
 */
final class ListRecordSource implements RecordSource {

  /** Reference put into a payload column when the upstream record carries that payload. */
  static final String INLINE = "inline";

  private final Iterator<UpstreamRegistry.UpstreamRecord> records;
  private UpstreamRegistry.UpstreamRecord current;
  private long line;

  ListRecordSource(List<UpstreamRegistry.UpstreamRecord> records) {
    this.records = records.iterator();
  }

  @Override
  public List<RowError> headerErrors() {
    return List.of();
  }

  @Override
  public Optional<RawRecord> next() {
    if (!records.hasNext()) {
      return Optional.empty();
    }
    current = records.next();
    line++;
    java.util.Map<String, String> fields = new java.util.HashMap<>(current.fields());
    current.payloads().photo().ifPresent(p -> fields.put(RecordFields.PHOTO, INLINE));
    current.payloads().signature().ifPresent(p -> fields.put(RecordFields.SIGNATURE, INLINE));
    current.payloads().fingerprints().ifPresent(p -> fields.put(RecordFields.FINGERPRINTS, INLINE));
    return Optional.of(new RawRecord(line, fields));
  }

  @Override
  public List<RowError> rowErrors() {
    return List.of();
  }

  @Override
  public long bytesRead() {
    return line;
  }

  PayloadResolver payloads() {
    return (column, reference) -> {
      Optional<byte[]> bytes =
          switch (column) {
            case RecordFields.PHOTO -> current.payloads().photo();
            case RecordFields.SIGNATURE -> current.payloads().signature();
            case RecordFields.FINGERPRINTS -> current.payloads().fingerprints();
            default -> Optional.empty();
          };
      return bytes
          .<PayloadResolver.Resolved>map(PayloadResolver.Found::new)
          .orElseGet(PayloadResolver.Missing::new);
    };
  }

  @Override
  public void close() {}
}
