<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>AccountStore</name>
    <message numerus="yes">
        <source>The settings file %1 is damaged (%2): starting with default settings; %n accounts could be read and are kept.</source>
        <translation>
            <numerusform>The settings file %1 is damaged (%2): starting with default settings; %n account could be read and is kept.</numerusform>
            <numerusform>The settings file %1 is damaged (%2): starting with default settings; %n accounts could be read and are kept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttemptRecorder</name>
    <message numerus="yes">
        <source>The check ran: %n findings.</source>
        <translation>
            <numerusform>The check ran: %n finding.</numerusform>
            <numerusform>The check ran: %n findings.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryStore</name>
    <message numerus="yes">
        <source>&quot;%1&quot; names %n attempts; give more of the id</source>
        <translation>
            <numerusform>&quot;%1&quot; names %n attempt; give more of the id</numerusform>
            <numerusform>&quot;%1&quot; names %n attempts; give more of the id</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older attempts removed from the history, which keeps the last %1.</source>
        <translation>
            <numerusform>%n older attempt removed from the history, which keeps the last %1.</numerusform>
            <numerusform>%n older attempts removed from the history, which keeps the last %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailSegment</name>
    <message numerus="yes">
        <source>its record in %1 is cut off: %n bytes of it are missing</source>
        <translation>
            <numerusform>its record in %1 is cut off: %n byte of it is missing</numerusform>
            <numerusform>its record in %1 is cut off: %n bytes of it are missing</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailStore</name>
    <message numerus="yes">
        <source>its message file is %n bytes long, %1 were stored</source>
        <translation>
            <numerusform>its message file is %n byte long, %1 were stored</numerusform>
            <numerusform>its message file is %n bytes long, %1 were stored</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageStructure</name>
    <message numerus="yes">
        <source>%n parts</source>
        <translation>
            <numerusform>%n part</numerusform>
            <numerusform>%n parts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MxDelivery</name>
    <message numerus="yes">
        <source>direct delivery to %1 for %n recipients (%2): looking up its mail servers (MX) at %3</source>
        <translation>
            <numerusform>direct delivery to %1 for %n recipient (%2): looking up its mail servers (MX) at %3</numerusform>
            <numerusform>direct delivery to %1 for %n recipients (%2): looking up its mail servers (MX) at %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OAuthSession</name>
    <message numerus="yes">
        <source>no sign-in came back from the browser within %n minutes</source>
        <translation>
            <numerusform>no sign-in came back from the browser within %n minute</numerusform>
            <numerusform>no sign-in came back from the browser within %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the token endpoint %1 did not answer within %n seconds</source>
        <translation>
            <numerusform>the token endpoint %1 did not answer within %n second</numerusform>
            <numerusform>the token endpoint %1 did not answer within %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SandboxApi</name>
    <message numerus="yes">
        <source>message %1 has no attachment %2 (it has %n)</source>
        <translation>
            <numerusform>message %1 has no attachment %2 (it has %n)</numerusform>
            <numerusform>message %1 has no attachment %2 (it has %n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no matching message arrived within %n seconds</source>
        <translation>
            <numerusform>no matching message arrived within %n second</numerusform>
            <numerusform>no matching message arrived within %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SandboxServer</name>
    <message numerus="yes">
        <source>the inbox is over its size cap of %1 bytes: removed the %n oldest messages (%2 bytes)</source>
        <translation>
            <numerusform>the inbox is over its size cap of %1 bytes: removed the oldest message (%2 bytes)</numerusform>
            <numerusform>the inbox is over its size cap of %1 bytes: removed the %n oldest messages (%2 bytes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SandboxSession</name>
    <message numerus="yes">
        <source>%n transcript lines left out here to bound its size</source>
        <translation>
            <numerusform>%n transcript line left out here to bound its size</numerusform>
            <numerusform>%n transcript lines left out here to bound its size</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendText</name>
    <message numerus="yes">
        <source>%n round trips</source>
        <translation>
            <numerusform>%n round trip</numerusform>
            <numerusform>%n round trips</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerKnowledge</name>
    <message numerus="yes">
        <source>learnt %n minutes ago</source>
        <translation>
            <numerusform>learnt %n minute ago</numerusform>
            <numerusform>learnt %n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>learnt %n hours ago</source>
        <translation>
            <numerusform>learnt %n hour ago</numerusform>
            <numerusform>learnt %n hours ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerReport</name>
    <message numerus="yes">
        <source>The cipher %1 uses only %n bits.</source>
        <translation>
            <numerusform>The cipher %1 uses only %n bit.</numerusform>
            <numerusform>The cipher %1 uses only %n bits.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The certificate&apos;s RSA key has only %n bits; 2048 is the minimum.</source>
        <translation>
            <numerusform>The certificate&apos;s RSA key has only %n bit; 2048 is the minimum.</numerusform>
            <numerusform>The certificate&apos;s RSA key has only %n bits; 2048 is the minimum.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %1, cipher %2 (%n bits)</source>
        <translation>
            <numerusform>  %1, cipher %2 (%n bit)</numerusform>
            <numerusform>  %1, cipher %2 (%n bits)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The certificate expires in %n days (%1).</source>
        <translation>
            <numerusform>The certificate expires in %n day (%1).</numerusform>
            <numerusform>The certificate expires in %n days (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>    valid:    %1 to %2 (%n days left)</source>
        <translation>
            <numerusform>    valid:    %1 to %2 (%n day left)</numerusform>
            <numerusform>    valid:    %1 to %2 (%n days left)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SmtpClient</name>
    <message numerus="yes">
        <source>… message body: %n lines, %1 bytes in all (headers above) …</source>
        <translation>
            <numerusform>… message body: %n line, %1 bytes in all (headers above) …</numerusform>
            <numerusform>… message body: %n lines, %1 bytes in all (headers above) …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SmtpExplain</name>
    <message numerus="yes">
        <source>a binary challenge of %n bytes</source>
        <translation>
            <numerusform>a binary challenge of %n byte</numerusform>
            <numerusform>a binary challenge of %n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SmtpReplyParser</name>
    <message numerus="yes">
        <source>a %1 reply of more than %n lines</source>
        <translation>
            <numerusform>a %1 reply of more than %n line</numerusform>
            <numerusform>a %1 reply of more than %n lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SmtpStep</name>
    <message numerus="yes">
        <source>%n bytes</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the lines shown begin with &quot;.&quot; and will be stuffed.</source>
        <translation>
            <numerusform>%n of the lines shown begins with &quot;.&quot; and will be stuffed.</numerusform>
            <numerusform>%n of the lines shown begin with &quot;.&quot; and will be stuffed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StepPrompt</name>
    <message numerus="yes">
        <source>next: the message content, %n bytes, then &quot;.&quot;</source>
        <translation>
            <numerusform>next: the message content, %n byte, then &quot;.&quot;</numerusform>
            <numerusform>next: the message content, %n bytes, then &quot;.&quot;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>next: the message content, %n bytes</source>
        <translation>
            <numerusform>next: the message content, %n byte</numerusform>
            <numerusform>next: the message content, %n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>with it, one pipelined group of %n commands:</source>
        <translation>
            <numerusform>with it, one pipelined group of %n command:</numerusform>
            <numerusform>with it, one pipelined group of %n commands:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>next, one pipelined group of %n commands:</source>
        <translation>
            <numerusform>next, one pipelined group of %n command:</numerusform>
            <numerusform>next, one pipelined group of %n commands:</numerusform>
        </translation>
    </message>
</context>
</TS>
