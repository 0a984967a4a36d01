"""An independent Channels client (Python's `websockets`) against natterd's /messaging door.

It logs in the way every natter protocol does (the Ryver User.Login with HTTP Basic, whose sessionId is the
bearer token), connects with `Authorization: Bearer`, and walks through a channel: create, invite, announce,
message, receipts and the archive, checking each ack and delivery with its own reading of the wire format.
Each step prints one JSON line; the Swift test reads them. Exits non-zero on the first surprise.

usage: channels_peer.py BASE_URL DOMAIN
"""

import asyncio
import base64
import json
import sys
import urllib.request

import websockets

STEP_TIMEOUT = 20


def say(event, **fields):
    print(json.dumps({"event": event, **fields}, ensure_ascii=False), flush=True)


def fail(reason):
    say("failed", reason=reason)
    sys.exit(1)


def login(base, user):
    request = urllib.request.Request(
        base.rstrip("/") + "/api/1/odata.svc/User.Login(client='channels-peer')", method="POST", data=b"")
    credentials = base64.b64encode(f"{user}:{user}".encode()).decode()
    request.add_header("Authorization", "Basic " + credentials)
    with urllib.request.urlopen(request, timeout=STEP_TIMEOUT) as response:
        return json.load(response)["d"]["sessionId"]


class Peer:
    """One user's /messaging connection, keeping what the server sends until a step asks for it."""

    def __init__(self, name, socket, domain):
        self.name = name
        self.address = f"{name}@{domain}"
        self.socket = socket
        self.pending = []
        self.counter = 0

    def next_id(self):
        self.counter += 1
        return f"{self.name}-{self.counter}"

    async def send(self, message):
        await self.socket.send(json.dumps(message))

    async def expect(self, what, predicate):
        """The first frame (queued or arriving) that satisfies `predicate`."""
        for index, frame in enumerate(self.pending):
            if predicate(frame):
                return self.pending.pop(index)
        try:
            async with asyncio.timeout(STEP_TIMEOUT):
                while True:
                    frame = json.loads(await self.socket.recv())
                    if predicate(frame):
                        return frame
                    self.pending.append(frame)
        except TimeoutError:
            fail(f"{self.name}: no {what}; got {self.pending[-5:]}")

    async def request(self, message):
        """Sends `message` with a fresh id and returns its ack."""
        message["id"] = self.next_id()
        await self.send(message)
        ack = await self.expect(f"ack for {message['type']}",
                                lambda f: f.get("type") == "ack" and f.get("reply-to") == message["id"])
        return ack


async def connect(base, domain, user):
    token = login(base, user)
    url = base.replace("http", "ws", 1).rstrip("/") + "/messaging"
    socket = await websockets.connect(url, extra_headers={"Authorization": f"Bearer {token}"})
    return Peer(user, socket, domain)


async def main(base, domain):
    url = base.replace("http", "ws", 1).rstrip("/") + "/messaging"
    try:
        await websockets.connect(url, extra_headers={"Authorization": "Bearer not-a-session"})
        fail("a bad token was upgraded")
    except websockets.exceptions.InvalidStatusCode as error:
        challenge = error.headers.get("WWW-Authenticate", "")
        say("refused", status=error.status_code, bearer=challenge.startswith("Bearer "))

    alice = await connect(base, domain, "alice")
    bob = await connect(base, domain, "bob")
    say("connected")

    ack = await alice.request({"type": "create-channel", "name": "Python", "attributes": {"topic": "peers"}})
    if not ack["status"] or not ack.get("id"):
        fail(f"create-channel: {ack}")
    channel = ack["id"]
    invitation = await alice.expect("invitation", lambda f: f.get("type") == "invitation")
    say("created", administrator=invitation["administrator"], name=invitation["name"],
        same=invitation["channel-id"] == channel)

    ack = await bob.request({"type": "invite", "channel-id": channel, "recipient": "alice", "administrator": False})
    say("refused-invite", status=ack["status"], reason=ack.get("reason"))

    ack = await alice.request({"type": "invite", "channel-id": channel, "recipient": "bob"})
    if not ack["status"]:
        fail(f"invite: {ack}")
    invitation = await bob.expect("invitation", lambda f: f.get("type") == "invitation")
    say("invited", sender=invitation.get("sender"), administrator=invitation["administrator"])

    ack = await bob.request({"type": "announce", "availability": "available", "status": "here"})
    if not ack["status"]:
        fail(f"announce: {ack}")

    ack = await alice.request({"type": "message", "channel-id": channel, "message-id": "py-1",
                               "text": "hello from websockets, 日本語"})
    stored = await alice.expect("stored", lambda f: f.get("type") == "delivery" and f["status"] == "stored")
    say("stored", acked=ack["status"], message=stored["message-id"])
    message = await bob.expect("message", lambda f: f.get("type") == "message")
    say("message", sender=message["sender"], text=message["text"], timed="time" in message)
    received = await alice.expect("received", lambda f: f.get("type") == "delivery" and f["status"] == "received")
    say("received", subscriber=received.get("subscriber"), message=received["message-id"])

    ack = await bob.request({"type": "message-status", "channel-id": channel, "message-id": "py-1", "status": "read"})
    read = await alice.expect("read", lambda f: f.get("type") == "delivery" and f["status"] == "read")
    say("read", acked=ack["status"], subscriber=read.get("subscriber"))

    ack = await bob.request({"type": "subscribe", "channel-id": channel})
    say("unknown", status=ack["status"], reason=ack.get("reason"))

    ack = await alice.request({"type": "retrieve", "channel-id": channel, "time": "2100-01-01T00:00:00Z",
                               "direction": "desc", "count": 500})
    header = await alice.expect("archive-retrieval", lambda f: f.get("type") == "archive-retrieval")
    replay = await alice.expect("replay", lambda f: f.get("type") == "message" and f.get("reply-to") == ack["reply-to"])
    say("archive", count=header["count"], message=replay["message-id"], text=replay["text"])

    await alice.socket.close()
    await bob.socket.close()
    say("done")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
