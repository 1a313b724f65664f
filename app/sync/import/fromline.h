#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>

#include <optional>

namespace vaulttray {

// The line that starts each message of an mbox (RFC 4155): "From ", the envelope sender, then the date as
// asctime() writes it, with or without a zone:
//   From 1589281872837453567@xxx Wed Jan 15 10:00:00 +0000 2020     (Google Takeout)
//   From - Sat Jan  3 01:05:34 1996                                  (Thunderbird)
//   From someone@example.com Fri Jun  3 10:13:40 2011                (Apple Mail, mutt, procmail)
struct FromLine
{
    QByteArray sender;
    QDateTime date; // UTC; a date without a zone is taken as UTC
};

// The longest From line taken as a separator; a longer "From " line is message text.
inline constexpr qsizetype kMaxFromLineBytes = 1000;

// nullopt unless the line (without its line end) is a From line: "From ", a sender without white space, and a date
// with a month name, a day, a time (h:mm or h:mm:ss) and a four-digit year. Requiring the date is what keeps an
// unquoted "From here on..." in a body from splitting a message.
std::optional<FromLine> parseFromLine(QByteArrayView line);

} // namespace vaulttray
