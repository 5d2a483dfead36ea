package org.cetak.printing.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A card rendered over the blank card, drawn once, is the card drawn whole: every layer drawn from
 * scratch in one pass and turned into panels dot by dot. Holds on any JDK and fonts, unlike the
 * recorded hashes of {@link CardFaceGoldenTest}.
 */
class BlankCardTest {
  private static final int W = CardLayout.WIDTH;
  private static final int H = CardLayout.HEIGHT;
  private static final CardFaceRenderer RENDERER = new CardFaceRenderer();

  @Test
  void panels_and_previews_are_those_of_the_card_drawn_whole() {
    List<CardFaceData> residents =
        List.of(
            SampleResidents.sari(),
            SampleResidents.withImages(Optional.empty(), Optional.empty()),
            SampleResidents.withPhoto(SampleResidents.translucentWidePhoto()),
            SampleResidents.allFieldsLong(),
            // accents above and below, descenders and stacked combining marks on the back's
            // issue lines, which are drawn between the frame and the notes
            SampleResidents.withRegencyAndIssuePlace(
                "KABUPATEN PANGKAJENE DAN KEPULAUAN \u00c7\u00c5\u00c9",
                "PANGKAJENE, Q\u0327\u0328\u0331\u0316\u0317\u0318\u0319\u031c\u031d\u031e"));

    for (CardFaceData resident : residents) {
      RenderedCard card = RENDERER.render(resident);
      Whole whole = drawnWhole(resident);

      List<PanelSet.Panel> front = card.panels().front();
      assertThat(front.get(0).dots()).as("y of %s", resident).isEqualTo(whole.y);
      assertThat(front.get(1).dots()).as("m of %s", resident).isEqualTo(whole.m);
      assertThat(front.get(2).dots()).as("c of %s", resident).isEqualTo(whole.c);
      assertThat(front.get(3).dots()).as("k of %s", resident).isEqualTo(whole.k);
      assertThat(front.get(4).dots()).as("o of %s", resident).isEqualTo(whole.o);
      assertThat(card.panels().back().get(0).dots())
          .as("back k of %s", resident)
          .isEqualTo(whole.kBack);
      assertThat(pixels(card.image(CardSide.FRONT))).isEqualTo(whole.frontPreview);
      assertThat(pixels(card.image(CardSide.BACK))).isEqualTo(whole.backPreview);
    }
  }

  // Panels rendered once and compared with Arrays.equals in the test.
  @SuppressWarnings("ArrayRecordComponent")
  private record Whole(
      byte[] y,
      byte[] m,
      byte[] c,
      byte[] k,
      byte[] o,
      byte[] kBack,
      int[] frontPreview,
      int[] backPreview) {}

  /** Every layer drawn from scratch, in the order of a card drawn in one pass. */
  private static Whole drawnWhole(CardFaceData d) {
    BufferedImage colour = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = colour.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    BlankCard.drawBackground(g);
    CardFaceRenderer.drawPhoto(g, d);
    g.dispose();

    BufferedImage frontBlack = CardDrawing.blackLayer();
    CardText.drawFrontBlack(frontBlack, d);

    BufferedImage backBlack = CardDrawing.blackLayer();
    Graphics2D b = CardDrawing.textGraphics(backBlack);
    BlankCard.drawBackFrame(b);
    CardText.drawBackIssue(b, d);
    BlankCard.drawBackNotes(b);
    b.dispose();

    int[] rgb = pixels(colour);
    byte[] grey = CardDrawing.grey(frontBlack);
    byte[] greyBack = CardDrawing.grey(backBlack);
    Whole whole =
        new Whole(
            new byte[W * H],
            new byte[W * H],
            new byte[W * H],
            new byte[W * H],
            new byte[W * H],
            new byte[W * H],
            new int[W * H],
            new int[W * H]);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        int p = rgb[y * W + x];
        int i = x * H + (H - 1 - y);
        whole.c[i] = levelOf32(255 - ((p >> 16) & 0xFF));
        whole.m[i] = levelOf32(255 - ((p >> 8) & 0xFF));
        whole.y[i] = levelOf32(255 - (p & 0xFF));
        whole.o[i] = 1;
        boolean ink = (grey[y * W + x] & 0xFF) < 140;
        whole.k[i] = (byte) (ink ? 1 : 0);
        whole.frontPreview[y * W + x] = ink ? 0x141414 : p;
        boolean inkBack = (greyBack[y * W + x] & 0xFF) < 140;
        whole.kBack[i] = (byte) (inkBack ? 1 : 0);
        whole.backPreview[y * W + x] = inkBack ? 0x141414 : 0xFFFFFF;
      }
    }
    return whole;
  }

  private static byte levelOf32(int v) {
    return (byte) Math.round(v * 31 / 255.0);
  }

  private static int[] pixels(BufferedImage rgb) {
    return ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
  }
}
