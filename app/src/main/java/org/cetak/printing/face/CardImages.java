package org.cetak.printing.face;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
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

  private static final int[] RGB_BANDS = {0, 1, 2};

  private static final ColorModel RGB =
      new ComponentColorModel(
          ColorSpace.getInstance(ColorSpace.CS_sRGB),
          false,
          false,
          Transparency.OPAQUE,
          DataBuffer.TYPE_BYTE);

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
        if (reader.getImageTypes(0).next().getBufferedImageType() == BufferedImage.TYPE_3BYTE_BGR) {
          return readAsBgr(reader, width, height);
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

  /**
   * Reads an image whose reader would return {@link BufferedImage#TYPE_3BYTE_BGR}, the same pixels
   * in the same type, faster: the JPEG and PNG readers decode into red-green-blue rows, and copying
   * those into a blue-green-red image goes through a generic pixel-by-pixel loop. Decoded into an
   * image with their own band order instead (a plain row copy), the bytes are then swapped here.
   */
  private static BufferedImage readAsBgr(ImageReader reader, int width, int height)
      throws IOException {
    WritableRaster raster =
        Raster.createInterleavedRaster(
            DataBuffer.TYPE_BYTE, width, height, width * 3, 3, RGB_BANDS, null);
    ImageReadParam param = reader.getDefaultReadParam();
    param.setDestination(new BufferedImage(RGB, raster, false, null));
    reader.read(0, param);
    BufferedImage bgr = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    byte[] from = ((DataBufferByte) raster.getDataBuffer()).getData();
    byte[] to = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < from.length; i += 3) {
      to[i] = from[i + 2];
      to[i + 1] = from[i + 1];
      to[i + 2] = from[i];
    }
    return bgr;
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
