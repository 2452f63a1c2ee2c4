"""No network for the process: no name is resolved, no connection leaves the machine.

A case holds a person's salary, status and SIN; checking it must never reach
out, not even to ask a DNS server a name (a lookup alone tells the server
that the tool ran, and when). The command line calls `deny_network()` before
every command but `noc install`, so whatever a dependency tries (telemetry, a
font or model download, a proxy lookup) is refused in the process, named on
standard error, and kept in `attempts()` for the tests.

What stays allowed: Unix sockets, and numeric loopback addresses (`serve`
listens on 127.0.0.1 and tests talk to it). "localhost" is answered as
127.0.0.1 here, without the resolver. Child programs (tesseract, soffice)
are not Python and are checked separately, under strace, by the tests.
"""

from __future__ import annotations

import errno
import ipaddress
import logging
import socket
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

_NAMES = (
    "getaddrinfo",
    "gethostbyname",
    "gethostbyname_ex",
    "gethostbyaddr",
    "getnameinfo",
    "getfqdn",
    "create_connection",
)
_METHODS = ("connect", "connect_ex", "bind", "sendto")
_saved: dict[str, Any] = {}
_attempts: list[str] = []
_lock = threading.Lock()


class NetworkDenied(PermissionError):
    """A lookup or connection this process refuses: an OSError, so libraries treat it as being offline."""

    def __init__(self, what: str) -> None:
        super().__init__(errno.EACCES, f"network access refused (cec-checklist works offline): {what}")


def is_loopback(host: object) -> bool:
    """Whether a host is a numeric loopback address (or "localhost", answered without the resolver)."""
    if host is None or host in ("", "localhost"):
        return True
    text = host.decode("ascii", "replace") if isinstance(host, bytes) else str(host)
    try:
        return ipaddress.ip_address(text.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def attempts() -> list[str]:
    """What was refused since `deny_network()` (lookups and connections, in order)."""
    with _lock:
        return list(_attempts)


def denied() -> bool:
    return bool(_saved)


def deny_network() -> None:
    """Refuse name lookups and connections that are not loopback, for the whole process (idempotent)."""
    with _lock:
        if _saved:
            return
        _attempts.clear()
        for name in _NAMES:
            _saved[name] = getattr(socket, name)
        for name in _METHODS:
            _saved[f"socket.{name}"] = getattr(socket.socket, name)
    socket.getaddrinfo = _getaddrinfo
    socket.gethostbyname = _by_name(_saved["gethostbyname"], "gethostbyname")
    socket.gethostbyname_ex = _by_name(_saved["gethostbyname_ex"], "gethostbyname_ex")
    socket.gethostbyaddr = _by_name(_saved["gethostbyaddr"], "gethostbyaddr")
    socket.getfqdn = _getfqdn
    socket.getnameinfo = _getnameinfo
    socket.create_connection = _create_connection
    for name in _METHODS:
        setattr(socket.socket, name, _guarded_method(_saved[f"socket.{name}"], name))


def allow_network() -> None:
    """Undo `deny_network()` (for `noc install`, which downloads what the user asked for, and for tests)."""
    with _lock:
        saved = dict(_saved)
        _saved.clear()
    for name, original in saved.items():
        if name.startswith("socket."):
            setattr(socket.socket, name.removeprefix("socket."), original)
        else:
            setattr(socket, name, original)


def _refuse(what: str) -> NetworkDenied:
    with _lock:
        _attempts.append(what)
    log.warning("refused a network access: %s", what)
    return NetworkDenied(what)


def _numeric(host: object) -> bool:
    try:
        ipaddress.ip_address(str(host).split("%", 1)[0])
    except ValueError:
        return False
    return True


def _local(host: object) -> object:
    """A loopback host in numeric form, so the C library never consults the resolver."""
    return "127.0.0.1" if host in ("localhost", b"localhost") else host


def _getaddrinfo(host: Any, port: Any, family: int = 0, type: int = 0, proto: int = 0, flags: int = 0) -> Any:
    if not is_loopback(host):
        raise _refuse(f"name lookup of {host!r}")
    if host in ("", None, "localhost", b"localhost"):
        host = "::1" if family == socket.AF_INET6 else "127.0.0.1"
    return _saved["getaddrinfo"](host, port, family, type, proto, flags | socket.AI_NUMERICHOST)


def _by_name(original: Callable[..., Any], name: str) -> Callable[..., Any]:
    def guarded(host: Any) -> Any:
        if not is_loopback(host):
            raise _refuse(f"{name}({host!r})")
        return original(_local(host) or "127.0.0.1")

    return guarded


def _getfqdn(name: str = "") -> str:
    """The name as given, or the machine's own, without asking DNS for the full form (`socket.getfqdn` does)."""
    return name or socket.gethostname()


def _getnameinfo(address: Any, flags: int) -> Any:
    if not is_loopback(address[0]):
        raise _refuse(f"reverse lookup of {address[0]!r}")
    return _saved["getnameinfo"](address, flags | socket.NI_NUMERICHOST)


def _create_connection(address: Any, *args: Any, **kwargs: Any) -> Any:
    if not is_loopback(address[0]):
        raise _refuse(f"connection to {address[0]!r}")
    return _saved["create_connection"]((_local(address[0]), *address[1:]), *args, **kwargs)


def _guarded_method(original: Callable[..., Any], name: str) -> Callable[..., Any]:
    """A socket method that lets Unix sockets and loopback through, and refuses the rest."""

    def guarded(self: socket.socket, *args: Any) -> Any:
        address = args[-1] if name == "sendto" else args[0]
        if self.family in (socket.AF_INET, socket.AF_INET6):
            host = address[0] if isinstance(address, tuple) else address
            if not (is_loopback(host) or (name == "bind" and _numeric(host))):  # `serve --host 0.0.0.0` binds
                raise _refuse(f"{name} to {host!r}")
            if isinstance(address, tuple):
                args = (
                    (*args[:-1], (_local(host), *address[1:])) if name == "sendto" else ((_local(host), *address[1:]),)
                )
        return original(self, *args)

    return guarded
