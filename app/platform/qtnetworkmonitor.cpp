#include "platform/qtnetworkmonitor.h"

#include "platform/logging_platform.h"

#include <QNetworkInformation>

namespace vaulttray {

namespace {

const QString kNoBackend = QStringLiteral("none");
const QString kGlibBackend = QStringLiteral("glib");

QNetworkInformation *loadBackend()
{
    if (QNetworkInformation *loaded = QNetworkInformation::instance())
        return loaded;
    if (QNetworkInformation::loadDefaultBackend())
        return QNetworkInformation::instance();
    // On Linux the default needs NetworkManager on the system bus; GLib also watches the kernel's routes.
    if (QNetworkInformation::loadBackendByName(kGlibBackend))
        return QNetworkInformation::instance();
    return nullptr;
}

NetworkMonitor::Reachability fromQt(QNetworkInformation::Reachability reachability)
{
    using QtReachability = QNetworkInformation::Reachability;
    switch (reachability) {
    case QtReachability::Disconnected:
        return NetworkMonitor::Reachability::Offline;
    // Site: an intranet without a route to the internet, which is where the mail servers are.
    case QtReachability::Local:
    case QtReachability::Site:
        return NetworkMonitor::Reachability::LocalOnly;
    case QtReachability::Online:
        return NetworkMonitor::Reachability::Online;
    case QtReachability::Unknown:
        break;
    }
    return NetworkMonitor::Reachability::Unknown;
}

} // namespace

QtNetworkMonitor::QtNetworkMonitor(QObject *parent) : NetworkMonitor(parent), m_information(loadBackend())
{
    if (!m_information) {
        qCInfo(lcPlatform).noquote() << "no network information backend could be loaded (available:"
                                     << QNetworkInformation::availableBackends().join(QStringLiteral(", "))
                                     << "); assuming online and relying on errors";
        return;
    }
    connect(m_information, &QNetworkInformation::reachabilityChanged, this, &QtNetworkMonitor::onInformationChanged);
    connect(m_information, &QNetworkInformation::isBehindCaptivePortalChanged, this,
            &QtNetworkMonitor::onInformationChanged);
    connect(m_information, &QNetworkInformation::isMeteredChanged, this, &QtNetworkMonitor::onInformationChanged);
    // Metered is derived from the medium by some backends; a medium change may be the only signal we get.
    connect(m_information, &QNetworkInformation::transportMediumChanged, this, &QtNetworkMonitor::onInformationChanged);
    m_reachability = fromQt(m_information->reachability());
    m_captivePortal = m_information->isBehindCaptivePortal();
    m_metered = m_information->isMetered();
    qCInfo(lcPlatform) << "network information from" << m_information->backendName() << m_reachability
                       << "captive portal" << m_captivePortal << "metered" << m_metered;
}

QtNetworkMonitor::~QtNetworkMonitor() = default;

QString QtNetworkMonitor::backendName() const
{
    return m_information ? m_information->backendName() : kNoBackend;
}

void QtNetworkMonitor::onInformationChanged()
{
    const Reachability reachability = fromQt(m_information->reachability());
    const bool captivePortal = m_information->isBehindCaptivePortal();
    const bool metered = m_information->isMetered();
    if (reachability == m_reachability && captivePortal == m_captivePortal && metered == m_metered)
        return;
    m_reachability = reachability;
    m_captivePortal = captivePortal;
    m_metered = metered;
    qCInfo(lcPlatform) << "network:" << m_reachability << "captive portal" << m_captivePortal << "metered" << m_metered;
    emit changed();
}

} // namespace vaulttray
