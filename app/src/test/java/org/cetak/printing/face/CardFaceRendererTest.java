package org.cetak.printing.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.cetak.printing.face.PanelSet.Panel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardFaceRendererTest {
  private static final CardFaceRenderer RENDERER = new CardFaceRenderer();

  @Test
  void same_record_renders_the_same_panels() {
    List<String> first = RENDERER.render(SampleResidents.sari()).panels().sha256PerPanel();
    List<String> second = RENDERER.render(SampleResidents.sari()).panels().sha256PerPanel();

    assertThat(first).hasSize(6).isEqualTo(second);
    assertThat(first.get(0)).matches("[0-9a-f]{64}");
  }

  @Test
  void different_niks_give_different_black_panels() {
    PanelSet a = RENDERER.render(SampleResidents.withNik("3271051708900003")).panels();
    PanelSet b = RENDERER.render(SampleResidents.withNik("3271051708900004")).panels();

    assertThat(k(a).sha256()).isNotEqualTo(k(b).sha256());
    // the colour panels hold no text, so they do not depend on the NIK
    assertThat(a.front().get(0).sha256()).isEqualTo(b.front().get(0).sha256());
  }

  @Test
  void nik_line_is_printed_in_black() {
    Panel k = k(RENDERER.render(SampleResidents.sari()).panels());

    int ink = inkIn(k, CardLayout.NIK_LINE);
    Rectangle nikLine = CardLayout.NIK_LINE;
    assertThat(ink).isGreaterThan(nikLine.width * nikLine.height / 20);
  }

  @Test
  void panels_have_the_protocol_shape_and_value_ranges() {
    PanelSet panels = RENDERER.render(SampleResidents.sari()).panels();

    assertThat(panels.front()).extracting(Panel::name).containsExactly("y", "m", "c", "k", "o");
    assertThat(panels.front()).extracting(Panel::levels).containsExactly(32, 32, 32, 2, 2);
    assertThat(panels.back()).extracting(Panel::name).containsExactly("k");
    assertThat(panels.back()).extracting(Panel::levels).containsExactly(2);
    for (Panel p : concat(panels.front(), panels.back())) {
      assertThat(p.dots()).hasSize(648 * 1016);
      int max = 0;
      for (byte b : p.dots()) {
        max = Math.max(max, b & 0xFF);
      }
      assertThat(max).as("max value of panel %s", p.name()).isLessThan(p.levels()).isPositive();
    }
    Panel overlay = panels.front().get(4);
    for (byte b : overlay.dots()) {
      assertThat(b).isEqualTo((byte) 1);
    }
  }

  @Test
  void panel_is_the_card_turned_to_portrait_with_the_photo_on_the_last_lines() {
    Panel m = RENDERER.render(SampleResidents.sari()).panels().front().get(1);
    Rectangle photo = CardLayout.PHOTO;
    int x = photo.x + 10;
    int y = photo.y + 10; // red photo background: plenty of magenta
    int line = x;
    int dot = PanelSet.DOTS_PER_LINE - 1 - y;

    assertThat(m.dots()[line * PanelSet.DOTS_PER_LINE + dot] & 0xFF).isGreaterThan(20);
    assertThat(m.valueAt(x, y)).isGreaterThan(20);
    assertThat(m.valueAt(photo.x - 20, y)).isLessThan(10);
  }

  @Test
  void long_name_and_address_wrap_or_shrink_inside_the_text_column() {
    String name = "RADEN AJENG KUSUMAWARDHANI PURNAMASARI SETYANINGRUM WULANDARI HADININGRAT PUTRI";
    String address =
        "JL. RAYA PEMBANGUNAN KOMPLEK PERUMAHAN GRIYA INDAH PERMAI BLOK CC NOMOR 127 A"
            + " GANG MELATI III RUKUN WARGA SEBELAH MASJID AGUNG";
    Panel k = k(RENDERER.render(SampleResidents.withNameAndAddress(name, address)).panels());

    assertThat(inkOutside(k, CardLayout.SAFE)).isZero();
    // nothing runs from the text column into the gap before the photo
    Rectangle gap =
        new Rectangle(
            CardLayout.VALUE_RIGHT + 2,
            CardLayout.FIELDS_TOP,
            CardLayout.PHOTO.x - CardLayout.VALUE_RIGHT - 6,
            CardLayout.FIELDS_BOTTOM - CardLayout.FIELDS_TOP);
    assertThat(inkIn(k, gap)).isZero();
    // and the text is there: the long name has more ink than the short one
    Panel shortK = k(RENDERER.render(SampleResidents.sari()).panels());
    assertThat(totalInk(k)).isGreaterThan(totalInk(shortK));
  }

  @Test
  void every_field_at_its_longest_stays_inside_its_column() {
    Panel k = k(RENDERER.render(SampleResidents.allFieldsLong()).panels());

    assertThat(inkOutside(k, CardLayout.SAFE)).isZero();
    Rectangle gap =
        new Rectangle(
            CardLayout.VALUE_RIGHT + 2,
            CardLayout.NIK_LINE.y + CardLayout.NIK_LINE.height,
            CardLayout.PHOTO.x - CardLayout.VALUE_RIGHT - 6,
            CardLayout.FIELDS_BOTTOM - CardLayout.NIK_LINE.y - CardLayout.NIK_LINE.height);
    assertThat(inkIn(k, gap)).isZero();
    // every one of the twelve rows still has ink in the value column
    assertThat(inkIn(k, valueColumn())).isGreaterThan(12 * 200);
  }

  @Test
  void rendering_on_several_threads_gives_the_same_panels() throws Exception {
    List<String> expected = RENDERER.render(SampleResidents.sari()).panels().sha256PerPanel();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(
            pool.submit(() -> RENDERER.render(SampleResidents.sari()).panels().sha256PerPanel()));
      }
      for (Future<List<String>> r : results) {
        assertThat(r.get(1, TimeUnit.MINUTES)).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void back_preview_is_black_on_white() throws IOException {
    RenderedCard card = RENDERER.render(SampleResidents.sari());
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(card.previewPng(CardSide.BACK)));

    int black = 0;
    for (int y = 0; y < back.getHeight(); y++) {
      for (int x = 0; x < back.getWidth(); x++) {
        int rgb = back.getRGB(x, y) & 0xFFFFFF;
        assertThat(rgb).isIn(0xFFFFFF, 0x141414);
        black += rgb == 0x141414 ? 1 : 0;
      }
    }
    assertThat(black).isEqualTo(totalInk(card.panels().back().get(0)));
  }

  @Test
  void back_is_black_only_and_inside_the_safe_margin() {
    PanelSet panels = RENDERER.render(SampleResidents.sari()).panels();
    Panel back = panels.back().get(0);

    assertThat(totalInk(back)).isGreaterThan(5_000);
    assertThat(inkOutside(back, CardLayout.SAFE)).isZero();
  }

  @Test
  void missing_photo_renders_a_placeholder_frame() {
    PanelSet without = RENDERER.render(SampleResidents.withoutPhoto()).panels();
    PanelSet with = RENDERER.render(SampleResidents.sari()).panels();
    Rectangle photo = CardLayout.PHOTO;
    Rectangle inside = new Rectangle(photo.x + 8, photo.y + 8, photo.width - 16, photo.height - 16);

    // a black frame and silhouette where the photo would be
    assertThat(inkIn(k(without), photo)).isGreaterThan(2 * photo.width);
    assertThat(inkIn(k(with), inside)).isZero();
    // no photo colours: the placeholder area is near white in magenta
    Panel magentaWithout = without.front().get(1);
    Panel magentaWith = with.front().get(1);
    assertThat(sum(magentaWithout, inside)).isLessThan(sum(magentaWith, inside) / 10);
  }

  @Test
  void preview_png_decodes_to_the_card_image() throws IOException {
    byte[] png = RENDERER.previewPng(SampleResidents.sari(), CardSide.FRONT);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));

    assertThat(img.getWidth()).isEqualTo(1016);
    assertThat(img.getHeight()).isEqualTo(648);
    // the NIK digits are black on the preview
    Rectangle nik = CardLayout.NIK_LINE;
    int dark = 0;
    for (int y = nik.y; y < nik.y + nik.height; y++) {
      for (int x = nik.x; x < nik.x + nik.width; x++) {
        if ((img.getRGB(x, y) & 0xFFFFFF) == 0x141414) {
          dark++;
        }
      }
    }
    assertThat(dark).isPositive();
    BufferedImage back =
        ImageIO.read(
            new ByteArrayInputStream(RENDERER.previewPng(SampleResidents.sari(), CardSide.BACK)));
    assertThat(back.getWidth()).isEqualTo(1016);
  }

  @Test
  void unreadable_photo_is_rejected_naming_the_field() {
    CardFaceData d = SampleResidents.sari();
    CardFaceData broken =
        new CardFaceData(
            d.province(),
            d.regency(),
            d.nik(),
            d.name(),
            d.birthPlace(),
            d.birthDate(),
            d.sex(),
            d.bloodType(),
            d.address(),
            d.rt(),
            d.rw(),
            d.village(),
            d.district(),
            d.religion(),
            d.maritalStatus(),
            d.occupation(),
            d.citizenship(),
            Optional.of(new byte[] {1, 2, 3}),
            d.signatureImage(),
            d.issuePlace(),
            d.issueDate());

    assertThatThrownBy(() -> RENDERER.render(broken))
        .isInstanceOf(InvalidCardFaceDataException.class)
        .hasMessageContaining("photoJpeg");
  }

  @Test
  void oversized_signature_is_refused_before_decoding() {
    byte[] huge =
        SampleResidents.encode(
            new BufferedImage(CardImages.MAX_IMAGE_SIDE + 1, 8, BufferedImage.TYPE_BYTE_GRAY),
            "png");

    assertThatThrownBy(() -> RENDERER.render(SampleResidents.withSignature(huge)))
        .isInstanceOfSatisfying(
            InvalidCardFaceDataException.class,
            e -> assertThat(e.field()).isEqualTo("signatureImage"))
        .hasMessageContaining("4097 x 8");
  }

  @Test
  void photo_signature_and_preview_never_pass_through_a_temporary_file(@TempDir Path cache)
      throws Exception {
    CardFaceData resident = SampleResidents.sari();
    File previousDirectory = ImageIO.getCacheDirectory();
    boolean previousUse = ImageIO.getUseCache();
    ImageIO.setUseCache(true);
    ImageIO.setCacheDirectory(cache.toFile());
    try (WatchService watch = cache.getFileSystem().newWatchService()) {
      cache.register(watch, StandardWatchEventKinds.ENTRY_CREATE);

      RENDERER.render(resident).previewPng(CardSide.FRONT);

      assertThat(watch.poll(300, TimeUnit.MILLISECONDS)).isNull();
      // the watch does see ImageIO's spooling when a stream goes through the cache
      ImageIO.write(
          new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB),
          "png",
          OutputStream.nullOutputStream());
      assertThat(watch.poll(10, TimeUnit.SECONDS)).isNotNull();
    } finally {
      ImageIO.setCacheDirectory(previousDirectory);
      ImageIO.setUseCache(previousUse);
    }
  }

  private static Rectangle valueColumn() {
    return new Rectangle(
        CardLayout.VALUE_X,
        CardLayout.FIELDS_TOP,
        CardLayout.VALUE_RIGHT - CardLayout.VALUE_X,
        CardLayout.FIELDS_BOTTOM - CardLayout.FIELDS_TOP);
  }

  static Panel k(PanelSet panels) {
    return panels.front().get(3);
  }

  static int inkIn(Panel p, Rectangle r) {
    int ink = 0;
    for (int y = r.y; y < r.y + r.height; y++) {
      for (int x = r.x; x < r.x + r.width; x++) {
        ink += p.valueAt(x, y) > 0 ? 1 : 0;
      }
    }
    return ink;
  }

  static long sum(Panel p, Rectangle r) {
    long s = 0;
    for (int y = r.y; y < r.y + r.height; y++) {
      for (int x = r.x; x < r.x + r.width; x++) {
        s += p.valueAt(x, y);
      }
    }
    return s;
  }

  @Test
  void panels_drawn_over_the_blank_card_differ_from_it_only_in_the_lines_they_name() {
    List<String> drawnOver = new ArrayList<>();
    for (CardFaceData resident :
        List.of(
            SampleResidents.sari(),
            SampleResidents.withoutPhoto(),
            SampleResidents.allFieldsLong())) {
      PanelSet panels = RENDERER.render(resident).panels();
      for (Panel p : concat(panels.front(), panels.back())) {
        p.drawnOver()
            .ifPresent(
                over -> {
                  drawnOver.add(p.name());
                  byte[] blank = over.blank().dots();
                  int from = over.fromLine() * PanelSet.DOTS_PER_LINE;
                  int to = over.toLine() * PanelSet.DOTS_PER_LINE;
                  assertThat(Arrays.mismatch(p.dots(), 0, from, blank, 0, from)).isEqualTo(-1);
                  assertThat(
                          Arrays.mismatch(p.dots(), to, p.dots().length, blank, to, blank.length))
                      .isEqualTo(-1);
                });
      }
    }
    assertThat(drawnOver)
        .containsExactly("y", "m", "c", "o", "y", "m", "c", "o", "y", "m", "c", "o");
  }

  static int totalInk(Panel p) {
    int ink = 0;
    for (byte b : p.dots()) {
      ink += b != 0 ? 1 : 0;
    }
    return ink;
  }

  static int inkOutside(Panel p, Rectangle safe) {
    int ink = 0;
    for (int y = 0; y < PanelSet.DOTS_PER_LINE; y++) {
      for (int x = 0; x < PanelSet.LINES; x++) {
        if (!safe.contains(x, y) && p.valueAt(x, y) > 0) {
          ink++;
        }
      }
    }
    return ink;
  }

  private static List<Panel> concat(List<Panel> a, List<Panel> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
