"""An independent EWS client (zeep, generated from Microsoft's services.wsdl) against natterd's contact store.

zeep knows nothing of natterd: it builds every request from the real WSDL and schemas and validates every
answer against them while parsing. Each of the 12 MS-OXWSCOS operations is called once or more; each step
prints one JSON line, which the Swift test reads. Exits non-zero on the first surprise.

usage: contactstore_peer.py ENDPOINT_URL WSDL_PATH USER PASSWORD
"""

import json
import sys

import requests
import zeep
from zeep.transports import Transport

MESSAGES = "http://schemas.microsoft.com/exchange/services/2006/messages"
TYPES = "http://schemas.microsoft.com/exchange/services/2006/types"


def say(event, **fields):
    print(json.dumps({"event": event, **fields}, ensure_ascii=False), flush=True)


def fail(reason):
    say("failed", reason=reason)
    sys.exit(1)


class Peer:
    def __init__(self, endpoint, wsdl, user, password):
        session = requests.Session()
        session.auth = (user, password)
        client = zeep.Client(wsdl, transport=Transport(session=session, timeout=20))
        self.service = client.create_service("{%s}ExchangeServiceBinding" % MESSAGES, endpoint)
        version = client.get_element("{%s}RequestServerVersion" % TYPES)
        culture = client.get_element("{%s}MailboxCulture" % TYPES)
        self.headers = [version(Version="Exchange2013"), culture("en-US")]

    def call(self, operation, expect="NoError", **fields):
        answer = getattr(self.service, operation)(**fields, _soapheaders=self.headers)
        # With output headers (ServerVersionInfo) zeep answers {body, header}; the body is the one result part.
        body = answer["body"] if "body" in answer else answer
        response = body[operation + "Result"] if (operation + "Result") in body else body
        code = response["ResponseCode"]
        if code != expect:
            fail("%s answered %s (%s), expected %s" % (operation, code, response["MessageText"], expect))
        version = answer["header"]["ServerVersion"] if "header" in answer else None
        say("call", operation=operation, code=code, responseClass=response["ResponseClass"],
            server=version["Version"] if version is not None else None)
        return response


def entries(array, name):
    """The items of an EWS array type: a plain sequence, or a choice that zeep keeps as [{name: item}]."""
    if array is None:
        return []
    if "_value_1" in array:
        return [entry[name] for entry in (array["_value_1"] or []) if name in entry]
    return array[name] or []


def store_id(group):
    return {"Id": group["ExchangeStoreId"]["Id"], "ChangeKey": group["ExchangeStoreId"]["ChangeKey"]}


def main():
    if len(sys.argv) != 5:
        fail("usage: contactstore_peer.py ENDPOINT_URL WSDL_PATH USER PASSWORD")
    peer = Peer(*sys.argv[1:])

    listed = peer.call("GetImItemList")["ImItemList"]
    say("list", groups=sorted(g["DisplayName"] for g in entries(listed["Groups"], "ImGroup")))

    group = peer.call("AddImGroup", DisplayName="Zeep Friends")["ImGroup"]
    say("group", name=group["DisplayName"], type=group["GroupType"])
    peer.call("AddImGroup", expect="ErrorImGroupDisplayNameAlreadyExists", DisplayName="zeep friends")
    peer.call("SetImGroup", GroupId=store_id(group), NewDisplayName="Zeep Pals")
    peer.call("SetImGroup", expect="ErrorIrresolvableConflict", GroupId=store_id(group), NewDisplayName="Stale")

    gid = {"Id": group["ExchangeStoreId"]["Id"]}
    persona = peer.call(
        "AddNewImContactToGroup", ImAddress="sip:pat@example.org", DisplayName="Pat Peer", GroupId=gid)["Persona"]
    say("persona", name=persona["DisplayName"], im=persona["ImAddress"])
    cid = {"Id": persona["PersonaId"]["Id"]}

    items = peer.call("GetImItems", ContactIds={"_value_1": [{"ItemId": cid}]}, GroupIds={"_value_1": [{"ItemId": gid}]})["ImItemList"]
    group = entries(items["Groups"], "ImGroup")[0]
    members = [m["Id"] for m in entries(group["MemberCorrelationKey"], "ItemId")]
    say("items", group=group["DisplayName"], members=len(members),
        persona=entries(items["Personas"], "Persona")[0]["DisplayName"], member=cid["Id"] in members)

    peer.call("RemoveImContactFromGroup", ContactId=cid, GroupId=gid)
    peer.call("RemoveImContactFromGroup", expect="ErrorUnableToRemoveImContactFromGroup", ContactId=cid, GroupId=gid)
    peer.call("AddImContactToGroup", ContactId=cid, GroupId=gid)

    team = peer.call("AddDistributionGroupToImList", SmtpAddress="team@natter.test", DisplayName="Everyone")["ImGroup"]
    say("distribution", name=team["DisplayName"], type=team["GroupType"], smtp=team["SmtpAddress"],
        members=len(entries(team["MemberCorrelationKey"], "ItemId")))
    peer.call("AddDistributionGroupToImList", expect="ErrorInvalidImDistributionGroupSmtpAddress",
              SmtpAddress="nobody@natter.test", DisplayName="Nobody")
    peer.call("RemoveDistributionGroupFromImList", GroupId={"Id": team["ExchangeStoreId"]["Id"]})

    peer.call("RemoveContactFromImList", ContactId=cid)
    peer.call("RemoveContactFromImList", expect="ErrorItemNotFound", ContactId=cid)
    peer.call("RemoveImGroup", GroupId=gid)
    peer.call("RemoveImGroup", expect="ErrorInvalidIdMalformed", GroupId={"Id": "not base64!"})
    peer.call("SetImListMigrationCompleted", ImListMigrationCompleted=True)

    final = peer.call("GetImItemList")["ImItemList"]
    say("done", groups=sorted(g["DisplayName"] for g in entries(final["Groups"], "ImGroup")))


if __name__ == "__main__":
    try:
        main()
    except zeep.exceptions.Error as error:
        fail("zeep: %r" % error)
