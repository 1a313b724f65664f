#pragma once

#include "mail/gmimeutil.h"
#include "mail/mimeparser.h"
#include "mail/parseproblems.h"

namespace vaulttray {

// Walks a message's MIME tree once and gathers the indexable body text and the attachment list.
//
// A leaf is an attachment if its disposition says so, if it has a file name, or if a reader could not see
// it inline (anything but plain/html/enriched text, and images shown inline). In a multipart/alternative
// only one rendition contributes text, text/plain first; the others are still searched for attachments.
// An attached message/rfc822 is one attachment; its text stays out of the body.
class MimeBodyWalker
{
public:
    // Deeper trees are hostile or broken; GMime's own limit is far higher than any real mail needs.
    static constexpr int kMaxDepth = 64;

    explicit MimeBodyWalker(ParseProblems &problems) : m_problems(problems) {}

    void walk(GMimeObject *root);
    QString bodyText() const { return m_body; }
    QList<AttachmentInfo> attachments() const { return m_attachments; }

private:
    void visit(GMimeObject *object, bool wantText, int depth);
    void visitMultipart(GMimeMultipart *multipart, bool wantText, int depth);
    void visitMessagePart(GMimeMessagePart *part);
    void visitLeaf(GMimePart *part, bool wantText);
    void appendText(const QString &text);
    bool bodyFull() const { return m_body.size() >= kMaxIndexedBodyChars; }

    ParseProblems &m_problems;
    QString m_body;
    QList<AttachmentInfo> m_attachments;
};

} // namespace vaulttray
