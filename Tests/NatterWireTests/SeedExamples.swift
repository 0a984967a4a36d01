import NatterTestSupport

/// Wire examples from the seed documents, kept verbatim where the seed's example is well-formed.
///
/// EWS examples: seed 002 ([MS-OXWSCOS] section 4), shared with the codec tests through NatterTestSupport.
/// Zimbra examples: the
/// envelope layout of reference/zimbra/soap-context-and-sessions.txt and the IM elements of seed
/// 000, with the reference's `[optional]` placeholders filled in, since those are not XML.
enum SeedExamples {
    static let ewsMessages = "http://schemas.microsoft.com/exchange/services/2006/messages"
    static let ewsTypes = "http://schemas.microsoft.com/exchange/services/2006/types"

    static let addImGroupRequest = ContactStoreSeedExamples.addImGroupRequest

    static let addImGroupResponse = ContactStoreSeedExamples.addImGroupResponse

    static let addImContactToGroupRequest = ContactStoreSeedExamples.addImContactToGroupRequest

    /// Real EWS schema-validation fault shape: a faultcode QName in the types namespace and the
    /// error code again in `detail/e:ResponseCode`.
    static let ewsFault = """
        <?xml version="1.0" encoding="utf-8"?>
        <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
          <s:Body>
            <s:Fault>
              <faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorSchemaValidation</faultcode>
              <faultstring xml:lang="en-US">The request failed schema validation.</faultstring>
              <detail>
                <e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorSchemaValidation</e:ResponseCode>
                <e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">The request failed schema validation.</e:Message>
              </detail>
            </s:Fault>
          </s:Body>
        </s:Envelope>
        """

    static let zimbraNoOpResponseWithNotify = """
        <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope">
          <soap:Header>
            <context xmlns="urn:zimbra">
              <session id="1234">1234</session>
              <change token="881"/>
              <notify seq="7">
                <im>
                  <n type="presence" from="bob@natter.test" show="away" priority="0" status="lunch"/>
                  <n type="message" from="bob@natter.test" thread="chat-1" ts="1200000000000">
                    <body>hi &amp; bye</body>
                  </n>
                </im>
              </notify>
            </context>
          </soap:Header>
          <soap:Body>
            <NoOpResponse xmlns="urn:zimbraMail"/>
          </soap:Body>
        </soap:Envelope>
        """

    /// The shape Zimbra uses for faults: SOAP 1.2 Code/Reason plus `Detail/Error/Code`.
    static let zimbraFault = """
        <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope">
          <soap:Header><context xmlns="urn:zimbra"><change token="881"/></context></soap:Header>
          <soap:Body>
            <soap:Fault>
              <soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code>
              <soap:Reason><soap:Text>no valid authtoken present</soap:Text></soap:Reason>
              <soap:Detail>
                <Error xmlns="urn:zimbra">
                  <Code>service.AUTH_REQUIRED</Code>
                  <Trace>qtp1-17:1200000000000:abc</Trace>
                </Error>
              </soap:Detail>
            </soap:Fault>
          </soap:Body>
        </soap:Envelope>
        """
}
