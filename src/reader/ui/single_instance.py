"""One Reader per library: a second launch raises the first window and exits."""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

_TIMEOUT_MS = 500


def server_name(library_dir: Path) -> str:
    """Per user and per library: two libraries may be open at once."""
    key = f"{getpass.getuser()}:{library_dir.resolve()}".encode()
    return "reader-" + hashlib.sha256(key).hexdigest()[:20]


class SingleInstance(QObject):
    sig_activate = Signal()  # another launch asked this one to come forward

    def __init__(self, library_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(library_dir)
        self._server: QLocalServer | None = None

    def hand_over(self) -> bool:
        """True if a running Reader took the request (then this one should exit)."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(_TIMEOUT_MS):
            return False
        socket.write(b"raise\n")
        socket.flush()
        socket.waitForBytesWritten(_TIMEOUT_MS)
        socket.disconnectFromServer()
        return True

    def listen(self) -> bool:
        """Become the running instance. A socket left by a crashed Reader is removed:
        nobody answered on it (hand_over failed), so it is stale."""
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
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(b"raise"):
            self.sig_activate.emit()
        socket.disconnectFromServer()

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
