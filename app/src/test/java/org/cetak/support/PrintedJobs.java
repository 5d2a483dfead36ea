package org.cetak.support;

import org.jooq.DSLContext;

/**
 * The print job that printed a request's card, as the print station leaves it, for tests that need
 * the card printed without running a printer: the outboxes refer to a real job.
 */
public final class PrintedJobs {

  private PrintedJobs() {}

  /**
   * Whether the office's printed cards wait for the quality check (its notice setting {@code
   * collectable_when}, QUALITY_CHECKED when it keeps none), as the print station reads it before it
   * tells the outbox of a printed card.
   */
  public static boolean checksCards(DSLContext db, long officeId) {
    return db.fetchOptional(
            "select collectable_when from notice_settings where office_id = ?", officeId)
        .map(r -> r.get(0, String.class))
        .orElse("QUALITY_CHECKED")
        .equals("QUALITY_CHECKED");
  }

  /** A printed job for the request on a printer of its own (a reprint's when one exists). */
  public static long insert(DSLContext db, long officeId, long requestId) {
    long printer =
        db.fetchSingle(
                "insert into printer (office_id, code, name, created_at) values (?, ?, ?, now())"
                    + " returning id",
                officeId,
                "PRN-T" + requestId + "-" + System.nanoTime() % 1_000_000,
                "Test printer")
            .get(0, Long.class);
    return db.fetchSingle(
            "insert into print_job (office_id, printer_id, request_id, stage, card_held, reprint,"
                + " created_at, updated_at, finished_at) values (?, ?, ?, 'PRINTED', 'NONE',"
                + " exists(select 1 from print_job where request_id = ? and stage = 'PRINTED' and"
                + " not reprint), now(), now(), now()) returning id",
            officeId,
            printer,
            requestId,
            requestId)
        .get(0, Long.class);
  }

  /**
   * A printed request under the given id (for tests that number their cards themselves), with a
   * synthetic resident; nothing when the id exists already.
   */
  public static void requestWithId(DSLContext db, long officeId, long id, String nik) {
    db.execute(
        "insert into print_request (id, office_id, nik, kk, name, sex,"
            + " birth_place, birth_date, address, rt, rw, village, district, regency, province,"
            + " religion, marital_status, occupation, citizenship, siak_status, siak_status_at,"
            + " reason, content_hash, status, status_at, source, created_at, updated_at,"
            + " printed_at) overriding system value values (?, ?, ?, ?, ?, 'P', 'Bogor', date '1990-08-05', 'Jl. Uji 1',"
            + " '001', '002', 'Baranangsiang', 'Bogor Timur', 'Kota Bogor', 'Jawa Barat', 'Islam',"
            + " 'KAWIN', 'Karyawan', 'WNI', 'PRINT_READY_RECORD', now(), 'FIRST_CARD', 'x',"
            + " 'PRINTED', now(), 'test', now(), now(), now()) on conflict do nothing",
        id,
        officeId,
        nik,
        "3271010303" + nik.substring(10),
        "Warga " + id);
  }
}
