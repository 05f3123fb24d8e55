#include "mime/messagestructure.h"

#include "mime/headerexplain.h"
#include "smtp/explain.h"

namespace {

void addNodes(const MimeParser::Part &part, int depth, QList<MessageStructure::Node> *out)
{
    MessageStructure::Node node;
    node.depth = depth;
    node.type = part.type;
    node.charset = part.typeParameters.value("charset");
    node.fileName = part.fileName();
    node.encoding = part.transferEncoding();
    if (node.encoding.isEmpty())
        node.encoding = "7bit";
    node.disposition = part.disposition;
    node.wireSize = part.body.size();
    node.children = int(part.children.size());
    node.problem = part.problem;
    if (part.children.isEmpty()) {
        qint64 decoded = 0;
        MimeParser::decodeTransfer(part.body, part.transferEncoding(),
                                   [&decoded](QByteArrayView slice) {
                                       decoded += slice.size();
                                       return true;
                                   });
        node.size = decoded;
    } else {
        node.size = node.wireSize;
    }
    out->append(node);
    for (const MimeParser::Part &child : part.children)
        addNodes(child, depth + 1, out);
}

} // namespace

QString MessageStructure::Node::describe() const
{
    QStringList facts;
    if (!fileName.isEmpty())
        facts << fileName;
    if (children > 0) {
        facts << tr("%n parts", nullptr, children);
    } else {
        const bool encoded = encoding == "base64" || encoding == "quoted-printable";
        facts << (encoded && wireSize != size
                      ? tr("%1 (%2 as %3)")
                            .arg(SmtpExplain::formatSize(size), SmtpExplain::formatSize(wireSize),
                                 QString::fromLatin1(encoding))
                      : tr("%1, %2").arg(SmtpExplain::formatSize(size),
                                         QString::fromLatin1(encoding)));
        if (!charset.isEmpty())
            facts << charset;
    }
    if (disposition == "attachment")
        facts << tr("attachment");
    else if (disposition == "inline" && !fileName.isEmpty())
        facts << tr("inline");
    if (!problem.isEmpty())
        facts << problem;
    return facts.join(QStringLiteral(", "));
}

QList<MessageStructure::Header> MessageStructure::headers(const MimeParser::Part &part)
{
    QList<Header> out;
    out.reserve(part.fields.size());
    for (const MimeParser::Field &f : part.fields) {
        Header h;
        h.name = QString::fromLatin1(f.name);
        h.raw = MimeParser::decodeText(f.value, "utf-8");
        if (f.value.contains("=?")) {
            const QString decoded = MimeParser::decodeHeader(f.value);
            if (decoded != h.raw)
                h.decoded = decoded;
        }
        h.meaning = HeaderExplain::field(f.name);
        out.append(h);
    }
    return out;
}

QList<MessageStructure::Node> MessageStructure::tree(const MimeParser::Part &root)
{
    QList<Node> out;
    addNodes(root, 0, &out);
    return out;
}
