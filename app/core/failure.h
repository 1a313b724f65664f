#pragma once

#include <QMetaType>
#include <QString>

#include <chrono>
#include <optional>

namespace vaulttray {

// The failure taxonomy of DESIGN.md. Every failure is classified into exactly one kind;
// only CredentialRejected ever asks the person to sign in again.
enum class FailureKind {
    None,
    NetworkTransient,
    ServerTransient,
    CredentialRejected,
    ClientMisconfigured,
    Local,
    BadData,
    Cancelled,
};

struct Failure
{
    FailureKind kind = FailureKind::None;
    QString detail; // technical detail for logs and "Show details"; never a secret
    std::optional<std::chrono::seconds> retryAfter;

    bool ok() const { return kind == FailureKind::None; }
    explicit operator bool() const { return !ok(); }

    static Failure none() { return {}; }
    static Failure of(FailureKind kind, QString detail) { return Failure{kind, std::move(detail), std::nullopt}; }
};

QString toString(FailureKind kind);
bool isTransient(FailureKind kind);

} // namespace vaulttray

Q_DECLARE_METATYPE(vaulttray::Failure)
