package org.cetak.printing.face;

import static org.cetak.printing.face.CardDrawing.grey;
import static org.cetak.printing.face.CardDrawing.textGraphics;
import static org.cetak.printing.face.CardDrawing.whiten;
import static org.cetak.printing.face.CardLayout.HEIGHT;
import static org.cetak.printing.face.CardLayout.WIDTH;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Renders the front and back of an e-KTP from a {@link CardFaceData} into the printer's panels, and
 * on demand into preview images.
 *
 * <p>The front is drawn twice: a colour layer (background, photo) that becomes the y, m, c panels,
 * and a black layer (all text, the photo frame, the signature) that becomes the resin k panel, so
 * text prints sharp in one pass of black. The o panel covers the whole card. The back is black
 * only.
 *
 * <p>Everything that is the same on every card (the colour background, the o panel, the back's
 * frame and notes) is drawn once, in {@link BlankCard}; a card copies it and draws only its own
 * data over it, in the same order as if the whole card were drawn afresh, so the panels are the
 * same byte for byte. Preview images are composed only when asked for. What the card says is drawn
 * by {@link CardText}, the photo and signature are decoded by {@link CardImages}.
 *
 * <p>Thread-safe; one instance may render on several printer workers at once (a render draws on
 * canvases no other render holds at the same time).
 */
public final class CardFaceRenderer {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  public CardFaceRenderer() {}

  /** Renders the panels of both faces. */
  public RenderedCard render(CardFaceData data) {
    Canvases canvases = Canvases.take();
    int[] photoArea;
    byte[] k;
    byte[] kBack;
    try {
      photoArea = photoArea(canvases.photo, data);
      BufferedImage frontBlack = whiten(canvases.front);
      CardText.drawFrontBlack(frontBlack, data);
      k = PanelRaster.ink(grey(frontBlack));
      // the issue lines change only their own rows of the blank back
      kBack = PanelRaster.ink(grey(back(canvases.back, data)), BlankCard.BACK, BlankCard.BACK_INK);
    } finally {
      canvases.giveBack();
    }
    byte[] y = BlankCard.YELLOW.clone();
    byte[] m = BlankCard.MAGENTA.clone();
    byte[] c = BlankCard.CYAN.clone();
    PanelRaster.putColour(photoArea, CardLayout.PHOTO, y, m, c);

    // the photo box's columns are the only lines of the colour panels a card changes
    int photoFrom = CardLayout.PHOTO.x;
    int photoTo = CardLayout.PHOTO.x + CardLayout.PHOTO.width;
    PanelSet panels =
        new PanelSet(
            List.of(
                drawnOver(BlankCard.YELLOW_PANEL, y, photoFrom, photoTo),
                drawnOver(BlankCard.MAGENTA_PANEL, m, photoFrom, photoTo),
                drawnOver(BlankCard.CYAN_PANEL, c, photoFrom, photoTo),
                new PanelSet.Panel("k", 2, k),
                drawnOver(BlankCard.OVERLAY_PANEL, BlankCard.OVERLAY, 0, 0)),
            List.of(new PanelSet.Panel("k", 2, kBack)));
    return new RenderedCard(panels, photoArea);
  }

  private static PanelSet.Panel drawnOver(PanelSet.Panel blank, byte[] dots, int from, int to) {
    return new PanelSet.Panel(
        blank.name(), blank.levels(), dots, Optional.of(new PanelSet.DrawnOver(blank, from, to)));
  }

  /**
   * A PNG of one side of the rendered card as it will look printed, for an operator's preview (the
   * console serves it). Renders the whole card; use {@link RenderedCard#previewPng(CardSide)} when
   * the card is already rendered.
   */
  public byte[] previewPng(CardFaceData data, CardSide side) {
    return render(data).previewPng(side);
  }

  /** The images one render draws into, kept for the next render (as many as there are cores). */
  private static final class Canvases {
    private static final ArrayBlockingQueue<Canvases> SPARE =
        new ArrayBlockingQueue<>(Runtime.getRuntime().availableProcessors());

    /**
     * From the card's origin to the photo box, so the photo is scaled at the very dot positions of
     * a whole card and samples the same source pixels; only the box is ever read.
     */
    final BufferedImage photo =
        new BufferedImage(
            CardLayout.PHOTO.x + CardLayout.PHOTO.width,
            CardLayout.PHOTO.y + CardLayout.PHOTO.height,
            BufferedImage.TYPE_INT_RGB);

    final BufferedImage front = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
    final BufferedImage back = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);

    static Canvases take() {
      Canvases spare = SPARE.poll();
      return spare != null ? spare : new Canvases();
    }

    void giveBack() {
      SPARE.offer(this);
    }
  }

  // ---------------------------------------------------------------- front, colour layer

  /**
   * The photo box as it prints, RGB, row after row: the blank card's colours with the photo, or a
   * placeholder, drawn over them. The only part of the colour layer that differs between cards.
   */
  private static int[] photoArea(BufferedImage canvas, CardFaceData data) {
    Rectangle box = CardLayout.PHOTO;
    int[] pixels = ((DataBufferInt) canvas.getRaster().getDataBuffer()).getData();
    int stride = canvas.getWidth();
    for (int row = box.y; row < box.y + box.height; row++) {
      System.arraycopy(
          BlankCard.COLOUR, row * WIDTH + box.x, pixels, row * stride + box.x, box.width);
    }
    Graphics2D g = canvas.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      drawPhoto(g, data);
    } finally {
      g.dispose();
    }
    int[] area = new int[box.width * box.height];
    for (int row = 0; row < box.height; row++) {
      System.arraycopy(pixels, (box.y + row) * stride + box.x, area, row * box.width, box.width);
    }
    return area;
  }

  /** The photo, cropped to fill its box, or a light placeholder; on the colour background. */
  static void drawPhoto(Graphics2D g, CardFaceData data) {
    Rectangle photo = CardLayout.PHOTO;
    if (data.photoJpeg().isPresent()) {
      BufferedImage picture = CardImages.decode(data.photoJpeg().get(), "photoJpeg");
      CardImages.drawCover(g, picture, photo);
    } else {
      g.setColor(new Color(0xF4F8FB));
      g.fill(photo);
    }
  }

  // ---------------------------------------------------------------- back

  /** The back's black layer: the blank card's frame, this card's issue lines, then the notes. */
  private static BufferedImage back(BufferedImage img, CardFaceData d) {
    System.arraycopy(BlankCard.BACK_FRAME, 0, grey(img), 0, WIDTH * HEIGHT);
    Graphics2D g = textGraphics(img);
    try {
      CardText.drawBackIssue(g, d);
      BlankCard.drawBackNotes(g);
    } finally {
      g.dispose();
    }
    return img;
  }
}
