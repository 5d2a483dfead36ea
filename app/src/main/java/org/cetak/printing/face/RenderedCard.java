package org.cetak.printing.face;

import static org.cetak.printing.face.CardLayout.HEIGHT;
import static org.cetak.printing.face.CardLayout.WIDTH;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A rendered card: the printer panels, and the landscape front and back as they will look once
 * printed (for previews). The images are the panel area, {@value PanelSet#LINES} x {@value
 * PanelSet#DOTS_PER_LINE} dots at 300 dpi (the ID-1 card itself is about 1011 x 638 of them).
 *
 * <p>A print only needs the panels, so the images are composed when asked for: K ink in near black
 * over the colour layer on the front, over white on the back.
 */
public final class RenderedCard {
  private static final int WHITE = 0xFFFFFF;

  private final PanelSet panels;
  private final int[] photoArea;

  /**
   * @param photoArea the colour layer inside {@link CardLayout#PHOTO}, RGB row after row; outside
   *     it the colour layer is the blank card's
   */
  RenderedCard(PanelSet panels, int[] photoArea) {
    this.panels = panels;
    this.photoArea = photoArea;
  }

  public PanelSet panels() {
    return panels;
  }

  /** The image of one side, composed afresh on each call. */
  public BufferedImage image(CardSide side) {
    BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    int[] rgb = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    switch (side) {
      case FRONT -> {
        System.arraycopy(BlankCard.COLOUR, 0, rgb, 0, rgb.length);
        Rectangle box = CardLayout.PHOTO;
        for (int row = 0; row < box.height; row++) {
          System.arraycopy(
              photoArea, row * box.width, rgb, (box.y + row) * WIDTH + box.x, box.width);
        }
        PanelRaster.paintInk(black(panels.front()), rgb);
      }
      case BACK -> {
        Arrays.fill(rgb, WHITE);
        PanelRaster.paintInk(black(panels.back()), rgb);
      }
    }
    return img;
  }

  /**
   * A PNG of one side as it will look printed, for an operator's preview. Encoded in memory: with
   * ImageIO's default disk cache, {@code ImageIO.write(img, "png", OutputStream)} would spool the
   * image (NIK, photo) through a temporary file.
   */
  public byte[] previewPng(CardSide side) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      if (!ImageIO.write(image(side), "png", out)) {
        throw new IllegalStateException("no PNG writer in this JRE");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing card preview PNG", e);
    }
    return bytes.toByteArray();
  }

  private static byte[] black(List<PanelSet.Panel> side) {
    for (PanelSet.Panel p : side) {
      if (p.name().equals("k")) {
        return p.dots();
      }
    }
    throw new IllegalStateException("no k panel among " + side.size() + " panels");
  }
}
