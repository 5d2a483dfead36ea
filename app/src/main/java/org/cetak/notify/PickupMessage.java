package org.cetak.notify;

import java.util.Locale;

/**
 * The SMS that tells a resident the card can be collected. It carries the initial of the name, the
 * office and its hours only: never a NIK, KK, birth date or address (UU 24/2013, UU 27/2022).
 */
public final class PickupMessage {

  private PickupMessage() {}

  /** At most one SMS segment (160 GSM characters); the office name is shortened to fit. */
  public static String text(String residentName, String officeName, String officeHours) {
    String initial =
        residentName == null || residentName.isBlank()
            ? ""
            : residentName.strip().substring(0, 1).toUpperCase(Locale.ROOT) + ". ";
    String head = "Yth. " + initial + "KTP-el Anda sudah jadi, silakan diambil di ";
    String tail = " jam " + officeHours + ". Bawa bukti permohonan.";
    int room = 160 - head.length() - tail.length();
    String office =
        officeName.length() > room ? officeName.substring(0, Math.max(0, room)) : officeName;
    return head + office + tail;
  }
}
