#include "smtp/smtpauthentication.h"

#include "smtp/printable.h"

using Action = SmtpAuthStep::Action;

SmtpAuthentication::SmtpAuthentication(const SmtpSettings &settings, bool canAsk)
    : m_settings(settings)
    , m_canAsk(canAsk)
{}

SmtpAuthStep SmtpAuthentication::fail(const QString &message) const
{
    Step step;
    step.action = Action::Fail;
    step.message = message;
    return step;
}

SmtpAuthStep SmtpAuthentication::start(const Capabilities &caps, bool encrypted, bool loopback,
                                       bool heloFallback)
{
    if (!encrypted && !loopback && !m_settings.allowPlaintextAuth) {
        return fail(tr("refusing to send the password over an unencrypted connection "
                       "to %1; use STARTTLS or TLS, or explicitly allow "
                       "unencrypted authentication")
                        .arg(m_settings.host));
    }
    QStringList warnings;
    if (!encrypted && !loopback) {
        warnings << tr("warning: authenticating over an UNENCRYPTED connection, as allowed "
                       "for this account");
    }
    Step step = [&] {
        const QList<QByteArray> offered = caps.authMechanisms();
        if (offered.isEmpty()) {
            return fail(heloFallback ? tr("the server does not speak ESMTP, so it "
                                          "offers no AUTH; cannot authenticate")
                                     : tr("the server offers no AUTH mechanism; cannot "
                                          "authenticate"));
        }
        QByteArray mech = m_settings.authMechanism.toUpper();
        if (mech.isEmpty()) {
            mech = SaslMechanism::choose(offered, false);
            if (mech.isEmpty()) {
                return fail(tr("no AUTH mechanism in common: the server offers %1, "
                               "Postwire implements %2")
                                .arg(printableText(offered.join(' ')),
                                     QString::fromLatin1(SaslMechanism::supported().join(' '))));
            }
        } else if (!offered.contains(mech)) {
            return fail(tr("AUTH %1 is not offered by the server (it offers %2)")
                            .arg(printableText(mech), printableText(offered.join(' '))));
        }
        m_mechanism = mech;
        if (!m_settings.credentials.secret.isEmpty())
            return begin(m_settings.credentials);
        if (!m_canAsk)
            return fail(tr("AUTH %1: no password or token given").arg(QString::fromLatin1(mech)));
        Step ask;
        ask.action = Action::AskCredentials;
        return ask;
    }();
    step.warnings = warnings + step.warnings;
    return step;
}

SmtpAuthStep SmtpAuthentication::begin(const SaslCredentials &credentials)
{
    m_settings.credentials = credentials;
    m_sasl = SaslMechanism::create(m_mechanism, credentials);
    if (m_sasl)
        m_sasl->setServer(m_settings.host, m_settings.port);
    const QString mech = QString::fromLatin1(m_mechanism);
    if (!m_sasl)
        return fail(tr("AUTH %1 is not implemented by Postwire").arg(mech));
    Step send;
    send.action = Action::Send;
    send.wire = "AUTH " + m_mechanism;
    send.shown = QString::fromLatin1(send.wire);
    if (m_sasl->hasInitialResponse()) {
        const SaslMechanism::Step first = m_sasl->start();
        if (!first.ok)
            return fail(tr("AUTH %1: %2").arg(mech, first.error));
        // RFC 4954 section 4: an empty initial response is sent as "=".
        send.wire += ' ' + (first.response.isEmpty() ? QByteArray("=") : first.response.toBase64());
        send.shown += QLatin1Char(' ') + first.shown;
        send.redacted = first.redacted;
    }
    return send;
}

SmtpAuthStep SmtpAuthentication::onReply(const SmtpReply &reply)
{
    const QString mech = QString::fromLatin1(m_mechanism);
    if (reply.code == 334) {
        const QByteArray challenge = QByteArray::fromBase64(reply.lines.value(0).trimmed());
        // Without an initial response the first challenge (often empty) is answered too.
        SaslMechanism::Step answer = m_sasl->respond(challenge);
        // Mechanisms quote the server's challenge in their errors and notes (an XOAUTH2 error's
        // JSON, a SCRAM "e=" message): what leaves here for people is escaped.
        answer.error = printableText(answer.error);
        answer.note = printableText(answer.note);
        Step send;
        send.action = Action::Send;
        send.continuation = true;
        if (!answer.ok) {
            // RFC 4954 section 4: "*" cancels the exchange; the server answers 501.
            send.warnings << tr("AUTH %1: %2; cancelling the exchange").arg(mech, answer.error);
            m_cancelReason = answer.error;
            send.wire = "*";
            send.shown = QStringLiteral("*");
            return send;
        }
        send.note = answer.note;
        send.wire = answer.response.toBase64();
        send.shown = answer.shown.isEmpty() ? QString::fromLatin1(send.wire) : answer.shown;
        send.redacted = answer.redacted;
        return send;
    }
    if (reply.code == 235 && !m_cancelReason.isEmpty()) {
        // The client gave the exchange up ("*"): a server that accepts it anyway accepted
        // something other than these credentials, which is no authentication to rely on.
        const QString why = m_cancelReason;
        m_cancelReason.clear();
        return fail(tr("AUTH %1: the server accepted an exchange the client had cancelled (%2): "
                       "%3")
                        .arg(mech, why, reply.toString()));
    }
    if (reply.code == 235) {
        // Some servers put SCRAM's server-final message in the 235 reply itself.
        QByteArray data;
        const QByteArray text = reply.lines.value(0).trimmed();
        EnhancedStatus ignored;
        const QByteArray rest = text.mid(EnhancedStatus::parse(text, &ignored));
        if (m_mechanism.startsWith("SCRAM-") && !rest.isEmpty() && !rest.contains(' '))
            data = QByteArray::fromBase64(rest);
        if (const QString problem = m_sasl->verifySuccess(data); !problem.isEmpty())
            return fail(tr("AUTH %1: the server accepted, but %2").arg(mech, problem));
        Step done;
        done.action = Action::Done;
        done.note = tr("authenticated as %1 with %2").arg(m_settings.credentials.user, mech);
        m_sasl.reset();
        return done;
    }
    const QString why = !m_cancelReason.isEmpty() ? m_cancelReason + tr(" (server: ") +
                                                        reply.toString() + QLatin1Char(')')
                                                  : reply.toString();
    m_cancelReason.clear();
    // A refused password can be asked for again once, when someone is there to answer.
    if ((reply.code == 535 || reply.code == 534) && !m_retried && m_canAsk) {
        m_retried = true;
        Step ask;
        ask.action = Action::AskCredentials;
        ask.message = reply.toString();
        return ask;
    }
    return fail(tr("AUTH %1 failed: %2").arg(mech, why));
}
