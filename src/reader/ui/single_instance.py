"""One Reader per library: a second launch raises the first window and exits.

`reader FILE…` run while Reader is open hands its files to the running window (the
desktop's "Open with Reader" runs it so). The message is `raise\n`, or `open\n` and the
absolute paths as the file system spells them, each ended by a NUL byte (a path holds
any other byte, newlines and undecodable names included).
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCryptographicHash, QDir, QObject, Signal, Slot

if TYPE_CHECKING:  # QtNetwork loads only when there is someone to talk to, or to listen
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

_TIMEOUT_MS = 500


def server_name(library_dir: Path) -> str:
    """Per user and per library: two libraries may be open at once."""
    key = f"{getpass.getuser()}:{library_dir.resolve()}".encode()
    # Qt's SHA-256, the same digest as hashlib's: loading OpenSSL for one hash cost
    # the start 5 ms and 3 MB.
    digest = QCryptographicHash.hash(QByteArray(key), QCryptographicHash.Algorithm.Sha256)
    return "reader-" + bytes(digest.toHex().data()).decode("ascii")[:20]


class SingleInstance(QObject):
    sig_activate = Signal()  # another launch asked this one to come forward
    sig_open = Signal(list)  # another launch handed over files (list[Path]) to open

    def __init__(self, library_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(library_dir)
        self._server: QLocalServer | None = None

    def may_be_running(self) -> bool:
        """False when surely no Reader listens: on Unix a listening QLocalServer has
        a socket file in Qt's temporary folder (one left by a crash is answered by
        nobody, which hand_over finds out)."""
        if os.name != "posix":
            return True  # Windows: a named pipe, only a connection tells
        return Path(QDir.tempPath(), self.name).exists()

    def hand_over(self, files: Sequence[Path] = ()) -> bool:
        """True if a running Reader took the request (then this one should exit)."""
        if not self.may_be_running():
            return False  # and QtNetwork is not loaded before the window shows
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(_TIMEOUT_MS):
            return False
        if files:
            message = b"open\n" + b"".join(os.fsencode(p.absolute()) + b"\0" for p in files)
        else:
            message = b"raise\n"
        socket.write(message)
        socket.flush()
        while socket.bytesToWrite() and socket.waitForBytesWritten(_TIMEOUT_MS):
            pass
        socket.disconnectFromServer()  # the running one reads the message to its end
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(_TIMEOUT_MS)
        return True

    def listen(self) -> bool:
        """Become the running instance. A socket left by a crashed Reader is removed:
        nobody answered on it (hand_over failed), so it is stale."""
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                return False  # still no: run anyway, just without the handover
        server.newConnection.connect(self.on_new_connection)
        self._server = server
        return True

    @Slot()
    def on_new_connection(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            received = bytearray()
            done: list[bool] = []

            def read(s: QLocalSocket = socket, into: bytearray = received) -> None:
                if s.bytesAvailable():
                    into += bytes(s.readAll().data())

            def finish(into: bytearray = received, once: list[bool] = done) -> None:
                """The sender closed: its message is whole."""
                if not once:
                    once.append(True)
                    self._handle(bytes(into))

            socket.readyRead.connect(read)
            socket.disconnected.connect(lambda r=read, f=finish: (r(), f()))
            read()
            if socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
                finish()

    def _handle(self, message: bytes) -> None:
        if message.startswith(b"open\n"):
            names = message[5:].split(b"\0")[:-1]  # a cut-off last name is dropped
            paths = [Path(os.fsdecode(name)) for name in names if name]
            if paths:
                self.sig_open.emit(paths)
                return
        if message.startswith(b"raise"):
            self.sig_activate.emit()

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
