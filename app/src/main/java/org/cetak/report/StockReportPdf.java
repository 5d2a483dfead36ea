package org.cetak.report;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.cetak.office.Office;
import org.cetak.stock.DailyStockReport;
import org.cetak.stock.DestructionReport;
import org.cetak.stock.Item;

/**
 * The printed reports of the stock ledger: the daily stock report (laporan harian stok blanko
 * KTP-el) and the destruction report (berita acara pemusnahan), in Bahasa Indonesia, with the
 * office's name and signature lines.
 */
public final class StockReportPdf {

  /** Numbers as officers write them: 3.660,3. */
  private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", INDONESIAN);

  private StockReportPdf() {}

  /**
   * The wording of a code a report shows, in the report's language: {@code kind} and {@code code}
   * as in the message bundles' {@code label.<kind>.<code>} ({@code spoilReason}, {@code
   * destruction}).
   */
  @FunctionalInterface
  public interface Wording {
    String of(String kind, String code);
  }

  public static byte[] daily(DailyStockReport r, Office office, Wording words) {
    try (PdfWriter pdf = new PdfWriter()) {
      pdf.title("LAPORAN HARIAN STOK BLANKO KTP-el");
      pdf.text(office.name() + " (" + office.code() + ")");
      pdf.text("Tanggal: " + DAY.format(r.day()) + " (WIB)");
      pdf.gap();
      pdf.heading("Blanko");
      pdf.row("Stok awal (opening)", n(r.opening()));
      pdf.row("Diterima dari pusat (received)", n(r.received()));
      pdf.row("Dipinjam dari kantor lain (borrowed)", n(r.borrowed()));
      pdf.row("Tercetak (printed)", n(r.printed()));
      pdf.row("Rusak / gagal (spoiled)", n(r.spoiled()));
      for (Map.Entry<String, Long> e : r.spoiledByReason().entrySet()) {
        pdf.row("    " + words.of("spoilReason", e.getKey()), n(e.getValue()));
      }
      pdf.row("Dimusnahkan (destroyed)", n(r.destroyed()));
      pdf.row("Dipinjamkan (lent)", n(r.lent()));
      pdf.row("Hilang, berita acara kehilangan (lost)", n(r.lost()));
      pdf.row("Ditemukan kembali (found again)", n(r.foundAgain()));
      pdf.row("Stok akhir (closing)", n(r.closing()));
      pdf.gap();
      pdf.heading("Rincian stok akhir");
      pdf.row("Gudang (vault)", n(r.closingVault()));
      pdf.row("Feeder printer", n(r.closingFeeders()));
      pdf.row("Di dalam printer", n(r.closingInsidePrinters()));
      pdf.row("Belum diketahui (outcome unknown)", n(r.closingUnknown()));
      pdf.row("Rusak menunggu pemusnahan", n(r.spoiledAwaitingDestruction()));
      pdf.row("Hilang (tidak termasuk stok)", n(r.closingLost()));
      pdf.row("Dicadangkan (reserved)", n(r.reserved()));
      pdf.row("Dapat dipakai (usable)", n(r.usable()));
      pdf.row(
          "Perkiraan hari stok (14 hari terakhir)",
          r.daysOfStockLeft().isPresent()
              ? String.format(INDONESIAN, "%,.1f hari", r.daysOfStockLeft().getAsDouble())
              : "-");
      if (r.reorderAlert()) {
        pdf.text(
            "PERINGATAN: stok dapat dipakai di bawah ambang "
                + n(r.reorderThreshold())
                + " - ajukan permintaan blanko.");
      }
      pdf.gap();
      pdf.heading("KTP-el lama yang ditarik (dihitung terpisah)");
      pdf.row("Ditarik hari ini", n(r.oldCardsWithdrawn()));
      pdf.row("Dimusnahkan hari ini", n(r.oldCardsDestroyed()));
      pdf.gap();
      pdf.signatures("Pengelola blanko,", "NIP.", "Mengetahui, Kepala Bidang,", "NIP.");
      return pdf.finish();
    }
  }

  public static byte[] destruction(DestructionReport r, Office office, Wording words) {
    try (PdfWriter pdf = new PdfWriter()) {
      pdf.title("BERITA ACARA PEMUSNAHAN BLANKO KTP-el");
      pdf.text("Nomor: " + r.number());
      pdf.text(office.name() + " (" + office.code() + ")");
      pdf.gap();
      pdf.text(
          "Pada tanggal "
              + DAY.format(r.date())
              + (r.place().isBlank() ? "" : " bertempat di " + r.place())
              + ", telah dimusnahkan kartu-kartu berikut:");
      pdf.row("Blanko rusak / gagal", n(r.count(Item.BLANK)));
      pdf.row("KTP-el lama yang ditarik", n(r.count(Item.OLD_CARD)));
      pdf.row("Jumlah", n(r.cards().size()));
      pdf.row("Status", words.of("destruction", r.status().name()));
      pdf.gap();
      float[] xs = {0, 30, 105, 250, 385};
      pdf.cells(xs, "No", "Jenis", "UID chip / nomor seri", "Alasan", "Permohonan");
      int i = 1;
      for (DestructionReport.Card c : r.cards()) {
        pdf.cells(
            xs,
            String.valueOf(i++),
            c.item() == Item.BLANK ? "Blanko" : "KTP lama",
            c.chipUid().or(c::serial).orElse("(mutasi " + c.spoilMovementId() + ")"),
            words.of("spoilReason", c.reason()),
            c.requestId().map(String::valueOf).orElse("-"));
      }
      pdf.gap();
      pdf.text("Disaksikan oleh:");
      for (String w : r.witnesses()) {
        pdf.text("- " + w);
      }
      pdf.gap();
      String[] blocks = new String[2 * (2 + Math.min(r.witnesses().size(), 2))];
      blocks[0] = "Pengelola blanko,";
      blocks[1] = r.proposedBy();
      blocks[2] = "Kepala Bidang,";
      blocks[3] = "NIP.";
      for (int w = 0; w < Math.min(r.witnesses().size(), 2); w++) {
        blocks[4 + 2 * w] = "Saksi " + (w + 1) + ",";
        blocks[5 + 2 * w] = r.witnesses().get(w);
      }
      pdf.signatures(blocks);
      return pdf.finish();
    }
  }

  private static String n(long value) {
    return String.format(INDONESIAN, "%,d", value);
  }
}
