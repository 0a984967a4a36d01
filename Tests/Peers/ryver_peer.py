"""An independent Ryver client (pyryver) against natterd's Realtime door.

pyryver was written for ryver.com, not for natterd, so it checks that we speak the dialect rather than our own
reading of it. Each step prints one JSON line; the Swift test reads them. Exits non-zero on the first surprise.

usage: ryver_peer.py BASE_URL DOMAIN
"""

import asyncio
import json
import sys

import pyryver

STEP_TIMEOUT = 20


def say(event, **fields):
    print(json.dumps({"event": event, **fields}, ensure_ascii=False), flush=True)


def fail(reason):
    say("failed", reason=reason)
    sys.exit(1)


class Peer:
    """One pyryver user with a live session, queuing what the server pushes."""

    def __init__(self, base, user):
        self.ryver = pyryver.Ryver(org="natter", user=user, password=user)
        # pyryver builds https://ORG.ryver.com/api/1/odata.svc/; natterd serves the same paths.
        self.ryver._url_prefix = base.rstrip("/") + "/api/1/odata.svc/"
        self.session = self.ryver.get_live_session(auto_reconnect=False)
        self.chats = asyncio.Queue()
        self.typing = asyncio.Queue()
        self.presence = asyncio.Queue()

        @self.session.on_chat
        async def on_chat(message):
            await self.chats.put(message)

        @self.session.on_user_typing
        async def on_typing(message):
            await self.typing.put(message)

        @self.session.on_presence_changed
        async def on_presence(message):
            await self.presence.put(message)

    async def start(self):
        await self.session.start(timeout=STEP_TIMEOUT)

    async def stop(self):
        await self.session.close()
        await self.ryver.close()

    @staticmethod
    async def next_matching(queue, predicate, what):
        try:
            while True:
                item = await asyncio.wait_for(queue.get(), STEP_TIMEOUT)
                if predicate(item):
                    return item
        except asyncio.TimeoutError:
            fail(f"timed out waiting for {what}")


def bare(jid):
    return (jid or "").split("/")[0]


async def main(base, domain):
    alice_jid, bob_jid, dave_jid = (f"{name}@{domain}" for name in ("alice", "bob", "dave"))
    alice, bob = Peer(base, "alice"), Peer(base, "bob")
    await alice.start()
    await bob.start()
    say("connected")

    # Presence reaches a contact.
    await bob.session.send_presence_change(pyryver.RyverWS.PRESENCE_DO_NOT_DISTURB)
    seen = await Peer.next_matching(
        alice.presence, lambda p: bare(p.from_jid) == bob_jid and p.presence == "dnd", "bob's dnd presence")
    say("presence", source=bare(seen.from_jid), presence=seen.presence)

    # Typing, then a chat acknowledged by the server (send_chat raises on a missing ack).
    await alice.session.send_typing(bob_jid)
    typing = await Peer.next_matching(
        bob.typing, lambda t: bare(t.from_jid) == alice_jid and t.state == "composing", "alice typing")
    say("typing", source=bare(typing.from_jid), state=typing.state)
    text = "hello from pyryver, 日本語 and 👋"
    await alice.session.send_chat(bob_jid, text)
    chat = await Peer.next_matching(bob.chats, lambda c: bare(c.from_jid) == alice_jid, "alice's chat")
    say("chat", source=bare(chat.from_jid), to=bare(chat.to_jid), text=chat.text, key=chat.message_id)
    if chat.text != text:
        fail(f"text changed on the way: {chat.text!r}")
    if not chat.message_id:
        fail("a delivered chat has no key")

    # A message from natter's own client (the Swift test runs `natter send` as dave now).
    say("waiting", source=dave_jid)
    from_natter = await Peer.next_matching(alice.chats, lambda c: bare(c.from_jid) == dave_jid, "dave's chat")
    say("chat", source=bare(from_natter.from_jid), to=bare(from_natter.to_jid), text=from_natter.text,
        key=from_natter.message_id)

    await alice.stop()
    await bob.stop()
    say("done")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
