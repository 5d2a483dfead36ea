package org.cetak.printing.face;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The resident's photo and signature on the card: decoded in memory with their size checked, then
 * scaled into their box (the photo fills it and is cropped, the signature fits inside it).
 */
final class CardImages {

  /** Larger photos or signatures are refused rather than decoded into hundreds of megabytes. */
  static final int MAX_IMAGE_SIDE = 4096;

  private CardImages() {}

  /**
   * Decodes a photo or signature in memory. {@code ImageIO.read(InputStream)} would spool the bytes
   * to a temporary file when ImageIO's disk cache is on (the default), and biometric data must not
   * reach the disk.
   */
  static BufferedImage decode(byte[] bytes, String field) {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new InvalidCardFaceDataException(field, "is not an image ImageIO can read");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width < 1 || height < 1 || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
          throw new InvalidCardFaceDataException(
              field,
              "is " + width + " x " + height + " pixels; each side must be 1 to " + MAX_IMAGE_SIDE);
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidCardFaceDataException invalid) {
        throw invalid;
      }
      // corrupt JPEGs also surface as runtime exceptions from the codec
      throw new InvalidCardFaceDataException(field, "could not be decoded: " + e, e);
    }
  }

  static void drawCover(Graphics2D g, BufferedImage picture, Rectangle box) {
    double scale =
        Math.max(box.getWidth() / picture.getWidth(), box.getHeight() / picture.getHeight());
    int w = (int) Math.ceil(picture.getWidth() * scale);
    int h = (int) Math.ceil(picture.getHeight() * scale);
    Graphics2D clip = (Graphics2D) g.create();
    try {
      clip.clip(box);
      clip.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      clip.drawImage(
          picture, box.x + (box.width - w) / 2, box.y + (box.height - h) / 2, w, h, null);
    } finally {
      clip.dispose();
    }
  }

  static void drawContain(Graphics2D g, BufferedImage picture, Rectangle box) {
    double scale =
        Math.min(box.getWidth() / picture.getWidth(), box.getHeight() / picture.getHeight());
    int w = Math.max(1, (int) Math.floor(picture.getWidth() * scale));
    int h = Math.max(1, (int) Math.floor(picture.getHeight() * scale));
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(picture, box.x + (box.width - w) / 2, box.y + (box.height - h) / 2, w, h, null);
  }
}
