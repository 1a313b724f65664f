#!/usr/bin/python3
"""A StatusNotifierWatcher on the session bus, as a desktop's panel runs one (KDE Plasma's kded module, GNOME's
AppIndicator extension), for tests of a tray icon in StatusNotifierItem mode.

It behaves like the real watchers: RegisterStatusNotifierItem takes a bus name (the item is then at
/StatusNotifierItem) or an object path on the caller's connection, checks that the item answers there, records it as
"<bus name><path>" and emits StatusNotifierItemRegistered; an item whose bus name leaves the bus is dropped with
StatusNotifierItemUnregistered. A host (the panel) is registered from the start, so IsStatusNotifierHostRegistered is
true: that is what makes Qt choose its D-Bus tray over XEmbed.

Prints "ready" on stdout once it owns org.kde.StatusNotifierWatcher; runs until terminated.
"""
import signal
import sys

import gi

gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402

WATCHER = "org.kde.StatusNotifierWatcher"
WATCHER_PATH = "/StatusNotifierWatcher"
ITEM = "org.kde.StatusNotifierItem"
ITEM_PATH = "/StatusNotifierItem"
HOST = "org.kde.StatusNotifierHost-panel"
PROTOCOL_VERSION = 0

INTERFACE = """
<node>
  <interface name="org.kde.StatusNotifierWatcher">
    <method name="RegisterStatusNotifierItem"><arg name="service" type="s" direction="in"/></method>
    <method name="RegisterStatusNotifierHost"><arg name="service" type="s" direction="in"/></method>
    <property name="RegisteredStatusNotifierItems" type="as" access="read"/>
    <property name="IsStatusNotifierHostRegistered" type="b" access="read"/>
    <property name="ProtocolVersion" type="i" access="read"/>
    <signal name="StatusNotifierItemRegistered"><arg type="s"/></signal>
    <signal name="StatusNotifierItemUnregistered"><arg type="s"/></signal>
    <signal name="StatusNotifierHostRegistered"/>
    <signal name="StatusNotifierHostUnregistered"/>
  </interface>
</node>
"""


class Watcher:
    def __init__(self, bus):
        self.bus = bus
        self.items = []  # "<bus name><path>", in order of registration
        self.hosts = [HOST]
        info = Gio.DBusNodeInfo.new_for_xml(INTERFACE)
        bus.register_object(WATCHER_PATH, info.interfaces[0], self.on_call, self.on_get, None)
        bus.signal_subscribe("org.freedesktop.DBus", "org.freedesktop.DBus", "NameOwnerChanged",
                             "/org/freedesktop/DBus", None, Gio.DBusSignalFlags.NONE, self.on_name_owner_changed)

    def emit(self, name, parameters=None):
        self.bus.emit_signal(None, WATCHER_PATH, WATCHER, name, parameters)

    def on_get(self, bus, sender, path, interface, name):
        if name == "RegisteredStatusNotifierItems":
            return GLib.Variant("as", self.items)
        if name == "IsStatusNotifierHostRegistered":
            return GLib.Variant("b", bool(self.hosts))
        if name == "ProtocolVersion":
            return GLib.Variant("i", PROTOCOL_VERSION)
        return None

    def on_call(self, bus, sender, path, interface, method, parameters, invocation):
        (argument,) = parameters.unpack()
        if method == "RegisterStatusNotifierHost":
            if argument not in self.hosts:
                self.hosts.append(argument)
                self.emit("StatusNotifierHostRegistered")
            invocation.return_value(None)
            return
        if argument.startswith("/"):
            service, item_path = sender, argument
        else:
            service, item_path = argument, ITEM_PATH
        key = service + item_path
        if key in self.items:
            invocation.return_value(None)
            return

        # A real watcher lists only items that are there: ask the item for a property before recording it.
        def checked(bus, result):
            try:
                bus.call_finish(result)
            except GLib.Error as error:
                invocation.return_dbus_error("org.kde.StatusNotifierWatcher.Error.NoItem",
                                             "no StatusNotifierItem at %s: %s" % (key, error.message))
                return
            if key not in self.items:
                self.items.append(key)
                print("registered %s" % key, flush=True)
                self.emit("StatusNotifierItemRegistered", GLib.Variant("(s)", (key,)))
            invocation.return_value(None)

        bus.call(service, item_path, "org.freedesktop.DBus.Properties", "Get", GLib.Variant("(ss)", (ITEM, "Id")),
                 GLib.VariantType("(v)"), Gio.DBusCallFlags.NONE, 5000, None, checked)

    def on_name_owner_changed(self, bus, sender, path, interface, name, parameters):
        service, _old, new = parameters.unpack()
        if new:
            return
        for key in [k for k in self.items if k.startswith(service + "/")]:
            self.items.remove(key)
            print("unregistered %s" % key, flush=True)
            self.emit("StatusNotifierItemUnregistered", GLib.Variant("(s)", (key,)))


def main():
    loop = GLib.MainLoop()
    status = {"code": 0}
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    watcher = Watcher(bus)

    def acquired(_bus, _name):
        print("ready", flush=True)

    def lost(_bus, _name):
        print("%s is owned by another process" % WATCHER, file=sys.stderr, flush=True)
        status["code"] = 1
        loop.quit()

    Gio.bus_own_name_on_connection(bus, WATCHER, Gio.BusNameOwnerFlags.NONE, acquired, lost)
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, loop.quit)
    loop.run()
    del watcher
    return status["code"]


if __name__ == "__main__":
    sys.exit(main())
