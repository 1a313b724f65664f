#include "mail/htmltext.h"

#include <QElapsedTimer>
#include <QTest>

using namespace vaulttray;
using namespace Qt::StringLiterals;

class TestHtmlText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toPlainText_data();
    void toPlainText();
    void sniffCharset_data();
    void sniffCharset();
    void largeInputIsLinear();
};

void TestHtmlText::toPlainText_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain text passes") << u"just words"_s << u"just words"_s;
    QTest::newRow("inline tags vanish") << u"<b>bold</b> and <a href=\"x\">link</a>"_s << u"bold and link"_s;
    QTest::newRow("uppercase tags") << u"<P>one</P><P>two</P>"_s << u"one\n\ntwo"_s;
    QTest::newRow("script content dropped") << u"a<script>alert('x < y')</script>b"_s << u"ab"_s;
    QTest::newRow("script with markup inside") << u"a<script>document.write('</div>')</SCRIPT >b"_s << u"ab"_s;
    QTest::newRow("style content dropped") << u"<style>p { color: red }</style>text"_s << u"text"_s;
    QTest::newRow("head and title dropped")
        << u"<html><head><title>Title</title><meta charset=utf-8>junk</head><body>body</body></html>"_s << u"body"_s;
    QTest::newRow("unclosed head stops at body") << u"<head><title>t</title><body>kept"_s << u"kept"_s;
    QTest::newRow("unclosed head without body keeps text") << u"<head>kept"_s << u"kept"_s;
    QTest::newRow("unclosed script drops the rest") << u"seen<script>var x = 1; text"_s << u"seen"_s;
    QTest::newRow("self-closed script hides nothing") << u"<script src=a.js />shown"_s << u"shown"_s;
    QTest::newRow("br breaks lines") << u"one<br>two<br/>three<BR />four"_s << u"one\ntwo\nthree\nfour"_s;
    QTest::newRow("paragraphs leave one empty line") << u"<p>one</p><p>two</p>"_s << u"one\n\ntwo"_s;
    QTest::newRow("divs and list items are lines")
        << u"<div>a</div><div>b</div><ul><li>c</li><li>d</li></ul>"_s << u"a\nb\nc\nd"_s;
    QTest::newRow("table rows are lines, cells spaced")
        << u"<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>"_s << u"a b\nc d"_s;
    QTest::newRow("runs of breaks collapse") << u"a<br><br><br><br>b"_s << u"a\n\nb"_s;
    QTest::newRow("whitespace collapses") << u"  lots \n\t of   space  "_s << u"lots of space"_s;
    QTest::newRow("pre keeps whitespace") << u"x<pre>a  b\n  c</pre>y"_s << u"x\na  b\n  c\ny"_s;
    QTest::newRow("named entities") << u"Tom &amp; Jerry &lt;3 &quot;q&quot; &copy; caf&eacute;"_s
                                    << u"Tom & Jerry <3 \"q\" © café"_s;
    QTest::newRow("typographic entities") << u"&ldquo;Hi&rdquo; &mdash; &hellip; &euro;5"_s << u"“Hi” — … €5"_s;
    QTest::newRow("decimal and hex references") << u"&#65;&#x42;&#X43;&#100"_s << u"ABCd"_s;
    QTest::newRow("references to C1 mean windows-1252") << u"&#150; &#128;"_s << u"– €"_s;
    QTest::newRow("astral reference") << u"&#x1F600;"_s << u"\U0001F600"_s;
    QTest::newRow("invalid references become U+FFFD") << u"&#0;&#xD800;&#99999999999;"_s << u"\uFFFD\uFFFD\uFFFD"_s;
    QTest::newRow("unknown entity stays literal") << u"&bogus; &"_s << u"&bogus; &"_s;
    QTest::newRow("bare ampersand names") << u"AT&T &amp &nbsp;x"_s << u"AT&T & x"_s;
    QTest::newRow("entity without semicolon needs it") << u"&copy2020"_s << u"&copy2020"_s;
    QTest::newRow("nbsp collapses like a space") << u"a&nbsp;&nbsp; b"_s << u"a b"_s;
    QTest::newRow("invisible padding dropped") << u"pre&zwnj;&#8203;view&shy;text&#xFEFF;"_s << u"previewtext"_s;
    QTest::newRow("less-than as text") << u"a < b and c<3"_s << u"a < b and c<3"_s;
    QTest::newRow("comments dropped") << u"a<!-- hidden <b>x</b> -->b"_s << u"ab"_s;
    QTest::newRow("conditional comments dropped")
        << u"a<!--[if mso]><table><tr><td>mso</td></tr></table><![endif]-->b"_s << u"ab"_s;
    QTest::newRow("doctype dropped") << u"<!DOCTYPE html><?xml version=\"1.0\"?>text"_s << u"text"_s;
    QTest::newRow("quoted > in attribute") << u"<img alt=\"a > b\" src=x>text"_s << u"text"_s;
    QTest::newRow("apostrophe in unquoted attribute") << u"<a title=don't>x</a> y"_s << u"x y"_s;
    QTest::newRow("unterminated tag eats the rest") << u"text<a href=\"x"_s << u"text"_s;
    QTest::newRow("bogus end tag dropped") << u"a</ b>c"_s << u"ac"_s;
    QTest::newRow("office namespace tags") << u"<o:p>x</o:p>"_s << u"x"_s;
    QTest::newRow("entities not decoded in script") << u"<script>&amp;</script>&amp;"_s << u"&"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestHtmlText::toPlainText()
{
    QFETCH(QString, html);
    QFETCH(QString, expected);
    QCOMPARE(HtmlText::toPlainText(html), expected);
}

void TestHtmlText::sniffCharset_data()
{
    QTest::addColumn<QByteArray>("html");
    QTest::addColumn<QByteArray>("charset");

    QTest::newRow("meta charset") << QByteArray("<html><head><meta charset=\"Windows-1251\">")
                                  << QByteArray("windows-1251");
    QTest::newRow("http-equiv") << QByteArray(
                                       "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=koi8-r\">")
                                << QByteArray("koi8-r");
    QTest::newRow("unquoted") << QByteArray("<meta charset=utf-8>") << QByteArray("utf-8");
    QTest::newRow("meta without charset") << QByteArray("<meta name=x><meta charset='gbk'>") << QByteArray("gbk");
    QTest::newRow("no meta") << QByteArray("<p>charset=utf-8</p>") << QByteArray();
    QTest::newRow("too far in") << QByteArray(8192, ' ') + "<meta charset=utf-8>" << QByteArray();
}

void TestHtmlText::sniffCharset()
{
    QFETCH(QByteArray, html);
    QFETCH(QByteArray, charset);
    QCOMPARE(HtmlText::sniffCharset(html), charset);
}

void TestHtmlText::largeInputIsLinear()
{
    // Unclosed tags and stray '<' must not send the converter scanning ahead for each one. A quadratic
    // converter takes hours on this; a linear one well under a second even in a debug build.
    constexpr qint64 kGenerousMs = 20000;
    const QString html = QString(u"<b>x</b> a < b &amp; "_s).repeated(200000);
    QElapsedTimer timer;
    timer.start();
    const QString text = HtmlText::toPlainText(html);
    QVERIFY(text.startsWith(u"x a < b & x a"));
    QVERIFY2(timer.elapsed() < kGenerousMs, qPrintable(QString::number(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestHtmlText)
#include "tst_htmltext.moc"
