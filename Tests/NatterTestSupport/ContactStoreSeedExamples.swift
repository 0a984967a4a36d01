/// The six documents of seed 002 ([MS-OXWSCOS] section 4), verbatim except for two repairs the seed needs
/// before any XML parser accepts it:
/// - the blank lines before `<?xml …?>` in the last four are dropped: an XML declaration must be the very first
///   bytes of a document;
/// - the AddImGroup response, split in two by a stray code fence in the seed, is joined back without other
///   changes.
/// Ids are the seed's own, "shortened to preserve readability", so they are not whole base64 quanta.
public enum ContactStoreSeedExamples {
    public static let addImGroupRequest = """
        <?xml version="1.0" encoding="UTF-8"?>
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"
          xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"
          xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">
          <soap:Header>
            <t:RequestServerVersion Version="Exchange2012" />
            <t:MailboxCulture>en-US</t:MailboxCulture>
            <t:TimeZoneContext>
              <t:TimeZoneDefinition Id="GMT Standard Time"/>
            </t:TimeZoneContext>
          </soap:Header>
          <soap:Body >
            <m:AddImGroup>
              <m:DisplayName>MyCustomGroup</m:DisplayName>
            </m:AddImGroup>
          </soap:Body>
        </soap:Envelope>
        """

    public static let addImGroupResponse = """
        <?xml version="1.0" encoding="utf-8"?>
        <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
          <s:Header>
            <h:ServerVersionInfo MajorVersion="15"
              MinorVersion="0"
              MajorBuildNumber="349"
              MinorBuildNumber="0"
              Version="Exchange2012"

              xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types"
              xmlns="http://schemas.microsoft.com/exchange/services/2006/types"
              xmlns:xsd="http://www.w3.org/2001/XMLSchema"
              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>
          </s:Header>
          <s:Body xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:xsd="http://www.w3.org/2001/XMLSchema">
            <AddImGroupResponse ResponseClass="Success"

              xmlns="http://schemas.microsoft.com/exchange/services/2006/messages">
              <ResponseCode>NoError</ResponseCode>
              <ImGroup>
                <DisplayName
                  xmlns="http://schemas.microsoft.com/exchange/services/2006/types">MyCustomGroup</DisplayName>
                <GroupType
                  xmlns="http://schemas.microsoft.com/exchange/services/2006/types">IPM.DistList.MOC.UserGroup</GroupType>
                <ExchangeStoreId Id="AAMkAGQ1MjJjMTBkLTc4Y2UtdNDA5Ny04ZjU5LWI3MAAA="
                  ChangeKey="EgAAAA=="

                  xmlns="http://schemas.microsoft.com/exchange/services/2006/types"/>
              </ImGroup>
            </AddImGroupResponse>
          </s:Body>
        </s:Envelope>
        """

    public static let addImContactToGroupRequest = """
        <?xml version="1.0" encoding="UTF-8"?>
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"
          xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"
          xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">
          <soap:Header>
            <t:RequestServerVersion Version="Exchange2012" />
            <t:MailboxCulture>en-US</t:MailboxCulture>
          </soap:Header>
          <soap:Body >
            <m:AddImContactToGroup>
              <m:ContactId Id="AAMkAGQ1MjJjMTBkLTc4Y2AA="
                ChangeKey="EQAAABYAAABtF8oI7i" />
              <m:GroupId Id="AAMkAGQ1MjJjMTBkzAAAQKAAA="
                ChangeKey="EgAAAA==" />
            </m:AddImContactToGroup>
          </soap:Body>
        </soap:Envelope>
        """

    public static let addImContactToGroupResponse = """
        <?xml version="1.0" encoding="utf-8"?>
        <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
          <s:Header>
            <h:ServerVersionInfo MajorVersion="15"
              MinorVersion="0"
              MajorBuildNumber="349"
              MinorBuildNumber="0"
              Version="Exchange2012"

              xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types"
              xmlns="http://schemas.microsoft.com/exchange/services/2006/types"
              xmlns:xsd="http://www.w3.org/2001/XMLSchema"
              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>
          </s:Header>
          <s:Body xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:xsd="http://www.w3.org/2001/XMLSchema">
            <AddImContactToGroupResponse ResponseClass="Success"

              xmlns="http://schemas.microsoft.com/exchange/services/2006/messages">
              <ResponseCode>NoError</ResponseCode>
            </AddImContactToGroupResponse>
          </s:Body>
        </s:Envelope>
        """

    public static let removeImGroupRequest = """
        <?xml version="1.0" encoding="UTF-8"?>
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"
          xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"
          xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">
          <soap:Header>
            <t:RequestServerVersion Version="Exchange2012" />
            <t:MailboxCulture>en-US</t:MailboxCulture>
            <t:TimeZoneContext>
              <t:TimeZoneDefinition Id="GMT Standard Time"/>
            </t:TimeZoneContext>
          </soap:Header>
          <soap:Body >
            <m:RemoveImGroup>
              <m:GroupId Id="AAMkAGQ1MjJjMTBkLTc4Y2UtNDA5hQoTbWAAAAAQRAAA="
                ChangeKey="EgAAAA==" />
            </m:RemoveImGroup>
          </soap:Body>
        </soap:Envelope>
        """

    public static let removeImGroupResponse = """
        <?xml version="1.0" encoding="utf-8"?>
        <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
          <s:Header>
            <h:ServerVersionInfo MajorVersion="15"
              MinorVersion="0"
              MajorBuildNumber="349"
              MinorBuildNumber="0"
              Version="Exchange2012"

              xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types"
              xmlns="http://schemas.microsoft.com/exchange/services/2006/types"
              xmlns:xsd="http://www.w3.org/2001/XMLSchema"
              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>
          </s:Header>
          <s:Body xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:xsd="http://www.w3.org/2001/XMLSchema">
            <RemoveImGroupResponse ResponseClass="Success"

              xmlns="http://schemas.microsoft.com/exchange/services/2006/messages">
              <ResponseCode>NoError</ResponseCode>
            </RemoveImGroupResponse>
          </s:Body>
        </s:Envelope>
        """
}
