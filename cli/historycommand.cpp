#include "cli/historycommand.h"

#include "history/attemptdiff.h"
#include "history/attemptexport.h"
#include "history/historystore.h"
#include "smtp/printable.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace {

// The context of this command's texts for people.
class HistoryText
{
    Q_DECLARE_TR_FUNCTIONS(HistoryText)
};

enum ExitCode
{
    ExitOk = 0,
    ExitStore = 1, // the history could not be read or changed
    ExitUsage = 2, // bad command line, or no such attempt
};

const char *const Usage = QT_TRANSLATE_NOOP(
    "HistoryText",
    "Usage: postwire history COMMAND [options]\n"
    "The attempts kept by the window and by postwire send, newest first.\n\n"
    "Commands:\n"
    "  list [--json] [--kind K] [--server S] [--account A] [--outcome O]\n"
    "                       the attempts, one a line (with --json an array of objects)\n"
    "  show ID [--format text|html|json] [--output FILE]\n"
    "                       one attempt's transcript with every line explained, and the\n"
    "                       postwire and swaks command lines that repeat it\n"
    "  diff ID ID           two attempts side by side, step by step: what changed, where,\n"
    "                       and how much slower or faster each step answered\n"
    "  command ID [--swaks] the command line that repeats the attempt (the password is read\n"
    "                       from $POSTWIRE_PASSWORD)\n"
    "  delete ID...         delete attempts\n"
    "  limit [N]            how many attempts are kept (default 1000); N changes it\n\n"
    "ID is an attempt's id as listed, or the start of one that names only it.\n\n"
    "Exit status:\n"
    "   0  done\n"
    "   1  the history could not be read or changed (the file is named)\n"
    "   2  bad command line, or no such attempt\n\n"
    "Every command also takes --lang CODE, the interface language (e.g. ru, en).\n");

class Failure
{
public:
    int code;
    QString text;
};

struct Io
{
    QTextStream out{stdout};
    QTextStream err{stderr};
    // Every line goes through printableText(): history holds what servers sent.
    void say(const QString &text) { out << printableText(text) << '\n'; }
};

QStringList parse(QCommandLineParser &parser, const QStringList &arguments,
                  const QList<QCommandLineOption> &options)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(options);
    if (!parser.parse(arguments))
        throw Failure{ExitUsage, parser.errorText()};
    return parser.positionalArguments();
}

Attempt load(const HistoryStore &store, const QString &idOrPrefix)
{
    QString error;
    const QString id = store.resolve(idOrPrefix, &error);
    if (id.isEmpty())
        throw Failure{ExitUsage, error};
    std::optional<Attempt> attempt = store.load(id, &error);
    if (!attempt)
        throw Failure{ExitStore, error};
    return *attempt;
}

QString cell(const QString &text, int width)
{
    return text.isEmpty() ? QStringLiteral("-").leftJustified(width) : text.leftJustified(width);
}

int list(const HistoryStore &store, const QStringList &args, Io &io)
{
    const QCommandLineOption json(QStringLiteral("json"));
    const QCommandLineOption kind(QStringLiteral("kind"), QString(), QStringLiteral("K"));
    const QCommandLineOption server(QStringLiteral("server"), QString(), QStringLiteral("S"));
    const QCommandLineOption account(QStringLiteral("account"), QString(), QStringLiteral("A"));
    const QCommandLineOption outcome(QStringLiteral("outcome"), QString(), QStringLiteral("O"));
    QCommandLineParser parser;
    const QStringList rest = parse(parser, args, {json, kind, server, account, outcome});
    if (!rest.isEmpty())
        throw Failure{ExitUsage,
                      HistoryText::tr("list: unexpected argument \"%1\"").arg(rest.first())};
    if (parser.isSet(kind) && !Attempt::kindFromName(parser.value(kind)))
        throw Failure{ExitUsage,
                      QStringLiteral("--kind: \"%1\" is not one of send, test-connection, "
                                     "server-check, console")
                          .arg(parser.value(kind))};
    if (parser.isSet(outcome) && !Attempt::outcomeFromName(parser.value(outcome)))
        throw Failure{ExitUsage,
                      QStringLiteral("--outcome: \"%1\" is not one of success, partial, failure, "
                                     "delivery-unknown, cancelled, unfinished")
                          .arg(parser.value(outcome))};
    QStringList warnings;
    const QList<Attempt> all = store.list(&warnings);
    for (const QString &w : warnings)
        io.err << "postwire history: " << printableText(w) << '\n';
    QList<Attempt> shown;
    for (const Attempt &a : all) {
        if (parser.isSet(kind) && Attempt::kindName(a.kind) != parser.value(kind))
            continue;
        if (parser.isSet(outcome) && Attempt::outcomeName(a.outcome) != parser.value(outcome))
            continue;
        if (parser.isSet(server) && !a.server().contains(parser.value(server), Qt::CaseInsensitive))
            continue;
        if (parser.isSet(account) &&
            a.account.compare(parser.value(account), Qt::CaseInsensitive) != 0)
            continue;
        shown << a;
    }
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const Attempt &a : shown)
            array.append(a.summaryJson());
        io.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    if (shown.isEmpty()) {
        io.say(all.isEmpty() ? HistoryText::tr("The history is empty (%1).").arg(store.folder())
                             : HistoryText::tr("No attempt matches."));
        return ExitOk;
    }
    io.say(QStringLiteral("%1 %2 %3 %4 %5 %6")
               .arg(cell(QStringLiteral("ID"), 21), cell(QStringLiteral("TIME"), 19),
                    cell(QStringLiteral("KIND"), 15), cell(QStringLiteral("SERVER"), 26),
                    cell(QStringLiteral("ACCOUNT"), 14), QStringLiteral("OUTCOME")));
    for (const Attempt &a : shown) {
        QString result = Attempt::outcomeName(a.outcome);
        if (a.outcome != Attempt::Outcome::Success && !a.message.isEmpty())
            result += QStringLiteral(": ") + a.message;
        io.say(
            QStringLiteral("%1 %2 %3 %4 %5 %6")
                .arg(cell(a.id, 21),
                     cell(a.started.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                          19),
                     cell(Attempt::kindName(a.kind), 15), cell(a.server(), 26), cell(a.account, 14),
                     result));
    }
    return ExitOk;
}

int show(const HistoryStore &store, const QStringList &args, Io &io)
{
    const QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("F"));
    const QCommandLineOption output(QStringLiteral("output"), QString(), QStringLiteral("FILE"));
    QCommandLineParser parser;
    const QStringList rest = parse(parser, args, {format, output});
    if (rest.size() != 1)
        throw Failure{ExitUsage, HistoryText::tr("show: give one attempt id")};
    AttemptExport::Format f = AttemptExport::Format::Text;
    const QString name = parser.value(format).toLower();
    if (name == QLatin1String("html"))
        f = AttemptExport::Format::Html;
    else if (name == QLatin1String("json"))
        f = AttemptExport::Format::Json;
    else if (parser.isSet(format) && name != QLatin1String("text"))
        throw Failure{ExitUsage,
                      QStringLiteral("--format: \"%1\" is not one of text, html, json").arg(name)};
    else if (!parser.isSet(format) && parser.isSet(output))
        f = AttemptExport::formatForFile(parser.value(output));
    const Attempt attempt = load(store, rest.first());
    QByteArray bytes = AttemptExport::exported(attempt, f);
    if (f == AttemptExport::Format::Text) {
        const QString repeat =
            HistoryText::tr("\nRepeat it with:\n  %1\n  %2\n")
                .arg(AttemptExport::postwireCommand(attempt), AttemptExport::swaksCommand(attempt));
        bytes += repeat.toUtf8();
    }
    if (parser.isSet(output)) {
        QFile file(parser.value(output));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            throw Failure{ExitStore, HistoryText::tr("--output: cannot write %1: %2")
                                         .arg(file.fileName(), file.errorString())};
        return ExitOk;
    }
    if (f == AttemptExport::Format::Text) {
        for (const QString &line : QString::fromUtf8(bytes).split(QLatin1Char('\n')))
            io.say(line);
    } else {
        io.out << QString::fromUtf8(bytes);
    }
    return ExitOk;
}

int command(const HistoryStore &store, const QStringList &args, Io &io)
{
    const QCommandLineOption swaks(QStringLiteral("swaks"));
    QCommandLineParser parser;
    const QStringList rest = parse(parser, args, {swaks});
    if (rest.size() != 1)
        throw Failure{ExitUsage, HistoryText::tr("command: give one attempt id")};
    const Attempt attempt = load(store, rest.first());
    io.say(parser.isSet(swaks) ? AttemptExport::swaksCommand(attempt)
                               : AttemptExport::postwireCommand(attempt));
    return ExitOk;
}

int diff(const HistoryStore &store, const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    const QStringList rest = parse(parser, args, {});
    if (rest.size() != 2)
        throw Failure{ExitUsage, HistoryText::tr("diff: give two attempt ids")};
    const Attempt a = load(store, rest.at(0));
    const Attempt b = load(store, rest.at(1));
    io.out << AttemptDiff(a, b).toText();
    return ExitOk;
}

int remove(const HistoryStore &store, const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    const QStringList rest = parse(parser, args, {});
    if (rest.isEmpty())
        throw Failure{ExitUsage, HistoryText::tr("delete: give the ids of the attempts to delete")};
    QStringList ids;
    for (const QString &arg : rest) {
        QString error;
        const QString id = store.resolve(arg, &error);
        if (id.isEmpty())
            throw Failure{ExitUsage, error};
        ids << id;
    }
    for (const QString &id : ids) {
        QString error;
        if (!store.remove(id, &error))
            throw Failure{ExitStore, error};
        io.say(QStringLiteral("Deleted %1").arg(id));
    }
    return ExitOk;
}

int limit(HistoryStore &store, const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    const QStringList rest = parse(parser, args, {});
    if (rest.size() > 1)
        throw Failure{ExitUsage, HistoryText::tr("limit: give one number")};
    if (rest.isEmpty()) {
        io.say(QString::number(store.limit()));
        return ExitOk;
    }
    bool ok = false;
    const int n = rest.first().toInt(&ok);
    QString error;
    if (!ok || !store.setLimit(n, &error))
        throw Failure{
            ExitUsage,
            QStringLiteral("limit: %1")
                .arg(ok ? error : QStringLiteral("\"%1\" is not a number").arg(rest.first()))};
    io.say(HistoryText::tr("The history keeps the last %1 attempts.").arg(n));
    return ExitOk;
}

} // namespace

int runHistoryCommand(const QStringList &arguments)
{
    Io io;
    const QString sub = arguments.value(2);
    if (sub.isEmpty() || sub == QLatin1String("--help") || sub == QLatin1String("-h") ||
        sub == QLatin1String("help")) {
        (sub.isEmpty() ? io.err : io.out) << HistoryText::tr(Usage);
        return sub.isEmpty() ? ExitUsage : ExitOk;
    }
    // The parser sees "postwire history SUB options...".
    QStringList args = arguments.mid(2);
    args[0] = arguments.value(0) + QStringLiteral(" history ") + sub;
    if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
        io.out << HistoryText::tr(Usage);
        return ExitOk;
    }
    HistoryStore store;
    try {
        if (sub == QLatin1String("list"))
            return list(store, args, io);
        if (sub == QLatin1String("show"))
            return show(store, args, io);
        if (sub == QLatin1String("diff"))
            return diff(store, args, io);
        if (sub == QLatin1String("command"))
            return command(store, args, io);
        if (sub == QLatin1String("delete"))
            return remove(store, args, io);
        if (sub == QLatin1String("limit"))
            return limit(store, args, io);
        throw Failure{ExitUsage,
                      HistoryText::tr("unknown command \"%1\" (list, show, diff, command, delete, "
                                      "limit; see --help)")
                          .arg(sub)};
    } catch (const Failure &f) {
        io.out.flush();
        io.err << "postwire history: " << printableText(f.text) << '\n';
        return f.code;
    }
}
