#!/usr/bin/env python3
"""Times the website chat's Direct Line round trips against a running service (standard library only).

Usage: python3 scripts/measure-directline.py [base-url] [turns]   (default http://127.0.0.1:3978, 40 turns)
Start the service with the per-conversation rate limit raised, or the turns beyond the burst get 429:
  dotnet run -c Release --project src/IopGuideBot -- --DirectLine:ActivityBurstPerConversation=100 \
      --DirectLine:ActivitiesPerMinutePerConversation=6000
Per turn: POST /activities (which returns once the turn has run) and, separately, how long until the bot's reply is
pushed on the conversation's WebSocket stream after the POST was sent. Prints p50/p95/max in milliseconds.
"""
import base64, json, os, socket, statistics, struct, sys, threading, time, urllib.parse, urllib.request

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:3978"
TURNS = int(sys.argv[2]) if len(sys.argv) > 2 else 40
QUESTIONS = ["What is an IOP?", "How much does it cost?", "Can my family take part?", "How long does it last?",
             "Is it confidential?", "Do you have evening groups?", "Can I keep my job?", "What happens at intake?"]


def call(method, path, token=None, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(BASE + path, data=data, method=method)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    if data:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"null")


def open_stream(url, on_set):
    """A minimal WebSocket client (RFC 6455 text frames from the server, unmasked) feeding activity sets to on_set."""
    parsed = urllib.parse.urlparse(url)
    sock = socket.create_connection((parsed.hostname, parsed.port))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET {parsed.path}?{parsed.query} HTTP/1.1\r\nHost: {parsed.netloc}\r\nUpgrade: websocket\r\n"
                  f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    header = b""
    while b"\r\n\r\n" not in header:
        header += sock.recv(1)
    assert b" 101 " in header.split(b"\r\n")[0], header

    def read(n):
        data = b""
        while len(data) < n:
            chunk = sock.recv(n - len(data))
            if not chunk:
                raise EOFError
            data += chunk
        return data

    def loop():
        try:
            while True:
                first, second = read(2)
                length = second & 0x7F
                if length == 126:
                    length = struct.unpack(">H", read(2))[0]
                elif length == 127:
                    length = struct.unpack(">Q", read(8))[0]
                payload = read(length)
                if first & 0x0F == 1 and payload:
                    on_set(json.loads(payload), time.perf_counter())
        except (EOFError, OSError):
            pass

    threading.Thread(target=loop, daemon=True).start()
    return sock


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


issued = call("POST", "/api/directline/token")
conversation = call("POST", "/v3/directline/conversations", issued["token"])
token, cid = conversation["token"], conversation["conversationId"]
replies = {}
ready = threading.Event()


def on_set(activity_set, at):
    for activity in activity_set["activities"]:
        if activity["type"] == "message" and activity["from"].get("role") == "bot" and activity.get("replyToId"):
            replies.setdefault(activity["replyToId"], at)


stream = open_stream(conversation["streamUrl"], on_set)
call("POST", f"/v3/directline/conversations/{cid}/activities", token, {"type": "event", "name": "webchat/join"})
post_ms, push_ms = [], []
for turn in range(TURNS + 3):
    sent = time.perf_counter()
    posted = call("POST", f"/v3/directline/conversations/{cid}/activities", token,
                  {"type": "message", "text": QUESTIONS[turn % len(QUESTIONS)], "channelData": {"clientActivityID": str(turn)}})
    acknowledged = time.perf_counter()
    deadline = time.time() + 20
    while posted["id"] not in replies and time.time() < deadline:
        time.sleep(0.001)
    if turn >= 3:  # the first turns warm the process up
        post_ms.append((acknowledged - sent) * 1000)
        push_ms.append((replies[posted["id"]] - sent) * 1000)
stream.close()

for name, values in (("POST activities (turn run, reply committed)", post_ms), ("reply pushed on the stream after sending", push_ms)):
    print(f"{name}: n={len(values)} p50={statistics.median(values):.1f} ms p95={percentile(values, 95):.1f} ms max={max(values):.1f} ms")
