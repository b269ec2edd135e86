"""A small OpenAI-compatible server on loopback, for end-to-end tests of the LLM backend.

It speaks enough of the API for the real ``openai`` and ``instructor`` clients over real HTTP:
``POST /v1/chat/completions`` (tool calls, JSON content, or fenced JSON, by the request's shape),
``/v1/files`` and ``/v1/batches`` for the Batch API. It answers like a model would: an article it
recognises as one of the seed articles gets that article's gold labels (a chunk of one gets the
gold items found in the chunk); any other article gets the rule-based backend's extraction.

Faults are scripted per test: ``fake.script("429", "500")`` makes the next two chat requests fail
that way, after which answers are normal again. Every request is counted and kept.

    with FakeOpenAI() as fake:
        backend = LLMBackend(model="gpt-4o-mini", base_url=fake.base_url, ...)
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import re
import threading
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from summarizer.text.normalize import match_key

# The project root (a checkout): the seed articles and their gold are the model's "knowledge".
ROOT = Path(__file__).resolve().parents[2]
SEED_ARTICLES = ROOT / "evals" / "articles"
SEED_GOLD = ROOT / "evals" / "gold"

HALLUCINATED_OFFICIAL = {"name": "Trần Văn Bịa", "titles": ["Giám đốc Sở Ngoại giao"]}
# What a naive model does with an injected instruction: obey it with a name from outside the article.
INJECTION_MARKER = "bỏ qua mọi hướng dẫn"
INJECTED_OFFICIAL = {"name": "Lương Cường", "titles": ["Chủ tịch nước"]}
THINK_BLOCK = '<think>The user wants JSON like {"events": []}; let me read the article first.</think>\n'
FAULTS = {"delay", "429", "500", "401", "timeout", "drop", "malformed", "invalid", "hallucinate", "think", "error"}
_FENCED = re.compile(r"<<<ARTICLE (\w+)>>>\n(.*)\n<<<END ARTICLE \1>>>", re.S)


@dataclass
class Fault:
    kind: str
    seconds: float = 0.0
    retry_after: str | None = "0"

    def __post_init__(self) -> None:
        if self.kind not in FAULTS:
            raise ValueError(f"unknown fault {self.kind!r}")


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]  # names lower-cased
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class _Seed:
    stem: str
    lines: set[str]
    gold: dict[str, Any]


def _long_lines(text: str) -> set[str]:
    return {match_key(line) for line in text.splitlines() if len(line.strip()) > 40}


def _load_seeds() -> list[_Seed]:
    seeds = []
    for path in sorted(SEED_ARTICLES.glob("*.txt")):
        gold = json.loads((SEED_GOLD / f"{path.stem}.json").read_text(encoding="utf-8"))
        seeds.append(_Seed(path.stem, _long_lines(path.read_text(encoding="utf-8")), gold))
    return seeds


def _contains(text: str, value: str) -> bool:
    return bool(match_key(value)) and match_key(value) in match_key(text)


def _gold_in_chunk(gold: dict[str, Any], chunk: str) -> dict[str, Any]:
    """What a model would find in a part of a seed article: the gold items written in that part."""
    officials = [
        {**o, "titles": [t for t in o["titles"] if _contains(chunk, t)]} for o in gold["officials"] if _contains(chunk, o["name"])
    ]
    directives = [d for d in gold["directives"] if _contains(chunk, d["content"])]
    return {**gold, "officials": officials, "directives": directives}


class FakeOpenAI:
    """The server and its script; use as a context manager so it always stops."""

    def __init__(self) -> None:
        self.seen: list[Seen] = []
        self.usage_sent: list[tuple[int, int]] = []
        self._faults: deque[Fault] = deque()
        self.batch_faults: dict[str, str] = {}
        self.think_always = False
        self._lock = threading.Lock()
        self._seeds = _load_seeds()
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
    def base_url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    # -- the script -----------------------------------------------------------------------------------

    def script(self, *faults: str | Fault) -> None:
        """Faults for the next chat requests, one each, in order."""
        with self._lock:
            self._faults.extend(f if isinstance(f, Fault) else Fault(f) for f in faults)

    def _next_fault(self) -> Fault | None:
        with self._lock:
            return self._faults.popleft() if self._faults else None

    def count(self, path: str = "/v1/chat/completions", method: str = "POST") -> int:
        with self._lock:
            return sum(1 for s in self.seen if s.path == path and s.method == method)

    def chat_requests(self) -> list[dict[str, Any]]:
        with self._lock:
            return [s.json() for s in self.seen if s.path == "/v1/chat/completions"]

    # -- answering like a model -------------------------------------------------------------------------

    def answer_for(self, article: str, *, corrected: bool = False) -> dict[str, Any]:
        """A seed article gets its gold; a part of seed articles gets the gold items written in it;
        anything else gets the rules' answer. ``corrected``: the request is a re-ask."""
        lines = _long_lines(article)
        overlapping = [seed for seed in self._seeds if lines & seed.lines]
        whole = [s for s in overlapping if len(lines & s.lines) >= 0.9 * len(lines) and len(lines & s.lines) >= 0.8 * len(s.lines)]
        if whole:
            answer = dict(whole[0].gold)
        elif lines and sum(len(lines & s.lines) for s in overlapping) >= 0.9 * len(lines):
            parts = [_gold_in_chunk(s.gold, article) for s in overlapping]
            answer = {
                "published": parts[0].get("published"),
                **{key: [item for part in parts for item in part[key]] for key in ("events", "officials", "directives")},
            }
        else:
            answer = self._rules_answer(article)
        answer = {k: v for k, v in answer.items() if k not in {"article_id", "provenance"}}
        if INJECTION_MARKER in match_key(article) and not corrected:
            answer["officials"] = [*answer["officials"], INJECTED_OFFICIAL]
        return answer

    @staticmethod
    def _rules_answer(article: str) -> dict[str, Any]:
        from summarizer.backends.rules import RuleBackend
        from summarizer.schemas import extraction_to_dict
        from summarizer.text.article import Article

        return extraction_to_dict(RuleBackend().extract(Article(id="fake", text=article, source="fake")))

    @staticmethod
    def article_of(body: dict[str, Any]) -> str:
        for message in body.get("messages", []):
            content = message.get("content")
            if message.get("role") == "user" and isinstance(content, str) and (m := _FENCED.search(content)):
                return m.group(2)
        users = [m.get("content") or "" for m in body.get("messages", []) if m.get("role") == "user"]
        return users[0] if users else ""

    def completion(self, body: dict[str, Any], fault: Fault | None) -> dict[str, Any]:
        corrected = len(body.get("messages", [])) > 2
        answer = self.answer_for(self.article_of(body), corrected=corrected)
        kind = fault.kind if fault else None
        if kind == "hallucinate":
            answer["officials"] = [*answer["officials"], HALLUCINATED_OFFICIAL]
        if kind == "invalid":
            answer["events"] = [{"kind": "party", "session_number": "many"}]
        text = json.dumps(answer, ensure_ascii=False)
        if kind == "malformed":
            text = text[: len(text) // 2]
        prompt_tokens = sum(len(str(m.get("content") or "")) for m in body.get("messages", [])) // 4
        completion_tokens = max(1, len(text) // 4)
        think = THINK_BLOCK if (kind == "think" or self.think_always) else ""
        message: dict[str, Any] = {"role": "assistant", "content": None}
        if body.get("tools"):
            name = body["tools"][0]["function"]["name"]
            message["tool_calls"] = [
                {"id": f"call_{uuid.uuid4().hex[:8]}", "type": "function", "function": {"name": name, "arguments": text}}
            ]
            message["content"] = think or None
            finish = "tool_calls"
        elif body.get("response_format"):
            message["content"] = think + text
            finish = "stop"
        else:
            message["content"] = f"{think}Here is the extraction.\n```json\n{text}\n```"
            finish = "stop"
        with self._lock:
            self.usage_sent.append((prompt_tokens, completion_tokens))
        return {
            "id": f"chatcmpl-{uuid.uuid4().hex[:12]}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", "fake"),
            "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }

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

    def retrieve_batch(self, batch_id: str) -> dict[str, Any]:
        """Each retrieve moves the batch on: validating → in_progress → completed."""
        batch = self._batches[batch_id]
        if batch["status"] == "validating":
            batch["status"] = "in_progress"
            batch["in_progress_at"] = int(time.time())
        elif batch["status"] == "in_progress":
            self._run_batch(batch)
        return batch

    def _run_batch(self, batch: dict[str, Any]) -> None:
        outputs, errors = [], []
        lines = self.file_content(batch["input_file_id"]).decode("utf-8").splitlines()
        for line in filter(None, lines):
            request = json.loads(line)
            custom_id = request["custom_id"]
            fault = self.batch_faults.get(custom_id)
            if fault == "error":
                errors.append({
                    "id": f"batch_req_{uuid.uuid4().hex[:8]}", "custom_id": custom_id,
                    "response": {"status_code": 500, "request_id": "req_x", "body": {"error": {"message": "server error"}}},
                    "error": None,
                })
                continue
            completion = self.completion(request["body"], Fault(fault) if fault else None)
            outputs.append({
                "id": f"batch_req_{uuid.uuid4().hex[:8]}", "custom_id": custom_id,
                "response": {"status_code": 200, "request_id": f"req_{uuid.uuid4().hex[:8]}", "body": completion},
                "error": None,
            })
        batch["output_file_id"] = self.add_file(
            "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in outputs).encode("utf-8"), "output.jsonl", "batch_output"
        )
        if errors:
            batch["error_file_id"] = self.add_file(
                "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors).encode("utf-8"), "errors.jsonl", "batch_output"
            )
        batch["request_counts"] = {"total": len(lines), "completed": len(outputs), "failed": len(errors)}
        batch["status"] = "completed"
        batch["completed_at"] = int(time.time())


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
        seen = Seen(self.command, self.path.split("?")[0], {k.lower(): v for k, v in self.headers.items()}, body)
        with self.fake._lock:
            self.fake.seen.append(seen)
        return seen

    def _send(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        data = payload if isinstance(payload, bytes) else json.dumps(payload, ensure_ascii=False).encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json" if not isinstance(payload, bytes) else "application/octet-stream")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def do_POST(self) -> None:
        seen = self._record()
        if seen.path == "/v1/chat/completions":
            self._chat(seen)
        elif seen.path == "/v1/files":
            self._upload(seen)
        elif seen.path == "/v1/batches":
            self._send(200, self.fake.create_batch(seen.json()))
        else:
            self._send(404, {"error": {"message": f"no route {seen.path}"}})

    def do_GET(self) -> None:
        seen = self._record()
        if m := re.fullmatch(r"/v1/files/([\w-]+)/content", seen.path):
            self._send(200, self.fake.file_content(m.group(1)))
        elif m := re.fullmatch(r"/v1/files/([\w-]+)", seen.path):
            self._send(200, self.fake._file_object(m.group(1)))
        elif m := re.fullmatch(r"/v1/batches/([\w-]+)", seen.path):
            self._send(200, self.fake.retrieve_batch(m.group(1)))
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
            # Like real servers, echo (part of) the credential it rejected.
            token = seen.headers.get("authorization", "").removeprefix("Bearer ")
            self._send(401, {"error": {"message": f"Incorrect API key provided: {token}", "code": "invalid_api_key"}})
            return
        if kind == "500":
            self._send(500, {"error": {"message": "The server had an error", "type": "server_error"}})
            return
        self._send(200, self.fake.completion(seen.json(), fault))
