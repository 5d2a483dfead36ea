package org.cetak.printing.face;

import java.awt.Rectangle;

/**
 * Where things sit on the landscape card, in dots at 300 dpi (1 mm = 11.81 dots), top-left origin.
 * The canvas is the panel area (1016 x 648), a few dots larger than the ID-1 card (1011 x 638);
 * everything printed in black stays inside {@link #SAFE}.
 */
final class CardLayout {
  static final int WIDTH = PanelSet.LINES;
  static final int HEIGHT = PanelSet.DOTS_PER_LINE;

  /** About 2.5 mm from every edge: nothing in black outside it. */
  static final int MARGIN = 30;

  static final Rectangle SAFE =
      new Rectangle(MARGIN, MARGIN, WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN);

  static final int HEADER_1_BASELINE = 62;
  static final int HEADER_2_BASELINE = 100;
  static final float HEADER_SIZE = 29f;

  static final int NIK_BASELINE = 152;
  static final float NIK_SIZE = 38f;

  /** The NIK line, label and number. */
  static final Rectangle NIK_LINE = new Rectangle(44, 112, 700, 48);

  static final int LABEL_X = 44;
  static final int COLON_X = 292;
  static final int VALUE_X = 308;
  static final int VALUE_RIGHT = 752;
  static final int BLOOD_LABEL_X = 548;

  static final int FIELDS_TOP = 170;
  static final int FIELDS_BOTTOM = HEIGHT - MARGIN - 4;
  static final int MAX_PITCH = 34;
  static final float FIELD_SIZE = 21f;
  static final float FIELD_MIN_SIZE = 13f;

  /** Pass photo, 3:4 (about 17 x 22.6 mm). */
  static final Rectangle PHOTO = new Rectangle(776, 156, 200, 267);

  static final int ISSUE_PLACE_BASELINE = 456;
  static final int ISSUE_DATE_BASELINE = 482;
  static final float ISSUE_SIZE = 19f;

  static final Rectangle SIGNATURE = new Rectangle(786, 494, 180, 88);

  private CardLayout() {}
}
