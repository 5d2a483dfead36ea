package org.cetak.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cetak.common.Transactions;
import org.cetak.office.Office;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls print-ready records from the upstream registry into an office's queue, page by page from
 * where the last pull stopped. Each page is one import (all or nothing, idempotent); the cursor
 * moves only past an applied page, so a crash or an outage repeats a page, never skips one.
 */
public final class RegistrySync {

  private static final Logger log = LoggerFactory.getLogger(RegistrySync.class);

  private final UpstreamRegistry registry;
  private final UpstreamCursor cursors;
  private final ImportService imports;
  private final Transactions transactions;

  public RegistrySync(
      UpstreamRegistry registry,
      UpstreamCursor cursors,
      ImportService imports,
      Transactions transactions) {
    this.registry = registry;
    this.cursors = cursors;
    this.imports = imports;
    this.transactions = transactions;
  }

  /** What a pull did; {@code stoppedBy} is empty when it reached the end of what is there. */
  public record SyncResult(List<ImportReport> pages, Optional<String> stoppedBy) {}

  public SyncResult pull(Office office, String actor, int pageSize, int maxPages) {
    List<ImportReport> reports = new ArrayList<>();
    for (int page = 0; page < maxPages; page++) {
      Optional<String> cursor = cursors.position(office.id());
      UpstreamRegistry.Pull pull = registry.pull(cursor, pageSize);
      if (pull instanceof UpstreamRegistry.Unavailable down) {
        log.info("Upstream registry unavailable for office {}: {}", office.code(), down.reason());
        return new SyncResult(reports, Optional.of("upstream unavailable: " + down.reason()));
      }
      if (pull instanceof UpstreamRegistry.Rejected rejected) {
        return new SyncResult(
            reports, Optional.of("upstream answer refused: " + rejected.reason()));
      }
      UpstreamRegistry.Page got = (UpstreamRegistry.Page) pull;
      if (got.records().isEmpty()) {
        if (!cursor.equals(Optional.of(got.next()))) {
          transactions.run(() -> cursors.save(office.id(), got.next()));
        }
        return new SyncResult(reports, Optional.empty());
      }
      ImportReport report =
          imports.importUpstream(
              office, "upstream registry after " + cursor.orElse("start"), actor, got.records());
      reports.add(report);
      if (!report.applied()) {
        return new SyncResult(
            reports, Optional.of("a page was refused: " + report.errorCount() + " bad records"));
      }
      transactions.run(() -> cursors.save(office.id(), got.next()));
    }
    return new SyncResult(reports, Optional.of("page limit reached"));
  }
}
