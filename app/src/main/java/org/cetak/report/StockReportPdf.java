package org.cetak.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cetak.common.TimeZones;
import org.cetak.stock.DailyStockReport;
import org.cetak.stock.DestructionReport;
import org.cetak.stock.Item;
import org.cetak.stock.LossReport;

/**
 * The printed documents of the stock ledger an auditor signs: the daily stock report (laporan
 * harian stok blanko KTP-el), the destruction report (berita acara pemusnahan) and the loss report
 * (berita acara kehilangan). A4 portrait, in Bahasa Indonesia only (every code in its Indonesian
 * wording, numbers written 3.660,3), under the office's letterhead, with page numbers and each
 * signatory's name, position and NIP.
 */
public final class StockReportPdf {

  /** Numbers as officers write them: 3.660,3. */
  private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", INDONESIAN);
  private static final DateTimeFormatter WEEKDAY =
      DateTimeFormatter.ofPattern("EEEE 'tanggal' d MMMM yyyy", INDONESIAN);
  private static final DateTimeFormatter PRINTED =
      DateTimeFormatter.ofPattern("d MMMM yyyy HH.mm", INDONESIAN);

  private static final String BLANK_NAME = "(" + ".".repeat(44) + ")";
  private static final String BLANK_NIP = ".".repeat(36);

  private StockReportPdf() {}

  /**
   * The wording of a code a report shows, in Bahasa Indonesia: {@code kind} and {@code code} as in
   * the message bundles' {@code label.<kind>.<code>} ({@code spoilReason}, {@code destruction},
   * {@code lossReport}, {@code location}).
   */
  @FunctionalInterface
  public interface Wording {
    String of(String kind, String code);
  }

  /** The lines of the office's letterhead (kop surat), the first one printed large. */
  public record Letterhead(List<String> lines) {
    public Letterhead {
      lines = List.copyOf(lines);
    }
  }

  /**
   * A person who signs: full name, NIP and position (jabatan); blank fields are left as dotted
   * lines to be filled in by hand.
   */
  public record Signatory(String name, String nip, String position) {

    /** Nobody named yet: the position only, name and NIP by hand. */
    public static Signatory unnamed(String position) {
      return new Signatory("", "", position);
    }
  }

  /** When and where a document was printed: its footer says so, in the office's time zone. */
  public record Printing(Letterhead letterhead, Instant at, ZoneId zone, Wording words) {

    String printedAt() {
      return PRINTED.format(at.atZone(zone)) + " " + TimeZones.name(zone);
    }
  }

  /**
   * The daily stock report.
   *
   * @param keeper the office's inventory manager (pengelola blanko), who draws the report up
   * @param supervisor the supervisor who acknowledges it
   */
  public static byte[] daily(
      DailyStockReport r, Signatory keeper, Signatory supervisor, Printing printing) {
    Wording words = printing.words();
    try (PdfWriter pdf = new PdfWriter()) {
      pdf.letterhead(printing.letterhead().lines());
      pdf.title("LAPORAN HARIAN STOK BLANKO KTP-el");
      // the day as DailyReports counts it: in the office's zone
      pdf.subtitle("Tanggal " + DAY.format(r.day()) + " (" + TimeZones.name(printing.zone()) + ")");
      pdf.heading("A. Mutasi blanko hari ini");
      pdf.row("Stok awal", n(r.opening()));
      pdf.row("Diterima dari pusat", n(r.received()));
      pdf.row("Dipinjam dari kantor lain", n(r.borrowed()));
      pdf.row("Ditemukan kembali (berita acara kehilangan)", n(r.foundAgain()));
      pdf.row("Tercetak", n(r.printed()));
      pdf.row("Rusak / gagal", n(r.spoiled()));
      for (Map.Entry<String, Long> e : r.spoiledByReason().entrySet()) {
        pdf.subRow("karena " + words.of("spoilReason", e.getKey()), n(e.getValue()));
      }
      pdf.row("Dipinjamkan ke kantor lain", n(r.lent()));
      pdf.row("Hilang (berita acara kehilangan)", n(r.lost()));
      pdf.totalRow("Stok akhir", n(r.closing()));
      pdf.row("Dimusnahkan hari ini (sudah dihitung sebagai rusak)", n(r.destroyed()));
      pdf.heading("B. Rincian stok akhir");
      pdf.row("Gudang", n(r.closingVault()));
      pdf.row("Feeder printer", n(r.closingFeeders()));
      pdf.row("Di dalam printer", n(r.closingInsidePrinters()));
      pdf.row("Hasil cetak belum diketahui", n(r.closingUnknown()));
      pdf.row(
          "Rusak, menunggu pemusnahan (tidak termasuk stok)", n(r.spoiledAwaitingDestruction()));
      pdf.row("Hilang (tidak termasuk stok)", n(r.closingLost()));
      pdf.row("Dicadangkan untuk permohonan", n(r.reserved()));
      pdf.totalRow("Dapat dipakai", n(r.usable()));
      pdf.row(
          "Perkiraan sisa hari stok (pemakaian 14 hari terakhir: " + n(r.usedLast14Days()) + ")",
          r.daysOfStockLeft().isPresent()
              ? String.format(INDONESIAN, "%,.1f hari", r.daysOfStockLeft().getAsDouble())
              : "-");
      if (r.reorderAlert()) {
        pdf.gap();
        pdf.paragraph(
            "PERINGATAN: stok yang dapat dipakai di bawah ambang "
                + n(r.reorderThreshold())
                + " blanko. Ajukan permintaan blanko ke pusat.");
      }
      pdf.heading("C. KTP-el lama yang ditarik (dihitung terpisah dari blanko)");
      pdf.row("Ditarik hari ini", n(r.oldCardsWithdrawn()));
      pdf.row("Dimusnahkan hari ini", n(r.oldCardsDestroyed()));
      pdf.gap();
      pdf.paragraph(
          r.closes()
              ? "Stok akhir sama dengan stok awal ditambah penerimaan dan dikurangi pengeluaran"
                  + " hari ini."
              : "PERHATIAN: stok akhir tidak sama dengan stok awal ditambah penerimaan dan"
                  + " dikurangi pengeluaran hari ini; periksa buku mutasi.");
      pdf.gap();
      pdf.signatures(
          List.of(signature("Dibuat oleh,", keeper), signature("Mengetahui,", supervisor)));
      return pdf.finish(
          "Laporan harian stok blanko KTP-el "
              + DAY.format(r.day())
              + " · dicetak "
              + printing.printedAt());
    }
  }

  /**
   * The destruction report.
   *
   * @param proposer who proposed the destruction
   * @param approver the supervisor who approved it; {@link Signatory#unnamed} while undecided
   */
  public static byte[] destruction(
      DestructionReport r, Signatory proposer, Signatory approver, Printing printing) {
    Wording words = printing.words();
    try (PdfWriter pdf = new PdfWriter()) {
      pdf.letterhead(printing.letterhead().lines());
      pdf.title("BERITA ACARA PEMUSNAHAN BLANKO KTP-el RUSAK DAN KTP-el LAMA");
      pdf.subtitle("Nomor: " + r.number());
      String where = r.place().isBlank() ? "" : ", bertempat di " + r.place();
      pdf.paragraph(
          switch (r.status()) {
            case DESTROYED ->
                "Pada hari ini, "
                    + WEEKDAY.format(r.date())
                    + where
                    + ", kami yang bertanda tangan di bawah ini telah memusnahkan kartu-kartu"
                    + " yang tercantum dalam berita acara ini, disaksikan oleh para saksi.";
            case PROPOSED ->
                "Kartu-kartu yang tercantum dalam berita acara ini diusulkan untuk dimusnahkan"
                    + " pada "
                    + WEEKDAY.format(r.date())
                    + where
                    + ". Pemusnahan dilaksanakan setelah usulan ini disetujui.";
            case REJECTED ->
                "Usulan pemusnahan kartu-kartu yang tercantum dalam berita acara ini untuk "
                    + WEEKDAY.format(r.date())
                    + where
                    + " ditolak; kartu-kartu tersebut tetap dalam penyimpanan kartu rusak.";
          });
      pdf.gap();
      pdf.row("Blanko KTP-el rusak / gagal", n(r.count(Item.BLANK)));
      pdf.row("KTP-el lama yang ditarik", n(r.count(Item.OLD_CARD)));
      pdf.totalRow("Jumlah kartu", n(r.cards().size()));
      pdf.row("Status", words.of("destruction", r.status().name()));
      pdf.heading("Daftar kartu");
      pdf.table(
          new float[] {5, 13, 30, 30, 16},
          "No.",
          "Jenis",
          "UID chip / nomor seri",
          "Alasan",
          "Nomor permohonan");
      int i = 1;
      for (DestructionReport.Card c : r.cards()) {
        pdf.tableRow(
            String.valueOf(i++),
            c.item() == Item.BLANK ? "Blanko" : "KTP-el lama",
            identity(c),
            words.of("spoilReason", c.reason()),
            c.requestId().map(String::valueOf).orElse("-"));
      }
      pdf.endTable();
      pdf.heading("Saksi");
      for (int w = 0; w < r.witnesses().size(); w++) {
        pdf.paragraph((w + 1) + ". " + r.witnesses().get(w));
      }
      pdf.gap();
      pdf.paragraph(
          "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana"
              + " mestinya.");
      List<PdfWriter.Signature> blocks = new ArrayList<>();
      blocks.add(signature("Yang mengusulkan,", proposer));
      blocks.add(signature("Yang menyetujui,", approver));
      for (int w = 0; w < r.witnesses().size(); w++) {
        blocks.add(
            signature("Saksi " + (w + 1) + ",", new Signatory(r.witnesses().get(w), "", "")));
      }
      pdf.signatures(blocks);
      return pdf.finish(
          "Berita acara pemusnahan nomor " + r.number() + " · dicetak " + printing.printedAt());
    }
  }

  /**
   * The loss report.
   *
   * @param lastKnownAt where the blanks were last known, in words (the vault, a printer's feeder)
   * @param proposer who reported the loss
   * @param approver the supervisor who approved it; {@link Signatory#unnamed} while undecided
   */
  public static byte[] loss(
      LossReport r, String lastKnownAt, Signatory proposer, Signatory approver, Printing printing) {
    Wording words = printing.words();
    try (PdfWriter pdf = new PdfWriter()) {
      pdf.letterhead(printing.letterhead().lines());
      pdf.title("BERITA ACARA KEHILANGAN BLANKO KTP-el");
      pdf.subtitle("Nomor: " + r.number());
      pdf.paragraph(
          "Pada hari ini, "
              + WEEKDAY.format(r.date())
              + ", kami yang bertanda tangan di bawah ini menyatakan bahwa blanko KTP-el berikut"
              + " tidak dapat ditemukan:");
      pdf.gap();
      pdf.totalRow("Jumlah blanko hilang", n(r.quantity()));
      pdf.row("Terakhir diketahui berada di", lastKnownAt);
      pdf.row("UID chip / nomor seri", r.chipUid().or(r::serial).orElse("tidak diketahui"));
      pdf.row("Pekerjaan cetak", r.printJobId().map(String::valueOf).orElse("-"));
      pdf.row("Status", words.of("lossReport", r.status().name()));
      if (r.found() > 0) {
        pdf.row("Ditemukan kembali sejak itu", n(r.found()));
        pdf.row("Masih hilang", n(r.stillLost()));
      }
      pdf.heading("Keadaan dan kronologi");
      pdf.paragraph(r.circumstances());
      pdf.gap();
      pdf.paragraph(
          "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana"
              + " mestinya.");
      pdf.signatures(
          List.of(
              signature("Yang melaporkan,", proposer), signature("Yang menyetujui,", approver)));
      return pdf.finish(
          "Berita acara kehilangan nomor " + r.number() + " · dicetak " + printing.printedAt());
    }
  }

  private static String identity(DestructionReport.Card c) {
    Optional<String> uid = c.chipUid().map(u -> "UID " + u);
    Optional<String> serial = c.serial().map(s -> "seri " + s);
    if (uid.isPresent() && serial.isPresent()) {
      return uid.get() + ", " + serial.get();
    }
    return uid.or(() -> serial)
        .orElse("tanpa UID dan nomor seri (mutasi " + c.spoilMovementId() + ")");
  }

  private static PdfWriter.Signature signature(String caption, Signatory who) {
    String role = who.position().isBlank() ? caption : caption + "\n" + who.position();
    return new PdfWriter.Signature(
        role,
        who.name().isBlank() ? BLANK_NAME : who.name(),
        who.nip().isBlank() ? BLANK_NIP : who.nip());
  }

  private static String n(long value) {
    return String.format(INDONESIAN, "%,d", value);
  }
}
