#!/usr/bin/python3
"""A contactless chip carrying the Cetak open profile (PROTOCOL.md part B), for the real pcscd + vpcd stack.

Built on python3-virtualsmartcard: a VirtualICC connects to the vpcd reader driver over TCP and this
card's OS (a subclass of Iso7816OS) answers the APDUs. The stock `vicc -t iso7816` card cannot serve the
profile (it dies on the FF CA get-UID pseudo-APDU, on SELECT with P2=0C and on UPDATE BINARY without Le),
so `execute` is ours: get UID, SELECT by AID and by FID, UPDATE BINARY, READ BINARY, lock.

Fault modes (--fault) produce on purpose what the encoder must survive:
  none                 a good blank chip
  refuse-write         every UPDATE BINARY answers 65 81 (memory failure)
  locked               the chip is already locked: UPDATE BINARY answers 69 82
  corrupt-readback     READ BINARY returns one flipped bit (the verify must catch it)
  mute                 no usable answer to reset: the ATR is a lone 00 (TS must be 3B or 3F), so
                       pcscd sees a card but cannot talk to it (SCARD_E_PROTO_MISMATCH on connect);
                       an empty ATR would not do, vpcd reports that as no card at all
  vanish-after:N       answers N UPDATE BINARY commands, then leaves the field (process exits)
  vanish-mid-apdu:N    leaves the field while the N-th UPDATE BINARY is being processed (no answer)
  hold-at:N            holds the N-th UPDATE BINARY unanswered, printing "holding UPDATE BINARY N",
                       until a line arrives on standard input: a test can stop pcscd while the
                       encoder waits in the middle of its writes

Debian ships the library broken (REAL-STACKS.md): it sits outside Python's path and imports `Crypto`
where Debian has `Cryptodome`. This script fixes both for itself, so it runs with a bare /usr/bin/python3,
and leaves nothing behind: `Crypto` is Cryptodome's directory imported under that name, not a link in a
temporary directory.
"""

import argparse
import importlib.util
import logging
import os
import socket
import struct
import sys

VSC_PATH = "/usr/lib/python3/site-packages/virtualsmartcard"
CRYPTODOME = "/usr/lib/python3/dist-packages/Cryptodome"


def fix_library_path():
    if VSC_PATH not in sys.path:
        sys.path.insert(0, VSC_PATH)
    try:
        import Crypto  # noqa: F401
    except ImportError:
        # Cryptodome's directory imported under the name Crypto: its modules import each other as
        # Cryptodome.*, so only the library's own `from Crypto.X import Y` goes through this name.
        spec = importlib.util.spec_from_file_location(
            "Crypto", os.path.join(CRYPTODOME, "__init__.py"),
            submodule_search_locations=[CRYPTODOME])
        crypto = importlib.util.module_from_spec(spec)
        sys.modules["Crypto"] = crypto
        spec.loader.exec_module(crypto)


fix_library_path()

from virtualsmartcard.VirtualSmartcard import Iso7816OS, VirtualICC  # noqa: E402

AID = bytes.fromhex("F043455441 4B01".replace(" ", ""))
FILE_SIZES = {0x0101: 1024, 0x0102: 4096, 0x0103: 1024, 0x0104: 1024, 0x011D: 128}

SW_OK = b"\x90\x00"
SW_EOF = b"\x62\x82"
SW_MEMORY_FAILURE = b"\x65\x81"
SW_WRONG_LENGTH = b"\x67\x00"
SW_LOCKED = b"\x69\x82"
SW_NOT_FOUND = b"\x6A\x82"
SW_WRONG_P1P2 = b"\x6A\x86"
SW_BEYOND_FILE = b"\x6B\x00"
SW_INS_NOT_SUPPORTED = b"\x6D\x00"
SW_CLA_NOT_SUPPORTED = b"\x6E\x00"


class Apdu:
    """A short ISO 7816-4 command APDU: cases 1 to 4."""

    def __init__(self, raw):
        if len(raw) < 4:
            raise ValueError("APDU shorter than its header")
        self.cla, self.ins, self.p1, self.p2 = raw[0], raw[1], raw[2], raw[3]
        body = raw[4:]
        self.data = b""
        self.le = None
        if len(body) == 1:
            self.le = body[0] or 256
        elif len(body) > 1:
            lc = body[0]
            if lc == 0 or len(body) not in (1 + lc, 2 + lc):
                raise ValueError("Lc does not match the APDU length")
            self.data = bytes(body[1 : 1 + lc])
            if len(body) == 2 + lc:
                self.le = body[1 + lc] or 256


class CetakCardOS(Iso7816OS):
    """The card's operating system: the open profile, a UID, a lock, and one fault mode."""

    def __init__(self, mf, sam, uid, fault):
        Iso7816OS.__init__(self, mf, sam)
        self.uid = uid
        self.fault, _, count = fault.partition(":")
        self.fault_count = int(count) if count else 0
        self.files = {fid: bytearray(size) for fid, size in FILE_SIZES.items()}
        self.locked = self.fault == "locked"
        self.updates = 0
        self.reset()

    def reset(self):
        self.app_selected = False
        self.current = None

    def powerUp(self):
        self.reset()

    def powerDown(self):
        self.reset()

    def getATR(self):
        if self.fault == "mute":
            return b"\x00"
        return Iso7816OS.getATR(self)

    def execute(self, msg):
        try:
            apdu = Apdu(msg)
        except ValueError:
            return SW_WRONG_LENGTH
        if apdu.cla == 0xFF and apdu.ins == 0xCA:
            return self.get_uid(apdu)
        if apdu.cla == 0x00 and apdu.ins == 0xA4:
            return self.select(apdu)
        if apdu.cla == 0x00 and apdu.ins == 0xD6:
            return self.update_binary(apdu)
        if apdu.cla == 0x00 and apdu.ins == 0xB0:
            return self.read_binary(apdu)
        if apdu.cla == 0x80 and apdu.ins == 0xE0:
            self.locked = True
            return SW_OK
        if apdu.cla not in (0x00, 0x80, 0xFF):
            return SW_CLA_NOT_SUPPORTED
        return SW_INS_NOT_SUPPORTED

    def get_uid(self, apdu):
        if apdu.p1 != 0x00 or apdu.p2 != 0x00:
            return SW_WRONG_P1P2
        return self.uid + SW_OK

    def select(self, apdu):
        if apdu.p1 == 0x04:
            if apdu.data == AID:
                self.app_selected = True
                self.current = None
                return SW_OK
            return SW_NOT_FOUND
        if apdu.p1 == 0x02 and len(apdu.data) == 2:
            fid = (apdu.data[0] << 8) | apdu.data[1]
            if self.app_selected and fid in self.files:
                self.current = fid
                return SW_OK
            return SW_NOT_FOUND
        return SW_WRONG_P1P2

    def update_binary(self, apdu):
        self.updates += 1
        if self.fault == "vanish-mid-apdu" and self.updates >= self.fault_count:
            logging.warning("leaving the field in the middle of UPDATE BINARY %d", self.updates)
            os._exit(0)
        if self.fault == "hold-at" and self.updates == self.fault_count:
            print("holding UPDATE BINARY %d" % self.updates, flush=True)
            sys.stdin.readline()
        if self.current is None:
            return SW_NOT_FOUND
        if self.locked:
            return SW_LOCKED
        if self.fault == "refuse-write":
            return SW_MEMORY_FAILURE
        content = self.files[self.current]
        offset = (apdu.p1 << 8) | apdu.p2
        if offset >= len(content):
            return SW_BEYOND_FILE
        if not apdu.data or offset + len(apdu.data) > len(content):
            return SW_WRONG_LENGTH
        content[offset : offset + len(apdu.data)] = apdu.data
        if self.fault == "vanish-after" and self.updates >= self.fault_count:
            # answer this one, then leave: the next APDU finds no card
            self.vanish_after_answer = True
        return SW_OK

    def read_binary(self, apdu):
        if self.current is None:
            return SW_NOT_FOUND
        content = self.files[self.current]
        offset = (apdu.p1 << 8) | apdu.p2
        if offset > len(content):
            return SW_BEYOND_FILE
        wanted = apdu.le or 256
        data = bytearray(content[offset : offset + wanted])
        if self.fault == "corrupt-readback" and data:
            data[len(data) // 2] ^= 0x01
        if len(data) < wanted:
            return bytes(data) + SW_EOF
        return bytes(data) + SW_OK


def recv_exactly(sock, size):
    chunks = b""
    while len(chunks) < size:
        part = sock.recv(size - len(chunks))
        if not part:
            raise socket.error("virtual PCD closed the connection")
        chunks += part
    return chunks


def recv_from_vpcd(self):
    """Replaces VirtualICC's reader, which takes one recv() for the whole APDU."""
    size = struct.unpack("!H", recv_exactly(self.sock, 2))[0]
    if size == 0:
        return 0, None
    return size, recv_exactly(self.sock, size)


def send_to_vpcd(self, msg):
    self.sock.sendall(struct.pack("!H", len(msg)) + msg)
    if getattr(self.os, "vanish_after_answer", False):
        logging.warning("leaving the field after UPDATE BINARY %d", self.os.updates)
        self.sock.close()
        os._exit(0)


def main():
    parser = argparse.ArgumentParser(description="Cetak open-profile chip for vpcd")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=35963)
    parser.add_argument("--uid", default="04A1B2C3D4E5F6", help="4, 7 or 10 bytes in hex")
    parser.add_argument("--fault", default="none")
    args = parser.parse_args()
    uid = bytes.fromhex(args.uid)
    if len(uid) not in (4, 7, 10):
        parser.error("a UID is 4, 7 or 10 bytes")

    VirtualICC._VirtualICC__recvFromVPICC = recv_from_vpcd
    VirtualICC._VirtualICC__sendToVPICC = send_to_vpcd
    icc = VirtualICC(None, "iso7816", args.host, args.port, logginglevel=logging.WARNING)
    # Without these every APDU waits for delayed ACKs: ~48 ms instead of ~0.2 ms.
    icc.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    if hasattr(socket, "TCP_QUICKACK"):
        icc.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
    icc.os = CetakCardOS(icc.os.mf, icc.os.SAM, uid, args.fault)
    print("cetak-card: connected to vpcd at %s:%d, uid %s, fault %s"
          % (args.host, args.port, args.uid.upper(), args.fault), flush=True)
    try:
        icc.run()
    except (KeyboardInterrupt, SystemExit):
        pass


if __name__ == "__main__":
    main()
