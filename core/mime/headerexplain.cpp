#include "mime/headerexplain.h"

namespace {

struct FieldText
{
    const char *name;
    const char *meaning;
};

// RFC 5322 (the message), RFC 2045-2047 and 2183 (MIME), RFC 2369 and 8058 (lists),
// RFC 3834 (automatic replies), RFC 6376 and 8601 (signatures and their results).
const FieldText kFields[] = {
    {"Date", QT_TRANSLATE_NOOP("HeaderExplain",
                               "when the message was written (RFC 5322); required, set once when "
                               "it is sent")},
    {"From", QT_TRANSLATE_NOOP("HeaderExplain",
                               "the author, as the recipient's program shows it; not the envelope "
                               "sender of MAIL FROM")},
    {"Sender", QT_TRANSLATE_NOOP("HeaderExplain",
                                 "who actually sent it on the author's behalf (a secretary, a "
                                 "list); becomes MAIL FROM")},
    {"Reply-To",
     QT_TRANSLATE_NOOP("HeaderExplain",
                       "where replies should go instead of From; only a header, never a command")},
    {"To", QT_TRANSLATE_NOOP("HeaderExplain",
                             "the main recipients, as everyone sees them; each also gets a RCPT "
                             "TO")},
    {"Cc", QT_TRANSLATE_NOOP("HeaderExplain",
                             "recipients of a copy, seen by everyone; each also gets a RCPT TO")},
    {"Bcc", QT_TRANSLATE_NOOP("HeaderExplain",
                              "hidden recipients; a sent message should not carry this field, "
                              "only their RCPT TO")},
    {"Subject", QT_TRANSLATE_NOOP("HeaderExplain", "the subject line")},
    {"Message-ID",
     QT_TRANSLATE_NOOP("HeaderExplain",
                       "a world-unique name of this message, made by the sender; replies and "
                       "threads refer to it")},
    {"In-Reply-To",
     QT_TRANSLATE_NOOP("HeaderExplain", "the Message-ID of the message this one answers")},
    {"References",
     QT_TRANSLATE_NOOP("HeaderExplain",
                       "the Message-IDs of the thread so far, so programs can show it as one")},
    {"MIME-Version",
     QT_TRANSLATE_NOOP("HeaderExplain",
                       "says the message uses MIME (RFC 2045): parts, types and encodings; "
                       "always 1.0")},
    {"Content-Type",
     QT_TRANSLATE_NOOP("HeaderExplain",
                       "what the body is (text/plain, multipart/mixed, ...), with its charset or "
                       "the boundary between parts; format=flowed (RFC 3676) says a line ending "
                       "in a space is a soft break: the reader joins such lines into paragraphs "
                       "and wraps them to its screen, and a line starting with \">\" is quoted")},
    {"Content-Transfer-Encoding",
     QT_TRANSLATE_NOOP("HeaderExplain",
                       "how the body was made safe for the wire: 7bit, 8bit, quoted-printable "
                       "or base64")},
    {"Content-Disposition",
     QT_TRANSLATE_NOOP("HeaderExplain",
                       "whether a part is shown inline or offered as an attachment, and its file "
                       "name (RFC 2183)")},
    {"Content-ID",
     QT_TRANSLATE_NOOP("HeaderExplain",
                       "a name for this part that HTML in the message can refer to (cid:)")},
    {"Content-Description", QT_TRANSLATE_NOOP("HeaderExplain", "a short description of the part")},
    {"Content-Language", QT_TRANSLATE_NOOP("HeaderExplain", "the language of the content")},
    {"Return-Path",
     QT_TRANSLATE_NOOP("HeaderExplain",
                       "added on delivery: the envelope sender (MAIL FROM) the message came with")},
    {"Received",
     QT_TRANSLATE_NOOP("HeaderExplain",
                       "added by each server that handled the message, newest on top: its route")},
    {"User-Agent", QT_TRANSLATE_NOOP("HeaderExplain", "the program that wrote the message")},
    {"X-Mailer", QT_TRANSLATE_NOOP("HeaderExplain", "the program that wrote the message")},
    {"Organization", QT_TRANSLATE_NOOP("HeaderExplain", "the author's organisation")},
    {"Importance", QT_TRANSLATE_NOOP("HeaderExplain", "how important the author says it is")},
    {"Priority", QT_TRANSLATE_NOOP("HeaderExplain", "how urgent the author says it is")},
    {"X-Priority",
     QT_TRANSLATE_NOOP("HeaderExplain", "how urgent the author says it is (1 highest, 5 lowest)")},
    {"Disposition-Notification-To",
     QT_TRANSLATE_NOOP("HeaderExplain", "asks for a read receipt to this address")},
    {"List-Id", QT_TRANSLATE_NOOP("HeaderExplain", "the mailing list the message came through")},
    {"List-Unsubscribe",
     QT_TRANSLATE_NOOP("HeaderExplain", "how to leave the mailing list (a link or an address)")},
    {"List-Unsubscribe-Post",
     QT_TRANSLATE_NOOP("HeaderExplain", "says one click on the unsubscribe link is enough")},
    {"Auto-Submitted",
     QT_TRANSLATE_NOOP("HeaderExplain",
                       "written by a program, not a person: automatic replies must not answer it")},
    {"Keywords", QT_TRANSLATE_NOOP("HeaderExplain", "keywords the author gave")},
    {"Comments", QT_TRANSLATE_NOOP("HeaderExplain", "a comment of the author's")},
    {"DKIM-Signature",
     QT_TRANSLATE_NOOP("HeaderExplain",
                       "a signature of the sending domain over the body and some headers "
                       "(RFC 6376)")},
    {"Authentication-Results",
     QT_TRANSLATE_NOOP("HeaderExplain",
                       "added on receipt: how the SPF, DKIM and DMARC checks came out")},
};

} // namespace

QString HeaderExplain::field(QByteArrayView name)
{
    const QByteArray n = name.toByteArray().trimmed();
    for (const FieldText &f : kFields) {
        if (n.compare(f.name, Qt::CaseInsensitive) == 0)
            return tr(f.meaning);
    }
    if (n.startsWith("Resent-") || n.startsWith("resent-") || n.startsWith("RESENT-"))
        return tr("added when the message was sent on again (resent), as the field without "
                  "Resent- was for the first sending");
    if (n.size() > 2 && (n.startsWith("X-") || n.startsWith("x-")))
        return tr("a private field of some program or server, not part of any standard");
    return QString();
}
