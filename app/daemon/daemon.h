#pragma once

#include "core/clock.h"
#include "store/archivewriter.h"
#include "store/storeerror.h"

#include <QObject>

#include <memory>

namespace vaulttray {

// The headless core: owns the archive writer and (as providers arrive) the per-account schedulers.
// It announces; the ui layer decides how to show it.
class Daemon : public QObject
{
    Q_OBJECT

public:
    Daemon(QString archivePath, Clock &clock, QObject *parent = nullptr);
    ~Daemon() override;

    // Prepares the archive (checks, migrations, quick_check) and starts the writer thread.
    StoreError start();
    QString archivePath() const { return m_archivePath; }

signals:
    void archiveFailed(const vaulttray::StoreError &error);

private:
    QString m_archivePath;
    Clock &m_clock;
    std::unique_ptr<ArchiveWriter> m_writer;
};

} // namespace vaulttray
