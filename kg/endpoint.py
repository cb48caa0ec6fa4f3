"""A SPARQL 1.1 endpoint over HTTP: the only module that imports SPARQLWrapper.

:class:`Endpoint` sends queries and updates by POST with a User-Agent naming
filmkg and its version, a timeout, and bounded retries on ``429 Too Many
Requests`` and ``503 Service Unavailable`` (honouring ``Retry-After``). Results
come back as plain typed data (:class:`SelectResult`, ``bool``,
:class:`RdfPayload`), so callers need neither SPARQLWrapper nor a particular
RDF library.

Credentials come from ``user``/``password`` arguments, the environment
(``KG_ENDPOINT_USER`` and ``KG_ENDPOINT_PASSWORD``), user info in the URL, or a
netrc file (``NETRC`` or ``~/.netrc``), in that order. They are sent as HTTP
Basic authentication and never appear in ``repr()``, logs or errors: the URL
shown anywhere is stripped of its user info, and any error text is scrubbed of
the password.

Every failure is a :class:`kg.errors.EndpointError` with a one-line message:
server unreachable, timeout, HTTP status (with the server's own message, e.g.
the syntax error it found), malformed JSON or XML results.

>>> ep = Endpoint("http://127.0.0.1:7878/query")
>>> ep.update_url
'http://127.0.0.1:7878/update'
>>> "filmkg/" in ep.agent
True
"""

from __future__ import annotations

import ast
import email.utils
import json
import logging
import netrc
import os
import re
import socket
import time
import urllib.error
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.message import Message
from http.client import HTTPException
from importlib import metadata
from typing import Literal, Protocol
from urllib.parse import urlsplit, urlunsplit

import SPARQLWrapper as _sw_module
from SPARQLWrapper import POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kg.errors import EndpointError

__all__ = [
    "DEFAULT_TIMEOUT",
    "Endpoint",
    "RdfPayload",
    "SelectResult",
    "SparqlEndpoint",
    "Term",
    "parse_results",
    "user_agent",
]

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 30.0
RETRY_STATUSES = frozenset({429, 503})
ENV_USER = "KG_ENDPOINT_USER"
ENV_PASSWORD = "KG_ENDPOINT_PASSWORD"

_RESULTS_ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.9"
_RDF_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
_SRX = "{http://www.w3.org/2005/sparql-results#}"
_MAX_SERVER_TEXT = 300


def _version() -> str:
    try:
        return metadata.version("filmkg")
    except metadata.PackageNotFoundError:  # running from a source tree
        return "0.1.0"


def user_agent() -> str:
    """The User-Agent filmkg sends: its name, version, home and the HTTP library.

    >>> user_agent().startswith("filmkg/")
    True
    """
    return f"filmkg/{_version()} (https://w3id.org/filmkg; SPARQL client) SPARQLWrapper/{_sw_module.__version__}"


@dataclass(frozen=True)
class Term:
    """One RDF term of a result row, as the SPARQL results formats give it.

    >>> Term("literal", "2021", datatype="http://www.w3.org/2001/XMLSchema#gYear").value
    '2021'
    """

    kind: Literal["uri", "literal", "bnode"]
    value: str
    datatype: str | None = None
    lang: str | None = None


@dataclass(frozen=True)
class SelectResult:
    """The answer to a SELECT query: its variables, and rows mapping bound variables to terms."""

    variables: tuple[str, ...]
    rows: tuple[Mapping[str, Term], ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class RdfPayload:
    """The answer to a CONSTRUCT or DESCRIBE query: RDF text and its media type."""

    data: bytes
    media_type: str


class SparqlEndpoint(Protocol):
    """What filmkg needs from a SPARQL service (``Endpoint``, or a fake in unit tests)."""

    url: str

    def select(self, query: str) -> SelectResult: ...

    def ask(self, query: str) -> bool: ...

    def construct(self, query: str) -> RdfPayload: ...

    def update(self, update: str) -> None: ...


def _strip_userinfo(url: str) -> tuple[str, str | None, str | None]:
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url, None, None
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    clean = urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
    return clean, parts.username, parts.password


def _netrc_credentials(host: str, netrc_file: str | None) -> tuple[str | None, str | None]:
    path = netrc_file or os.environ.get("NETRC") or os.path.join(os.path.expanduser("~"), ".netrc")
    if not host or not os.path.isfile(path):
        return None, None
    try:
        entry = netrc.netrc(path).authenticators(host)
    except (netrc.NetrcParseError, OSError) as err:
        # the parse error may quote the file's content: say only where it is
        log.warning("ignoring unreadable netrc file %s (%s)", path, type(err).__name__)
        return None, None
    if entry is None:
        return None, None
    login, _account, password = entry
    return login or None, password or None


def _one_line(text: str, limit: int = _MAX_SERVER_TEXT) -> str:
    text = re.sub(r"<[^>]{1,200}>", " ", text)  # an HTML error page: keep its words
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def _term_from_json(name: str, raw: object) -> Term:
    if not isinstance(raw, dict) or "type" not in raw or "value" not in raw:
        raise ValueError(f"binding of ?{name} has no type and value")
    kind = raw["type"]
    if kind == "typed-literal":  # SPARQL 1.0 JSON
        kind = "literal"
    if kind not in ("uri", "literal", "bnode"):
        raise ValueError(f"binding of ?{name} has unknown type {kind!r}")
    return Term(kind, str(raw["value"]), datatype=raw.get("datatype"), lang=raw.get("xml:lang"))


def _parse_json(data: bytes) -> SelectResult | bool:
    doc = json.loads(data.decode("utf-8"))
    if not isinstance(doc, dict):
        raise ValueError("not a JSON object")
    if "boolean" in doc:
        if not isinstance(doc["boolean"], bool):
            raise ValueError("'boolean' is not true or false")
        return doc["boolean"]
    head, results = doc.get("head"), doc.get("results")
    if not isinstance(head, dict) or not isinstance(results, dict):
        raise ValueError("no 'head' and 'results'")
    variables = head.get("vars", [])
    bindings = results.get("bindings")
    if not isinstance(variables, list) or not isinstance(bindings, list):
        raise ValueError("no 'head.vars' list or 'results.bindings' list")
    rows = []
    for binding in bindings:
        if not isinstance(binding, dict):
            raise ValueError("a binding is not an object")
        rows.append({str(k): _term_from_json(str(k), v) for k, v in binding.items()})
    return SelectResult(tuple(str(v) for v in variables), tuple(rows))


def _parse_xml(data: bytes) -> SelectResult | bool:
    root = ET.fromstring(data)
    if root.tag != f"{_SRX}sparql":
        raise ValueError(f"root element is {root.tag}, not sparql")
    boolean = root.find(f"{_SRX}boolean")
    if boolean is not None:
        text = (boolean.text or "").strip()
        if text not in ("true", "false"):
            raise ValueError(f"boolean is {text!r}")
        return text == "true"
    variables = tuple(v.get("name", "") for v in root.iterfind(f"{_SRX}head/{_SRX}variable"))
    results = root.find(f"{_SRX}results")
    if results is None:
        raise ValueError("no results element")
    rows = []
    for result in results.iterfind(f"{_SRX}result"):
        row: dict[str, Term] = {}
        for binding in result.iterfind(f"{_SRX}binding"):
            name = binding.get("name", "")
            node = next(iter(binding), None)
            if node is None:
                raise ValueError(f"binding of ?{name} is empty")
            tag = node.tag.removeprefix(_SRX)
            if tag == "uri":
                row[name] = Term("uri", node.text or "")
            elif tag == "bnode":
                row[name] = Term("bnode", node.text or "")
            elif tag == "literal":
                lang = node.get("{http://www.w3.org/XML/1998/namespace}lang")
                row[name] = Term("literal", node.text or "", datatype=node.get("datatype"), lang=lang)
            else:
                raise ValueError(f"binding of ?{name} has unknown element {tag}")
        rows.append(row)
    return SelectResult(variables, tuple(rows))


def parse_results(data: bytes, media_type: str) -> SelectResult | bool:
    """Parse SPARQL results (JSON or XML, chosen by ``media_type``); ``bool`` for ASK.

    Raises ``ValueError`` (with what is wrong) on a malformed document.

    >>> parse_results(b'{"head": {}, "boolean": true}', "application/sparql-results+json")
    True
    >>> r = parse_results(b'{"head": {"vars": ["f"]}, "results": {"bindings": '
    ...                   b'[{"f": {"type": "uri", "value": "http://x/f"}}]}}', "application/json")
    >>> r.rows[0]["f"].value
    'http://x/f'
    """
    if "xml" in media_type:
        try:
            return _parse_xml(data)
        except ET.ParseError as err:
            raise ValueError(f"invalid XML ({err})") from err
    try:
        return _parse_json(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ValueError(f"invalid JSON ({err})") from err


# ---------------------------------------------------------------------- the endpoint


class Endpoint:
    """A SPARQL 1.1 endpoint: query URL, update URL, credentials, timeout, retry policy.

    Parameters
    ----------
    url : str
        The query URL (Oxigraph: ``http://127.0.0.1:7878/query``; Fuseki: ``.../ds/sparql``).
    update_url : str, optional
        The update URL; by default ``url`` with a final ``/query`` replaced by ``/update``,
        else ``url`` itself.
    timeout : float
        Seconds to wait for the server on each attempt.
    retries : int
        How many times to try again after a 429 or 503 answer.
    backoff : float
        Seconds before the first retry when the server sends no ``Retry-After``; doubled each time.
    max_retry_wait : float
        A ``Retry-After`` longer than this is not waited for: the error is raised at once.
    user, password : str, optional
        HTTP Basic credentials; see the module docstring for where they come from otherwise.
    netrc_file : str, optional
        A netrc file to read credentials from (default ``$NETRC`` or ``~/.netrc``).
    agent : str, optional
        The User-Agent (default :func:`user_agent`).
    sleep : callable
        How to wait between retries (``time.sleep``; a test can pass a recorder).

    Examples
    --------
    >>> ep = Endpoint("http://user:secret@127.0.0.1:7878/query")
    >>> ep.url, "secret" in repr(ep)
    ('http://127.0.0.1:7878/query', False)
    """

    def __init__(
        self,
        url: str,
        *,
        update_url: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        retries: int = 3,
        backoff: float = 1.0,
        max_retry_wait: float = 60.0,
        user: str | None = None,
        password: str | None = None,
        netrc_file: str | None = None,
        agent: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if urlsplit(url).scheme not in ("http", "https"):
            raise EndpointError("not an http(s) URL", endpoint=_strip_userinfo(url)[0])
        clean, url_user, url_password = _strip_userinfo(url)
        self.url = clean
        if update_url is None:
            update_url = clean[: -len("/query")] + "/update" if clean.endswith("/query") else clean
        self.update_url = _strip_userinfo(update_url)[0]
        self.timeout = timeout
        self.retries = max(0, retries)
        self.backoff = backoff
        self.max_retry_wait = max_retry_wait
        self.agent = agent or user_agent()
        self._sleep = sleep
        self._user, self._password = self._credentials(
            user, password, url_user, url_password, netrc_file, urlsplit(clean).hostname or ""
        )

    @staticmethod
    def _credentials(
        user: str | None,
        password: str | None,
        url_user: str | None,
        url_password: str | None,
        netrc_file: str | None,
        host: str,
    ) -> tuple[str | None, str | None]:
        if user is not None or password is not None:
            return user, password
        env_user, env_password = os.environ.get(ENV_USER), os.environ.get(ENV_PASSWORD)
        if env_user or env_password:
            return env_user, env_password
        if url_user or url_password:
            return url_user, url_password
        return _netrc_credentials(host, netrc_file)

    @property
    def has_credentials(self) -> bool:
        """Whether requests carry credentials (never which ones)."""
        return bool(self._user and self._password)

    def __repr__(self) -> str:
        auth = ", with credentials" if self.has_credentials else ""
        return f"Endpoint({self.url!r}, update_url={self.update_url!r}, timeout={self.timeout}{auth})"

    # ------------------------------------------------------------------ public operations

    def select(self, query: str) -> SelectResult:
        """Run a SELECT query; its variables and rows.

        Raises :class:`~kg.errors.EndpointError` when the server fails or answers garbage.
        """
        result = self._results(query, expect="SELECT")
        if not isinstance(result, SelectResult):
            raise self._error("the server answered a SELECT query with a boolean")
        return result

    def ask(self, query: str) -> bool:
        """Run an ASK query."""
        result = self._results(query, expect="ASK")
        if not isinstance(result, bool):
            raise self._error("the server answered an ASK query without a boolean")
        return result

    def construct(self, query: str) -> RdfPayload:
        """Run a CONSTRUCT or DESCRIBE query; the RDF text and its media type."""
        data, media_type = self._send(query, accept=_RDF_ACCEPT, is_update=False)
        if media_type.startswith(("text/html", "application/sparql-results")):
            raise self._error(f"expected RDF, got {media_type}")
        return RdfPayload(data, media_type or "application/n-triples")

    def update(self, update: str) -> None:
        """Run a SPARQL Update request (atomic on Oxigraph, Fuseki and most stores)."""
        self._send(update, accept="*/*", is_update=True)

    # ------------------------------------------------------------------ internals

    def _results(self, query: str, *, expect: str) -> SelectResult | bool:
        data, media_type = self._send(query, accept=_RESULTS_ACCEPT, is_update=False)
        if media_type and "json" not in media_type and "xml" not in media_type:
            raise self._error(f"expected SPARQL results for a {expect} query, got {media_type}")
        try:
            return parse_results(data, media_type)
        except ValueError as err:
            kind = "XML" if "xml" in media_type else "JSON"
            raise self._error(f"malformed SPARQL {kind} results: {err}") from err

    def _error(self, message: str, *, status: int | None = None, url: str | None = None) -> EndpointError:
        if self._password:
            message = message.replace(self._password, "***")
        return EndpointError(message, endpoint=url or self.url, status=status)

    def _wrapper(self, text: str, *, accept: str, is_update: bool) -> SPARQLWrapper:
        sw = SPARQLWrapper(self.url, updateEndpoint=self.update_url, agent=self.agent)
        sw.setMethod(POST)
        sw.setOnlyConneg(True)  # content negotiation only: no format=... parameters
        sw.setQuery(text)
        # SPARQLWrapper.setTimeout truncates to whole seconds; urllib takes a float
        sw.timeout = self.timeout  # type: ignore[assignment]
        if self._user and self._password:
            sw.setCredentials(self._user, self._password)
        if not is_update:
            sw.addCustomHttpHeader("Accept", accept)
        if sw.isSparqlUpdateRequest() != is_update:
            kind = "an update" if is_update else "a query"
            raise EndpointError(f"the text given as {kind} is not {kind}", endpoint=self.url)
        return sw

    def _send(self, text: str, *, accept: str, is_update: bool) -> tuple[bytes, str]:
        """POST ``text``; the response body and media type, after bounded retries."""
        target = self.update_url if is_update else self.url
        sw = self._wrapper(text, accept=accept, is_update=is_update)
        attempt = 0
        status: int | None
        headers: Message | None
        while True:
            attempt += 1
            try:
                result = sw.query()
                response = result.response
                data = response.read()
                media_type = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
                log.debug("%s answered %d bytes of %s", target, len(data), media_type or "?")
                return data, media_type
            except urllib.error.HTTPError as err:  # statuses SPARQLWrapper does not map itself
                status, headers = err.code, err.headers
                body = _read_quietly(err)
            except SPARQLWrapperException as err:  # 400, 401, 404, 414, 500
                context = err.__context__
                status = context.code if isinstance(context, urllib.error.HTTPError) else None
                headers = context.headers if isinstance(context, urllib.error.HTTPError) else None
                body = _response_of(err)
            except TimeoutError as err:
                raise self._error(f"no answer within {self.timeout:g} s (timeout)", url=target) from err
            except urllib.error.URLError as err:
                raise self._error(_unreachable(err.reason), url=target) from err
            except (HTTPException, ConnectionError, OSError) as err:
                raise self._error(f"the connection failed ({_describe(err)})", url=target) from err

            if status in RETRY_STATUSES and attempt <= self.retries:
                wait = _retry_after(headers.get("Retry-After") if headers is not None else None)
                if wait is None:
                    wait = self.backoff * 2 ** (attempt - 1)
                if wait <= self.max_retry_wait:
                    log.info(
                        "%s answered HTTP %s; retry %d/%d in %.1f s",
                        target,
                        status,
                        attempt,
                        self.retries,
                        wait,
                    )
                    self._sleep(wait)
                    continue
            raise self._error(_status_message(status, body, attempt), status=status, url=target)


def _read_quietly(err: urllib.error.HTTPError) -> str:
    try:
        return err.read().decode("utf-8", "replace")
    except (OSError, HTTPException):
        return ""


def _response_of(err: SPARQLWrapperException) -> str:
    """The server's response text that SPARQLWrapper folded into its message as a bytes repr."""
    text = str(err)
    _, sep, tail = text.partition("Response:\n")
    if not sep:
        return ""
    try:
        raw = ast.literal_eval(tail.strip())
    except (ValueError, SyntaxError):
        return tail
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)


def _status_message(status: int | None, body: str, attempts: int) -> str:
    what = {
        400: "the server rejected the request as malformed",
        401: "the server refused the credentials (or none were given)",
        403: "the server refused access",
        404: "no SPARQL service at this URL",
        413: "the request is too large for the server",
        414: "the request URL is too long",
        429: "too many requests; the server asks to slow down",
        500: "the server failed (internal error)",
        502: "bad gateway",
        503: "the server is unavailable",
        504: "gateway timeout",
    }.get(status or 0, "the server answered with an error")
    tried = f" after {attempts} attempts" if attempts > 1 else ""
    server = _one_line(body)
    return f"HTTP {status}: {what}{tried}" + (f": {server}" if server else "")


def _unreachable(reason: object) -> str:
    if isinstance(reason, TimeoutError):
        return "no answer in time (timeout while connecting)"
    if isinstance(reason, ConnectionRefusedError):
        return "cannot connect: connection refused (is the server running?)"
    if isinstance(reason, socket.gaierror):
        return "cannot connect: host name not found"
    return f"cannot connect ({_describe(reason)})"


def _describe(err: object) -> str:
    if isinstance(err, BaseException):
        text = str(err) or type(err).__name__
        return _one_line(text, 160)
    return _one_line(str(err), 160)
