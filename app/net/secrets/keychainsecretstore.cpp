#include "net/secrets/keychainsecretstore.h"

#include "net/secrets/keychainerror.h"
#include "net/secrets/secretslog.h"

#include <QRandomGenerator>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace vaulttray {

namespace {

// Jobs capture the service and timeout by value, never the store, so a store may go away while they run.
SecretJob *startKeychainJob(KeychainOperation operation, const QString &service, std::chrono::milliseconds timeout,
                            const QString &key, const QByteArray &secret = {})
{
    auto *job = new SecretJob;
    QKeychain::Job *keychainJob = nullptr;
    switch (operation) {
    case KeychainOperation::Read:
        keychainJob = new QKeychain::ReadPasswordJob(service);
        break;
    case KeychainOperation::Write: {
        auto *writeJob = new QKeychain::WritePasswordJob(service);
        writeJob->setBinaryData(secret);
        keychainJob = writeJob;
        break;
    }
    case KeychainOperation::Remove:
        keychainJob = new QKeychain::DeletePasswordJob(service);
        break;
    }
    // Not parented to our job: libsecret keeps a raw pointer to the QtKeychain job until it answers, so that job
    // must live until then and delete itself; our job only stops listening when it goes away.
    keychainJob->setAutoDelete(true);
    keychainJob->setInsecureFallback(false);
    keychainJob->setKey(key);
    QObject::connect(keychainJob, &QKeychain::Job::finished, job, [job, operation, key](QKeychain::Job *done) {
        QByteArray data;
        if (operation == KeychainOperation::Read && done->error() == QKeychain::NoError)
            data = static_cast<QKeychain::ReadPasswordJob *>(done)->binaryData();
        const SecretResult result = keychainResult(operation, done->error(), done->errorString(), std::move(data));
        if (!result.ok())
            qCWarning(lcSecrets).noquote()
                << "keychain" << toString(operation) << "of" << key << "failed:" << result.failure.detail;
        else
            qCDebug(lcSecrets).noquote() << "keychain" << toString(operation) << "of" << key
                                         << (result.notFound ? "found no entry" : "done");
        job->finish(result);
    });

    auto *timer = new QTimer(job);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, job, [job, operation, key, timeout] {
        const auto seconds = std::chrono::duration_cast<std::chrono::duration<double>>(timeout).count();
        const QString detail = QStringLiteral("the keychain did not answer within %1 s").arg(seconds);
        qCWarning(lcSecrets).noquote() << "keychain" << toString(operation) << "of" << key << "failed:" << detail;
        job->finish(SecretResult::failed(SecretProblem::KeychainTimedOut, detail));
    });
    timer->start(timeout);

    keychainJob->start();
    return job;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, std::chrono::milliseconds timeout)
    : m_service(std::move(service)), m_timeout(timeout)
{
}

SecretJob *KeychainSecretStore::read(const QString &key)
{
    return startKeychainJob(KeychainOperation::Read, m_service, m_timeout, key);
}

SecretJob *KeychainSecretStore::write(const QString &key, const QByteArray &secret)
{
    return startKeychainJob(KeychainOperation::Write, m_service, m_timeout, key, secret);
}

SecretJob *KeychainSecretStore::remove(const QString &key)
{
    return startKeychainJob(KeychainOperation::Remove, m_service, m_timeout, key);
}

SecretJob *KeychainSecretStore::probe()
{
    auto *probeJob = new SecretJob;
    const QString service = m_service;
    const auto timeout = m_timeout;
    const QString key = QString::fromLatin1(kProbeKey);
    // Random, so a read that returns a stale entry instead of what was just written is caught.
    const QByteArray token = QByteArray::number(QRandomGenerator::system()->generate64(), 16);

    SecretJob *written = startKeychainJob(KeychainOperation::Write, service, timeout, key, token);
    QObject::connect(written, &SecretJob::finished, probeJob, [=](const SecretResult &writeResult) {
        if (!writeResult.ok()) {
            probeJob->finish(writeResult);
            return;
        }
        SecretJob *readBack = startKeychainJob(KeychainOperation::Read, service, timeout, key);
        QObject::connect(readBack, &SecretJob::finished, probeJob, [=](const SecretResult &readResult) {
            if (!readResult.ok()) {
                probeJob->finish(readResult);
                return;
            }
            const bool same = !readResult.notFound && readResult.secret == token;
            // Deleted even after a mismatch, so the probe leaves nothing behind.
            SecretJob *removed = startKeychainJob(KeychainOperation::Remove, service, timeout, key);
            QObject::connect(removed, &SecretJob::finished, probeJob, [=](const SecretResult &removeResult) {
                if (!same) {
                    probeJob->finish(SecretResult::failed(
                        SecretProblem::KeychainError,
                        QStringLiteral("the keychain did not give back the probe entry it had just accepted")));
                } else {
                    probeJob->finish(removeResult);
                }
            });
        });
    });
    return probeJob;
}

} // namespace vaulttray
