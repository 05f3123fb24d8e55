#include "account/accountstore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStringDecoder>

namespace {

const QString Group = QStringLiteral("accounts");
const QString DefaultKey = QStringLiteral("defaultAccount");

struct TimeoutKey
{
    const char *key;
    int SmtpTimeouts::*member;
};
const TimeoutKey TimeoutKeys[] = {
    {"connect", &SmtpTimeouts::connect},
    {"greeting", &SmtpTimeouts::greeting},
    {"command", &SmtpTimeouts::command},
    {"mail", &SmtpTimeouts::mail},
    {"rcpt", &SmtpTimeouts::rcpt},
    {"data", &SmtpTimeouts::data},
    {"dataBlock", &SmtpTimeouts::dataBlock},
    {"endOfData", &SmtpTimeouts::endOfData},
    {"tlsHandshake", &SmtpTimeouts::tlsHandshake},
    {"quit", &SmtpTimeouts::quit},
};

// Security is kept as the number the first account form used, so its accounts read back.
std::optional<SmtpSettings::Security> securityFrom(const QVariant &v)
{
    bool ok = false;
    const int n = v.toInt(&ok);
    if (ok && n >= 0 && n <= 3)
        return SmtpSettings::Security(n);
    const QString s = v.toString().toLower();
    if (s == QLatin1String("none"))
        return SmtpSettings::Security::None;
    if (s == QLatin1String("starttls"))
        return SmtpSettings::Security::StartTls;
    if (s == QLatin1String("starttls-if-offered"))
        return SmtpSettings::Security::StartTlsIfOffered;
    if (s == QLatin1String("tls"))
        return SmtpSettings::Security::ImplicitTls;
    return std::nullopt;
}

bool boolFrom(const QVariant &v, bool fallback, bool *ok)
{
    const QString s = v.toString().toLower();
    *ok = true;
    if (!v.isValid())
        return fallback;
    if (s == QLatin1String("true") || s == QLatin1String("1"))
        return true;
    if (s == QLatin1String("false") || s == QLatin1String("0"))
        return false;
    *ok = false;
    return fallback;
}

} // namespace

AccountStore::AccountStore(const QString &settingsFile, QObject *parent)
    : QObject(parent)
    , m_file(settingsFile.isEmpty() ? QSettings().fileName() : settingsFile)
{}

Account AccountStore::blankAccount()
{
    Account a;
    a.id = Account::newId();
    a.name = tr("My account");
    return a;
}

bool AccountStore::load()
{
    m_accounts.clear();
    m_default.clear();
    m_loadProblems.clear();
    m_backup.clear();

    // QSettings reads what it can and stays silent about some damage (a file of binary junk
    // reads as empty), so the bytes are looked at first.
    QString damage;
    const QFileInfo info(m_file);
    if (info.exists()) {
        QFile f(m_file);
        if (info.isDir()) {
            damage = tr("it is a folder");
        } else if (!f.open(QIODevice::ReadOnly)) {
            damage = tr("cannot read it: %1").arg(f.errorString());
        } else {
            const QByteArray bytes = f.readAll();
            QStringDecoder utf8(QStringDecoder::Utf8);
            const QString text = utf8.decode(bytes);
            Q_UNUSED(text); // decoding is what sets hasError()
            if (bytes.contains('\0') || utf8.hasError())
                damage = tr("it is not a text file");
        }
    }

    QHash<QString, QVariant> everything; // for rewriting a damaged file without losing settings
    {
        QSettings s(m_file, QSettings::IniFormat);
        if (damage.isEmpty() && s.status() == QSettings::FormatError)
            damage = tr("some lines are malformed");
        else if (damage.isEmpty() && s.status() == QSettings::AccessError)
            damage = tr("cannot read it");
        if (!damage.isEmpty()) {
            const QStringList keys = s.allKeys();
            for (const QString &k : keys)
                everything.insert(k, s.value(k));
        }
        // The entries are found by their numbered groups rather than by "size" alone: in a
        // damaged file the size may be missing or wrong.
        s.beginGroup(Group);
        QList<int> entries;
        const QStringList groups = s.childGroups();
        for (const QString &g : groups) {
            bool ok = false;
            const int n = g.toInt(&ok);
            if (ok && n > 0)
                entries << n;
        }
        std::sort(entries.begin(), entries.end());
        for (const int n : std::as_const(entries)) {
            s.beginGroup(QString::number(n));
            m_accounts.append(readAccount(s, n - 1));
            s.endGroup();
        }
        s.endGroup();
        m_default = s.value(DefaultKey).toString();
    }

    if (!damage.isEmpty()) {
        m_loadProblems.prepend(
            tr("The settings file %1 is damaged (%2): starting with default settings; %n "
               "accounts could be read and are kept.",
               nullptr, int(m_accounts.size()))
                .arg(QDir::toNativeSeparators(m_file), damage));
        if (moveAside(damage)) {
            QSettings fresh(m_file, QSettings::IniFormat);
            for (auto it = everything.cbegin(); it != everything.cend(); ++it) {
                if (!it.key().startsWith(Group + QLatin1Char('/')))
                    fresh.setValue(it.key(), it.value());
            }
        }
    }

    // Ids and names must be unique: a store edited by hand (or damaged) may repeat them.
    QStringList ids;
    QStringList names;
    for (int i = 0; i < m_accounts.size(); ++i) {
        Account &a = m_accounts[i];
        if (a.id.isEmpty() || ids.contains(a.id))
            a.id = Account::newId();
        ids << a.id;
        QString unique = a.name;
        for (int n = 2; names.contains(unique); ++n)
            unique = QStringLiteral("%1 (%2)").arg(a.name).arg(n);
        names << unique;
        if (unique != a.name) {
            m_loadProblems << tr("Two accounts were called \"%1\": the second is now "
                                 "\"%2\".")
                                  .arg(a.name, unique);
            a.name = unique;
        }
    }
    const bool fresh = m_accounts.isEmpty();
    if (fresh)
        m_accounts.append(blankAccount());
    if (indexOf(m_default) < 0)
        m_default = m_accounts.first().id;
    // Ids given just now, and anything repaired, must reach the file.
    if (!damage.isEmpty() || !m_loadProblems.isEmpty() || !fresh)
        save();
    return m_loadProblems.isEmpty();
}

Account AccountStore::readAccount(QSettings &s, int index)
{
    Account a;
    const QString where = QStringLiteral("Account %1").arg(index + 1);
    a.id = s.value(QStringLiteral("id")).toString();
    a.name = s.value(QStringLiteral("name")).toString().trimmed();
    if (a.name.isEmpty())
        a.name = where;
    const QString label = QStringLiteral("Account \"%1\"").arg(a.name);
    a.displayName = s.value(QStringLiteral("displayName")).toString();
    a.address = s.value(QStringLiteral("address")).toString();
    a.host = s.value(QStringLiteral("host")).toString();
    a.kind = s.value(QStringLiteral("kind")).toString() == QLatin1String("mx")
                 ? Account::Kind::DirectMx
                 : Account::Kind::Submission;
    a.dnsServer = s.value(QStringLiteral("dnsServer")).toString();
    a.user = s.value(QStringLiteral("user")).toString();
    a.heloName = s.value(QStringLiteral("heloName")).toString();
    a.identities = s.value(QStringLiteral("identities")).toStringList();
    a.signature = s.value(QStringLiteral("signature")).toString();
    a.signatureHtml = s.value(QStringLiteral("signatureHtml")).toString();
    a.caFile = s.value(QStringLiteral("caFile")).toString();
    a.authMechanism = s.value(QStringLiteral("mechanism")).toString().toLatin1().toUpper();
    a.oauthAuthorizationUrl = s.value(QStringLiteral("oauth/authorizationUrl")).toString();
    a.oauthTokenUrl = s.value(QStringLiteral("oauth/tokenUrl")).toString();
    a.oauthScope = s.value(QStringLiteral("oauth/scope")).toString();
    a.oauthClientId = s.value(QStringLiteral("oauth/clientId")).toString();

    const QVariant security = s.value(QStringLiteral("security"));
    if (security.isValid()) {
        if (const auto sec = securityFrom(security)) {
            a.security = *sec;
        } else {
            // The safe choice: nothing goes out unless TLS is up.
            m_loadProblems << QStringLiteral("%1: security \"%2\" is not understood; set to "
                                             "STARTTLS, required.")
                                  .arg(label, security.toString());
        }
    }
    const QVariant port = s.value(QStringLiteral("port"));
    if (port.isValid()) {
        bool ok = false;
        const int p = port.toInt(&ok);
        if (ok) {
            a.port = p; // out of range is kept, so the form shows it and says why
        } else {
            a.port = Account::usualPort(a.security);
            m_loadProblems << QStringLiteral("%1: port \"%2\" is not a number; set to %3.")
                                  .arg(label, port.toString())
                                  .arg(a.port);
        }
    }
    bool ok = true;
    a.authenticate = boolFrom(s.value(QStringLiteral("authenticate")), !a.user.isEmpty(), &ok);
    if (!ok)
        m_loadProblems << QStringLiteral("%1: \"authenticate\" is not true or false; %2.")
                              .arg(label, a.authenticate ? tr("set to true") : tr("set to false"));
    a.allowPlaintextAuth = boolFrom(s.value(QStringLiteral("allowPlaintextAuth")), false, &ok);
    if (!ok)
        m_loadProblems << QStringLiteral("%1: \"allowPlaintextAuth\" is not true or false; set "
                                         "to false.")
                              .arg(label);
    a.richText = boolFrom(s.value(QStringLiteral("richText")), false, &ok);
    if (!ok)
        m_loadProblems
            << QStringLiteral("%1: \"richText\" is not true or false; set to false.").arg(label);
    s.beginGroup(QStringLiteral("timeouts"));
    for (const TimeoutKey &t : TimeoutKeys) {
        const QVariant v = s.value(QLatin1String(t.key));
        if (!v.isValid())
            continue;
        const int ms = v.toInt(&ok);
        if (ok && ms > 0)
            a.timeouts.*t.member = ms;
        else
            m_loadProblems << QStringLiteral("%1: timeout \"%2\" is not a positive number; "
                                             "the default is used.")
                                  .arg(label, QLatin1String(t.key));
    }
    s.endGroup();
    static const QRegularExpression sha256(QStringLiteral("^[0-9a-f]{64}$"));
    const QStringList pins = s.value(QStringLiteral("pinned")).toStringList();
    for (const QString &p : pins) {
        const QString normal = p.trimmed().toLower().remove(QLatin1Char(':'));
        if (sha256.match(normal).hasMatch())
            a.pin(normal.toLatin1(), s.value(QStringLiteral("pinLabels/") + normal).toString());
        else if (!normal.isEmpty())
            m_loadProblems << QStringLiteral("%1: \"%2\" is not a SHA-256 fingerprint; that "
                                             "certificate is no longer trusted.")
                                  .arg(label, p);
    }
    return a;
}

bool AccountStore::moveAside(const QString &why)
{
    QString backup = m_file + QStringLiteral(".damaged");
    if (QFileInfo::exists(backup))
        backup += QLatin1Char('-') +
                  QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    if (!QFile::rename(m_file, backup)) {
        m_loadProblems << tr("Could not move the damaged settings file (%1) aside "
                             "to %2; changes may not be saved.")
                              .arg(why, QDir::toNativeSeparators(backup));
        return false;
    }
    m_backup = backup;
    m_loadProblems << tr("The damaged file was kept as %1.").arg(QDir::toNativeSeparators(backup));
    return true;
}

bool AccountStore::save()
{
    QSettings s(m_file, QSettings::IniFormat);
    s.remove(Group);
    s.beginWriteArray(Group, int(m_accounts.size()));
    for (int i = 0; i < m_accounts.size(); ++i) {
        const Account &a = m_accounts[i];
        s.setArrayIndex(i);
        s.setValue(QStringLiteral("id"), a.id);
        s.setValue(QStringLiteral("name"), a.name);
        s.setValue(QStringLiteral("displayName"), a.displayName);
        s.setValue(QStringLiteral("address"), a.address);
        s.setValue(QStringLiteral("host"), a.host);
        s.setValue(QStringLiteral("kind"), a.kind == Account::Kind::DirectMx
                                               ? QStringLiteral("mx")
                                               : QStringLiteral("submission"));
        s.setValue(QStringLiteral("dnsServer"), a.dnsServer);
        s.setValue(QStringLiteral("port"), a.port);
        s.setValue(QStringLiteral("security"), int(a.security));
        s.setValue(QStringLiteral("authenticate"), a.authenticate);
        s.setValue(QStringLiteral("mechanism"), QString::fromLatin1(a.authMechanism));
        s.setValue(QStringLiteral("user"), a.user);
        s.setValue(QStringLiteral("heloName"), a.heloName);
        s.setValue(QStringLiteral("identities"), a.identities);
        s.setValue(QStringLiteral("signature"), a.signature);
        s.setValue(QStringLiteral("signatureHtml"), a.signatureHtml);
        s.setValue(QStringLiteral("allowPlaintextAuth"), a.allowPlaintextAuth);
        s.setValue(QStringLiteral("richText"), a.richText);
        s.setValue(QStringLiteral("caFile"), a.caFile);
        s.setValue(QStringLiteral("oauth/authorizationUrl"), a.oauthAuthorizationUrl);
        s.setValue(QStringLiteral("oauth/tokenUrl"), a.oauthTokenUrl);
        s.setValue(QStringLiteral("oauth/scope"), a.oauthScope);
        s.setValue(QStringLiteral("oauth/clientId"), a.oauthClientId);
        QStringList pins;
        for (const QByteArray &p : a.pinnedFingerprints)
            pins << QString::fromLatin1(p);
        s.setValue(QStringLiteral("pinned"), pins);
        s.beginGroup(QStringLiteral("pinLabels"));
        s.remove(QString());
        for (auto it = a.pinLabels.cbegin(); it != a.pinLabels.cend(); ++it) {
            if (a.pinnedFingerprints.contains(it.key()))
                s.setValue(QString::fromLatin1(it.key()), it.value());
        }
        s.endGroup();
        s.beginGroup(QStringLiteral("timeouts"));
        for (const TimeoutKey &t : TimeoutKeys)
            s.setValue(QLatin1String(t.key), a.timeouts.*t.member);
        s.endGroup();
    }
    s.endArray();
    s.setValue(DefaultKey, m_default);
    s.sync();
    if (s.status() == QSettings::AccessError) {
        m_error = tr("Could not save the accounts to %1").arg(QDir::toNativeSeparators(m_file));
        Q_EMIT saveFailed(m_error);
        return false;
    }
    m_error.clear();
    return true;
}

int AccountStore::indexOf(const QString &id) const
{
    if (id.isEmpty())
        return -1;
    for (int i = 0; i < m_accounts.size(); ++i) {
        if (m_accounts[i].id == id)
            return i;
    }
    return -1;
}

int AccountStore::indexOfName(const QString &name) const
{
    for (int i = 0; i < m_accounts.size(); ++i) {
        if (m_accounts[i].name == name)
            return i;
    }
    return -1;
}

std::optional<Account> AccountStore::account(const QString &id) const
{
    const int i = indexOf(id);
    if (i < 0)
        return std::nullopt;
    return m_accounts[i];
}

QStringList AccountStore::names() const
{
    QStringList n;
    for (const Account &a : m_accounts)
        n << a.name;
    return n;
}

Account AccountStore::defaultAccount() const
{
    const int i = indexOf(m_default);
    return i >= 0 ? m_accounts[i] : m_accounts.value(0);
}

bool AccountStore::setDefault(const QString &id)
{
    if (indexOf(id) < 0)
        return false;
    if (m_default == id)
        return true;
    m_default = id;
    const bool ok = save();
    Q_EMIT defaultChanged(id);
    Q_EMIT changed();
    return ok;
}

QString AccountStore::uniqueName(const QString &base, const QString &exceptId) const
{
    const QString stem = base.trimmed().isEmpty() ? QStringLiteral("Account") : base.trimmed();
    const auto taken = [&](const QString &n) {
        for (const Account &a : m_accounts) {
            if (a.name == n && a.id != exceptId)
                return true;
        }
        return false;
    };
    QString name = stem;
    for (int i = 2; taken(name); ++i)
        name = QStringLiteral("%1 (%2)").arg(stem).arg(i);
    return name;
}

QString AccountStore::add(Account account)
{
    if (account.id.isEmpty() || indexOf(account.id) >= 0)
        account.id = Account::newId();
    account.name = uniqueName(account.name, account.id);
    m_accounts.append(account);
    save();
    Q_EMIT changed();
    return account.id;
}

bool AccountStore::update(const Account &account)
{
    const int i = indexOf(account.id);
    if (i < 0)
        return false;
    if (m_accounts[i] == account)
        return true;
    m_accounts[i] = account;
    m_accounts[i].name = uniqueName(account.name, account.id);
    const bool ok = save();
    Q_EMIT accountChanged(account.id);
    Q_EMIT changed();
    return ok;
}

bool AccountStore::remove(const QString &id)
{
    const int i = indexOf(id);
    if (i < 0)
        return false;
    m_accounts.removeAt(i);
    // There is always an account to send with, and always a default.
    if (m_accounts.isEmpty())
        m_accounts.append(blankAccount());
    const bool defaultGone = m_default == id;
    if (defaultGone)
        m_default = m_accounts.first().id;
    const bool ok = save();
    if (defaultGone)
        Q_EMIT defaultChanged(m_default);
    Q_EMIT changed();
    return ok;
}

bool AccountStore::pin(const QString &id, const QByteArray &sha256Hex, const QString &label)
{
    const int i = indexOf(id);
    if (i < 0)
        return false;
    Account a = m_accounts[i];
    a.pin(sha256Hex, label);
    return update(a);
}
