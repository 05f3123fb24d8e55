<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>AttachmentList</name>
    <message numerus="yes">
        <source>%n attachments, %1 in total</source>
        <translation>
            <numerusform>%n attachment, %1 in total</numerusform>
            <numerusform>%n attachments, %1 in total</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message numerus="yes">
        <source>%1, %n bits</source>
        <translation>
            <numerusform>%1, %n bit</numerusform>
            <numerusform>%1, %n bits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComposeWindow</name>
    <message numerus="yes">
        <source>%n oldest sent messages removed to keep the Sent folder within its limit</source>
        <translation>
            <numerusform>%n oldest sent message removed to keep the Sent folder within its limit</numerusform>
            <numerusform>%n oldest sent messages removed to keep the Sent folder within its limit</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DirectSend</name>
    <message numerus="yes">
        <source>Delivered to every recipient&apos;s mail server (%n domains)</source>
        <translation>
            <numerusform>Delivered to every recipient&apos;s mail server (%n domain)</numerusform>
            <numerusform>Delivered to every recipient&apos;s mail server (%n domains)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryCompareView</name>
    <message numerus="yes">
        <source>   … %n extensions</source>
        <translation>
            <numerusform>   … %n extension</numerusform>
            <numerusform>   … %n extensions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n steps differ.</source>
        <translation>
            <numerusform>%n step differs.</numerusform>
            <numerusform>%n steps differ.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message numerus="yes">
        <source>Delete %n attempts from the history?</source>
        <translation>
            <numerusform>Delete %n attempt from the history?</numerusform>
            <numerusform>Delete %n attempts from the history?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InboxPanel</name>
    <message numerus="yes">
        <source>%n remote resources not loaded: the sandbox never fetches content from the network.</source>
        <translation>
            <numerusform>%n remote resource not loaded: the sandbox never fetches content from the network.</numerusform>
            <numerusform>%n remote resources not loaded: the sandbox never fetches content from the network.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n messages, %1 KiB</source>
        <translation>
            <numerusform>%n message, %1 KiB</numerusform>
            <numerusform>%n messages, %1 KiB</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete all %n messages the sandbox received?</source>
        <translation>
            <numerusform>Delete the %n message the sandbox received?</numerusform>
            <numerusform>Delete all %n messages the sandbox received?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation>
            <numerusform>%n shown</numerusform>
            <numerusform>%n shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n damaged</source>
        <translation>
            <numerusform>%n damaged</numerusform>
            <numerusform>%n damaged</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message numerus="yes">
        <source>Show All %n Lines</source>
        <translation>
            <numerusform>Show All %n Line</numerusform>
            <numerusform>Show All %n Lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SentPanel</name>
    <message numerus="yes">
        <source>%n messages</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerCheckDialog</name>
    <message numerus="yes">
        <source>%1, cipher %2 (%n bits)</source>
        <translation>
            <numerusform>%1, cipher %2 (%n bit)</numerusform>
            <numerusform>%1, cipher %2 (%n bits)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warnings</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 to %2 (%n days left)</source>
        <translation>
            <numerusform>%1 to %2 (%n day left)</numerusform>
            <numerusform>%1 to %2 (%n days left)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StepBar</name>
    <message numerus="yes">
        <source>Next: one pipelined group of %n commands, sent together</source>
        <translation>
            <numerusform>Next: one pipelined group of %n command, sent together</numerusform>
            <numerusform>Next: one pipelined group of %n commands, sent together</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WireLink</name>
    <message numerus="yes">
        <source>%n lines of the last send came from it, highlighted above.</source>
        <translation>
            <numerusform>%n line of the last send came from it, highlighted above.</numerusform>
            <numerusform>%n lines of the last send came from it, highlighted above.</numerusform>
        </translation>
    </message>
</context>
</TS>
