package org.cetak.printing.face;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A rendered card: the landscape front and back as they will look once printed (for previews), and
 * the printer panels. The images are the panel area, {@value PanelSet#LINES} x {@value
 * PanelSet#DOTS_PER_LINE} dots at 300 dpi (the ID-1 card itself is about 1011 x 638 of them).
 */
public record RenderedCard(BufferedImage front, BufferedImage back, PanelSet panels) {

  /** The image of one side. */
  public BufferedImage image(CardSide side) {
    return switch (side) {
      case FRONT -> front;
      case BACK -> back;
    };
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
}
