"""An independent Zimbra client (python-zimbra) against natterd's Zimbra IM door.

python-zimbra was written for Zimbra servers, not for natterd: it posts SOAP 1.2 as a form-encoded body,
writes its own context header (with a <format> child natterd does not use), reads faults from HTTP 500
answers and takes the first child of Header and Body without looking further. Each step prints one JSON
line; the Swift test reads them. Exits non-zero on the first surprise.

usage: zimbra_peer.py BASE_URL DOMAIN
"""

import json
import sys
import time

from pythonzimbra.communication import Communication
from pythonzimbra.exceptions.auth import AuthenticationFailed
from pythonzimbra.tools import auth

STEP_TIMEOUT = 20


def say(event, **fields):
    print(json.dumps({"event": event, **fields}, ensure_ascii=False), flush=True)


def fail(reason):
    say("failed", reason=reason)
    sys.exit(1)


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


class Peer:
    """One python-zimbra user with a Zimbra session, acknowledging notification blocks as a client must."""

    def __init__(self, url, address):
        self.url = url
        self.address = address
        self.comm = Communication(url)
        self.token = auth.authenticate(
            url, address, address.split("@")[0], use_password=True, request_type="xml", raise_on_error=True)
        if not self.token:
            fail("no auth token for " + address)
        self.session = None
        self.seq = 0
        self.inbox = []

    def call(self, name, body, namespace="urn:zimbraIM", token=None):
        request = self.comm.gen_request(request_type="xml", token=token or self.token)
        if self.session is not None:
            request.set_context_params({"session": {"id": self.session, "seq": str(self.seq)}})
        else:
            request.set_context_params({"session": {}})
        request.add_request(name, body, namespace)
        response = self.comm.send_request(request)
        header = response.get_header().get("context", {})
        session = header.get("session")
        if isinstance(session, dict) and session.get("id"):
            self.session = session["id"]
        for notify in as_list(header.get("notify")):
            seq = int(notify["seq"])
            if seq <= self.seq:
                continue
            self.seq = seq
            im = notify.get("im") or {}
            self.inbox.extend(as_list(im.get("n")))
        return response

    def ok(self, name, body, namespace="urn:zimbraIM"):
        response = self.call(name, body, namespace)
        if response.is_fault():
            fail("%s: %s %s" % (name, response.get_fault_code(), response.get_fault_message()))
        return response.get_response()[name.replace("Request", "Response")]

    def wait_for(self, what, predicate):
        deadline = time.time() + STEP_TIMEOUT
        while time.time() < deadline:
            for index, n in enumerate(self.inbox):
                if predicate(n):
                    del self.inbox[: index + 1]
                    return n
            self.ok("NoOpRequest", {"wait": "1", "timeout": "5000"}, "urn:zimbraMail")
        fail("%s: timed out waiting for %s; inbox %r" % (self.address, what, self.inbox))


def text_of(n, child):
    value = n.get(child)
    if isinstance(value, dict):
        return value.get("_content", "")
    return value or ""


def main():
    base, domain = sys.argv[1], sys.argv[2]
    url = base.rstrip("/") + "/service/soap/"
    alice_addr, bob_addr = "alice@" + domain, "bob@" + domain

    try:
        auth.authenticate(url, alice_addr, "wrong", use_password=True, request_type="xml", raise_on_error=True)
        fail("a wrong password was accepted")
    except AuthenticationFailed as error:
        say("refused", reason=str(error))

    alice = Peer(url, alice_addr)
    bob = Peer(url, bob_addr)
    alice.ok("IMSetPresenceRequest", {"presence": {"show": "chat", "status": "around"}})
    bob.ok("IMSetPresenceRequest", {"presence": {"show": "DND", "status": "deep work"}})
    seen = alice.wait_for("bob's presence", lambda n: n.get("type") == "presence" and n.get("from") == bob_addr
                          and n.get("show") == "dnd")
    say("presence", source=seen["from"], show=seen["show"], status=seen.get("status"))

    bob.ok("IMSendMessageRequest", {"message": {"addr": alice_addr, "typing": {}}})
    typing = alice.wait_for("typing", lambda n: n.get("type") == "message" and "typing" in n)
    say("typing", source=typing["from"], thread=typing["thread"])
    sent = bob.ok("IMSendMessageRequest", {
        "message": {"addr": alice_addr, "body": {"_content": "hello from python-zimbra, 日本語 and 👋"}}})
    got = alice.wait_for("bob's message", lambda n: n.get("type") == "message" and text_of(n, "body"))
    say("chat", source=got["from"], thread=got["thread"], sent_thread=sent["thread"], text=text_of(got, "body"))

    chat = alice.ok("IMGetChatRequest", {"thread": got["thread"]})["chat"]
    messages = as_list(chat["messages"].get("message"))
    say("history", thread=chat["thread"], count=len(messages), last=text_of(messages[-1], "body"),
        seqs=[int(m["seq"]) for m in messages])

    roster = alice.ok("IMGetRosterRequest", {})
    listed = alice.wait_for("the roster", lambda n: n.get("type") == "roster")
    say("roster", buddies=sorted(n["to"] for n in as_list(listed.get("n"))), presence=roster.get("presence"))

    refused = alice.call("IMGetRosterRequest", {}, token="not-a-token")
    if not refused.is_fault():
        fail("a made-up token was accepted")
    say("fault", code=refused.get_fault_code())

    say("waiting")
    natter = alice.wait_for("dave's message", lambda n: n.get("type") == "message" and text_of(n, "body"))
    say("chat", source=natter["from"], thread=natter["thread"], text=text_of(natter, "body"))


if __name__ == "__main__":
    main()
