package org.cetak.printing.face;

import java.awt.image.BufferedImage;

/**
 * A rendered card: the landscape front and back as they will look once printed (for previews), and
 * the printer panels.
 */
public record RenderedCard(BufferedImage front, BufferedImage back, PanelSet panels) {}
