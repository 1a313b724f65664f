#pragma once

#include <QByteArray>
#include <QString>

namespace vaulttray {

// Turns bytes in a declared (or undeclared, or bogus) charset into text. Labels are read the way mail
// clients and browsers read them: a label names the superset real senders meant (iso-8859-1 is decoded
// as windows-1252, gb2312 as GB18030, shift_jis as CP932), because mail labelled with the subset
// routinely contains the superset's extra characters.
class CharsetDecoder
{
public:
    enum class Issue {
        None,
        UnknownCharset, // the label names nothing we can convert; decoded by guessing
        InvalidBytes,   // bytes that the charset does not allow were replaced or re-read
        Undeclared8Bit, // 8-bit bytes with no charset (or us-ascii) declared; decoded by guessing
    };
    struct Result
    {
        QString text;
        Issue issue = Issue::None;
    };

    // `charset` is the label as written in the message; empty when none was declared.
    static Result decode(const QByteArray &bytes, const QByteArray &charset);
    static bool isKnown(const QByteArray &charset);

    // HTML numeric references and undeclared 8-bit text both use this table.
    static char16_t windows1252ToUnicode(uchar byte);

    // Text decoded elsewhere as ISO-8859-1 (GMime's RFC 2047 decoder takes the label literally) carries C1
    // controls where the sender meant windows-1252 punctuation; nobody means a C1 control in a header.
    static QString repairC1Controls(const QString &text);
};

} // namespace vaulttray
