#pragma once

#include "store/archivereader.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QProgressBar;
class QTreeWidget;
class QVBoxLayout;

namespace vaulttray {

class BackgroundReader;
class Clock;
class TrayModel;

// Per account: what it is doing (a progress bar while it syncs), the current error in plain words, and its last
// runs from sync_runs with their outcome. Renders the TrayModel; the runs are read on the reader's thread when the
// window opens and whenever a run's end is recorded.
class StatusWindow : public QWidget
{
    Q_OBJECT

public:
    StatusWindow(TrayModel &model, BackgroundReader &reader, Clock &clock, QWidget *parent = nullptr);
    ~StatusWindow() override;

    // Shows the window and brings it forward.
    void present();

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Section
    {
        QWidget *box = nullptr;
        QLabel *line = nullptr;
        QProgressBar *progress = nullptr;
        QLabel *error = nullptr;
        QTreeWidget *runs = nullptr;
    };

    void render();
    Section &section(qint64 accountId);
    void loadRuns(qint64 accountId);
    void showRuns(qint64 accountId, const QList<SyncRunRecord> &runs);

    TrayModel &m_model;
    BackgroundReader &m_reader;
    Clock &m_clock;
    QVBoxLayout *m_sections = nullptr;
    QLabel *m_summary = nullptr;
    QHash<qint64, Section> m_byAccount;
};

} // namespace vaulttray
