"""A small OpenAI-compatible server on loopback, for end-to-end tests of the LLM backend.

It speaks enough of the API for the real ``openai`` and ``instructor`` clients over real HTTP:
``POST …/chat/completions`` (under ``/v1`` or an Azure deployment path), and ``files`` and
``batches`` for the Batch API. What it answers is stated, never guessed:

- an article of the project's evals (``evals/articles``) gets its gold labels (a chunk of one gets
  the gold items written in the chunk), with the event fields the request's schema asks for: the
  purpose and decisions the gold labels (the 88 collected articles) only when the schema shows them;
- an article a test taught it (``fake.learn(text, answer)``) gets that answer;
- a reply a test scripted (``fake.enqueue(...)``) is the next request's reply: an answer of its own,
  a shape a real server gives (``shapes.py``: reasoning text, fences, side fields, wrappers, several
  tool calls, filtered answers, missing usage), or a fault (429, 500, timeout, a dropped connection,
  an HTML page);
- anything else gets an explicit 400 saying it has nothing to say. It never makes an answer up.

Server-wide behaviours a test can switch on: ``fake.refuse("json_object")`` answers as LM Studio does
to a mode it does not take, ``fake.refuse("temperature", "max_tokens")`` as OpenAI's reasoning models
do; ``fake.batch_outcome`` ends Batch API jobs the ways real ones end. Every request is kept.

    with FakeOpenAI() as fake:
        backend = LLMBackend(model="gpt-4o-mini", base_url=fake.base_url, ...)

``python -m summarizer.testing.fake_openai`` serves it for a demo, and says on stderr that its
answers are the gold labels, not a model's.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import re
import sys
import threading
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from summarizer.text.layout import join_wrapped_lines
from summarizer.text.normalize import match_key

from .shapes import SHAPES, completion, shaped

# The project root (a checkout): the evals articles and their gold are the model's "knowledge".
ROOT = Path(__file__).resolve().parents[2]
SEED_ARTICLES = ROOT / "evals" / "articles"
SEED_GOLD = ROOT / "evals" / "gold"

HALLUCINATED_OFFICIAL = {"name": "Trần Văn Bịa", "titles": ["Giám đốc Sở Ngoại giao"]}
# What a naive model does with an injected instruction: obey it with a name from outside the article.
INJECTION_MARKER = "bỏ qua mọi hướng dẫn"
INJECTED_OFFICIAL = {"name": "Lương Cường", "titles": ["Chủ tịch nước"]}
THINK_BLOCK = '<think>The user wants JSON like {"events": []}; let me read the article first.</think>\n'
TRANSPORT_FAULTS = {"delay", "429", "500", "401", "timeout", "drop", "html_503", "html_404", "html_200"}
ANSWER_FAULTS = {"malformed", "invalid", "hallucinate", "think", "error"}
FAULTS = TRANSPORT_FAULTS | ANSWER_FAULTS | SHAPES
REFUSALS = {"json_object", "json_schema", "tools", "temperature", "max_tokens", "parallel_tool_calls"}
BATCH_OUTCOMES = {"completed", "failed", "expired", "all_failed", "truncated"}
ROUTES = ("/v1/", "/openai/")  # OpenAI's paths, and Azure's (deployments, files, batches)
_FENCED = re.compile(r"<<<ARTICLE (\w+)>>>\n(.*)\n<<<END ARTICLE \1>>>", re.S)
NGINX = "<html>\r\n<head><title>{0}</title></head>\r\n<body>\r\n<center><h1>{0}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
SPA = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Open WebUI</title></head><body><div id="app"></div></body></html>'


class NoAnswer(Exception):
    """The fake knows no answer for an article: not an evals article, not taught, not scripted."""


@dataclass
class Fault:
    """One scripted reply: a fault, an answer shape (shapes.SHAPES), ``answer`` given outright, or a
    whole response ``body`` replayed as it is (kind ``raw``)."""

    kind: str = "answer"
    seconds: float = 0.0
    retry_after: str | None = "0"
    answer: dict[str, Any] | None = None
    body: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        if self.kind not in FAULTS | {"answer", "raw"}:
            raise ValueError(f"unknown fault or shape {self.kind!r}")


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]  # names lower-cased
    body: bytes
    query: str = ""

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class _Known:
    stem: str
    lines: set[str]
    answer: dict[str, Any]


def _long_lines(text: str) -> set[str]:
    """The lines that identify an article: those over 40 characters, or every line of a short one, its
    hard-wrapped paragraphs read as the tool reads them (``Article.clean``)."""
    lines = [line for line in join_wrapped_lines(text).splitlines() if line.strip()]
    long = {match_key(line) for line in lines if len(line.strip()) > 40}
    return long or {match_key(line) for line in lines}


def _load_seeds() -> list[_Known]:
    seeds = []
    for path in sorted(SEED_ARTICLES.glob("*.txt")):
        gold_path = SEED_GOLD / f"{path.stem}.json"
        if gold_path.exists():
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            seeds.append(_Known(path.stem, _long_lines(path.read_text(encoding="utf-8")), gold))
    return seeds


def request_schema(body: dict[str, Any]) -> dict[str, Any] | None:
    """The answer schema a request sends: the tool's parameters, the response format's schema, or the
    JSON Schema the json modes write as the last line of the system message; None when it sends none."""
    for tool in body.get("tools") or []:
        parameters = (tool.get("function") or {}).get("parameters") if isinstance(tool, dict) else None
        if isinstance(parameters, dict):
            return parameters
    response_format = body.get("response_format") or {}
    if response_format.get("type") == "json_schema":
        return (response_format.get("json_schema") or {}).get("schema")
    for message in body.get("messages", []):
        content = message.get("content")
        if message.get("role") == "system" and isinstance(content, str) and "JSON Schema" in content:
            try:
                schema = json.loads(content.rsplit("\n", 1)[-1])
            except ValueError:
                return None
            return schema if isinstance(schema, dict) else None
    return None


def asked_event_fields(body: dict[str, Any]) -> set[str] | None:
    """The event fields the request's schema names; None when the request sends no schema of events."""
    schema = request_schema(body) or {}
    properties = ((schema.get("$defs") or {}).get("Event") or {}).get("properties")
    return set(properties) if isinstance(properties, dict) else None


def _as_asked(answer: dict[str, Any], asked: set[str] | None) -> dict[str, Any]:
    """``answer`` with each event holding only the fields ``asked`` (all of them when None), as a model
    filling the schema it was sent would give."""
    if asked is None:
        return answer
    return {**answer, "events": [{k: v for k, v in e.items() if k in asked} for e in answer.get("events") or []]}


def _contains(text: str, value: str) -> bool:
    return bool(match_key(value)) and match_key(value) in match_key(text)


def _answer_in_chunk(answer: dict[str, Any], chunk: str) -> dict[str, Any]:
    """What a model would find in a part of a known article: the items written in that part."""
    officials = [
        {**o, "titles": [t for t in o["titles"] if _contains(chunk, t)]} for o in answer["officials"] if _contains(chunk, o["name"])
    ]
    directives = [d for d in answer["directives"] if _contains(chunk, d["content"])]
    return {**answer, "officials": officials, "directives": directives}


class FakeOpenAI:
    """The server and its script; use as a context manager so it always stops."""

    def __init__(self) -> None:
        self.seen: list[Seen] = []
        self.usage_sent: list[tuple[int, int]] = []
        self._faults: deque[Fault] = deque()
        self.batch_faults: dict[str | int, str] = {}
        self.batch_outcome = "completed"
        self.think_always = False
        self.refusing: set[str] = set()
        self._lock = threading.Lock()
        self._known = _load_seeds()
        self._files: dict[str, dict[str, Any]] = {}
        self._batches: dict[str, dict[str, Any]] = {}
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ----------------------------------------------------------------------------------

    def __enter__(self) -> FakeOpenAI:
        handler = type("Handler", (_Handler,), {"fake": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._server is not None and self._thread is not None
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    @property
    def root_url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def base_url(self) -> str:
        return f"{self.root_url}/v1"

    # -- the script -----------------------------------------------------------------------------------

    def enqueue(self, *replies: str | Fault | dict[str, Any]) -> None:
        """Replies for the next chat requests, one each, in order: a fault or shape name, a Fault, or an
        answer dict (given as JSON in the mode's plain shape). Once they are used, answers are normal."""
        with self._lock:
            for reply in replies:
                if isinstance(reply, dict):
                    reply = Fault("answer", answer=reply)
                self._faults.append(reply if isinstance(reply, Fault) else Fault(reply))

    script = enqueue

    def learn(self, article: str, answer: dict[str, Any]) -> None:
        """Answer ``article`` (or any part of it) with ``answer`` from now on."""
        with self._lock:
            self._known.append(_Known(f"learned-{len(self._known)}", _long_lines(article), answer))

    def refuse(self, *what: str) -> None:
        """Answer 400 to requests using ``what`` (a mode's ``json_object``/``json_schema``/``tools``, or a
        parameter), with the message the real server that refuses it sends."""
        unknown = set(what) - REFUSALS
        if unknown:
            raise ValueError(f"cannot refuse {sorted(unknown)}; choose from {sorted(REFUSALS)}")
        self.refusing |= set(what)

    def _next_fault(self) -> Fault | None:
        with self._lock:
            return self._faults.popleft() if self._faults else None

    def count(self, path: str = "/v1/chat/completions", method: str = "POST") -> int:
        """Requests to ``path`` (chat completions: under any prefix, Azure deployments included)."""
        chat = path.endswith("/chat/completions")
        with self._lock:
            return sum(
                1 for s in self.seen if s.method == method and (s.path.endswith("/chat/completions") if chat else s.path == path)
            )

    def chat_requests(self) -> list[dict[str, Any]]:
        with self._lock:
            return [s.json() for s in self.seen if s.path.endswith("/chat/completions")]

    # -- answering like a model -------------------------------------------------------------------------

    def answer_for(self, article: str, *, corrected: bool = False) -> dict[str, Any]:
        """A known article's answer; a part of known articles gets the items written in it. Raises
        NoAnswer for anything else. ``corrected``: the request is a re-ask."""
        lines = _long_lines(article)
        with self._lock:
            known = list(self._known)
        overlapping = [k for k in known if lines & k.lines]
        whole = [k for k in overlapping if len(lines & k.lines) >= 0.9 * len(lines) and len(lines & k.lines) >= 0.8 * len(k.lines)]
        if whole:
            answer = dict(whole[-1].answer)
        elif lines and sum(len(lines & k.lines) for k in overlapping) >= 0.9 * len(lines):
            parts = [_answer_in_chunk(k.answer, article) for k in overlapping]
            answer = {
                "published": parts[0].get("published"),
                **{key: [item for part in parts for item in part[key]] for key in ("events", "officials", "directives")},
            }
        else:
            raise NoAnswer("the fake server knows no answer for this article: use an evals article, fake.learn() or fake.enqueue()")
        answer = {k: v for k, v in answer.items() if k not in {"article_id", "provenance"}}
        if INJECTION_MARKER in match_key(article) and not corrected:
            answer["officials"] = [*answer["officials"], INJECTED_OFFICIAL]
        return answer

    @staticmethod
    def article_of(body: dict[str, Any]) -> str:
        for message in body.get("messages", []):
            content = message.get("content")
            if message.get("role") == "user" and isinstance(content, str) and (m := _FENCED.search(content)):
                return m.group(2)
        users = [m.get("content") or "" for m in body.get("messages", []) if m.get("role") == "user"]
        return users[0] if users else ""

    def completion(self, body: dict[str, Any], fault: Fault | None) -> dict[str, Any]:
        """The completion for one request; raises NoAnswer when it knows none."""
        kind = fault.kind if fault else None
        if fault is not None and fault.answer is not None:
            answer = fault.answer
        else:
            corrected = any(m.get("role") in {"tool", "assistant"} for m in body.get("messages", []))
            answer = _as_asked(self.answer_for(self.article_of(body), corrected=corrected), asked_event_fields(body))
        if kind == "hallucinate":
            answer = {**answer, "officials": [*answer["officials"], HALLUCINATED_OFFICIAL]}
        if kind == "invalid":
            answer = {**answer, "events": [{"kind": "party", "session_number": "many"}]}
        if kind == "malformed":
            text = json.dumps(answer, ensure_ascii=False)
            reply = shaped(None, answer, body)
            message = reply["choices"][0]["message"]
            half = text[: len(text) // 2]
            if message.get("tool_calls"):
                message["tool_calls"][0]["function"]["arguments"] = half
            else:
                message["content"] = half
        else:
            shape = kind if kind in SHAPES else None
            reply = shaped(shape, answer, body, think=kind == "think" or self.think_always)
        usage = reply.get("usage")
        if isinstance(usage, dict) and isinstance(usage.get("prompt_tokens"), int):
            with self._lock:
                self.usage_sent.append((usage["prompt_tokens"], usage["completion_tokens"]))
        return reply

    def refusal(self, body: dict[str, Any]) -> dict[str, Any] | None:
        """The 400 body a real server sends for a request it does not take, or None."""
        response_format = (body.get("response_format") or {}).get("type")
        if "json_object" in self.refusing and response_format == "json_object":
            return {"error": "'response_format.type' must be 'json_schema' or 'text'"}  # LM Studio
        if "json_schema" in self.refusing and response_format == "json_schema":
            return {"error": {"message": "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.",
                              "type": "invalid_request_error", "param": "response_format", "code": None}}
        if "tools" in self.refusing and body.get("tools"):
            return {"error": {"message": f"registry.ollama.ai/library/{body.get('model')} does not support tools",
                              "type": "api_error", "param": None, "code": None}}
        if "temperature" in self.refusing and "temperature" in body and body["temperature"] != 1:
            return {"error": {"message": f"Unsupported value: 'temperature' does not support {body['temperature']} with this model. "
                                         "Only the default (1) value is supported.",
                              "type": "invalid_request_error", "param": "temperature", "code": "unsupported_value"}}
        if "max_tokens" in self.refusing and "max_tokens" in body:
            return {"error": {"message": "Unsupported parameter: 'max_tokens' is not supported with this model. Use "
                                         "'max_completion_tokens' instead.",
                              "type": "invalid_request_error", "param": "max_tokens", "code": "unsupported_parameter"}}
        if "parallel_tool_calls" in self.refusing and "parallel_tool_calls" in body:
            return {"error": {"message": "Unrecognized request argument supplied: parallel_tool_calls",
                              "type": "invalid_request_error", "param": None, "code": None}}
        return None

    # -- files and batches --------------------------------------------------------------------------------

    def _file_object(self, file_id: str) -> dict[str, Any]:
        f = self._files[file_id]
        return {
            "id": file_id, "object": "file", "bytes": len(f["content"]), "created_at": f["created_at"],
            "filename": f["filename"], "purpose": f["purpose"], "status": "processed",
        }

    def add_file(self, content: bytes, filename: str, purpose: str) -> str:
        file_id = f"file-{uuid.uuid4().hex[:16]}"
        with self._lock:
            self._files[file_id] = {"content": content, "filename": filename, "purpose": purpose, "created_at": int(time.time())}
        return file_id

    def file_content(self, file_id: str) -> bytes:
        return self._files[file_id]["content"]

    def create_batch(self, body: dict[str, Any]) -> dict[str, Any]:
        batch_id = f"batch_{uuid.uuid4().hex[:16]}"
        now = int(time.time())
        batch = {
            "id": batch_id, "object": "batch", "endpoint": body["endpoint"], "errors": None,
            "input_file_id": body["input_file_id"], "completion_window": body["completion_window"],
            "status": "validating", "output_file_id": None, "error_file_id": None, "created_at": now,
            "in_progress_at": None, "expires_at": now + 86400, "completed_at": None,
            "request_counts": {"total": 0, "completed": 0, "failed": 0}, "metadata": body.get("metadata"),
        }
        with self._lock:
            self._batches[batch_id] = batch
        return batch

    def retrieve_batch(self, batch_id: str) -> dict[str, Any] | None:
        """Each retrieve moves the batch on: validating → in_progress → its outcome."""
        batch = self._batches.get(batch_id)
        if batch is None:
            return None
        if batch["status"] == "validating":
            batch["status"] = "in_progress"
            batch["in_progress_at"] = int(time.time())
        elif batch["status"] == "in_progress":
            self._run_batch(batch)
        return batch

    def _line_error(self, custom_id: str, status: int, message: str, code: str | None = None) -> dict[str, Any]:
        return {"id": f"batch_req_{uuid.uuid4().hex[:8]}", "custom_id": custom_id, "error": None,
                "response": {"status_code": status, "request_id": "req_x", "body": {"error": {"message": message, "code": code}}}}

    def _run_batch(self, batch: dict[str, Any]) -> None:
        outcome = self.batch_outcome
        lines = [json.loads(line) for line in self.file_content(batch["input_file_id"]).decode("utf-8").splitlines() if line.strip()]
        if outcome == "failed":
            batch.update(status="failed", failed_at=int(time.time()), errors={"object": "list", "data": [{
                "code": "token_limit_exceeded", "line": None, "param": None,
                "message": "Enqueued token limit reached for gpt-4o-mini in organization org-test. Limit: 2,000,000 enqueued "
                           "tokens. Please try again once some in_progress batches have been completed."}]})
            return
        outputs, errors = [], []
        for index, request in enumerate(lines):
            custom_id = request["custom_id"]
            fault = self.batch_faults.get(custom_id) or self.batch_faults.get(index)
            if outcome == "expired" and index > 0:
                errors.append({"id": f"batch_req_{uuid.uuid4().hex[:8]}", "custom_id": custom_id, "response": None, "error": {
                    "code": "batch_expired", "message": "This request could not be executed before the completion window expired."}})
                continue
            if outcome == "all_failed":
                errors.append(self._line_error(custom_id, 400, "Unsupported value: 'temperature' does not support 0.0 with this "
                                                               "model. Only the default (1) value is supported.", "unsupported_value"))
                continue
            if fault == "error":
                errors.append(self._line_error(custom_id, 500, "server error"))
                continue
            if outcome == "truncated" and index == len(lines) - 1:
                fault = "truncated"
            try:
                body = self.completion(request["body"], Fault(fault) if fault else None)
            except NoAnswer as exc:
                errors.append(self._line_error(custom_id, 400, str(exc)))
                continue
            outputs.append({"id": f"batch_req_{uuid.uuid4().hex[:8]}", "custom_id": custom_id, "error": None,
                            "response": {"status_code": 200, "request_id": f"req_{uuid.uuid4().hex[:8]}", "body": body}})
        batch["output_file_id"] = self._jsonl_file(outputs) if outputs else None
        batch["error_file_id"] = self._jsonl_file(errors) if errors else ""  # "" as some servers send, not null
        batch["request_counts"] = {"total": len(lines), "completed": len(outputs), "failed": len(errors)}
        batch["status"] = "expired" if outcome == "expired" else "completed"
        batch["completed_at"] = int(time.time())

    def _jsonl_file(self, records: list[dict[str, Any]]) -> str:
        data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
        return self.add_file(data, "batch.jsonl", "batch_output")


class _Handler(BaseHTTPRequestHandler):
    fake: FakeOpenAI
    protocol_version = "HTTP/1.1"
    # Headers and body go out as separate writes on a kept-alive connection: without TCP_NODELAY,
    # Nagle and delayed ACKs would add ~40 ms to every answer.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        return

    def _record(self) -> Seen:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path, _, query = self.path.partition("?")
        seen = Seen(self.command, path, {k.lower(): v for k, v in self.headers.items()}, body, query)
        with self.fake._lock:
            self.fake.seen.append(seen)
        return seen

    def _send(self, status: int, payload: Any, headers: dict[str, str] | None = None, content_type: str | None = None) -> None:
        if isinstance(payload, str):
            data, ctype = payload.encode("utf-8"), "text/html; charset=utf-8"
        elif isinstance(payload, bytes):
            data, ctype = payload, "application/octet-stream"
        else:
            data, ctype = json.dumps(payload, ensure_ascii=False).encode("utf-8"), "application/json"
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type or ctype)
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def do_POST(self) -> None:
        seen = self._record()
        if not seen.path.startswith(ROUTES):
            self._send(404, NGINX.format("404 Not Found"))
        elif seen.path.endswith("/chat/completions"):
            self._chat(seen)
        elif seen.path.endswith("/files"):
            self._upload(seen)
        elif seen.path.endswith("/batches"):
            self._send(200, self.fake.create_batch(seen.json()))
        else:
            self._send(404, {"error": {"message": f"no route {seen.path}"}})

    def do_GET(self) -> None:
        seen = self._record()
        if not seen.path.startswith(ROUTES):
            self._send(404, NGINX.format("404 Not Found"))
        elif m := re.search(r"/files/([\w-]+)/content$", seen.path):
            self._send(200, self.fake.file_content(m.group(1)))
        elif m := re.search(r"/files/([\w-]+)$", seen.path):
            self._send(200, self.fake._file_object(m.group(1)))
        elif m := re.search(r"/batches/([\w-]+)$", seen.path):
            batch = self.fake.retrieve_batch(m.group(1))
            if batch is None:
                self._send(404, {"error": {"message": f"No batch found with id '{m.group(1)}'.", "type": "invalid_request_error"}})
            else:
                self._send(200, batch)
        else:
            self._send(404, {"error": {"message": f"no route {seen.path}"}})

    def _upload(self, seen: Seen) -> None:
        head = f"Content-Type: {seen.headers.get('content-type')}\r\n\r\n".encode()
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + seen.body)
        fields: dict[str, Any] = {}
        filename = "upload.jsonl"
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            fields[name] = part.get_payload(decode=True)
            filename = part.get_filename() or filename
        file_id = self.fake.add_file(fields["file"], filename, fields["purpose"].decode())
        self._send(200, self.fake._file_object(file_id))

    def _chat(self, seen: Seen) -> None:
        fault = self.fake._next_fault()
        kind = fault.kind if fault else None
        if kind in {"delay", "timeout"}:
            time.sleep(fault.seconds)  # type: ignore[union-attr]
        if kind == "drop":
            self.close_connection = True
            return
        if kind == "429":
            headers = {"Retry-After": fault.retry_after} if fault and fault.retry_after is not None else {}
            self._send(429, {"error": {"message": "Rate limit reached", "type": "requests", "code": "rate_limit_exceeded"}}, headers)
            return
        if kind == "401":
            # Like real servers, echo the credential it rejected: masked as OpenAI does, and whole as some proxies do.
            token = seen.headers.get("authorization", "").removeprefix("Bearer ") or seen.headers.get("api-key", "")
            masked = f"{token[:8]}{'*' * 24}{token[-4:]}"
            message = f"Incorrect API key provided: {masked}. Key received: {token}"
            self._send(401, {"error": {"message": message, "code": "invalid_api_key"}})
            return
        if kind == "500":
            self._send(500, {"error": {"message": "The server had an error", "type": "server_error"}})
            return
        if kind in {"html_503", "html_404"}:
            status = int(kind[-3:])
            title = {503: "503 Service Temporarily Unavailable", 404: "404 Not Found"}[status]
            self._send(status, NGINX.format(title))
            return
        if kind == "html_200":
            self._send(200, SPA)
            return
        if kind == "raw" and fault is not None and fault.body is not None:
            self._send(200, fault.body)
            return
        body = seen.json()
        refusal = self.fake.refusal(body)
        if refusal is not None:
            self._send(400, refusal)
            return
        try:
            self._send(200, self.fake.completion(body, fault))
        except NoAnswer as exc:
            self._send(400, {"error": {"message": f"fake server: {exc}", "type": "invalid_request_error"}})


def main() -> None:
    """Serve the fake on loopback until interrupted, saying what its answers are."""
    with FakeOpenAI() as fake:
        print(f"fake OpenAI-compatible server at {fake.base_url}", file=sys.stderr)
        print(
            "it is not a model: it answers the gold labels of the project's evals/ articles, and a 400 for any other article",
            file=sys.stderr,
        )
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
