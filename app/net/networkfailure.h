#pragma once

#include "core/failure.h"

#include <QAbstractSocket>
#include <QDateTime>
#include <QList>
#include <QNetworkReply>
#include <QSslError>
#include <QString>

// Transport-level classifiers for QtNetwork errors, into the failure taxonomy of DESIGN.md.
// An HTTP answer with a body belongs to the provider's classifier (core/classify.h: the OAuth token endpoint,
// the Gmail API); these decide what the transport alone can tell.

namespace vaulttray {

// Classifies a finished QNetworkReply from its typed error first; errorString is read only where Qt gives no
// type (a TLS failure whose sslErrors were not collected). sslErrors are those the reply's sslErrors() signal
// reported; timedOut says our own transfer timeout aborted the reply, which Qt reports as OperationCanceledError
// (QNetworkRequest::setTransferTimeout included). retryAfter is attached to ServerTransient results.
Failure classifyNetworkReply(QNetworkReply::NetworkError error, int httpStatus, const QByteArray &contentType,
                             const QString &errorString, const QList<QSslError> &sslErrors = {}, bool timedOut = false,
                             std::optional<std::chrono::seconds> retryAfter = std::nullopt);

// The same, read from a finished reply (status, Content-Type, Retry-After against `now`).
Failure classifyNetworkReply(const QNetworkReply &reply, const QList<QSslError> &sslErrors, bool timedOut,
                             const QDateTime &now);

// Classifies a QSslSocket / QTcpSocket error (the IMAP connection). sslErrors as reported by
// QSslSocket::sslErrors(); when empty, errorString is consulted for a certificate failure.
Failure classifySocketError(QAbstractSocket::SocketError error, const QString &errorString,
                            const QList<QSslError> &sslErrors = {});

// True when a TLS failure is a failed certificate verification rather than a handshake cut off: typed
// sslErrors first, else Qt's certificate wording in errorString. Such a failure is never silently transient.
bool isCertificateFailure(const QList<QSslError> &sslErrors, const QString &errorString);

} // namespace vaulttray
