#include "wirelink.h"

#include "addressfield.h"
#include "smtp/explain.h"
#include "transcriptdelegate.h"
#include "transcriptmodel.h"
#include "transcriptview.h"

#include <QAbstractScrollArea>
#include <QEvent>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QListView>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>

#include <utility>

// A frame drawn over the highlighted widget: it works alike for every kind of field and leaves
// the field's own palette (an invalid address's tint) alone.
class LinkFrame : public QWidget
{
public:
    LinkFrame()
    {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setAttribute(Qt::WA_NoSystemBackground);
        setObjectName(QStringLiteral("wireLinkFrame"));
        hide();
    }

    void follow(QWidget *target)
    {
        if (m_target == target)
            return;
        if (m_target)
            m_target->removeEventFilter(this);
        m_target = target;
        if (!target) {
            setParent(nullptr);
            hide();
            return;
        }
        setParent(target);
        target->installEventFilter(this);
        setGeometry(target->rect());
        show();
        raise();
    }
    QWidget *target() const { return m_target; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_target && event->type() == QEvent::Resize)
            setGeometry(m_target->rect());
        return false;
    }
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        QPen pen(TranscriptDelegate::linkColor(palette()), 2);
        p.setPen(pen);
        p.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 3, 3);
    }

private:
    QPointer<QWidget> m_target;
};

namespace {

using Source = CommandOrigin::Source;

bool isMessageSummary(const TranscriptEntry &e)
{
    return e.direction == TranscriptEntry::Direction::Info && !e.details.isEmpty();
}

// The header name of a line of the message's header, lower case ("to"), or empty.
QString headerName(const TranscriptEntry &e)
{
    if (!e.content)
        return QString();
    const qsizetype colon = e.text.indexOf(QLatin1Char(':'));
    if (colon <= 0 || e.text.left(colon).contains(QLatin1Char(' ')))
        return QString();
    return e.text.left(colon).toLower();
}

} // namespace

WireLink::WireLink(TranscriptView *view, const Form &form, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_form(form)
    , m_frame(new LinkFrame)
    , m_refresh(new QTimer(this))
{
    m_fields = {m_form.account, m_form.from,    m_form.to,      m_form.cc,
                m_form.bcc,     m_form.replyTo, m_form.subject, m_form.body};
    for (QWidget *field : std::as_const(m_fields)) {
        if (!field)
            continue;
        field->setMouseTracking(true);
        field->installEventFilter(this);
    }
    if (m_form.body)
        m_form.body->viewport()->installEventFilter(this);
    connect(view->listView()->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &WireLink::onCurrentChanged);
    // Expanding a line moves the rows below it: the links are worked out again.
    TranscriptModel *model = view->model();
    // A send appends its lines one by one: one look at the links per burst, not per line.
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(0);
    connect(m_refresh, &QTimer::timeout, this, &WireLink::applyRows);
    connect(model, &QAbstractItemModel::rowsInserted, m_refresh, qOverload<>(&QTimer::start));
    connect(model, &QAbstractItemModel::rowsRemoved, m_refresh, qOverload<>(&QTimer::start));
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        highlight(Target());
        m_view->setLinkedRows({});
    });
    view->setNoteExtra([this](int row) { return noteForRow(row); });
}

WireLink::~WireLink()
{
    // The frame may have gone with the widget it was drawn over.
    if (m_frame) {
        m_frame->follow(nullptr);
        delete m_frame;
    }
}

int WireLink::entryRow(int row) const
{
    const TranscriptModel *model = m_view->model();
    while (row >= 0 && model->kind(row) == TranscriptModel::RowKind::Detail)
        --row;
    return model->entry(row) ? row : -1;
}

std::pair<int, int> WireLink::sectionRows(int section, int row) const
{
    // Sections are contiguous: a long history of sends is never scanned for one link.
    const TranscriptModel *model = m_view->model();
    int first = row;
    while (first > 0 && model->sectionOf(first - 1) == section)
        --first;
    int last = row;
    while (last + 1 < model->rowCount() && model->sectionOf(last + 1) == section)
        ++last;
    return {first, last};
}

int WireLink::lastSection() const
{
    return m_view->model()->sectionCount() - 1;
}

QWidget *WireLink::fieldOf(const TranscriptEntry &e) const
{
    const CommandOrigin &origin = e.command.origin;
    switch (origin.source) {
    case Source::From:
        return m_form.from;
    case Source::To:
        return m_form.to;
    case Source::Cc:
        return m_form.cc;
    case Source::Bcc:
        return m_form.bcc;
    case Source::Sender:
    case Source::EnvelopeSender: {
        // The account's envelope sender, unless the From field names that same address.
        const QList<Mailbox> from = m_form.from ? m_form.from->mailboxes() : QList<Mailbox>();
        if (!from.isEmpty() &&
            from.first().address.compare(origin.address, Qt::CaseInsensitive) == 0)
            return m_form.from;
        return m_form.account;
    }
    case Source::EhloName:
    case Source::Security:
    case Source::Authentication:
        return m_form.account;
    case Source::Message: {
        const QString header = headerName(e);
        if (header == QLatin1String("from"))
            return m_form.from;
        if (header == QLatin1String("to"))
            return m_form.to;
        if (header == QLatin1String("cc"))
            return m_form.cc;
        if (header == QLatin1String("reply-to"))
            return m_form.replyTo;
        if (header == QLatin1String("subject"))
            return m_form.subject;
        return m_form.body;
    }
    case Source::None:
        return isMessageSummary(e) ? m_form.body : nullptr;
    case Source::Protocol:
    case Source::Recipient:
    case Source::User:
        return nullptr;
    }
    return nullptr;
}

WireLink::Target WireLink::targetFor(int row) const
{
    const int at = entryRow(row);
    if (at < 0)
        return Target();
    const TranscriptEntry &e = *m_view->model()->entry(at);
    Target t;
    t.widget = fieldOf(e);
    if (qobject_cast<AddressField *>(t.widget) && !e.content)
        t.address = e.command.origin.address;
    return t;
}

QList<int> WireLink::rowsOfCommand(int row) const
{
    const int at = entryRow(row);
    const TranscriptModel *model = m_view->model();
    const TranscriptEntry *e = at >= 0 ? model->entry(at) : nullptr;
    if (!e || e->command.id < 0 || !e->command.isValid())
        return {};
    const int section = model->sectionOf(at);
    QList<int> rows;
    const auto [first, last] = sectionRows(section, at);
    for (int i = first; i <= last; ++i) {
        const TranscriptEntry *other = model->entry(i);
        if (other && model->sectionOf(i) == section && other->command.id == e->command.id &&
            (other->direction == TranscriptEntry::Direction::Client ||
             other->direction == TranscriptEntry::Direction::Server))
            rows.append(i);
    }
    return rows;
}

QList<int> WireLink::rowsFor(QWidget *field, const QString &address) const
{
    QList<int> rows;
    if (!field)
        return rows;
    const TranscriptModel *model = m_view->model();
    const int section = lastSection();
    const auto [first, last] = sectionRows(section, model->rowCount() - 1);
    for (int i = first; i <= last; ++i) {
        const TranscriptEntry *e = model->entry(i);
        if (!e || model->sectionOf(i) != section)
            continue;
        const Target t = targetFor(i);
        // The message is all of its content, header lines too (which also name their fields).
        const bool ofMessage =
            field == m_form.body &&
            (e->content || isMessageSummary(*e) || e->command.origin.source == Source::Message);
        if (t.widget != field && !ofMessage)
            continue;
        if (!address.isEmpty() && !e->content &&
            t.address.compare(address, Qt::CaseInsensitive) != 0)
            continue;
        // A header line names its field, not one address in it.
        if (!address.isEmpty() && e->content)
            continue;
        rows.append(i);
    }
    return rows;
}

QList<int> WireLink::linkedRows() const
{
    return m_view->linkedRows();
}

void WireLink::onCurrentChanged()
{
    if (m_hovered)
        return; // the selection's links come back when the pointer leaves the field
    applyRows();
}

void WireLink::applyRows()
{
    if (m_hovered) {
        m_view->setLinkedRows(rowsFor(m_hovered, m_hoveredAddress));
        return;
    }
    const int row = m_view->listView()->currentIndex().row();
    if (row < 0) {
        highlight(Target());
        m_view->setLinkedRows({});
        return;
    }
    highlight(targetFor(row));
    m_view->setLinkedRows(rowsOfCommand(row));
}

void WireLink::highlight(const Target &target)
{
    // Only a selection this class made is taken back: the person's own stays.
    if (m_selectedIn && m_selectedIn->selectionStart() == m_selectedStart &&
        m_selectedIn->selectedText().size() == m_selectedLength)
        m_selectedIn->deselect();
    m_selectedIn = nullptr;
    m_target = target;
    if (m_frame)
        m_frame->follow(target.widget);
    auto *field = qobject_cast<AddressField *>(target.widget);
    if (!field || target.address.isEmpty())
        return;
    // Entries are placed in the field's text as it is (Mailbox::parseList).
    for (const MailboxParseResult &r : field->entries()) {
        if (r.mailbox.address.compare(target.address, Qt::CaseInsensitive) != 0)
            continue;
        // An unfocused line edit still draws its selection, and setting it scrolls the
        // address into view in a long field.
        m_selectedStart = int(r.start);
        m_selectedLength = int(r.length);
        field->setSelection(m_selectedStart, m_selectedLength);
        m_selectedIn = field;
        break;
    }
}

void WireLink::hover(QWidget *field, const QString &address)
{
    if (m_hovered == field && m_hoveredAddress == address)
        return;
    m_hovered = field;
    m_hoveredAddress = address;
    const QList<int> rows = rowsFor(field, address);
    m_view->setLinkedRows(rows);
    if (!rows.isEmpty())
        m_view->listView()->scrollTo(m_view->model()->index(rows.first()),
                                     QAbstractItemView::EnsureVisible);
    const QString name = field->accessibleName();
    const QString what = address.isEmpty() ? name : tr("%1 (%2)").arg(name, address);
    QString text;
    if (rows.isEmpty())
        text = lastSection() < 0 ? tr("Send, and the lines this field produces are highlighted "
                                      "in the transcript.")
                                 : tr("No line of the last send came from it.");
    else
        text = tr("%n lines of the last send came from it, highlighted above.", nullptr,
                  int(rows.size()));
    if (const QString note = noteForField(field); !note.isEmpty())
        text += QLatin1Char(' ') + note;
    m_view->showNoteText(what, text);
}

void WireLink::endHover()
{
    if (!m_hovered)
        return;
    m_hovered = nullptr;
    m_hoveredAddress.clear();
    applyRows();
    m_view->showSelectedNote();
}

bool WireLink::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_view || !m_frame)
        return false; // the window is closing
    QWidget *field = qobject_cast<QWidget *>(watched);
    if (m_form.body && watched == m_form.body->viewport())
        field = m_form.body;
    switch (event->type()) {
    case QEvent::Enter:
    case QEvent::MouseMove: {
        QString address;
        if (auto *f = qobject_cast<AddressField *>(field);
            f && event->type() == QEvent::MouseMove) {
            // The address under the pointer, from the entry that holds its position.
            const int pos =
                f->cursorPositionAt(static_cast<QMouseEvent *>(event)->position().toPoint());
            for (const MailboxParseResult &r : f->entries()) {
                if (pos >= r.start && pos < r.start + r.length) {
                    address = r.mailbox.address;
                    break;
                }
            }
        }
        hover(field, address);
        break;
    }
    case QEvent::Leave:
        if (field == m_hovered)
            endHover();
        break;
    default:
        break;
    }
    return false;
}

QString WireLink::noteForRow(int row) const
{
    const int at = entryRow(row);
    if (at < 0)
        return QString();
    const TranscriptEntry &e = *m_view->model()->entry(at);
    if (e.content) {
        const QString header = headerName(e);
        return header == QLatin1String("bcc") ? QString() : SmtpExplain::fieldNote(header);
    }
    // Only the commands the notes are about (and their replies), not every line.
    switch (e.command.origin.source) {
    case Source::From:
    case Source::Sender:
    case Source::EnvelopeSender:
        return e.command.kind == TranscriptCommand::Kind::Mail
                   ? SmtpExplain::fieldNote(QStringLiteral("From"))
                   : QString();
    case Source::To:
    case Source::Cc:
    case Source::Bcc:
        return SmtpExplain::fieldNote(SmtpExplain::originField(e.command.origin));
    default:
        return QString();
    }
}

QString WireLink::noteForField(QWidget *field) const
{
    if (auto *f = qobject_cast<AddressField *>(field)) {
        for (auto [w, header] : {std::pair{m_form.from, "From"}, std::pair{m_form.to, "To"},
                                 std::pair{m_form.cc, "Cc"}, std::pair{m_form.bcc, "Bcc"},
                                 std::pair{m_form.replyTo, "Reply-To"}}) {
            if (w == f)
                return SmtpExplain::fieldNote(QLatin1String(header));
        }
    }
    return QString();
}
