"""Reading a source for `hirel add`: a URL (fetched with a timeout), a file, or standard input."""

from __future__ import annotations

import re
from pathlib import Path

from . import AuthoringError

TIMEOUT = 20.0  # seconds; a news page that takes longer is better saved from the browser
MAX_BYTES = 20_000_000
USER_AGENT = "hirel (article annotation; +https://pypi.org/project/hirel/)"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def is_url(source: str) -> bool:
    return re.match(r"^https?://", source, re.IGNORECASE) is not None


def decode_page(data: bytes, declared: str | None = None) -> str:
    """Bytes of a page as text: the declared charset, else the page's <meta charset>, else UTF-8
    (a stray invalid byte is replaced rather than refused)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    candidates = [declared] if declared else []
    m = _META_CHARSET.search(data[:4096])
    if m:
        candidates.append(m.group(1).decode("ascii", "replace"))
    for charset in candidates:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", errors="replace")


def fetch_url(url: str, timeout: float = TIMEOUT) -> str:
    """The page at ``url``; AuthoringError with one clear sentence on any failure."""
    import socket
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # http(s) only, checked above
            data = response.read(MAX_BYTES + 1)
            charset = response.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        raise AuthoringError(f"cannot fetch {url}: the server answered {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, (socket.timeout, TimeoutError)):
            why = f"no answer within {timeout:g} s"
        else:
            why = str(reason) or type(reason).__name__
        raise AuthoringError(f"cannot fetch {url}: {why} (offline? save the page from the browser and "
                             "run `hirel add page.html --url URL`)") from exc
    except (ValueError, OSError) as exc:
        raise AuthoringError(f"cannot fetch {url}: {exc}") from exc
    if len(data) > MAX_BYTES:
        raise AuthoringError(f"cannot fetch {url}: the page is larger than {MAX_BYTES // 1_000_000} MB")
    return decode_page(data, charset)


def read_file(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise AuthoringError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise AuthoringError(f"{path} is a directory, not a page or text file") from None
    except OSError as exc:
        raise AuthoringError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(data) > MAX_BYTES:
        raise AuthoringError(f"{path} is larger than {MAX_BYTES // 1_000_000} MB")
    if b"\x00" in data[:8192]:
        raise AuthoringError(f"{path} is not a text or HTML file")
    return decode_page(data)
