#include "xdesktop.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>

namespace vaulttray::test::xdesktop {

namespace {
constexpr int kToolTimeoutMs = 10000;

QByteArray run(const QString &program, const QStringList &arguments, bool *ok = nullptr)
{
    QProcess p;
    p.start(program, arguments);
    const bool finished = p.waitForStarted(kToolTimeoutMs) && p.waitForFinished(kToolTimeoutMs);
    const bool succeeded = finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (ok)
        *ok = succeeded;
    if (!succeeded)
        qWarning().noquote() << program << arguments.join(QLatin1Char(' ')) << "failed:" << p.readAllStandardError();
    return p.readAllStandardOutput();
}

struct TreeLine
{
    int indent = 0;
    XWindow window;
    QString classes;
};

// `xwininfo -root -tree` lines: "  0x400006 "vaulttray": ("vaulttray" "vaulttray")  22x30+0+0  +617+1".
QList<TreeLine> tree()
{
    static const QRegularExpression line(QStringLiteral(
        R"re(^(\s*)(0x[0-9a-f]+) (?:"(.*)"|\(has no name\)): \((.*)\)\s+(\d+)x(\d+)[+-]-?\d+[+-]-?\d+\s+\+(-?\d+)\+(-?\d+))re"));
    QList<TreeLine> out;
    const QString text =
        QString::fromUtf8(run(QStringLiteral("xwininfo"), {QStringLiteral("-root"), QStringLiteral("-tree")}));
    for (const QString &l : text.split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch m = line.match(l);
        if (!m.hasMatch())
            continue;
        TreeLine t;
        t.indent = int(m.capturedLength(1));
        t.window.id = m.captured(2);
        t.window.name = m.captured(3);
        t.classes = m.captured(4);
        t.window.rect =
            QRect(m.captured(7).toInt(), m.captured(8).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
        out << t;
    }
    return out;
}
} // namespace

std::optional<XWindow> trayPanel()
{
    for (const TreeLine &t : tree()) {
        if (t.classes == QLatin1String("\"panel\" \"trayer\""))
            return t.window;
    }
    return std::nullopt;
}

std::optional<XWindow> trayIcon(const QString &name)
{
    const QList<TreeLine> lines = tree();
    for (int i = 0; i < lines.size(); ++i) {
        if (lines[i].classes != QLatin1String("\"panel\" \"trayer\""))
            continue;
        // The panel's descendants follow it, indented deeper.
        for (int j = i + 1; j < lines.size() && lines[j].indent > lines[i].indent; ++j) {
            if (lines[j].window.name == name && lines[j].window.rect.width() > 1)
                return lines[j].window;
        }
    }
    return std::nullopt;
}

QList<XWindow> visibleWindows(const QString &name)
{
    QList<XWindow> out;
    // xdotool search exits with 1 when it finds nothing: an answer, not a failure.
    QProcess search;
    search.start(QStringLiteral("xdotool"),
                 {QStringLiteral("search"), QStringLiteral("--onlyvisible"), QStringLiteral("--name"),
                  QStringLiteral("^%1$").arg(QRegularExpression::escape(name))});
    search.waitForFinished(kToolTimeoutMs);
    const QByteArray ids = search.readAllStandardOutput();
    QSet<QString> wanted;
    for (const QByteArray &id : ids.split('\n')) {
        if (!id.trimmed().isEmpty())
            wanted.insert(QStringLiteral("0x%1").arg(id.trimmed().toULongLong(), 0, 16));
    }
    for (const TreeLine &t : tree()) {
        if (wanted.contains(t.window.id))
            out << t.window;
    }
    return out;
}

bool click(const XWindow &window, int button)
{
    const QPoint centre = window.rect.center();
    bool ok = false;
    run(QStringLiteral("xdotool"),
        {QStringLiteral("mousemove"), QString::number(centre.x()), QString::number(centre.y()), QStringLiteral("click"),
         QString::number(button)},
        &ok);
    return ok;
}

bool key(const QString &keys)
{
    bool ok = false;
    run(QStringLiteral("xdotool"), {QStringLiteral("key"), keys}, &ok);
    return ok;
}

bool keyInto(const XWindow &window, const QString &keys)
{
    bool focused = false;
    run(QStringLiteral("xdotool"), {QStringLiteral("windowfocus"), QStringLiteral("--sync"), window.id}, &focused);
    return focused && key(keys);
}

QImage grab(const QRect &area)
{
    bool ok = false;
    const QByteArray png = run(QStringLiteral("import"),
                               {QStringLiteral("-window"), QStringLiteral("root"), QStringLiteral("png:-")}, &ok);
    QImage image;
    if (!ok || !image.loadFromData(png, "PNG"))
        return {};
    return area.isNull() ? image : image.copy(area);
}

QString keep(const QImage &image, const QString &name)
{
    const QString folder = qEnvironmentVariable("VAULTTRAY_SCREENSHOTS");
    if (folder.isEmpty() || image.isNull() || !QDir().mkpath(folder))
        return {};
    const QString path = QDir(folder).filePath(name + QStringLiteral(".png"));
    return image.save(path, "PNG") ? path : QString();
}

int colours(const QImage &image)
{
    QSet<QRgb> seen;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            seen.insert(image.pixel(x, y));
    }
    return int(seen.size());
}

} // namespace vaulttray::test::xdesktop
