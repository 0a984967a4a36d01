#!/usr/bin/env python3
"""An independent Communicator Web Access (CWA AJAX) client for natterd's conference door.

Written from the seed document (001) and the dialect notes in ../shared/seeds/README.md, with only the Python
standard library (urllib, xml.etree), never from natter's Swift code. It signs in two users, has alice start an
IM session with bob using the seed's own request (misspelt `initateImSession`, the seed's X-MMS-IM-Format),
lets bob accept and answer, replays an AckId as if a poll had been lost, and prints one JSON line per thing it
saw. Usage: cwa_peer.py http://127.0.0.1:PORT DOMAIN

With `styled USER` after the domain, bob instead invites USER (a natter client), waits for them to join, sends
one message with bold, underline and a colour in its X-MMS-IM-Format, and prints the answer USER sends back.
"""
import json
import sys
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET

CWA = "http://schemas.microsoft.com/2006/09/rtc/cwa"

# The seed's example, byte for byte but for the invitee's address and the whitespace between elements.
SEED_REQUEST = """<conference confId="1" rid="2">
   <initateImSession>
      <uris>
         <uri>sip:{invitee}</uri>
      </uris>
      <message>
         <Format>X-MMS-IM-Format: FN=Arial; EF=; CO=000000; CS=1; PF=00]</Format>
         <content>Hey,.can we talk?</content>
      </message>
   </initateImSession>
</conference>"""


def emit(**fields):
    print(json.dumps(fields, ensure_ascii=False), flush=True)


def local(tag):
    """An element's name without its namespace: natterd may answer with or without one."""
    return tag.split("}", 1)[1] if tag.startswith("{") else tag


def child(element, name):
    for node in element:
        if local(node.tag) == name:
            return node
    return None


def text(element, name):
    node = child(element, name)
    return None if node is None else (node.text or "").strip()


class Session:
    def __init__(self, base, address, password):
        self.base = base
        self.address = address
        self.password = password
        self.ticket = None
        self.sid = None
        self.ack = 0
        self.poll_wait = None

    def _send(self, request):
        try:
            response = urllib.request.urlopen(request, timeout=30)
            status, headers, body = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, headers, body = error.code, error.headers, error.read()
        # The server may rotate the ticket on any answer; always follow it.
        if headers.get("CWA-Ticket"):
            self.ticket = headers.get("CWA-Ticket")
        return status, ET.fromstring(body)

    def post(self, body):
        request = urllib.request.Request(
            self.base + "/cwa/MainCommandHandler.ashx", data=body.encode("utf-8"), method="POST",
            headers={"Content-Type": "text/xml; charset=utf-8"})
        if self.ticket:
            request.add_header("CWA-Ticket", self.ticket)
        return self._send(request)

    def commands(self, inner, namespaced=True):
        xmlns = f' xmlns="{CWA}"' if namespaced else ""
        sid = f' sid="{self.sid}"' if self.sid else ""
        status, root = self.post(f"<cwaRequests{sid}{xmlns}>{inner}</cwaRequests>")
        if local(root.tag) != "cwaResponses":
            raise SystemExit(f"expected cwaResponses, got {root.tag}")
        return status, list(root)

    def logon(self):
        # The logon goes without a namespace, as real CWA clients send it.
        body = (f"<cwaRequests><logon><user>sip:{self.address}</user>"
                f"<password>{self.password}</password></logon></cwaRequests>")
        status, root = self.post(body)
        if status != 200 or not self.ticket:
            raise SystemExit(f"logon failed: {status} {ET.tostring(root)}")
        emit(event="logon", user=self.address, ticket=bool(self.ticket))

    def initiate_session(self, namespaced):
        _, responses = self.commands('<initiateSession rid="1"/>', namespaced)
        accepted = responses[0]
        if local(accepted.tag) != "requestAccepted":
            raise SystemExit(f"initiateSession refused: {ET.tostring(accepted)}")
        self.sid = text(accepted, "sid")
        self.poll_wait = int(text(accepted, "PollWaitTime"))
        emit(event="session", user=self.address, sid=bool(self.sid), pollWaitTime=self.poll_wait)

    def poll(self, ack=None):
        ack = self.ack if ack is None else ack
        request = urllib.request.Request(
            f"{self.base}/cwa/AsyncDataChannel.ashx?Sid={self.sid}&AckId={ack}", headers={"CWA-Ticket": self.ticket})
        status, root = self._send(request)
        if status != 200 or local(root.tag) != "cwaEvents":
            raise SystemExit(f"poll failed: {status} {ET.tostring(root)}")
        events = []
        for conference in root:
            for event in conference:
                events.append((conference.get("confId"), event))
        return int(root.get("ackId")), events

    def events(self, count):
        """Polls until `count` events came, acknowledging each batch."""
        seen = []
        while len(seen) < count:
            ack, events = self.poll()
            self.ack = ack
            if not events:
                raise SystemExit(f"{self.address}: expected {count} events, got {len(seen)}")
            seen += events
        return seen


def describe(user, conf_id, event):
    kind = local(event.tag)
    fields = {"event": kind, "user": user}
    if kind == "imSessionReceived":
        message = child(event, "message")
        fields.update(sender=event.get("sender"), content=text(message, "content"), format=text(message, "Format"))
    elif kind == "messageReceived":
        message = child(event, "message")
        fields.update(sender=event.get("sender"), content=text(message, "content"), format=text(message, "Format"))
    elif kind in ("composingState", "imSessionState"):
        fields.update(sender=event.get("sender"), state=(event.text or "").strip())
    elif kind == "participant":
        fields.update(uri=event.get("uri"), state=(event.text or "").strip())
    fields["confId"] = conf_id
    emit(**{k: v for k, v in fields.items() if v is not None})


def main():
    base, domain = sys.argv[1], sys.argv[2]
    alice = Session(base, f"alice@{domain}", "alice")
    bob = Session(base, f"bob@{domain}", "bob")
    alice.logon()
    bob.logon()
    alice.initiate_session(namespaced=True)
    # natterd accepts commands without the namespace too.
    bob.initiate_session(namespaced=False)

    _, responses = alice.commands(SEED_REQUEST.format(invitee=bob.address), namespaced=False)
    accepted = responses[0]
    inner = child(accepted, "initiateImSessionAccepted")
    if local(accepted.tag) != "requestAccepted" or inner is None:
        raise SystemExit(f"initateImSession refused: {ET.tostring(accepted)}")
    conf_id = inner.get("confId")
    emit(event="accepted", rid=accepted.get("rid"), confId=conf_id)

    for conf, event in bob.events(2):
        describe("bob", conf, event)
    bob.commands(f'<conference confId="{conf_id}" rid="2"><acceptImSession/></conference>')
    bob.commands(
        f'<conference confId="{conf_id}" rid="3"><notifyComposing><state>composing</state></notifyComposing></conference>')
    bob.commands(
        f'<conference confId="{conf_id}" rid="4"><sendMessage><message><format>text/plain</format>'
        f'<content>Sure — 日本語 too</content><Format>X-MMS-IM-Format: FN=Courier%20New; EF=BI; CO=ff0000; CS=0; PF=31'
        f'</Format></message></sendMessage></conference>')

    # A poll whose answer is lost: the same AckId must bring back exactly the same events.
    first_ack, first = alice.poll()
    while len(first) < 4:
        first_ack, first = alice.poll()
    again_ack, again = alice.poll()
    same = first_ack == again_ack and [ET.tostring(e) for _, e in first] == [ET.tostring(e) for _, e in again]
    emit(event="replay", same=same, count=len(first))
    alice.ack = again_ack
    for conf, event in again:
        describe("alice", conf, event)

    # An empty content is refused with a reason.
    _, responses = alice.commands(
        f'<conference confId="{conf_id}" rid="5"><sendMessage><message><content></content></message></sendMessage>'
        '</conference>')
    emit(event="refused", tag=local(responses[0].tag), code=responses[0].get("code"),
         reason=bool(text(responses[0], "reason")))

    alice.commands(f'<conference confId="{conf_id}" rid="6"><terminateImSession/></conference>')
    for conf, event in bob.events(2):
        describe("bob", conf, event)
    emit(event="done")


STYLED_FORMAT = "X-MMS-IM-Format: FN=Courier%20New; EF=BU; CO=0000ff; CS=0; PF=31"


def styled(base, domain, invitee):
    """bob invites `invitee`, sends a styled message once they joined, and reports their answer."""
    bob = Session(base, f"bob@{domain}", "bob")
    bob.logon()
    bob.initiate_session(namespaced=True)
    _, responses = bob.commands(
        f'<conference confId="0" rid="2"><initiateImSession><uris><uri>sip:{invitee}@{domain}</uri></uris>'
        '<message><format>text/plain</format><content>Styled test?</content>'
        '<Format>X-MMS-IM-Format: FN=Arial; EF=; CO=000000; CS=0; PF=22</Format></message>'
        '<subject>Formats</subject></initiateImSession></conference>')
    inner = child(responses[0], "initiateImSessionAccepted")
    if inner is None:
        raise SystemExit(f"initiateImSession refused: {ET.tostring(responses[0])}")
    conf_id = inner.get("confId")
    emit(event="accepted", confId=conf_id)
    rid = 3
    answered = False
    for _ in range(30):
        bob.ack, events = bob.poll()
        for conf, event in events:
            kind = local(event.tag)
            if kind == "participant" and (event.text or "").strip() == "joined":
                emit(event="joined", uri=event.get("uri"))
                bob.commands(
                    f'<conference confId="{conf_id}" rid="{rid}"><sendMessage><message><format>text/plain</format>'
                    f'<content>This is important</content><Format>{STYLED_FORMAT}</Format></message></sendMessage>'
                    '</conference>')
                rid += 1
            elif kind == "messageReceived":
                describe("bob", conf, event)
                answered = True
        if answered:
            break
    bob.commands(f'<conference confId="{conf_id}" rid="{rid}"><terminateImSession/></conference>')
    emit(event="done")


if __name__ == "__main__":
    if len(sys.argv) > 4 and sys.argv[3] == "styled":
        styled(sys.argv[1], sys.argv[2], sys.argv[4])
    else:
        main()
