#include "net/imap/starttlscommand.h"

#include "net/imap/imapconnection.h"

namespace vaulttray {

StartTlsCommand::StartTlsCommand(QObject *parent) : ImapCommand("STARTTLS", true, parent) {}

void StartTlsCommand::handleTagged(const ImapResponse &response)
{
    if (response.status != ImapStatus::Ok) {
        // Refused STARTTLS means no encryption; going on in plaintext is not an option.
        complete(
            Failure::of(FailureKind::ClientMisconfigured,
                        QStringLiteral("STARTTLS refused by the server: %1").arg(QString::fromUtf8(response.text))));
        return;
    }
    connection()->forgetCapabilities();
    const QPointer<StartTlsCommand> self(this);
    connection()->startTls([self](const Failure &failure) {
        if (self)
            self->complete(failure);
    });
}

void StartTlsCommand::finish(const Failure &failure)
{
    emit finished(failure);
}

} // namespace vaulttray
