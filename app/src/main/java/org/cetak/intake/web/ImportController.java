package org.cetak.intake.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cetak.common.DomainException;
import org.cetak.console.Labels;
import org.cetak.intake.Bundle;
import org.cetak.intake.ImportCounts;
import org.cetak.intake.ImportProgress;
import org.cetak.intake.ImportReport;
import org.cetak.intake.ImportService;
import org.cetak.intake.ImportsUnderWay;
import org.cetak.intake.IntakeError;
import org.cetak.intake.RecordFlag;
import org.cetak.intake.RegistrySync;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.office.User;
import org.cetak.platform.Problems;
import org.cetak.platform.Refuses;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports over HTTP: {@code POST /api/offices/{office}/imports} with a zipped bundle ({@code
 * multipart/form-data}, part {@code bundle}); {@code POST /api/offices/{office}/imports/upstream}
 * pulls from the upstream registry.
 */
@RestController
@RequestMapping("/api/offices/{office}/imports")
public class ImportController {

  private final ImportService imports;
  private final CurrentUser currentUser;
  private final ObjectProvider<RegistrySync> sync;
  private final Labels labels;
  private final ImportsUnderWay underWay;

  public ImportController(
      ImportService imports,
      CurrentUser currentUser,
      ObjectProvider<RegistrySync> sync,
      Labels labels,
      ImportsUnderWay underWay) {
    this.underWay = underWay;
    this.imports = imports;
    this.currentUser = currentUser;
    this.sync = sync;
    this.labels = labels;
  }

  /**
   * The import's report as the API answers it: each refused row's {@code reason} as the import
   * wrote it and its {@code text} in the reader's language (Accept-Language, or the console's).
   */
  public record Answer(
      String source,
      boolean applied,
      long importId,
      long rowsRead,
      ImportCounts counts,
      Map<RecordFlag, Long> flagged,
      List<Row> errors,
      long errorCount) {

    /** One refused row. */
    public record Row(long line, String column, String reason, String text) {}

    static Answer of(ImportReport report, Labels labels, Locale locale) {
      return new Answer(
          report.source(),
          report.applied(),
          report.importId(),
          report.rowsRead(),
          report.counts(),
          report.flagged(),
          report.errors().stream()
              .map(
                  e ->
                      new Row(
                          e.line(), e.column(), e.reason(), labels.rowReason(e.reason(), locale)))
              .toList(),
          report.errorCount());
    }
  }

  /**
   * 200 with the report when applied; 422 with every bad row when refused (nothing written). With a
   * progress id (the form part named progress: a random token of the uploader), {@code GET
   * imports/progress/{id}} tells how far the import has read meanwhile.
   */
  @PostMapping(consumes = "multipart/form-data")
  @Allow(Permission.IMPORT_RECORDS)
  @Operation(
      summary =
          "Imports a bundle (zip) of print-ready records, streamed to disk, with the per-row error report")
  @Refuses({"BUNDLE_NOT_ZIP", "BUNDLE_NO_RECORDS", "BUNDLE_DISK_FULL", "EMPTY_BUNDLE"})
  public ResponseEntity<Answer> upload(
      Office target,
      @RequestPart("bundle") MultipartFile bundle,
      @RequestParam(name = "progress", required = false) String progressId,
      HttpServletRequest request) {
    User user = currentUser.get();
    if (bundle.isEmpty()) {
      throw new DomainException(IntakeError.EMPTY_BUNDLE, "The uploaded bundle is empty");
    }
    Path zip = null;
    try {
      // the container has streamed the upload to disk already; this moves it, not copies it
      zip = Files.createTempFile("cetak-import-", ".zip");
      Files.delete(zip);
      bundle.transferTo(zip);
      ImportReport report;
      try (Bundle opened = Bundle.open(zip, uploadedName(bundle.getOriginalFilename()))) {
        ImportProgress progress = underWay.follow(progressId, user.username());
        try {
          report = imports.importBundle(opened, target.code(), user.username(), progress);
        } finally {
          underWay.ended(progressId);
        }
      }
      return ResponseEntity.status(
              report.applied() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
          .body(Answer.of(report, labels, Problems.locale(request)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store the uploaded bundle", e);
    } finally {
      if (zip != null) {
        try {
          Files.deleteIfExists(zip);
        } catch (IOException e) {
          // a temporary file left behind holds no more than the upload did
        }
      }
    }
  }

  /**
   * How far the signed-in user's import under {@code id} has read its records file: {@code RUNNING}
   * with the percent of its bytes read, or {@code NOT_RUNNING} (not started yet, still uploading,
   * or over).
   */
  @GetMapping("/progress/{id}")
  @Allow(Permission.IMPORT_RECORDS)
  @Operation(
      summary =
          "How far an import under way has read its records file (percent of its bytes), by the"
              + " progress id its upload named")
  @Refuses({})
  public ProgressAnswer progress(Office target, @PathVariable("id") String id) {
    User user = currentUser.get();
    return underWay
        .progress(id, user.username())
        .map(
            p ->
                new ProgressAnswer("RUNNING", p.percent(), p.bytesRead(), p.totalBytes(), p.rows()))
        .orElse(new ProgressAnswer("NOT_RUNNING", 0, 0, 0, 0));
  }

  /** An import's progress: {@code RUNNING} or {@code NOT_RUNNING}, and how far it has read. */
  public record ProgressAnswer(
      String state, int percent, long bytesRead, long totalBytes, long rows) {}

  /** The name the file had on the uploader's computer, without any folder. */
  static String uploadedName(String original) {
    if (original == null || original.isBlank()) {
      return "bundle.zip";
    }
    String name =
        original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
    return name.isBlank() ? "bundle.zip" : name.strip();
  }

  @PostMapping("/upstream")
  @Allow(Permission.PULL_UPSTREAM)
  @Operation(summary = "Pulls print-ready records from the upstream registry (SIAK)")
  @Refuses({"NO_UPSTREAM"})
  public RegistrySync.SyncResult pull(
      Office target, @RequestParam(name = "pages", defaultValue = "10") int pages) {
    User user = currentUser.get();
    RegistrySync registry = sync.getIfAvailable();
    if (registry == null) {
      throw new DomainException(
          IntakeError.NO_UPSTREAM, "No upstream registry is configured (cetak.upstream.url)");
    }
    return registry.pull(target, user.username(), 500, pages);
  }
}
