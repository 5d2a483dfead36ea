package org.cetak.intake.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.cetak.common.DomainException;
import org.cetak.intake.Bundle;
import org.cetak.intake.ImportProgress;
import org.cetak.intake.ImportReport;
import org.cetak.intake.ImportService;
import org.cetak.intake.IntakeError;
import org.cetak.intake.RegistrySync;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.security.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports over HTTP: {@code POST /api/imports} with a zipped bundle ({@code multipart/form-data},
 * part {@code bundle}); {@code POST /api/imports/upstream} pulls from the upstream registry.
 */
@RestController
@RequestMapping("/api/imports")
public class ImportController {

  private final ImportService imports;
  private final OfficeDirectory offices;
  private final CurrentUser currentUser;
  private final ObjectProvider<RegistrySync> sync;

  public ImportController(
      ImportService imports,
      OfficeDirectory offices,
      CurrentUser currentUser,
      ObjectProvider<RegistrySync> sync) {
    this.imports = imports;
    this.offices = offices;
    this.currentUser = currentUser;
    this.sync = sync;
  }

  /** 200 with the report when applied; 422 with every bad row when refused (nothing written). */
  @PostMapping(consumes = "multipart/form-data")
  @PreAuthorize("hasAnyRole('COUNTER_OFFICER', 'SUPERVISOR', 'ADMIN')")
  public ResponseEntity<ImportReport> upload(
      @RequestPart("bundle") MultipartFile bundle,
      @RequestParam(name = "office", required = false) String office) {
    User user = currentUser.get();
    Office target = OfficeScope.resolve(offices, user, office);
    if (bundle.isEmpty()) {
      throw new DomainException(IntakeError.EMPTY_BUNDLE, "The uploaded bundle is empty");
    }
    Path zip = null;
    try {
      zip = Files.createTempFile("cetak-import-", ".zip");
      try (InputStream in = bundle.getInputStream()) {
        Files.copy(in, zip, StandardCopyOption.REPLACE_EXISTING);
      }
      ImportReport report;
      try (Bundle opened = Bundle.open(zip)) {
        report =
            imports.importBundle(opened, target.code(), user.username(), ImportProgress.none());
      }
      return ResponseEntity.status(
              report.applied() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
          .body(report);
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

  @PostMapping("/upstream")
  @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
  public RegistrySync.SyncResult pull(
      @RequestParam(name = "office", required = false) String office,
      @RequestParam(name = "pages", defaultValue = "10") int pages) {
    User user = currentUser.get();
    RegistrySync registry = sync.getIfAvailable();
    if (registry == null) {
      throw new DomainException(
          IntakeError.NO_UPSTREAM, "No upstream registry is configured (cetak.upstream.url)");
    }
    return registry.pull(OfficeScope.resolve(offices, user, office), user.username(), 500, pages);
  }
}
