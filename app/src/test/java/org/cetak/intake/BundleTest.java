package org.cetak.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.cetak.common.DomainException;
import org.cetak.common.Wording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zip bundles opened from real zip files, unpacked under a temporary directory of the test. */
class BundleTest {

  private static final byte[] PHOTO = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16};
  private static final String CSV = "nik,photo\n3171000000000001,photos/1.jpg\n";

  @TempDir Path tmp;

  private Path temporary() throws IOException {
    return Files.createDirectories(tmp.resolve("temporary"));
  }

  private Bundle open(Path zip) throws IOException {
    return Bundle.open(zip, zip.getFileName().toString(), temporary(), 0);
  }

  @Test
  void a_zip_inside_one_top_level_folder_reads_its_records_and_payloads_from_that_folder()
      throws IOException {
    Path zip =
        zip(
            "export.zip",
            Map.of("export/records.csv", bytes(CSV), "export/photos/1.jpg", PHOTO, "x.jpg", PHOTO));

    try (Bundle bundle = open(zip)) {
      assertThat(bundle.recordsSize()).isEqualTo(CSV.length());
      try (RecordSource records = bundle.records()) {
        assertThat(records.next().orElseThrow().fields()).containsEntry("photo", "photos/1.jpg");
        assertThat(records.next()).isEmpty();
      }
      assertThat(found(bundle, "photos/1.jpg")).isEqualTo(PHOTO);
      assertThat(bundle.payloads().resolve("photo", "photos/2.jpg"))
          .isInstanceOf(PayloadResolver.Missing.class);
      assertThat(bundle.payloads().resolve("photo", "../x.jpg"))
          .isInstanceOf(PayloadResolver.Invalid.class);
    }
  }

  @Test
  void entries_leaving_the_bundle_are_written_nowhere_and_a_row_naming_one_is_refused()
      throws IOException {
    Path outside = tmp.resolve("outside.jpg");
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("records.csv", bytes(CSV));
    entries.put("../outside.jpg", PHOTO);
    entries.put("../../outside.jpg", PHOTO);
    entries.put("photos/../../../outside.jpg", PHOTO);
    entries.put(outside.toString(), PHOTO);
    entries.put("C:/outside.jpg", PHOTO);
    entries.put("..\\outside.jpg", PHOTO);
    Path zip = zip("slip.zip", entries);

    try (Bundle bundle = open(zip)) {
      try (Stream<Path> all = Files.walk(tmp)) {
        assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("outside"));
      }
      for (String reference : List.of("../outside.jpg", outside.toString(), "C:/outside.jpg")) {
        assertThat(bundle.payloads().resolve("photo", reference))
            .isInstanceOfSatisfying(
                PayloadResolver.Invalid.class,
                i -> assertThat(i.reason()).contains("must be relative and stay inside"));
      }
    }
  }

  @Test
  void an_oversized_payload_is_reported_too_large_and_nothing_of_it_is_written()
      throws IOException {
    byte[] large = random((int) Bundle.MAX_PAYLOAD_BYTES * 3, 3);
    byte[] records = new byte[(int) Bundle.MAX_PAYLOAD_BYTES * 2];
    Arrays.fill(records, (byte) 'a');
    Path zip =
        zip(
            "large.zip",
            Map.of("records.csv", records, "photos/1.jpg", large, "photos/2.jpg", PHOTO));

    try (Bundle bundle = open(zip)) {
      assertThat(bundle.payloads().resolve("photo", "photos/1.jpg"))
          .isInstanceOfSatisfying(
              PayloadResolver.Invalid.class,
              i -> assertThat(i.reason()).isEqualTo("file 'photos/1.jpg' is larger than 2048 KB"));
      assertThat(found(bundle, "photos/2.jpg")).isEqualTo(PHOTO);
      assertThat(bundle.recordsSize()).isEqualTo(records.length);
      assertThat(temporaryBytes() - records.length).isLessThan(64 * 1024);
    }
  }

  @Test
  void two_records_files_are_refused_and_leave_nothing_behind() throws IOException {
    for (Map<String, byte[]> entries :
        List.of(
            Map.of("records.csv", bytes(CSV), "records.json", bytes("[]")),
            Map.of("a/records.csv", bytes(CSV), "b/records.csv", bytes(CSV)))) {
      Path zip = zip("two.zip", entries);

      assertThatThrownBy(() -> open(zip))
          .isInstanceOfSatisfying(
              DomainException.class,
              e -> {
                assertThat(e.error()).isEqualTo(IntakeError.BUNDLE_NO_RECORDS);
                assertThat(e.getMessage()).contains("more than one records file");
              });
      assertThat(leftUnpacked()).isEmpty();
    }
  }

  @Test
  void the_same_name_twice_reads_the_last_entry_and_two_records_entries_of_one_name_are_refused()
      throws IOException {
    Path zip = tmp.resolve("same.zip");
    try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
      write(out, "records.csv", bytes(CSV));
      write(out, "photos/1.jpg", bytes("first"));
      write(out, "photos/1.jpg", PHOTO);
    }
    try (Bundle bundle = open(zip)) {
      assertThat(found(bundle, "photos/1.jpg")).isEqualTo(PHOTO);
    }
    try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
      write(out, "records.csv", bytes(CSV));
      write(out, "records.csv", bytes(CSV));
    }
    assertThatThrownBy(() -> open(zip))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.error()).isEqualTo(IntakeError.BUNDLE_NO_RECORDS));
    assertThat(leftUnpacked()).isEmpty();
  }

  @Test
  void a_file_and_a_folder_of_one_name_are_each_found_by_their_own_name() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("records.csv", bytes(CSV));
    entries.put("photos", bytes("a file"));
    entries.put("photos/1.jpg", PHOTO);
    entries.put("signatures/", new byte[0]);
    entries.put("signatures", bytes("another file"));
    entries.put("./signatures//1.png", PHOTO);
    Path zip = zip("both.zip", entries);

    try (Bundle bundle = open(zip)) {
      assertThat(found(bundle, "photos")).isEqualTo(bytes("a file"));
      assertThat(found(bundle, "photos/1.jpg")).isEqualTo(PHOTO);
      assertThat(found(bundle, "signatures")).isEqualTo(bytes("another file"));
      assertThat(found(bundle, "signatures/1.png")).isEqualTo(PHOTO);
      assertThat(found(bundle, "./signatures/1.png")).isEqualTo(PHOTO);
      assertThat(bundle.payloads().resolve("signature", "signatures/"))
          .isInstanceOf(PayloadResolver.Found.class);
      assertThat(bundle.payloads().resolve("signature", "signatures/2.png"))
          .isInstanceOf(PayloadResolver.Missing.class);
    }
  }

  @Test
  void every_one_of_thousands_of_files_is_found_and_a_name_not_in_the_zip_is_missing()
      throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("records.csv", bytes(CSV));
    int files = 20_000;
    for (int i = 0; i < files; i++) {
      entries.put("photos/" + i + ".jpg", bytes("photo " + i));
    }
    Path zip = zip("many.zip", entries);

    try (Bundle bundle = open(zip)) {
      for (int i = 0; i < files; i++) {
        assertThat(found(bundle, "photos/" + i + ".jpg")).isEqualTo(bytes("photo " + i));
      }
      for (int i = files; i < 2 * files; i += 97) {
        assertThat(bundle.payloads().resolve("photo", "photos/" + i + ".jpg"))
            .isInstanceOf(PayloadResolver.Missing.class);
      }
      assertThat(bundle.payloads().resolve("photo", "photos/1.JPG"))
          .isInstanceOf(PayloadResolver.Missing.class);
    }
  }

  @Test
  void stored_entries_are_read_in_place_and_those_after_a_streamed_stored_entry_as_well()
      throws IOException {
    byte[] second = random(70_000, 4);
    Path zip = tmp.resolve("mixed.zip");
    Files.write(
        zip,
        handMade(
            List.of(
                new Hand("records.csv", bytes(CSV), 0),
                new Hand("photos/1.jpg", PHOTO, 0),
                new Hand("photos/2.jpg", second, 0x08),
                new Hand("photos/3.jpg", bytes("third"), 0))));

    try (Bundle bundle = open(zip)) {
      assertThat(found(bundle, "photos/1.jpg")).isEqualTo(PHOTO);
      assertThat(found(bundle, "photos/2.jpg")).isEqualTo(second);
      assertThat(found(bundle, "photos/3.jpg")).isEqualTo(bytes("third"));
    }
  }

  @Test
  void a_payload_whose_data_does_not_match_its_crc_is_refused_for_the_row_naming_it()
      throws IOException {
    byte[] photo = random(5_000, 5);
    byte[] zipped =
        handMade(
            List.of(
                new Hand("records.csv", bytes(CSV), 0),
                new Hand("photos/1.jpg", photo, 0),
                new Hand("photos/2.jpg", PHOTO, 0)));
    int at = indexOf(zipped, photo) + 2_500;
    zipped[at] = (byte) ~zipped[at];
    Path zip = Files.write(tmp.resolve("damaged.zip"), zipped);

    try (Bundle bundle = open(zip)) {
      assertThat(bundle.payloads().resolve("photo", "photos/1.jpg"))
          .isInstanceOfSatisfying(
              PayloadResolver.Invalid.class,
              i ->
                  assertThat(i.reason())
                      .isEqualTo("cannot read 'photos/1.jpg': its data does not match its CRC"));
      assertThat(found(bundle, "photos/2.jpg")).isEqualTo(PHOTO);
    }
  }

  @Test
  void a_records_file_whose_stored_data_does_not_match_its_crc_refuses_the_zip()
      throws IOException {
    byte[] records = bytes(CSV);
    byte[] zipped =
        handMade(List.of(new Hand("records.csv", records, 0), new Hand("photos/1.jpg", PHOTO, 0)));
    int at = indexOf(zipped, records) + 5;
    zipped[at] = (byte) ~zipped[at];
    Path zip = Files.write(tmp.resolve("damaged-records.zip"), zipped);

    assertThatThrownBy(() -> open(zip))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.error()).isEqualTo(IntakeError.BUNDLE_NOT_ZIP);
              assertThat(e.args())
                  .containsExactly(
                      "damaged-records.zip", Wording.of("bundle.why.crc", "records.csv"));
            });
    assertThat(leftUnpacked()).isEmpty();
  }

  @Test
  void a_payload_whose_compressed_data_is_damaged_is_refused_for_the_row_naming_it()
      throws IOException {
    byte[] photo = random(5_000, 7);
    byte[] deflated = new byte[6_000];
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    deflater.setInput(photo);
    deflater.finish();
    int length = deflater.deflate(deflated);
    deflater.end();
    deflated = Arrays.copyOf(deflated, length);
    // the first byte of the deflated data: a last block of the reserved type 3
    deflated[0] = (byte) 0xff;
    Path zip =
        Files.write(
            tmp.resolve("deflated.zip"),
            handMade(
                List.of(
                    new Hand("records.csv", bytes(CSV), 0),
                    new Hand("photos/1.jpg", photo, 0, ZipEntry.DEFLATED, deflated))));

    try (Bundle bundle = open(zip)) {
      assertThat(bundle.payloads().resolve("photo", "photos/1.jpg"))
          .isInstanceOfSatisfying(
              PayloadResolver.Invalid.class,
              i ->
                  assertThat(i.reason())
                      .startsWith("cannot read 'photos/1.jpg': its compressed data is damaged"));
    }
  }

  @Test
  void a_payload_compressed_with_bzip2_is_copied_out_as_the_zip_is_read() throws IOException {
    byte[] photo = random(30_000, 6);
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (BZip2CompressorOutputStream out = new BZip2CompressorOutputStream(compressed)) {
      out.write(photo);
    }
    Path zip = tmp.resolve("bzip2.zip");
    Files.write(
        zip,
        handMade(
            List.of(
                new Hand("records.csv", bytes(CSV), 0),
                new Hand("photos/1.jpg", photo, 0, 12, compressed.toByteArray()),
                new Hand("photos/2.jpg", PHOTO, 0))));

    try (Bundle bundle = open(zip)) {
      assertThat(found(bundle, "photos/1.jpg")).isEqualTo(photo);
      assertThat(found(bundle, "photos/2.jpg")).isEqualTo(PHOTO);
    }
  }

  @Test
  void a_file_that_is_not_a_zip_is_refused_as_not_a_zip() throws IOException {
    Path text = Files.writeString(tmp.resolve("records.zip"), "nik,photo\n1,2\n");
    Path nothing = Files.write(tmp.resolve("nothing.zip"), new byte[0]);

    for (Path file : List.of(text, nothing)) {
      assertThatThrownBy(() -> open(file))
          .isInstanceOfSatisfying(
              DomainException.class,
              e -> assertThat(e.error()).isEqualTo(IntakeError.BUNDLE_NOT_ZIP));
    }
    assertThat(leftUnpacked()).isEmpty();
  }

  @Test
  void an_empty_zip_and_a_zip_without_records_are_refused_as_holding_no_records()
      throws IOException {
    Path empty = zip("empty.zip", Map.of());
    Path deep = zip("deep.zip", Map.of("a/b/records.csv", bytes(CSV), "photos/1.jpg", PHOTO));

    for (Path zip : List.of(empty, deep)) {
      assertThatThrownBy(() -> open(zip))
          .isInstanceOfSatisfying(
              DomainException.class,
              e -> {
                assertThat(e.error()).isEqualTo(IntakeError.BUNDLE_NO_RECORDS);
                assertThat(e.getMessage()).contains("holds no records.csv");
              });
    }
    assertThat(leftUnpacked()).isEmpty();
  }

  @Test
  void the_unpacked_files_are_deleted_on_close_and_after_a_truncated_zip() throws IOException {
    Path zip =
        zip("whole.zip", Map.of("records.csv", bytes(CSV), "photos/1.jpg", random(200_000, 1)));
    try (Bundle bundle = open(zip)) {
      assertThat(leftUnpacked()).hasSize(1);
      assertThat(found(bundle, "photos/1.jpg")).hasSize(200_000);
    }
    assertThat(leftUnpacked()).isEmpty();

    byte[] whole = Files.readAllBytes(zip);
    Path half = Files.write(tmp.resolve("half.zip"), Arrays.copyOf(whole, whole.length / 2));
    assertThatThrownBy(() -> open(half))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.error()).isEqualTo(IntakeError.BUNDLE_NOT_ZIP);
              assertThat(e.getMessage()).contains("photos/1.jpg");
            });
    assertThat(leftUnpacked()).isEmpty();
  }

  @Test
  void a_temporary_disk_without_room_refuses_the_zip_and_leaves_nothing_behind()
      throws IOException {
    Path zip = zip("room.zip", Map.of("records.csv", bytes(CSV), "photos/1.jpg", PHOTO));
    Path temporary = temporary();

    assertThatThrownBy(() -> Bundle.open(zip, "room.zip", temporary, Long.MAX_VALUE))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.error()).isEqualTo(IntakeError.BUNDLE_DISK_FULL);
              assertThat(e.args()).containsExactly("room.zip", temporary.toString());
            });
    assertThat(leftUnpacked()).isEmpty();
  }

  @Test
  void a_stored_entry_with_a_data_descriptor_is_read() throws IOException {
    Path zip = tmp.resolve("streamed.zip");
    Files.write(
        zip,
        handMade(
            List.of(
                new Hand("records.csv", bytes(CSV), 0x08), new Hand("photos/1.jpg", PHOTO, 0x08))));

    try (Bundle bundle = open(zip)) {
      assertThat(bundle.recordsSize()).isEqualTo(CSV.length());
      assertThat(found(bundle, "photos/1.jpg")).isEqualTo(PHOTO);
    }
  }

  @Test
  void an_encrypted_payload_entry_is_refused_for_the_row_naming_it() throws IOException {
    Path zip = tmp.resolve("encrypted.zip");
    Files.write(
        zip,
        handMade(
            List.of(
                new Hand("records.csv", bytes(CSV), 0),
                new Hand("photos/1.jpg", random(40, 2), 0x01),
                new Hand("photos/2.jpg", PHOTO, 0))));

    try (Bundle bundle = open(zip)) {
      assertThat(bundle.payloads().resolve("photo", "photos/1.jpg"))
          .isInstanceOfSatisfying(
              PayloadResolver.Invalid.class,
              i -> assertThat(i.reason()).contains("cannot read 'photos/1.jpg'"));
      assertThat(found(bundle, "photos/2.jpg")).isEqualTo(PHOTO);
    }
  }

  private static byte[] found(Bundle bundle, String reference) {
    PayloadResolver.Resolved resolved = bundle.payloads().resolve("photo", reference);
    assertThat(resolved).isInstanceOf(PayloadResolver.Found.class);
    return ((PayloadResolver.Found) resolved).bytes();
  }

  private List<Path> leftUnpacked() throws IOException {
    try (Stream<Path> left = Files.list(temporary())) {
      return left.toList();
    }
  }

  /** Bytes of every file under the temporary directory. */
  private long temporaryBytes() throws IOException {
    try (Stream<Path> all = Files.walk(temporary())) {
      long bytes = 0;
      for (Path file : all.filter(Files::isRegularFile).toList()) {
        bytes += Files.size(file);
      }
      return bytes;
    }
  }

  private static int indexOf(byte[] in, byte[] part) {
    for (int i = 0; i + part.length <= in.length; i++) {
      if (Arrays.equals(in, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }

  private Path zip(String name, Map<String, byte[]> entries) throws IOException {
    Path zip = tmp.resolve(name);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
    }
    return zip;
  }

  private static void write(ZipArchiveOutputStream out, String name, byte[] data)
      throws IOException {
    out.putArchiveEntry(new ZipArchiveEntry(name));
    out.write(data);
    out.closeArchiveEntry();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new java.util.Random(seed).nextBytes(bytes);
    return bytes;
  }

  /**
   * One entry of a zip written byte by byte, with its general purpose flags, its compression method
   * and its data as compressed with it.
   */
  @SuppressWarnings("ArrayRecordComponent")
  private record Hand(String name, byte[] data, int flags, int method, byte[] compressed) {
    Hand(String name, byte[] data, int flags) {
      this(name, data, flags, 0, data);
    }
  }

  /**
   * A zip as a streaming writer makes it: entries stored unless told, the sizes and CRC after the
   * data in a data descriptor when flag 0x08 is set (the JDK's writer never stores an entry that
   * way).
   */
  private static byte[] handMade(List<Hand> entries) {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    ByteArrayOutputStream central = new ByteArrayOutputStream();
    for (Hand entry : entries) {
      byte[] name = bytes(entry.name());
      CRC32 crc = new CRC32();
      crc.update(entry.data());
      int sum = (int) crc.getValue();
      int size = entry.data().length;
      int packed = entry.compressed().length;
      boolean descriptor = (entry.flags() & 0x08) != 0;
      int offset = zip.size();
      int32(zip, 0x04034b50);
      int16(zip, 20);
      int16(zip, entry.flags());
      int16(zip, entry.method());
      int32(zip, 0);
      int32(zip, descriptor ? 0 : sum);
      int32(zip, descriptor ? 0 : packed);
      int32(zip, descriptor ? 0 : size);
      int16(zip, name.length);
      int16(zip, 0);
      zip.writeBytes(name);
      zip.writeBytes(entry.compressed());
      if (descriptor) {
        int32(zip, 0x08074b50);
        int32(zip, sum);
        int32(zip, packed);
        int32(zip, size);
      }
      int32(central, 0x02014b50);
      int16(central, 20);
      int16(central, 20);
      int16(central, entry.flags());
      int16(central, entry.method());
      int32(central, 0);
      int32(central, sum);
      int32(central, packed);
      int32(central, size);
      int16(central, name.length);
      for (int i = 0; i < 4; i++) {
        int16(central, 0);
      }
      int32(central, 0);
      int32(central, offset);
      central.writeBytes(name);
    }
    int start = zip.size();
    zip.writeBytes(central.toByteArray());
    int32(zip, 0x06054b50);
    int16(zip, 0);
    int16(zip, 0);
    int16(zip, entries.size());
    int16(zip, entries.size());
    int32(zip, central.size());
    int32(zip, start);
    int16(zip, 0);
    return zip.toByteArray();
  }

  private static void int16(ByteArrayOutputStream out, int value) {
    out.write(value & 0xff);
    out.write((value >>> 8) & 0xff);
  }

  private static void int32(ByteArrayOutputStream out, int value) {
    int16(out, value & 0xffff);
    int16(out, value >>> 16);
  }
}
