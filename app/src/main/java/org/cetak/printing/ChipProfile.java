package org.cetak.printing;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.cetak.intake.ResidentRecord;
import org.cetak.printing.device.ChipPayload;

/**
 * Builds the chip payload of PROTOCOL.md part B from a request: the biodata as UTF-8 TLV (one tag
 * byte, a two-byte length, the value), the photo as a JPEG of at most 4 KB (re-encoded smaller when
 * the enrolment photo is larger), the signature and the fingerprint templates.
 */
public final class ChipProfile {

  static final int BIODATA_LIMIT = 1024;
  static final int PHOTO_LIMIT = 4096;
  static final int SIGNATURE_LIMIT = 1024;
  static final int FINGERPRINTS_LIMIT = 1024;

  private ChipProfile() {}

  public static ChipPayload payload(QueuedCard card) {
    byte[] empty = new byte[0];
    return new ChipPayload(
        biodata(card.requestId(), card.record()),
        card.payloads().photo().map(p -> fitJpeg(p, PHOTO_LIMIT)).orElse(empty),
        card.payloads().signature().map(s -> fitImage(s, SIGNATURE_LIMIT)).orElse(empty),
        truncate(card.payloads().fingerprints().orElse(empty), FINGERPRINTS_LIMIT));
  }

  static byte[] biodata(long requestId, ResidentRecord order) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String[] values = {
      order.nik(),
      order.name(),
      order.sex(),
      order.birthPlace(),
      order.birthDate().toString(),
      order.bloodType().orElse("-"),
      order.address(),
      order.rt() + "/" + order.rw(),
      order.village(),
      order.district(),
      order.regency(),
      order.province(),
      order.religion(),
      order.maritalStatus(),
      order.occupation(),
      order.citizenship()
    };
    for (int tag = 0; tag < values.length; tag++) {
      byte[] value = (values[tag] == null ? "" : values[tag]).getBytes(StandardCharsets.UTF_8);
      out.write(0x01 + tag);
      out.write(value.length >> 8);
      out.write(value.length & 0xFF);
      out.writeBytes(value);
    }
    byte[] tlv = out.toByteArray();
    if (tlv.length > BIODATA_LIMIT) {
      throw new IllegalArgumentException(
          "Biodata of request " + requestId + " is " + tlv.length + " bytes, over 1 KB");
    }
    return tlv;
  }

  /** The JPEG itself when small enough, else re-encoded smaller until it fits. */
  static byte[] fitJpeg(byte[] jpeg, int limit) {
    if (jpeg.length <= limit) {
      return jpeg;
    }
    BufferedImage image = read(jpeg);
    if (image == null) {
      throw new IllegalArgumentException(
          "Photo is not a readable image (" + jpeg.length + " bytes)");
    }
    int width = Math.min(image.getWidth(), 240);
    float quality = 0.75f;
    while (true) {
      byte[] encoded = encodeJpeg(scale(image, width), quality);
      if (encoded.length <= limit) {
        return encoded;
      }
      if (quality > 0.35f) {
        quality -= 0.1f;
      } else {
        width = width * 4 / 5;
        if (width < 24) {
          throw new IllegalArgumentException("Photo cannot be made to fit " + limit + " bytes");
        }
      }
    }
  }

  /** A signature image that fits, re-encoded as a small JPEG when it does not. */
  static byte[] fitImage(byte[] image, int limit) {
    return image.length <= limit ? image : fitJpeg(image, limit);
  }

  private static byte[] truncate(byte[] data, int limit) {
    if (data.length <= limit) {
      return data;
    }
    throw new IllegalArgumentException(
        "Fingerprint templates are " + data.length + " bytes, over " + limit);
  }

  private static BufferedImage read(byte[] bytes) {
    try {
      return ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read image", e);
    }
  }

  private static BufferedImage scale(BufferedImage source, int width) {
    int height = Math.max(1, source.getHeight() * width / source.getWidth());
    BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = scaled.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(source, 0, 0, width, height, null);
    g.dispose();
    return scaled;
  }

  private static byte[] encodeJpeg(BufferedImage image, float quality) {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
    ImageWriter writer = writers.next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode JPEG", e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
