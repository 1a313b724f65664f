#pragma once

#include <QDialog>

class QCheckBox;

namespace vaulttray {

// "Remove the account?": keeping the archived mail is the default; deleting it is a box the person ticks.
class RemoveAccountDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RemoveAccountDialog(const QString &accountName, QWidget *parent = nullptr);

    QString accountName() const { return m_accountName; }
    bool deleteArchivedMail() const;

private:
    QString m_accountName;
    QCheckBox *m_deleteMail;
};

} // namespace vaulttray
