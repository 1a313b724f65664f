#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <optional>

namespace vaulttray {

// What Google Takeout adds to each message of a Gmail mbox:
//   From 1589281872837453567@xxx Wed Jan 15 10:00:00 +0000 2020
//   X-GM-THRID: 1589281872837453567
//   X-Gmail-Labels: Inbox,Important,"Work, 2024",Category Personal,Opened
//   <the message as Gmail has it>
// The number in the From line is the Gmail message id in decimal (the API writes the same number in hex), X-GM-THRID
// the thread id in decimal, X-Gmail-Labels the labels by name, comma-separated with CSV quoting; non-ASCII names
// may come as RFC 2047 encoded words.
struct TakeoutMessage
{
    QString gmailId;  // lower-case hex, as the Gmail API writes it
    QString threadId; // lower-case hex; empty without X-GM-THRID
    QStringList labelNames;
    qsizetype addedHeaderBytes = 0; // the X-GM-THRID / X-Gmail-Labels lines at the top, which Takeout added
};

class TakeoutHeaders
{
public:
    // nullopt unless the From line's sender is "<decimal id>@xxx" (a Takeout export).
    static std::optional<TakeoutMessage> read(QByteArrayView fromLineSender, QByteArrayView raw);

    // Decimal "1589281872837453567" to "160e3c4a8fa9ac7f"; empty if it is not a 64-bit number.
    static QString decimalToHex(QByteArrayView decimal);
    // The X-Gmail-Labels value split into names: CSV quoting ("a, b" and "" for a quote), RFC 2047 words decoded.
    static QStringList splitLabels(QByteArrayView value);
    // The Gmail API's id for a system label as Takeout names it ("Inbox" -> INBOX, "Category Personal" ->
    // CATEGORY_PERSONAL, "Drafts" -> DRAFT); empty for a user label.
    static QString systemLabelId(const QString &takeoutName);
    // Names Takeout writes that are no Gmail label: "Opened" (read) and "Archived" (not in the inbox); the
    // label set already says both.
    static bool isPseudoLabel(const QString &takeoutName);
};

} // namespace vaulttray
