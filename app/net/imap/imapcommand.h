#pragma once

#include "core/classify.h"
#include "core/failure.h"
#include "net/imap/imaparguments.h"
#include "net/imap/imapvalue.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

namespace vaulttray {

class ImapConnection;

// One IMAP command: what it sends, which responses it takes, what it ends with. Subclasses (CapabilityCommand,
// LoginCommand, UidFetchCommand, ...) add their typed data and their own finished(result) signal.
//
// Life: ImapConnection::send() queues it; the connection renders it when its turn comes (arguments() may read the
// connection's capabilities then), offers it every untagged response while it is in flight, and hands it its tagged
// response. It ends exactly once, through finish(), never from inside send(); the connection then deletes it.
class ImapCommand : public QObject
{
    Q_OBJECT

public:
    ~ImapCommand() override;

    // "UID FETCH": what is logged. Arguments are never logged (passwords, tokens, mailbox names of the person).
    QByteArray name() const { return m_name; }
    // An exclusive command is sent only when nothing else is in flight, and nothing is sent after it until it has
    // ended: commands that change the connection's state (STARTTLS, authentication, EXAMINE, ENABLE, LOGOUT).
    bool isExclusive() const { return m_exclusive; }
    QByteArray tag() const { return m_tag; }

protected:
    ImapCommand(QByteArray name, bool exclusive, QObject *parent);

    virtual ImapArguments arguments(const ImapConnection &connection);
    // The command's first bytes are on their way.
    virtual void sent() {}
    // True when the response belongs to this command (the connection then offers it to no one else).
    virtual bool handleUntagged(const ImapResponse &response);
    // A "+" for this command (beyond the literals the connection sends itself). Returns false when the command
    // expected none; otherwise *reply is the line to send (without CRLF).
    virtual bool handleContinuation(const ImapResponse &response, QByteArray *reply);
    // The tagged response. The default classifies it and ends the command.
    virtual void handleTagged(const ImapResponse &response);
    // Called once with the outcome; the subclass emits its finished(result).
    virtual void finish(const Failure &failure) = 0;

    virtual ImapPhase phase() const { return ImapPhase::Command; }
    // classifyImapStatus of a tagged response, for this command's phase and the connection's account kind.
    Failure classify(const ImapResponse &tagged) const;
    // Ends the command: finish(failure), then the connection moves on and deletes it. Later calls do nothing.
    void complete(const Failure &failure);

    ImapConnection *connection() const;

private:
    friend class ImapConnection;

    QByteArray m_name;
    bool m_exclusive = false;
    QByteArray m_tag;
    QPointer<ImapConnection> m_connection;
    bool m_completed = false;
};

} // namespace vaulttray
