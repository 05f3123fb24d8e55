<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name>Account</name>
    <message>
        <source>%1 is not a valid internationalised domain name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is longer than 253 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has an empty part between dots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a part longer than 63 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may only contain letters, digits, dots and hyphens inside its parts (&quot;%2&quot; is not allowed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host: give the server&apos;s name, e.g. smtp.example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host: give the name alone, without &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host: &quot;%1&quot; contains a space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host: &quot;%1&quot; is an e-mail address; give the server&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host: &quot;%1&quot; includes a port; put the port in the Port field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host: &quot;%1&quot; is not a valid IPv6 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host: &quot;%1&quot; is not a valid IPv4 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EHLO name: &quot;%1&quot; must be one word, without spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EHLO name: &quot;%1&quot; is not a valid address literal such as [192.0.2.1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EHLO name: an address must be written in brackets, e.g. [%1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EHLO name: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name: give the account a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address: give the address alone; the name goes in Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name: must be a single line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS server: &quot;%1&quot; is not an IP address (leave it empty for the system&apos;s resolver)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication: a recipient&apos;s mail server takes mail without a login; turn it off for direct delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port: %1 is outside 1-65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name: needed to authenticate (or turn authentication off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication: Postwire does not implement %1 (it knows %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeouts: every timeout must be at least 1 second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificates: cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificates: %1 holds no PEM certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted certificates: &quot;%1&quot; is not a SHA-256 fingerprint (64 hex digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EHLO name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct to the recipient&apos;s server (MX)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Through a submission server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recipients&apos; mail servers (MX)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Attempt</name>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its kind &quot;%1&quot; is unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its outcome &quot;%1&quot; is unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its time is missing or not a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a line of its transcript is not an object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttemptDiff</name>
    <message>
        <source>Greeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (after TLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MAIL FROM &lt;%1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RCPT TO &lt;%1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of data (.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUTH exchange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BDAT (last chunk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2 %3 to %4: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no reply)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legend: = same, ~ reply text differs, ! differs, - only in A, + only in B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    only in A: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    only in B: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    A sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    B sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    A: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    B: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    extensions added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    extensions removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    extensions changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same steps with the same replies.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttemptExport</name>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttemptRecorder</name>
    <message numerus="yes">
        <source>The check ran: %n finding(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CarriedHeaders</name>
    <message>
        <source>high priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 more header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more headers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandOrigin</name>
    <message>
        <source>the protocol (Postwire&apos;s own step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the account&apos;s EHLO name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the account&apos;s security setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the account&apos;s authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the From field (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Sender field (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the envelope sender (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the To field (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Cc field (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Bcc field (%1), in the envelope only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an envelope recipient (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a line you typed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsoleLine</name>
    <message>
        <source>the line contains a line break; type \r or \n to send CR or LF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a backslash ends the line (column %1): type \\ for a backslash, or \r, \n, \xHH for exact bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>\x at column %1 needs two hexadecimal digits, as in \x00 or \x0a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;\%1&quot; at column %2 is not an escape: type \\ for a backslash, or \r, \n, \xHH for exact bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsoleSession</name>
    <message>
        <source>server: no host name given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server: port 0 is not a valid port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting to %1 port %2, security: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: certificate verification is off; anyone in between can read and change this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected to %1 port %2 from %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the greeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused the session in its greeting: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the account&apos;s security is &quot;%1&quot;: Postwire introduces itself and starts TLS before you type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server does not offer STARTTLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EHLO refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, and the account requires TLS; nothing else is sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1; continuing UNENCRYPTED as &quot;STARTTLS if offered&quot; allows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting TLS handshake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS is on: the server has forgotten the EHLO and everything before it (RFC 3207 section 4.2); introduce yourself again with EHLO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS certificate problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate accepted: it is pinned for this account (SHA-256 %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>continuing despite these problems: verification is off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate accepted by the user for this connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS certificate refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected: nothing was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wait for the server&apos;s greeting before typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wait until TLS is set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wait until the AUTH exchange is over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QUIT was sent: the session is ending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the line has %1 octets; the console sends at most %2 at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this line has a bare CR or LF: SMTP allows line endings only as CRLF (RFC 5321 section 2.3.8). A server that takes &lt;LF&gt;.&lt;LF&gt; or the like as the end of the message data can be made to read what follows as new commands (SMTP smuggling, CVE-2023-51764, -51765, -51766); a strict server keeps it as content or refuses it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: a line of message text is at most %1 octets with its CRLF (RFC 5321 section 4.5.3.1.6); this one has %2, and servers may refuse it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this line starts with a dot: the server removes a line&apos;s first dot when another character follows (RFC 5321 section 4.5.2), so it arrives as &quot;%1&quot;. A mail program doubles the dot (&quot;dot-stuffing&quot;) so that the text survives and a lone &quot;.&quot; can end the message; the console sends exactly what you type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the line is empty: nothing was sent (type \r\n to send an empty line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS is already on for this connection: STARTTLS was not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: a command line is at most %1 octets with its CRLF (RFC 5321 section 4.5.3.1.4); this one has %2, and servers may refuse it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the bytes after the end of the message data reach the server as commands; their replies are shown as replies to no line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUTH %1 typed alone runs the mechanism with the account&apos;s credentials, which needs the AUTH mechanisms of the server&apos;s EHLO reply first: type EHLO, or the whole AUTH line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUTH cancelled: no password was given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server sent what is not SMTP: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server is closing the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a reply in the middle of the message data: the server took something sent before as the end of the data (a bare line ending?). A server that does this reads what follows as new commands: SMTP smuggling (CVE-2023-51764, -51765, -51766)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a reply to no line: the server answered more than was sent to it, for example lines it read inside bytes sent earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this reply does not fit %1: a server following the protocol answers it differently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the session ended after QUIT: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from here every line is message content: headers, an empty line, the text; a line with only &quot;.&quot; ends it. Nothing is added or dot-stuffed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the input ended inside the message data, before a line with only &quot;.&quot;: QUIT would be part of the message, so the connection was closed without it and the server discards the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled by the user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot connect to %1 port %2: no connection within %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no greeting from the server within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the TLS handshake did not finish within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reply to QUIT within %1 s; the connection was closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reply to %1 within %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reply to %1 within %2 s; the console stops waiting for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the connection after QUIT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the connection before it answered %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, inside the message data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot connect to %1 port %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection lost: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContentPump</name>
    <message>
        <source>read error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DnsQuery</name>
    <message>
        <source>the system&apos;s resolver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the DNS server %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such domain (NXDOMAIN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer (the name exists, with no record of this type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server failure (SERVFAIL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the DNS server refused to answer (REFUSED)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeout (no reply)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the lookup failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2? (asking %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MX %2 %3 (TTL %4 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 %3 (TTL %4 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: timeout, no reply from %3 within %4 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DomainDelivery</name>
    <message>
        <source>delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivered, some recipients refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>takes no mail (null MX)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS lookup failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no mail server could be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivery unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftStore</name>
    <message>
        <source>Cannot create the drafts folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the draft to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the draft %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draft %1 is damaged (%2)%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; it was kept as %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Envelope</name>
    <message>
        <source>has a part before the @ longer than 64 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has more than one @</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has a dot at the start or end of the part before the @, or two dots in a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has &quot;%1&quot; in the part before the @</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has an invalid address literal (use [192.0.2.1] or [IPv6:2001:db8::1])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains a line break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains a NUL character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains a space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains a control character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains &lt; or &gt; (give the bare address, e.g. ana@example.org)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has no @</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has nothing before the @</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has no domain after the @</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has an invalid domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has a domain that is not a valid host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is longer than 254 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sender &lt;%1&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no recipients: give at least one To, Cc or Bcc address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recipient &lt;%1&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeaderExplain</name>
    <message>
        <source>when the message was written (RFC 5322); required, set once when it is sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the author, as the recipient&apos;s program shows it; not the envelope sender of MAIL FROM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>who actually sent it on the author&apos;s behalf (a secretary, a list); becomes MAIL FROM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>where replies should go instead of From; only a header, never a command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the main recipients, as everyone sees them; each also gets a RCPT TO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recipients of a copy, seen by everyone; each also gets a RCPT TO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden recipients; a sent message should not carry this field, only their RCPT TO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the subject line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a world-unique name of this message, made by the sender; replies and threads refer to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Message-ID of the message this one answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Message-IDs of the thread so far, so programs can show it as one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>says the message uses MIME (RFC 2045): parts, types and encodings; always 1.0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what the body is (text/plain, multipart/mixed, ...), with its charset or the boundary between parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how the body was made safe for the wire: 7bit, 8bit, quoted-printable or base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whether a part is shown inline or offered as an attachment, and its file name (RFC 2183)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a name for this part that HTML in the message can refer to (cid:)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a short description of the part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the language of the content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added on delivery: the envelope sender (MAIL FROM) the message came with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added by each server that handled the message, newest on top: its route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the program that wrote the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the author&apos;s organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how important the author says it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how urgent the author says it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how urgent the author says it is (1 highest, 5 lowest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asks for a read receipt to this address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the mailing list the message came through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how to leave the mailing list (a link or an address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>says one click on the unsubscribe link is enough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written by a program, not a person: automatic replies must not answer it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keywords the author gave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a comment of the author&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a signature of the sending domain over the body and some headers (RFC 6376)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added on receipt: how the SPF, DKIM and DMARC checks came out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added when the message was sent on again (resent), as the field without Resent- was for the first sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a private field of some program or server, not part of any standard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryStore</name>
    <message>
        <source>cannot create the history folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the number of attempts kept must be from 1 to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot save the history&apos;s settings in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This attempt was not saved to the history: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This attempt was not saved to the history (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n older attempt(s) removed from the history, which keeps the last %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read the history entry %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history entry %1 is damaged (%2) and was skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history entry %1 is damaged (%2); it was moved to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no attempt id given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no attempt &quot;%1&quot; in the history (postwire history list shows the ids)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; names %n attempts; give more of the id</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>no attempt &quot;%1&quot; in the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot delete the history entry %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <source>step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 (&quot;%2&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unknown field &quot;%2&quot; (known: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the field &quot;%2&quot; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must be a text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must be a list of texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a valid regular expression at offset %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; has &quot;%3&quot;; a reply code is three digits (&quot;250&quot;) or a class (&quot;2xx&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;replies&quot; must map reply codes to texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;replies&quot; has &quot;%2&quot;; a key is a reply code (&quot;250&quot;), a class (&quot;5xx&quot;), &quot;closed&quot; or &quot;default&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;replies&quot;: &quot;%2&quot; must be a text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the sandbox behaviour cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;kind&quot; is &quot;%2&quot;; it must be connect, command or content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;wait&quot; is &quot;%2&quot;; it must be reply, sent, none or close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a connect step waits for the greeting (&quot;wait&quot;: &quot;reply&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a connect step has nothing to type (no &quot;verb&quot; or &quot;text&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;behaviour&quot; must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: only a connect step sets the sandbox&apos;s &quot;behaviour&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the field &quot;example&quot; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a command step has a &quot;verb&quot;, not a &quot;text&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;advanceOn&quot; is missing: which replies end the step?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a content step has a &quot;text&quot;, not a &quot;verb&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;mistakes&quot; must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, mistake %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: must be an object with &quot;match&quot; and &quot;hint&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON at offset %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file must hold one JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the lesson has no &quot;steps&quot; (a list of at least one step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the id is used by an earlier step too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the first step must connect (&quot;kind&quot;: &quot;connect&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonBook</name>
    <message>
        <source>Lesson %1: cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lesson folder %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lesson folder %1 holds no lessons</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonRunner</name>
    <message>
        <source>221: the server says goodbye and closes the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>235: the login worked; the server now knows who is sending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>334: the server asks for the next part of the login, in base64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>354: go ahead; every line from now on is message text, until a line that is only a dot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>421: the server is closing the connection (shutting down, too many errors, or it simply will not talk now). Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>500: the server did not understand the line: an unknown command or broken syntax.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>501: the command is known, but what follows it is wrong (a missing address, angle brackets, a colon).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>502: the server does not offer this command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>503: bad sequence of commands. The command is fine, but not at this point of the dialogue (RCPT before MAIL, DATA before RCPT, a second MAIL without RSET).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>530: the server wants something first (TLS, or a login) before it takes mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>535: the login failed: wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>554: the transaction failed; the server will not take this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lesson step is waiting for a line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the server&apos;s greeting first: in SMTP the client speaks only after the server has said hello with a 220 reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer to the server&apos;s question (its 334 reply).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has not answered your last line yet. A client waits for each reply before it sends the next command, unless the server offered PIPELINING.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the reply, or send the line anyway to see what the server does with a line that arrives early.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type for example: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line is empty; this step asks for a line of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step asks for %1, and your line starts with &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is right, but what follows it is not what this step asks for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not the text this step asks for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent before the last reply came. The server reads it when it is ready; its reply follows the one it still owes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent anyway. The next reply is the server&apos;s answer to it; this step then still waits for its own line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent anyway, as message text: the server does not answer lines of text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A 2xx reply: the server did what the line asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A 3xx reply: the server waits for more from you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A 4xx reply is a temporary failure: the same line may work later, so a mail server would try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A 5xx reply is a permanent refusal: the same line will not work again; something in it has to change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The greeting was not the one this step waits for. Use Reconnect to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No line of yours was waiting for this reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step still waits for its own line: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step expected the server to close the connection instead. Type the line again to see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not the reply this step leads to. Read what the server said, then type the line again, or another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection ended: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection ended before the server&apos;s greeting: %1. Use Reconnect to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection ended: %1. An SMTP session cannot go on after that, so the lesson goes back to &quot;%2&quot; and connects again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mailbox</name>
    <message>
        <source>&quot;%1&quot;: a quoted name is missing its closing &quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: a ( is missing its closing )</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the address is missing its closing &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: unexpected &quot;%2&quot; after the &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: write a name with its address as Name &lt;address&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the name contains a control character (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no address given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give one address only (found %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Message</name>
    <message>
        <source>contains a line break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains a control character (U+%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the name &quot;%2&quot; contains a line break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &lt;%2&gt; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a message id (expected &lt;something@domain&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header name is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header name is longer than 70 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header name &quot;%1&quot; may only hold printable ASCII without spaces or &apos;:&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is written by Postwire itself (use its own field)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From: no address given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply-To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To: no recipients: give at least one To, Cc or Bcc address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment: no file given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the name %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: file does not exist (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 is not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 cannot be read (permission denied)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a content type (e.g. application/pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageStructure</name>
    <message numerus="yes">
        <source>%n part(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2 as %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MimeParser</name>
    <message>
        <source>a %1 part has no boundary that occurs in it: shown as text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a %1 part&apos;s boundary is missing or wrong: its parts were found by the lines between them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MxDelivery</name>
    <message>
        <source>no recipient: give at least one address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled while looking up the mail servers of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled before it was tried</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>direct delivery to %1 for %n recipient(s) (%2): looking up its mail servers (MX) at %3</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none of the mail servers of %1 could take the message: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Many networks (home connections, cloud providers) block outgoing port 25: try from another network, or send through a submission server instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trying %1 (%2), the domain&apos;s own address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trying %1 (%2), preference %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the certificate of %1 was NOT verified (the problems are above): the session is encrypted, but nothing proves the other end is %1. This is opportunistic TLS (RFC 7435), usual between mail servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not take the message; trying the next address or mail server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MxResolver</name>
    <message>
        <source>%1 is not an address literal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an address literal: delivered to that address, no DNS lookup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no MX records: the domain&apos;s own address is its mail server (implicit MX, RFC 5321 section 5.1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no MX records and no address (A or AAAA) at %2: it cannot receive mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no MX records, and looking up its address at %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>looking up the mail servers (MX) of %1 at %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes no mail: its MX record is a null MX (&quot;0 .&quot;, RFC 7505); nothing was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a null MX (&quot;0 .&quot;) beside other MX records; RFC 7505 says it must stand alone, so it is ignored and the other hosts are tried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mail servers of %1 in the order they are tried (lowest preference first, equal preferences in random order): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no address for %1 at %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SandboxApi</name>
    <message>
        <source>the API listens on %1, which is not loopback: give it a token, so the stored messages are not served to anyone who asks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the API cannot listen on %1 port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such resource: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing or wrong token: send &quot;Authorization: Bearer &lt;token&gt;&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not take this method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no message with id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>message %1 has no attachment %2 (it has %n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>unknown parameter &quot;%1&quot; (known: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeout: give whole seconds from 0 to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after: no message with id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>no matching message arrived within %n second(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SandboxServer</name>
    <message numerus="yes">
        <source>the inbox is over its size cap of %1 bytes: removed the %n oldest message(s) (%2 bytes)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SandboxSession</name>
    <message numerus="yes">
        <source>%n transcript lines left out here to bound its size</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerKnowledge</name>
    <message>
        <source>The message is %1, larger than the %2 this server accepts (SIZE, %3); it would be refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An address has non-ASCII characters, which needs SMTPUTF8, and this server does not offer it (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery notifications (DSN) were asked for and this server does not offer them (%1): none will come.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learnt just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>learnt %n minute(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>learnt %n hour(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>learnt on %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerReport</name>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROBLEM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EHLO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HELO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS handshake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EHLO after TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QUIT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check stopped %1: %2. What was learnt until then is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the session in its greeting (%1): it takes no mail from this client now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The greeting took %1 s. Clients and other servers give up or slow down; a slow reverse DNS lookup, greylisting or a deliberate greeting delay are the usual causes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused EHLO and answered only HELO: it offers no extensions at all (no STARTTLS, no SIZE, no PIPELINING).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUTH is offered before TLS, with mechanisms that send the password readably (%1): a client that logs in now exposes it to anyone on the path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUTH is offered before TLS (%1): the login is visible to anyone on the path, and a client may be tempted to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No STARTTLS on the submission port: mail and passwords can only travel unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No STARTTLS on port 25: mail from other servers reaches this one unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server offers STARTTLS again after TLS is up; it must not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TLS version is %1; versions below 1.2 are deprecated and broken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The cipher %1 uses only %n bits.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The certificate does not verify for %1: %2. Clients that check refuse it; the check went on only to inspect it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The certificate expires in %n day(s) (%1).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>best practice: renew 30 days ahead (Let&apos;s Encrypt renews at 30 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The certificate&apos;s RSA key has only %n bits; 2048 is the minimum.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The server offers STARTTLS but the session stayed unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No PIPELINING: every command waits for its reply, one round trip each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No 8BITMIME: 8-bit text must be re-encoded before sending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No SMTPUTF8: addresses with non-ASCII characters (ana@exämple.org, josé@example.org) cannot be sent through this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ENHANCEDSTATUSCODES: refusals carry no class.subject.detail code, so clients explain them less precisely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No SIZE: a client learns that a message is too large only after sending all of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VRFY or EXPN is offered: anyone can test which addresses exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No AUTH after TLS on a submission port: a mail program cannot log in here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no fixed limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server check of %1 port %2 (security: %3), %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FINDINGS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  none: nothing to remark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GREETING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  none received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  after %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXTENSIONS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keyword</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 -&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  TLS added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  TLS removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  AUTH before TLS: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  AUTH after TLS: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  SIZE: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not announced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  not established</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  not used</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>  %1, cipher %2 (%n bits)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>  certificate verifies for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  certificate does NOT verify for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Server certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Chain certificate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    subject:  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    issuer:   %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (self-signed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    names:    %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>    valid:    %1 to %2 (%n day(s) left)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>    key:      %1 %2 bits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    SHA-256:  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STEPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  %1 ms  %2  (%3 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  stopped %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SmtpAuthentication</name>
    <message>
        <source>refusing to send the password over an unencrypted connection to %1; use STARTTLS or TLS, or explicitly allow unencrypted authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: authenticating over an UNENCRYPTED connection, as allowed for this account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server does not speak ESMTP, so it offers no AUTH; cannot authenticate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server offers no AUTH mechanism; cannot authenticate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no AUTH mechanism in common: the server offers %1, Postwire implements %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUTH %1 is not offered by the server (it offers %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUTH %1: no password or token given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUTH %1 is not implemented by Postwire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUTH %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUTH %1: %2; cancelling the exchange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUTH %1: the server accepted, but %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authenticated as %1 with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (server: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUTH %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SmtpClient</name>
    <message>
        <source>subject &quot;%1&quot;, issuer &quot;%2&quot;, valid %3 to %4, SHA-256 %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an older TLS version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (unencrypted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS, required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS if offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS from the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>while connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at the greeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at the introduction (EHLO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at the introduction (HELO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>while starting TLS (STARTTLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>during the TLS handshake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>while the server&apos;s certificate was reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>while logging in (AUTH)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>while waiting for the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at the sender address (MAIL FROM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at the recipient addresses (RCPT TO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at the start of the message data (DATA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>while sending the message content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at the end of the message data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>while ending the transaction (RSET)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>while saying goodbye (QUIT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after the session ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server: no host name given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server: port 0 is not a valid port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EHLO name &quot;%1&quot; must be one word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message: nothing to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting to %1 port %2, security: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: STARTTLS only if offered; a server (or anyone in between) that hides STARTTLS gets this mail and any password unencrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: certificate verification is off; anyone in between can read and change this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected to %1 port %2 from %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the greeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS established: %1, cipher %2 (%3 bits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 certificate: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS certificate problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate accepted: it is pinned for this account (SHA-256 %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>continuing despite these problems: verification is off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate accepted by the user for this connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate not trusted, accepted only to inspect the server: nothing but EHLO and QUIT is sent over this connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS certificate refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step mode: Postwire waits before each command without a timeout of its own, but the server&apos;s idle timer keeps running (it may close the connection after a few minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing is waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the inserted command has not been answered yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message content cannot be edited here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this step has no command %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUTH lines carry credentials: they cannot be edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not %2: it goes now as a command of your own and its reply answers it; %2 still waits to be sent, edited or stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inside the message data a command would become part of the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protocol error %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server is closing the connection %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protocol error %1: unexpected reply &quot;%2&quot; to no command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protocol error %1: reply &quot;%2&quot; does not answer %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the session in reply to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the end of an empty message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused the session in its greeting: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server does not know EHLO; falling back to HELO (no extensions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EHLO refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HELO refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting TLS handshake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: STARTTLS refused (%1); continuing UNENCRYPTED as &quot;STARTTLS if offered&quot; allows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS refused: %1; nothing else is sent unencrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server does not speak ESMTP, so it cannot offer STARTTLS, which this account requires; nothing else is sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server does not offer STARTTLS, which this account requires; nothing else is sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: the server does not offer STARTTLS; continuing UNENCRYPTED as &quot;STARTTLS if offered&quot; allows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authenticated with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the account works: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an address has non-ASCII characters before the @ and the server does not offer SMTPUTF8 (RFC 6531): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message (%1 bytes) is larger than the server&apos;s SIZE limit of %2 bytes; not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pipelining MAIL, %1 RCPT and BDAT with the message (PIPELINING, CHUNKING)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pipelining MAIL, %1 RCPT and DATA in one group (PIPELINING)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BDAT (the message)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message could not be read while sending: %1; the connection was closed so nothing half-written is delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… message body: %1 %2, %3 bytes in all (headers above) …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message was %1 bytes, not the %2 announced in BDAT; the connection was closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the end of the message data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; the message was completely sent but the server&apos;s reply never came, so it may or may not have been delivered (do not simply resend: check first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; the whole message had already gone out, pipelined behind the commands still unanswered, so it may or may not have been delivered (do not simply resend: check first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reply to QUIT; closing the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeout %1: the server took no data for %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeout %1: no connection to %2 port %3 within %4 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeout %1: the TLS handshake did not finish within %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeout %1: no reply to %2 within %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped by the user while waiting for the end of the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled by the user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the connection %1, before it answered %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the connection %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot connect to %1 port %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS failed %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection lost %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SmtpExplain</name>
    <message>
        <source>other or undefined status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other address status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check the address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad destination mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fix the address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad destination system (the domain has no mail server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check the domain of the address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad destination mailbox address syntax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fix the way the address is written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>destination mailbox address ambiguous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the full address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>destination address valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailbox has moved, no forwarding address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>find the recipient&apos;s new address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad sender mailbox address syntax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fix the From address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad sender system address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use a From address whose domain accepts mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message relayed to a non-compliant mailer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recipient domain accepts no mail (null MX)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the domain never receives mail: use another address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other or undefined mailbox status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailbox disabled, not accepting messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reach the recipient another way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailbox full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recipient must make room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message longer than the mailbox allows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>make the message smaller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailing list expansion problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tell the list&apos;s owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other or undefined mail system status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mail system full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server is out of space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system not accepting network messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server is shutting down or in maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system not capable of the selected features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send without the feature the server lacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message too big for the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system incorrectly configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tell the server&apos;s administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requested priority was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other or undefined network or routing status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer from the next host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>directory server (e.g. DNS) failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unable to route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mail system congestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>routing loop detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivery time expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other or undefined protocol status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server does not know or allow this command here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>syntax error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the command was malformed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send to fewer recipients per message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid command arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check the command&apos;s parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong protocol version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authentication exchange line too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other or undefined media error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>media not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send the content in another form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conversion required and prohibited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conversion required but not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conversion with loss performed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conversion failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message content not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>non-ASCII addresses not permitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use an ASCII address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTF-8 reply required but not permitted by the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTF-8 headers cannot be transferred to the recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use ASCII addresses and headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other or undefined security status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivery not authorized, message refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log in, or check that you may send from and to these addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailing list expansion prohibited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>security conversion required but not possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>security features not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cryptographic failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cryptographic algorithm not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message integrity failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authentication credentials invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check the user name and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authentication mechanism too weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose a stronger authentication mechanism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encryption needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use TLS (STARTTLS or implicit TLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encryption required for this authentication mechanism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use TLS before authenticating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a password transition is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log in once with a plain mechanism over TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user account disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ask the provider to enable the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trust relationship required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>priority level too low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message too big for the requested priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailbox owner has changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>domain owner has changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RRVS test cannot be completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no passing DKIM signature found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send through the server of the From domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no acceptable DKIM signature found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no valid author-matched DKIM signature found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SPF validation failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send through a server the sender&apos;s domain allows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SPF validation error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reverse DNS validation failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send through a server with proper reverse DNS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multiple authentication checks failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sender address has null MX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REQUIRETLS support required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>positive completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>positive intermediate: the server waits for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>temporary failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permanent failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hello accepted; the lines that follow name the extensions the server supports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hello accepted (no extensions with HELO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sender accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recipient accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message accepted: the server has taken responsibility for delivering it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chunk received; the message is accepted only after its LAST chunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transaction reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready to start TLS: the TLS handshake follows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this recipient was refused (others may still be accepted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sender was refused, so the message cannot be sent in this transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message was refused after its content was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authentication failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system status or help reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>help message for people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>service ready: the server&apos;s greeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server is closing the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authentication succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requested action okay, completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user not local; the server will forward the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot verify the user, but the server will accept the message and try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authentication challenge: the client must answer (base64)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start sending the message; end it with a line holding only &quot;.&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>service not available: the server is closing the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailbox unavailable for now (busy or temporarily blocked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local error in processing: the server had a problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>insufficient system storage, or too many recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>temporary failure: TLS or authentication not available right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server cannot accommodate the parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>syntax error: command unrecognised (or line too long)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>syntax error in the command&apos;s parameters or arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>command not implemented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad sequence of commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>command parameter not implemented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this host does not accept mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authentication (or STARTTLS) required first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encryption required for the requested authentication mechanism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailbox unavailable: not found, no access, or refused by policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user not local; the server will not forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exceeded storage allocation (message too big)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailbox name not allowed (bad address syntax)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transaction failed (in a greeting: no SMTP service here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transaction failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MAIL FROM or RCPT TO parameters not recognised or not implemented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recipient&apos;s domain does not accept mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>addressing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mail system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network and routing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mail delivery protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message content or media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>security or policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown subject %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (detail %2 is not a registered code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unregistered detail %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retry later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; retry later (the condition may pass)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>do not retry unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, do not retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; do not retry unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; retry later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a header line of the message itself, sent as data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an answer in the authentication exchange (base64)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; the secret is hidden in the transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answers %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an empty challenge: the server waits for the client&apos;s first response</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>a binary challenge of %n byte(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the challenge, decoded: &quot;%1&quot;; the client answers with the user name and an HMAC-MD5 of this challenge keyed with the password, so the password itself never crosses the wire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decoded: &quot;%1&quot;, the server asks for the user name (the answer is hidden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decoded: &quot;%1&quot;, the server asks for the password (the answer is hidden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decoded: &quot;%1&quot;, the server&apos;s nonce (r), salt (s) and iteration count (i)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decoded: %1, the server&apos;s reason for refusing the token; the client answers with an empty line to end the exchange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decoded: &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>envelope sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>envelope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bcc is never written into the message: each Bcc address only gets its own RCPT TO in the envelope, so the other recipients cannot see it. The sandbox inbox lists it under RCPT TO as envelope only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cc is both: a header every recipient sees in the message, and a RCPT TO in the envelope that makes the server deliver a copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To is a header the recipients see, and each address also gets a RCPT TO: the server delivers by the envelope alone, never by the headers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MAIL FROM (the envelope sender) and the From header may differ. MAIL FROM says where bounces go and is what SPF checks; From is the author the recipient&apos;s program shows, which DMARC checks against. Mailing lists and bounce handlers send with a MAIL FROM of their own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply-To is only a header inside the message: it tells the recipient&apos;s program where answers should go. No SMTP command carries it, so it never appears in the dialogue as a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIZE=%1 declares the message size (%2) so the server can refuse early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BODY=8BITMIME: the message contains 8-bit bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BODY=BINARYMIME: the message contains binary content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BODY=7BIT: plain ASCII content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTPUTF8: addresses or headers contain UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RET=%1: a delivery notification returns %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the full message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only the headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ENVID: an identifier echoed in delivery notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOTIFY=%1: which delivery notifications to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ORCPT: the original recipient, for delivery notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REQUIRETLS: every hop must use TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUTH=: the authenticated submitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a parameter of an extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extended hello: the client introduces itself as &quot;%1&quot; and asks which extensions the server supports (RFC 5321)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hello without extensions (the original SMTP greeting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asks to switch this connection to TLS (RFC 3207); after the handshake the client says EHLO again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user name and password in one base64 message: only safe over TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user name, then password, each base64: only safe over TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>challenge-response: the password itself is never sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an OAuth 2 access token instead of a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>salted challenge-response: both sides prove they know the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mechanism %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starts authentication (RFC 4954) with %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; the space after &quot;%1&quot; is not in RFC 5321&apos;s grammar: many servers accept it, strict ones refuse it with 501</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names the envelope sender (where bounces go) and starts a message transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names one envelope recipient: To, Cc and Bcc addresses each get a RCPT TO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asks to send the message; after the server&apos;s 354 the content follows, ended by a line holding only &quot;.&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end of the message data: the server now accepts or refuses the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sends %1 of message content as one chunk (CHUNKING, RFC 3030)%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; LAST: this is the final chunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abandons the current transaction; the connection stays open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does nothing: checks that the server is still there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ends the session: the server answers 221 and closes the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asks whether an address exists (most servers answer 252: won&apos;t say)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asks for the members of a mailing list (usually refused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asks for help text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>largest message accepted: %1 (RFC 1870)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the client may declare the message size; no fixed limit (RFC 1870)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>several commands may be sent without waiting for each reply (RFC 2920)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message may contain 8-bit text (RFC 6152)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>addresses and headers may be UTF-8 (RFC 6531)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection can be switched to TLS (RFC 3207)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>login offered with: %1 (RFC 4954)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replies carry class.subject.detail codes such as 5.1.1 (RFC 2034)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message may be sent in BDAT chunks instead of DATA (RFC 3030)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>binary content may be sent with BDAT (RFC 3030)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivery status notifications can be requested (RFC 3461)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a message can demand TLS on every hop (RFC 8689)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a delivery deadline can be set (RFC 2852)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a remote host can ask to flush its queue (RFC 1985)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>addresses can be verified with VRFY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailing lists can be expanded with EXPN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>help text is available with HELP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>messages can carry a priority (RFC 6710)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivery can be held until a later time (RFC 4865)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server announces its limits: %1 (RFC 9422)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server asks not to be solicited (RFC 3865)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a non-standard extension of this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an extension Postwire does not know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SmtpReplyParser</name>
    <message>
        <source>reply line of %1 bytes exceeds the limit of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply line longer than %1 bytes without an end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed reply line &quot;%1&quot; (expected a 3-digit code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown reply code %1 in &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply line &quot;%1&quot; changes the code of a %2 reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>a %1 reply of more than %n lines</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>a %1 reply of more than %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SmtpStep</name>
    <message>
        <source>the line is empty: type a command, or send the planned one as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a command is one line: CR and LF cannot be part of it (Postwire adds the CRLF that ends it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a command line is at most %1 octets with its CRLF (RFC 5321 section 4.5.3.1.4); this one has %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(credentials hidden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; the credentials are hidden here and in the transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an answer in the authentication exchange (base64); the credentials are hidden here and in the transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a command Postwire does not know: the server decides what it means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Why: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n bytes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message, %1, goes as one BDAT chunk whose size is announced first (CHUNKING, RFC 3030): the server counts the bytes, so nothing is dot-stuffed and no &quot;.&quot; line ends it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message, %1, goes line by line after the 354. Dot-stuffing (RFC 5321 section 4.5.2): every line that begins with &quot;.&quot; gets a second &quot;.&quot; in front, so no line of the text can end the data early; the server removes it again. Then a line holding only &quot;.&quot; ends the message, and the server answers with its verdict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of the lines shown begin with &quot;.&quot; and will be stuffed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SmtpTransaction</name>
    <message>
        <source>warning: the message has 8-bit content and the server does not offer 8BITMIME; sending it as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: delivery status notifications were asked for, but the server does not offer DSN; sending without them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every recipient was refused, nothing was delivered: %1; the message content had already gone out, pipelined behind the RCPT commands (BDAT … LAST), and could not be held back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every recipient was refused, nothing was sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MAIL FROM &lt;%1&gt; refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DATA refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message was refused after its content: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message accepted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message accepted for %1 of %2 recipients: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Submission</name>
    <message>
        <source>A send or test is already running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the password from %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be read from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate SHA-256 %1 is now trusted for this account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TlsTrustDecision</name>
    <message>
        <source>the server&apos;s certificate changed: this account trusts SHA-256 %1, the server presented SHA-256 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS certificate not trusted: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TranscriptCommand</name>
    <message>
        <source>the greeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the end of the message data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the authentication exchange</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>postwire: no translation for the language &quot;%1&quot; (available: %2); using English</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>A mail composer that shows the wire.

Commands (each has its own --help):
  send      send one message from the command line, printing the SMTP dialogue
  sandbox   run the built-in local SMTP server alone
  console   type a raw SMTP session (lines from stdin), printing the dialogue
  history   the attempts kept: list, show, compare (diff), export, repeat
  probe     check an SMTP server: extensions, TLS, certificate, findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send, sandbox, console, history, probe, or a mailto: URL</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
