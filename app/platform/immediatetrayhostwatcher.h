#pragma once

#include "platform/trayhostwatcher.h"

namespace vaulttray {

// A tray host that is there from the start (macOS, Windows), or one not waited for.
class ImmediateTrayHostWatcher final : public TrayHostWatcher
{
    Q_OBJECT

public:
    explicit ImmediateTrayHostWatcher(Host host, QObject *parent = nullptr) : TrayHostWatcher(parent), m_host(host) {}

    void start() override { emit available(m_host); }

private:
    Host m_host;
};

} // namespace vaulttray
