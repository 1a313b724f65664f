#pragma once

#include <QString>
#include <QStringList>

namespace vaulttray {

// Collects what went wrong while parsing one message. Details are technical and never quote message
// content; names that come from the message (header names, charsets) go through token() first.
class ParseProblems
{
public:
    // A message can repeat the same fault thousands of times; the count keeps growing, the list does not.
    static constexpr int kMaxDetails = 32;

    void add(const QString &detail);
    int count() const { return m_count; }
    QStringList details() const { return m_details; }

    // A short, printable rendering of a name taken from the message, safe to put in a detail.
    static QString token(const char *name);

private:
    int m_count = 0;
    QStringList m_details;
};

} // namespace vaulttray
