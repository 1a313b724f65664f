<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
<context>
    <name>AccountConfig</name>
    <message>
        <source>the IMAP server&apos;s host name is missing (--host)</source>
        <translation>Der Hostname des IMAP-Servers fehlt (--host)</translation>
    </message>
    <message>
        <source>the port must be between 1 and %1 (--port)</source>
        <translation>Der Port muss zwischen 1 und %1 liegen (--port)</translation>
    </message>
    <message>
        <source>the IMAP user name is missing (--user)</source>
        <translation>Der IMAP-Benutzername fehlt (--user)</translation>
    </message>
    <message>
        <source>plain IMAP would send your password unencrypted to %1; use imaps or starttls, or --allow-plaintext if you really mean it</source>
        <translation>Unverschlüsseltes IMAP würde Ihr Passwort im Klartext an %1 senden; verwenden Sie imaps oder starttls, oder --allow-plaintext, wenn Sie das wirklich wollen</translation>
    </message>
    <message>
        <source>the CA file %1 cannot be read</source>
        <translation>Die CA-Datei %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>the CA file %1 holds no PEM certificate</source>
        <translation>Die CA-Datei %1 enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>the OAuth client file %1 cannot be read</source>
        <translation>Die OAuth-Client-Datei %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>the account needs a name</source>
        <translation>Das Konto braucht einen Namen</translation>
    </message>
    <message>
        <source>the account name is longer than %1 characters</source>
        <translation>Der Kontoname ist länger als %1 Zeichen</translation>
    </message>
    <message>
        <source>the account name may not contain &apos;/&apos;, line breaks, or start or end with a space</source>
        <translation>Der Kontoname darf weder &apos;/&apos; noch Zeilenumbrüche enthalten und nicht mit einem Leerzeichen beginnen oder enden</translation>
    </message>
</context>
<context>
    <name>Archive</name>
    <message>
        <source>%1 is a file, but the archive needs it to be a folder</source>
        <translation>%1 ist eine Datei, das Archiv braucht dort aber einen Ordner</translation>
    </message>
    <message>
        <source>cannot create the archive folder %1</source>
        <translation>Der Archivordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>the archive folder %1 is read-only</source>
        <translation>Der Archivordner %1 ist schreibgeschützt</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a vaulttray archive (not an SQLite file); it was left untouched. Choose another archive path.</source>
        <translation>%1 ist kein vaulttray-Archiv (keine SQLite-Datei); die Datei wurde nicht verändert. Wählen Sie einen anderen Pfad für das Archiv.</translation>
    </message>
    <message>
        <source>the archive %1 is read-only</source>
        <translation>Das Archiv %1 ist schreibgeschützt</translation>
    </message>
    <message>
        <source>cannot create %1 to keep the damaged archive</source>
        <translation>%1 für das beschädigte Archiv kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot move %1 aside</source>
        <translation>%1 kann nicht beiseitegelegt werden</translation>
    </message>
    <message>
        <source>cannot move the damaged archive %1 aside</source>
        <translation>Das beschädigte Archiv %1 kann nicht beiseitegelegt werden</translation>
    </message>
    <message>
        <source>%1 was written by a newer vaulttray (schema %2; this version knows up to %3). It was left untouched; update vaulttray.</source>
        <translation>%1 wurde von einem neueren vaulttray geschrieben (Schema %2; diese Version kennt bis %3). Es wurde nicht verändert; aktualisieren Sie vaulttray.</translation>
    </message>
    <message>
        <source>The archive %1 is damaged (%2). It was moved to %3 and kept; a new archive will be created and filled again by the next sync.</source>
        <translation>Das Archiv %1 ist beschädigt (%2). Es wurde nach %3 verschoben und aufbewahrt; ein neues Archiv wird angelegt und bei der nächsten Synchronisierung wieder gefüllt.</translation>
    </message>
    <message>
        <source>cannot create the archive %1: %2</source>
        <translation>Das Archiv %1 kann nicht angelegt werden: %2</translation>
    </message>
</context>
<context>
    <name>ArchiveReadAccess</name>
    <message>
        <source>There is no archive at %1 yet: add an account and let it sync first.</source>
        <translation>Unter %1 gibt es noch kein Archiv: Fügen Sie ein Konto hinzu und lassen Sie es zuerst synchronisieren.</translation>
    </message>
</context>
<context>
    <name>AutostartCommand</name>
    <message>
        <source>Start at login was not changed: %1
</source>
        <translation>Der Start bei der Anmeldung wurde nicht geändert: %1
</translation>
    </message>
    <message>
        <source>The entry was written, but the desktop still reads it as %1: %2
</source>
        <translation>Der Eintrag wurde geschrieben, aber die Arbeitsumgebung liest ihn noch als %1: %2
</translation>
    </message>
    <message>
        <source>vaulttray will start when you log in (%1).
</source>
        <translation>vaulttray startet, wenn Sie sich anmelden (%1).
</translation>
    </message>
    <message>
        <source>vaulttray will not start when you log in.
</source>
        <translation>vaulttray startet nicht, wenn Sie sich anmelden.
</translation>
    </message>
</context>
<context>
    <name>ClientCommand</name>
    <message>
        <source>Password for %1 at %2: </source>
        <translation>Passwort für %1 auf %2: </translation>
    </message>
    <message>
        <source>the keychain did not answer</source>
        <translation>Der Schlüsselbund hat nicht geantwortet</translation>
    </message>
    <message>
        <source>No usable keychain, so nothing was stored (%1). Start a Secret Service such as gnome-keyring, or allow a private file readable only by you: vaulttray secrets allow-private-file</source>
        <translation>Kein nutzbarer Schlüsselbund, daher wurde nichts gespeichert (%1). Starten Sie einen Secret Service wie gnome-keyring oder erlauben Sie eine private Datei, die nur Sie lesen können: vaulttray secrets allow-private-file</translation>
    </message>
    <message>
        <source>No password given: pipe it in with --password-stdin, or run the command in a terminal to be asked for it.
</source>
        <translation>Kein Passwort angegeben: Leiten Sie es mit --password-stdin ein oder führen Sie den Befehl in einem Terminal aus, um danach gefragt zu werden.
</translation>
    </message>
    <message>
        <source>The password is empty; nothing was added.
</source>
        <translation>Das Passwort ist leer; es wurde nichts hinzugefügt.
</translation>
    </message>
    <message>
        <source>The password could not be stored, so the account was not added: %1
</source>
        <translation>Das Passwort konnte nicht gespeichert werden, daher wurde das Konto nicht hinzugefügt: %1
</translation>
    </message>
    <message>
        <source>Could not remove a stored secret of %1: %2
</source>
        <translation>Ein gespeichertes Geheimnis von %1 konnte nicht entfernt werden: %2
</translation>
    </message>
    <message>
        <source>Sign in with your browser. If it does not open, visit:
  %1
</source>
        <translation>Melden Sie sich in Ihrem Browser an. Falls er sich nicht öffnet, rufen Sie Folgendes auf:
  %1
</translation>
    </message>
    <message>
        <source>an account named &quot;%1&quot; already exists
</source>
        <translation>Ein Konto namens „%1“ gibt es bereits
</translation>
    </message>
    <message>
        <source>Signed in as %1.
</source>
        <translation>Angemeldet als %1.
</translation>
    </message>
    <message>
        <source>vaulttray is not running for %1.
</source>
        <translation>vaulttray läuft nicht für %1.
</translation>
    </message>
    <message>
        <source>vaulttray is not running for %1, so there is nothing to pause or resume.
</source>
        <translation>vaulttray läuft nicht für %1, daher gibt es nichts anzuhalten oder fortzusetzen.
</translation>
    </message>
    <message>
        <source>no account named &quot;%1&quot;
</source>
        <translation>Kein Konto namens „%1“
</translation>
    </message>
    <message>
        <source>%1 signs in with a password: remove the account and add it again with the new one
</source>
        <translation>%1 meldet sich mit einem Passwort an: Entfernen Sie das Konto und fügen Sie es mit dem neuen Passwort wieder hinzu
</translation>
    </message>
    <message>
        <source>Signed in again as %1.
</source>
        <translation>Erneut angemeldet als %1.
</translation>
    </message>
    <message>
        <source>When no keychain is usable, passwords and tokens will be kept in a file in %1 that only you can read. It is not encrypted.
</source>
        <translation>Wenn kein Schlüsselbund nutzbar ist, werden Passwörter und Tokens in einer Datei in %1 aufbewahrt, die nur Sie lesen können. Sie ist nicht verschlüsselt.
</translation>
    </message>
    <message>
        <source>Passwords and tokens will only ever be kept in the system keychain.
</source>
        <translation>Passwörter und Tokens werden nur im Schlüsselbund des Systems aufbewahrt.
</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>
Commands:
  account list [--json]
  account add-imap NAME --host HOST --port PORT --security imaps|starttls|plain --user USER
                   [--password-stdin | --oauth CLIENT_FILE] [--ca-file PEM] [--allow-plaintext]
  account add-gmail NAME --client-file CLIENT_FILE [--quota UNITS_PER_SECOND]
  account remove NAME [--delete-archived-mail]
  account signin NAME       sign in again (Gmail) after the provider rejected the credential
  sync [--once] [NAME]      start a sync now (--once: wait for it and exit with its outcome)
  import mbox PATH [--account NAME] [--mboxo]
  import maildir PATH [--account NAME]
                            archive local mail (an mbox file, a Google Takeout export, a Maildir);
                            without --account into the account &quot;local&quot;; run again to resume
  status [--json]
  search QUERY... [--json] [--limit N]
                            words, &quot;phrases&quot;, from: to: subject: has:attachment after:YYYY-MM-DD
                            before:YYYY-MM-DD account:NAME label:NAME
  export-eml ID [--output FILE]
                            a message&apos;s exact bytes (ID from search) to stdout or a new FILE
  pause [--for DURATION]    stop syncing for a while (e.g. 30m, 1h, 2h30m) or until resume
  resume | quit             (these three talk to the running vaulttray)
  secrets allow-private-file | keychain-only
                            where passwords and tokens may live when no keychain is usable
  autostart on|off|status   start vaulttray when you log in
When vaulttray is running, commands go to it; otherwise they run on their own and exit.
Passwords are read from standard input or a prompt, never from the command line.
</source>
        <translation>
Befehle:
  account list [--json]
  account add-imap NAME --host HOST --port PORT --security imaps|starttls|plain --user USER
                   [--password-stdin | --oauth CLIENT_FILE] [--ca-file PEM] [--allow-plaintext]
  account add-gmail NAME --client-file CLIENT_FILE [--quota UNITS_PER_SECOND]
  account remove NAME [--delete-archived-mail]
  account signin NAME       erneut anmelden (Gmail), nachdem der Anbieter die Anmeldedaten abgelehnt hat
  sync [--once] [NAME]      jetzt synchronisieren (--once: darauf warten und mit dessen Ergebnis beenden)
  import mbox PATH [--account NAME] [--mboxo]
  import maildir PATH [--account NAME]
                            lokale Mail archivieren (eine mbox-Datei, ein Google-Takeout-Export, ein Maildir);
                            ohne --account in das Konto &quot;local&quot;; erneut ausführen, um fortzusetzen
  status [--json]
  search QUERY... [--json] [--limit N]
                            Wörter, &quot;Wortgruppen&quot;, from: to: subject: has:attachment after:YYYY-MM-DD
                            before:YYYY-MM-DD account:NAME label:NAME
  export-eml ID [--output FILE]
                            die exakten Bytes einer Nachricht (ID aus search) auf stdout oder in eine neue FILE
  pause [--for DURATION]    eine Weile nicht synchronisieren (z. B. 30m, 1h, 2h30m) oder bis resume
  resume | quit             (diese drei sprechen mit dem laufenden vaulttray)
  secrets allow-private-file | keychain-only
                            wo Passwörter und Tokens liegen dürfen, wenn kein Schlüsselbund nutzbar ist
  autostart on|off|status   vaulttray starten, wenn Sie sich anmelden
Wenn vaulttray läuft, gehen Befehle an das laufende Programm; sonst laufen sie eigenständig und beenden sich.
Passwörter werden von der Standardeingabe oder einer Abfrage gelesen, nie von der Befehlszeile.
</translation>
    </message>
    <message>
        <source>
Exit codes:
  0  success
  2  usage error
  3  network or server trouble (vaulttray retries by itself)
  4  the provider rejected the credential: sign in again
  5  misconfigured: client file, scopes or account settings
  6  local problem: archive, disk or permissions
  130  import stopped by Ctrl-C after committing what it read
</source>
        <translation>
Rückgabewerte:
  0  Erfolg
  2  Aufruffehler
  3  Netzwerk- oder Serverproblem (vaulttray versucht es selbst erneut)
  4  der Anbieter hat die Anmeldedaten abgelehnt: melden Sie sich erneut an
  5  falsch eingerichtet: Client-Datei, Berechtigungen oder Kontoeinstellungen
  6  lokales Problem: Archiv, Datenträger oder Zugriffsrechte
  130  Import mit Strg+C beendet, nachdem das Gelesene gespeichert wurde
</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Die Version anzeigen.</translation>
    </message>
    <message>
        <source>Run the archiver without a tray icon.</source>
        <translation>Den Archivierer ohne Symbol im Systembereich ausführen.</translation>
    </message>
    <message>
        <source>Use the archive at &lt;path&gt; (also $VAULTTRAY_ARCHIVE).</source>
        <translation>Das Archiv unter &lt;path&gt; verwenden (auch $VAULTTRAY_ARCHIVE).</translation>
    </message>
    <message>
        <source>Answer in JSON (account list, status).</source>
        <translation>In JSON antworten (account list, status).</translation>
    </message>
    <message>
        <source>sync: wait for the run to finish and exit with its outcome.</source>
        <translation>sync: auf das Ende des Laufs warten und mit dessen Ergebnis beenden.</translation>
    </message>
    <message>
        <source>IMAP server host.</source>
        <translation>Host des IMAP-Servers.</translation>
    </message>
    <message>
        <source>IMAP server port.</source>
        <translation>Port des IMAP-Servers.</translation>
    </message>
    <message>
        <source>imaps, starttls or plain.</source>
        <translation>imaps, starttls oder plain.</translation>
    </message>
    <message>
        <source>IMAP user name.</source>
        <translation>IMAP-Benutzername.</translation>
    </message>
    <message>
        <source>Read the IMAP password from stdin.</source>
        <translation>Das IMAP-Passwort von der Standardeingabe lesen.</translation>
    </message>
    <message>
        <source>Sign in to IMAP with OAuth (XOAUTH2) using this client file.</source>
        <translation>Bei IMAP mit OAuth (XOAUTH2) über diese Client-Datei anmelden.</translation>
    </message>
    <message>
        <source>Also trust the CA certificate(s) in this PEM file.</source>
        <translation>Zusätzlich den CA-Zertifikaten in dieser PEM-Datei vertrauen.</translation>
    </message>
    <message>
        <source>Allow unencrypted IMAP to a host that is not this machine.</source>
        <translation>Unverschlüsseltes IMAP zu einem Host erlauben, der nicht dieser Rechner ist.</translation>
    </message>
    <message>
        <source>The Google OAuth client file (client_secret.json).</source>
        <translation>Die Google-OAuth-Client-Datei (client_secret.json).</translation>
    </message>
    <message>
        <source>Gmail quota units per second this account may use (default 250, Google&apos;s per-user limit; raise it only if your Google Cloud project has a higher one).</source>
        <translation>Gmail-Kontingenteinheiten pro Sekunde, die dieses Konto nutzen darf (Standard 250, das Limit von Google pro Nutzer; erhöhen Sie es nur, wenn Ihr Google-Cloud-Projekt ein höheres hat).</translation>
    </message>
    <message>
        <source>account remove: also delete the account&apos;s archived mail.</source>
        <translation>account remove: auch die archivierte Mail des Kontos löschen.</translation>
    </message>
    <message>
        <source>import: the account to import into (default: local).</source>
        <translation>import: das Konto, in das importiert wird (Standard: local).</translation>
    </message>
    <message>
        <source>import mbox: only &quot;&gt;From &quot; lines are quoted (mboxo); default: mboxrd.</source>
        <translation>import mbox: nur &quot;&gt;From &quot;-Zeilen sind maskiert (mboxo); Standard: mboxrd.</translation>
    </message>
    <message>
        <source>search: show at most &lt;n&gt; results (default 50).</source>
        <translation>search: höchstens &lt;n&gt; Treffer zeigen (Standard 50).</translation>
    </message>
    <message>
        <source>export-eml: write to &lt;file&gt; (must not exist yet).</source>
        <translation>export-eml: in &lt;file&gt; schreiben (darf noch nicht existieren).</translation>
    </message>
    <message>
        <source>pause: how long, e.g. 30m, 1h, 2h30m (default: until resume).</source>
        <translation>pause: wie lange, z. B. 30m, 1h, 2h30m (Standard: bis resume).</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; takes %n word(s) after it</source>
        <translation>
            <numerusform>„%1“ erwartet %n Wort danach</numerusform>
            <numerusform>„%1“ erwartet %n Wörter danach</numerusform>
        </translation>
    </message>
    <message>
        <source>sync takes at most one account name</source>
        <translation>sync erwartet höchstens einen Kontonamen</translation>
    </message>
    <message>
        <source>search needs a QUERY</source>
        <translation>search braucht eine QUERY</translation>
    </message>
    <message>
        <source>--limit needs a number from 1 to %1</source>
        <translation>--limit braucht eine Zahl von 1 bis %1</translation>
    </message>
    <message>
        <source>export-eml needs one message ID (a number, as vaulttray search shows it)</source>
        <translation>export-eml braucht eine Nachrichten-ID (eine Zahl, wie vaulttray search sie anzeigt)</translation>
    </message>
    <message>
        <source>--for needs a duration such as 30m, 1h or 2h30m (at most 31 days)</source>
        <translation>--for braucht eine Dauer wie 30m, 1h oder 2h30m (höchstens 31 Tage)</translation>
    </message>
    <message>
        <source>secrets takes allow-private-file or keychain-only</source>
        <translation>secrets erwartet allow-private-file oder keychain-only</translation>
    </message>
    <message>
        <source>autostart takes on, off or status</source>
        <translation>autostart erwartet on, off oder status</translation>
    </message>
    <message>
        <source>import takes mbox or maildir</source>
        <translation>import erwartet mbox oder maildir</translation>
    </message>
    <message>
        <source>import %1 needs exactly one PATH</source>
        <translation>import %1 braucht genau einen PATH</translation>
    </message>
    <message>
        <source>--mboxo is for import mbox</source>
        <translation>--mboxo gilt nur für import mbox</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>Unbekannter Befehl: %1</translation>
    </message>
    <message>
        <source>account %1 needs exactly one account NAME</source>
        <translation>account %1 braucht genau einen Kontonamen (NAME)</translation>
    </message>
    <message>
        <source>account add-gmail needs --client-file</source>
        <translation>account add-gmail braucht --client-file</translation>
    </message>
    <message>
        <source>--quota needs a number of units per second from 1 to %1</source>
        <translation>--quota braucht eine Zahl von Einheiten pro Sekunde von 1 bis %1</translation>
    </message>
    <message>
        <source>Unknown account command: %1</source>
        <translation>Unbekannter Kontobefehl: %1</translation>
    </message>
    <message>
        <source>account add-imap needs --host, --port, --security and --user</source>
        <translation>account add-imap braucht --host, --port, --security und --user</translation>
    </message>
    <message>
        <source>--port must be a number</source>
        <translation>--port muss eine Zahl sein</translation>
    </message>
    <message>
        <source>--security must be imaps, starttls or plain</source>
        <translation>--security muss imaps, starttls oder plain sein</translation>
    </message>
    <message>
        <source>choose either --password-stdin or --oauth</source>
        <translation>Wählen Sie entweder --password-stdin oder --oauth</translation>
    </message>
    <message>
        <source>vaulttray keeps a complete, durable, searchable archive of your mail.</source>
        <translation>vaulttray führt ein vollständiges, dauerhaftes und durchsuchbares Archiv Ihrer Mail.</translation>
    </message>
    <message>
        <source>See Commands below; none starts the archiver.</source>
        <translation>Siehe Befehle unten; keiner davon startet den Archivierer.</translation>
    </message>
</context>
<context>
    <name>ConnectionTestText</name>
    <message numerus="yes">
        <source>Connected and signed in: %n folder(s).</source>
        <translation>
            <numerusform>Verbunden und angemeldet: %n Ordner.</numerusform>
            <numerusform>Verbunden und angemeldet: %n Ordner.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not reach the server. Check the server name and port, and that this computer is online.</source>
        <translation>Der Server war nicht erreichbar. Prüfen Sie Servername und Port und ob dieser Computer online ist.</translation>
    </message>
    <message>
        <source>The server rejected the user name or password.</source>
        <translation>Der Server hat den Benutzernamen oder das Passwort abgelehnt.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted. If the server uses a certificate of its own, choose its CA file.</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut. Wenn der Server ein eigenes Zertifikat verwendet, wählen Sie dessen CA-Datei.</translation>
    </message>
    <message>
        <source>The server is not available right now. Try again later.</source>
        <translation>Der Server ist gerade nicht verfügbar. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The server cannot be used with these settings: %1</source>
        <translation>Mit diesen Einstellungen lässt sich der Server nicht verwenden: %1</translation>
    </message>
    <message>
        <source>The test did not complete: %1</source>
        <translation>Der Test wurde nicht abgeschlossen: %1</translation>
    </message>
</context>
<context>
    <name>ControlChannel</name>
    <message>
        <source>another vaulttray already runs for this archive</source>
        <translation>Für dieses Archiv läuft bereits ein anderes vaulttray</translation>
    </message>
    <message>
        <source>unknown request</source>
        <translation>Unbekannte Anfrage</translation>
    </message>
    <message>
        <source>the running vaulttray did not answer</source>
        <translation>Das laufende vaulttray hat nicht geantwortet</translation>
    </message>
</context>
<context>
    <name>ExportEmlCommand</name>
    <message>
        <source>%1 exists already; nothing was written. Choose a new file name.
</source>
        <translation>%1 existiert bereits; es wurde nichts geschrieben. Wählen Sie einen neuen Dateinamen.
</translation>
    </message>
    <message>
        <source>No message with id %1 in the archive (vaulttray search shows the ids).
</source>
        <translation>Keine Nachricht mit der ID %1 im Archiv (vaulttray search zeigt die IDs).
</translation>
    </message>
    <message>
        <source>Could not write the message to standard output.
</source>
        <translation>Die Nachricht konnte nicht auf die Standardausgabe geschrieben werden.
</translation>
    </message>
    <message>
        <source>Could not write %1: %2
</source>
        <translation>%1 konnte nicht geschrieben werden: %2
</translation>
    </message>
    <message numerus="yes">
        <source>Wrote message %1 (%n byte(s)) to %2.
</source>
        <translation>
            <numerusform>Nachricht %1 (%n Byte) nach %2 geschrieben.
</numerusform>
            <numerusform>Nachricht %1 (%n Bytes) nach %2 geschrieben.
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Importing %1 into &quot;%2&quot;...
</source>
        <translation>%1 wird in „%2“ importiert …
</translation>
    </message>
    <message>
        <source>%1 was imported into &quot;%2&quot; before and has not changed since: nothing to do.
</source>
        <translation>%1 wurde bereits in „%2“ importiert und hat sich seitdem nicht geändert: Es gibt nichts zu tun.
</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln message(s) from %1 into &quot;%2&quot;; %3 already archived (resumed where the last import stopped).
</source>
        <translation>
            <numerusform>%Ln Nachricht aus %1 in „%2“ importiert; %3 bereits archiviert (fortgesetzt, wo der letzte Import endete).
</numerusform>
            <numerusform>%Ln Nachrichten aus %1 in „%2“ importiert; %3 bereits archiviert (fortgesetzt, wo der letzte Import endete).
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln message(s) from %1 into &quot;%2&quot;; %3 already archived.
</source>
        <translation>
            <numerusform>%Ln Nachricht aus %1 in „%2“ importiert; %3 bereits archiviert.
</numerusform>
            <numerusform>%Ln Nachrichten aus %1 in „%2“ importiert; %3 bereits archiviert.
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln message(s) from %1 into &quot;%2&quot; (resumed where the last import stopped).
</source>
        <translation>
            <numerusform>%Ln Nachricht aus %1 in „%2“ importiert (fortgesetzt, wo der letzte Import endete).
</numerusform>
            <numerusform>%Ln Nachrichten aus %1 in „%2“ importiert (fortgesetzt, wo der letzte Import endete).
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln message(s) from %1 into &quot;%2&quot;.
</source>
        <translation>
            <numerusform>%Ln Nachricht aus %1 in „%2“ importiert.
</numerusform>
            <numerusform>%Ln Nachrichten aus %1 in „%2“ importiert.
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) cut short where the file ends: archived as found.
</source>
        <translation>
            <numerusform>%Ln Nachricht endet abgeschnitten am Dateiende: so archiviert, wie sie vorlag.
</numerusform>
            <numerusform>%Ln Nachrichten enden abgeschnitten am Dateiende: so archiviert, wie sie vorlagen.
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) without any content skipped.
</source>
        <translation>
            <numerusform>%Ln Nachricht ohne jeden Inhalt übersprungen.
</numerusform>
            <numerusform>%Ln Nachrichten ohne jeden Inhalt übersprungen.
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) could not be read, so not archived:
</source>
        <translation>
            <numerusform>%Ln Nachricht konnte nicht gelesen werden und wurde daher nicht archiviert:
</numerusform>
            <numerusform>%Ln Nachrichten konnten nicht gelesen werden und wurden daher nicht archiviert:
</numerusform>
        </translation>
    </message>
    <message>
        <source>  and %1 more
</source>
        <translation>  und %1 weitere
</translation>
    </message>
    <message>
        <source>Make them readable and run the same command again: what is archived is skipped.
</source>
        <translation>Machen Sie sie lesbar und führen Sie denselben Befehl erneut aus: Bereits Archiviertes wird übersprungen.
</translation>
    </message>
    <message>
        <source>Stopped. What was read is archived; run the same command again to finish.
</source>
        <translation>Angehalten. Was gelesen wurde, ist archiviert; führen Sie denselben Befehl erneut aus, um fertig zu werden.
</translation>
    </message>
    <message>
        <source>
What was read before is archived; run the same command again to finish.
</source>
        <translation>
Was vorher gelesen wurde, ist archiviert; führen Sie denselben Befehl erneut aus, um fertig zu werden.
</translation>
    </message>
    <message>
        <source>no account named &quot;%1&quot; (vaulttray account list shows them; without --account the mail goes into the account &quot;%2&quot;)
</source>
        <translation>Kein Konto namens „%1“ (vaulttray account list zeigt sie; ohne --account kommt die Mail in das Konto „%2“)
</translation>
    </message>
    <message>
        <source>the account &quot;%1&quot; syncs with %2; name the account to import into with --account
</source>
        <translation>Das Konto „%1“ synchronisiert mit %2; geben Sie das Zielkonto des Imports mit --account an
</translation>
    </message>
    <message>
        <source>Added the account &quot;%1&quot; for mail that syncs with no provider.
</source>
        <translation>Das Konto „%1“ für Mail ohne Anbieter wurde hinzugefügt.
</translation>
    </message>
    <message numerus="yes">
        <source>  %1 of %Ln message(s) (%2%)
</source>
        <translation>
            <numerusform>  %1 von %Ln Nachricht (%2 %)
</numerusform>
            <numerusform>  %1 von %Ln Nachrichten (%2 %)
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %1 of about %Ln message(s) (%2%)
</source>
        <translation>
            <numerusform>  %1 von etwa %Ln Nachricht (%2 %)
</numerusform>
            <numerusform>  %1 von etwa %Ln Nachrichten (%2 %)
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LaunchAgentAutostart</name>
    <message>
        <source>could not create the folder %1</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden</translation>
    </message>
    <message>
        <source>could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>could not remove %1</source>
        <translation>%1 konnte nicht entfernt werden</translation>
    </message>
</context>
<context>
    <name>MaildirSource</name>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 is a file, not a Maildir folder (for an mbox file: vaulttray import mbox %1)</source>
        <translation>%1 ist eine Datei, kein Maildir-Ordner (für eine mbox-Datei: vaulttray import mbox %1)</translation>
    </message>
    <message>
        <source>cannot read %1: permission denied</source>
        <translation>%1 kann nicht gelesen werden: Zugriff verweigert</translation>
    </message>
    <message>
        <source>%1 is not a Maildir: it has no cur/ and new/ folders</source>
        <translation>%1 ist kein Maildir: Es fehlen die Ordner cur/ und new/</translation>
    </message>
</context>
<context>
    <name>MboxReader</name>
    <message>
        <source>it does not start with a &quot;From &quot; line</source>
        <translation>Sie beginnt nicht mit einer „From “-Zeile</translation>
    </message>
</context>
<context>
    <name>MboxSource</name>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 is a folder, not an mbox file (for a Maildir: vaulttray import maildir %1)</source>
        <translation>%1 ist ein Ordner, keine mbox-Datei (für ein Maildir: vaulttray import maildir %1)</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not an mbox file: %2</source>
        <translation>%1 ist keine mbox-Datei: %2</translation>
    </message>
    <message>
        <source>%1, message at byte %2</source>
        <translation>%1, Nachricht bei Byte %2</translation>
    </message>
</context>
<context>
    <name>RunKeyAutostart</name>
    <message>
        <source>could not change the registry key %1</source>
        <translation>Der Registrierungsschlüssel %1 konnte nicht geändert werden</translation>
    </message>
</context>
<context>
    <name>SearchCommand</name>
    <message>
        <source>%1: not a date such as 2024-05-31.</source>
        <translation>%1: kein Datum wie 2024-05-31.</translation>
    </message>
    <message>
        <source>%1 needs something after the colon.</source>
        <translation>%1 braucht etwas nach dem Doppelpunkt.</translation>
    </message>
    <message>
        <source>%1: only has:attachment is known.</source>
        <translation>%1: Nur has:attachment ist bekannt.</translation>
    </message>
    <message>
        <source>Nothing to search for.
</source>
        <translation>Es gibt nichts zu suchen.
</translation>
    </message>
    <message>
        <source>No message matches.
</source>
        <translation>Keine Nachricht passt.
</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <source>Up to date (last archived %1)</source>
        <translation>Aktuell (zuletzt archiviert %1)</translation>
    </message>
    <message>
        <source>Not archived yet</source>
        <translation>Noch nicht archiviert</translation>
    </message>
    <message numerus="yes">
        <source>Archiving: %1 of %Ln message(s)</source>
        <translation>
            <numerusform>Archivierung: %1 von %Ln Nachricht</numerusform>
            <numerusform>Archivierung: %1 von %Ln Nachrichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Archiving: %n message(s) so far</source>
        <translation>
            <numerusform>Archivierung: bisher %n Nachricht</numerusform>
            <numerusform>Archivierung: bisher %n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the network</source>
        <translation>Wartet auf das Netzwerk</translation>
    </message>
    <message>
        <source>Waiting: the network needs a sign-in page first</source>
        <translation>Wartet: Das Netzwerk verlangt zuerst eine Anmeldeseite</translation>
    </message>
    <message>
        <source>Waiting for the computer to wake up</source>
        <translation>Wartet, bis der Computer aufwacht</translation>
    </message>
    <message>
        <source>Waiting: paused on a metered connection</source>
        <translation>Wartet: angehalten bei einer getakteten Verbindung</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Will try again soon</source>
        <translation>Neuer Versuch in Kürze</translation>
    </message>
    <message>
        <source>Needs you to sign in again</source>
        <translation>Sie müssen sich erneut anmelden</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Gestoppt: %1</translation>
    </message>
    <message>
        <source>The mail server could not be reached. This usually fixes itself.</source>
        <translation>Der Mailserver war nicht erreichbar. Das behebt sich meist von selbst.</translation>
    </message>
    <message>
        <source>The mail server had a temporary problem. It will be tried again.</source>
        <translation>Der Mailserver hatte ein vorübergehendes Problem. Es wird erneut versucht.</translation>
    </message>
    <message>
        <source>The mail server no longer accepts the saved sign-in.</source>
        <translation>Der Mailserver akzeptiert die gespeicherte Anmeldung nicht mehr.</translation>
    </message>
    <message>
        <source>The account&apos;s settings do not work with this server. Check them in Accounts.</source>
        <translation>Die Einstellungen des Kontos passen nicht zu diesem Server. Prüfen Sie sie unter Konten.</translation>
    </message>
    <message>
        <source>The archive on this computer could not be written (is the disk full?).</source>
        <translation>Das Archiv auf diesem Computer konnte nicht geschrieben werden (ist der Datenträger voll?).</translation>
    </message>
    <message>
        <source>Some messages could not be read; they were kept as they are.</source>
        <translation>Einige Nachrichten konnten nicht gelesen werden; sie wurden so aufbewahrt, wie sie sind.</translation>
    </message>
    <message>
        <source>The run was stopped before it finished.</source>
        <translation>Der Lauf wurde vor dem Ende gestoppt.</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n neue Nachricht</numerusform>
            <numerusform>%n neue Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped before it finished</source>
        <translation>Vor dem Ende gestoppt</translation>
    </message>
    <message>
        <source>Interrupted (the app was closed)</source>
        <translation>Unterbrochen (das Programm wurde geschlossen)</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>TrayText</name>
    <message>
        <source>%1: waiting for the network</source>
        <translation>%1: wartet auf das Netzwerk</translation>
    </message>
    <message>
        <source>%1: waiting: the network wants a sign-in page first</source>
        <translation>%1: wartet: Das Netzwerk verlangt zuerst eine Anmeldeseite</translation>
    </message>
    <message>
        <source>%1: waiting for the computer to wake</source>
        <translation>%1: wartet, bis der Computer aufwacht</translation>
    </message>
    <message>
        <source>%1: paused on a metered connection</source>
        <translation>%1: angehalten bei einer getakteten Verbindung</translation>
    </message>
    <message>
        <source>%1: paused</source>
        <translation>%1: angehalten</translation>
    </message>
    <message>
        <source>%1: waiting</source>
        <translation>%1: wartet</translation>
    </message>
    <message>
        <source>%1: archiving… %2 of %3</source>
        <translation>%1: wird archiviert … %2 von %3</translation>
    </message>
    <message numerus="yes">
        <source>%1: archiving… %n message(s) so far</source>
        <translation>
            <numerusform>%1: wird archiviert … bisher %n Nachricht</numerusform>
            <numerusform>%1: wird archiviert … bisher %n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: archiving…</source>
        <translation>%1: wird archiviert …</translation>
    </message>
    <message>
        <source>%1: needs you to sign in again</source>
        <translation>%1: Sie müssen sich erneut anmelden</translation>
    </message>
    <message>
        <source>%1: stopped. %2</source>
        <translation>%1: gestoppt. %2</translation>
    </message>
    <message>
        <source>%1: will try again at %2</source>
        <translation>%1: neuer Versuch um %2</translation>
    </message>
    <message>
        <source>%1: will try again soon</source>
        <translation>%1: neuer Versuch in Kürze</translation>
    </message>
    <message>
        <source>%1: not archived yet</source>
        <translation>%1: noch nicht archiviert</translation>
    </message>
    <message>
        <source>%1: up to date · last archived %2</source>
        <translation>%1: aktuell · zuletzt archiviert %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: up to date · %n message(s) · last archived %2</source>
        <translation>
            <numerusform>%1: aktuell · %n Nachricht · zuletzt archiviert %2</numerusform>
            <numerusform>%1: aktuell · %n Nachrichten · zuletzt archiviert %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused until %1</source>
        <translation>Angehalten bis %1</translation>
    </message>
    <message>
        <source>Paused until you resume</source>
        <translation>Angehalten, bis Sie fortsetzen</translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation>Noch keine Konten</translation>
    </message>
</context>
<context>
    <name>XdgAutostart</name>
    <message>
        <source>could not remove %1</source>
        <translation>%1 konnte nicht entfernt werden</translation>
    </message>
    <message>
        <source>could not create the folder %1</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden</translation>
    </message>
    <message>
        <source>could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>vaulttray is already running for %1.
</source>
        <translation>vaulttray läuft bereits für %1.
</translation>
    </message>
</context>
<context>
    <name>vaulttray::AccountActions</name>
    <message>
        <source>An account named %1 exists already. Choose another name.</source>
        <translation>Ein Konto namens %1 gibt es bereits. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>The password could not be stored, so the account was not added: %1</source>
        <translation>Das Passwort konnte nicht gespeichert werden, daher wurde das Konto nicht hinzugefügt: %1</translation>
    </message>
</context>
<context>
    <name>vaulttray::AccountListPage</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Add Gmail…</source>
        <translation>Gmail hinzufügen…</translation>
    </message>
    <message>
        <source>Add IMAP…</source>
        <translation>IMAP hinzufügen…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <source>Gmail</source>
        <translation>Gmail</translation>
    </message>
    <message>
        <source>IMAP</source>
        <translation>IMAP</translation>
    </message>
</context>
<context>
    <name>vaulttray::AccountsDialog</name>
    <message>
        <source>vaulttray — Accounts</source>
        <translation>vaulttray — Konten</translation>
    </message>
</context>
<context>
    <name>vaulttray::ArchiveQueryWorker</name>
    <message>
        <source>The message is not in the archive.</source>
        <translation>Die Nachricht ist nicht im Archiv.</translation>
    </message>
</context>
<context>
    <name>vaulttray::AuthorizationCodeFlow</name>
    <message>
        <source>vaulttray sign-in</source>
        <translation>vaulttray-Anmeldung</translation>
    </message>
    <message>
        <source>This sign-in is already over; you can close this window.</source>
        <translation>Diese Anmeldung ist bereits abgeschlossen; Sie können dieses Fenster schließen.</translation>
    </message>
    <message>
        <source>This answer does not belong to the sign-in vaulttray started, so it was refused and nothing was changed. Start the sign-in again from vaulttray.</source>
        <translation>Diese Antwort gehört nicht zu der Anmeldung, die vaulttray begonnen hat; sie wurde daher abgelehnt und nichts wurde geändert. Beginnen Sie die Anmeldung erneut in vaulttray.</translation>
    </message>
    <message>
        <source>Access was not granted; vaulttray changed nothing. You can close this window.</source>
        <translation>Der Zugriff wurde nicht gewährt; vaulttray hat nichts geändert. Sie können dieses Fenster schließen.</translation>
    </message>
    <message>
        <source>The sign-in failed (%1). You can close this window.</source>
        <translation>Die Anmeldung ist fehlgeschlagen (%1). Sie können dieses Fenster schließen.</translation>
    </message>
    <message>
        <source>The sign-in answer was incomplete. Start again from vaulttray.</source>
        <translation>Die Antwort der Anmeldung war unvollständig. Beginnen Sie erneut in vaulttray.</translation>
    </message>
    <message>
        <source>vaulttray received the authorization and is finishing the sign-in. You can close this window.</source>
        <translation>vaulttray hat die Autorisierung erhalten und schließt die Anmeldung ab. Sie können dieses Fenster schließen.</translation>
    </message>
</context>
<context>
    <name>vaulttray::CommandService</name>
    <message numerus="yes">
        <source>%1	%2	%Ln message(s)</source>
        <translation>
            <numerusform>%1	%2	%Ln Nachricht</numerusform>
            <numerusform>%1	%2	%Ln Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>not a command for the running instance
</source>
        <translation>Kein Befehl für das laufende Programm
</translation>
    </message>
    <message>
        <source>No accounts yet.
</source>
        <translation>Noch keine Konten.
</translation>
    </message>
    <message>
        <source>a Gmail account is added by signing in: vaulttray account add-gmail</source>
        <translation>Ein Gmail-Konto wird durch Anmelden hinzugefügt: vaulttray account add-gmail</translation>
    </message>
    <message>
        <source>an account named &quot;%1&quot; already exists</source>
        <translation>Ein Konto namens „%1“ gibt es bereits</translation>
    </message>
    <message>
        <source>Added account &quot;%1&quot;.
</source>
        <translation>Konto „%1“ hinzugefügt.
</translation>
    </message>
    <message>
        <source>no account named &quot;%1&quot;</source>
        <translation>Kein Konto namens „%1“</translation>
    </message>
    <message>
        <source>Removed account &quot;%1&quot; and deleted its archived mail.
</source>
        <translation>Konto „%1“ entfernt und seine archivierte Mail gelöscht.
</translation>
    </message>
    <message>
        <source>Removed account &quot;%1&quot;; its archived mail stays searchable.
</source>
        <translation>Konto „%1“ entfernt; seine archivierte Mail bleibt durchsuchbar.
</translation>
    </message>
    <message>
        <source>No accounts to sync.
</source>
        <translation>Keine Konten zum Synchronisieren.
</translation>
    </message>
    <message>
        <source>Sync started.
</source>
        <translation>Synchronisierung gestartet.
</translation>
    </message>
    <message>
        <source>%1: archived
</source>
        <translation>%1: archiviert
</translation>
    </message>
    <message>
        <source>waiting: %1</source>
        <translation>wartet: %1</translation>
    </message>
    <message>
        <source>Archive: %1
</source>
        <translation>Archiv: %1
</translation>
    </message>
    <message>
        <source>Paused.
</source>
        <translation>Angehalten.
</translation>
    </message>
    <message>
        <source>the archiver is not running
</source>
        <translation>Der Archivierer läuft nicht
</translation>
    </message>
    <message>
        <source>Paused until you resume (vaulttray resume).
</source>
        <translation>Angehalten, bis Sie fortsetzen (vaulttray resume).
</translation>
    </message>
    <message>
        <source>Paused until %1.
</source>
        <translation>Angehalten bis %1.
</translation>
    </message>
    <message>
        <source>Resumed.
</source>
        <translation>Fortgesetzt.
</translation>
    </message>
    <message>
        <source>Not paused; nothing to resume.
</source>
        <translation>Nicht angehalten; es gibt nichts fortzusetzen.
</translation>
    </message>
    <message>
        <source>vaulttray is quitting.
</source>
        <translation>vaulttray wird beendet.
</translation>
    </message>
</context>
<context>
    <name>vaulttray::GmailAccountForm</name>
    <message>
        <source>vaulttray reads Gmail through your own Google Cloud OAuth client. Choose its client file (client_secret.json, of the &quot;Desktop app&quot; kind), then sign in with Google in your browser. vaulttray asks only to read your mail.</source>
        <translation>vaulttray liest Gmail über Ihren eigenen OAuth-Client in Google Cloud. Wählen Sie dessen Client-Datei (client_secret.json, Typ „Desktop-App“) und melden Sie sich dann im Browser bei Google an. vaulttray bittet nur darum, Ihre Mail zu lesen.</translation>
    </message>
    <message>
        <source>A name for the account, e.g. personal</source>
        <translation>Ein Name für das Konto, z. B. privat</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Account name:</source>
        <translation>Kontoname:</translation>
    </message>
    <message>
        <source>Client file:</source>
        <translation>Client-Datei:</translation>
    </message>
    <message>
        <source>Sign in with Google…</source>
        <translation>Mit Google anmelden…</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Choose the Google client file</source>
        <translation>Die Google-Client-Datei auswählen</translation>
    </message>
    <message>
        <source>Client files (*.json);;All files (*)</source>
        <translation>Client-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Check the name: %1</source>
        <translation>Prüfen Sie den Namen: %1</translation>
    </message>
    <message>
        <source>An account named %1 exists already. Choose another name.</source>
        <translation>Ein Konto namens %1 gibt es bereits. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Choose the client file first.</source>
        <translation>Wählen Sie zuerst die Client-Datei.</translation>
    </message>
    <message>
        <source>This client file cannot be used: %1</source>
        <translation>Diese Client-Datei ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>Finish signing in in your browser. If none opened, open this address:
%1</source>
        <translation>Schließen Sie die Anmeldung im Browser ab. Falls keiner geöffnet wurde, öffnen Sie diese Adresse:
%1</translation>
    </message>
    <message>
        <source>Signing in did not work: %1</source>
        <translation>Die Anmeldung hat nicht geklappt: %1</translation>
    </message>
    <message>
        <source>Signed in as %1. Adding the account…</source>
        <translation>Angemeldet als %1. Das Konto wird hinzugefügt…</translation>
    </message>
    <message>
        <source>Starting the sign-in…</source>
        <translation>Die Anmeldung wird gestartet…</translation>
    </message>
</context>
<context>
    <name>vaulttray::GmailSignInTask</name>
    <message>
        <source>Gmail did not say which account signed in</source>
        <translation>Gmail hat nicht mitgeteilt, welches Konto sich angemeldet hat</translation>
    </message>
</context>
<context>
    <name>vaulttray::ImapAccountForm</name>
    <message>
        <source>A name for the account, e.g. work</source>
        <translation>Ein Name für das Konto, z. B. arbeit</translation>
    </message>
    <message>
        <source>imap.example.org</source>
        <translation>imap.example.org</translation>
    </message>
    <message>
        <source>TLS (IMAPS)</source>
        <translation>TLS (IMAPS)</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>None (only to this computer)</source>
        <translation>Keine (nur zu diesem Computer)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>OAuth (XOAUTH2) with a client file</source>
        <translation>OAuth (XOAUTH2) mit einer Client-Datei</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Only for a server with a certificate of its own</source>
        <translation>Nur für einen Server mit eigenem Zertifikat</translation>
    </message>
    <message>
        <source>Account name:</source>
        <translation>Kontoname:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Sicherheit:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <source>Sign in with:</source>
        <translation>Anmelden mit:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>OAuth client file:</source>
        <translation>OAuth-Client-Datei:</translation>
    </message>
    <message>
        <source>Choose the OAuth client file</source>
        <translation>Die OAuth-Client-Datei auswählen</translation>
    </message>
    <message>
        <source>Client files (*.json);;All files (*)</source>
        <translation>Client-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>CA file (optional):</source>
        <translation>CA-Datei (optional):</translation>
    </message>
    <message>
        <source>Choose the server&apos;s CA file</source>
        <translation>Die CA-Datei des Servers auswählen</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>An OAuth account is checked by its first sync.</source>
        <translation>Ein OAuth-Konto wird durch seine erste Synchronisierung geprüft.</translation>
    </message>
    <message>
        <source>Check the settings: %1</source>
        <translation>Prüfen Sie die Einstellungen: %1</translation>
    </message>
    <message>
        <source>This client file cannot be used: %1</source>
        <translation>Diese Client-Datei ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Geben Sie das Passwort ein.</translation>
    </message>
    <message>
        <source>Check the name: %1</source>
        <translation>Prüfen Sie den Namen: %1</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird aufgebaut…</translation>
    </message>
</context>
<context>
    <name>vaulttray::ImportJob</name>
    <message>
        <source>import cancelled</source>
        <translation>Import abgebrochen</translation>
    </message>
    <message>
        <source>cannot read the archive: %1</source>
        <translation>Das Archiv kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>archive write failed: %1</source>
        <translation>Schreiben ins Archiv fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) could not be read</source>
        <translation>
            <numerusform>%n Nachricht konnte nicht gelesen werden</numerusform>
            <numerusform>%n Nachrichten konnten nicht gelesen werden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vaulttray::ImportLauncher</name>
    <message>
        <source>Import an mbox file</source>
        <translation>Eine mbox-Datei importieren</translation>
    </message>
    <message>
        <source>Import a Maildir folder</source>
        <translation>Einen Maildir-Ordner importieren</translation>
    </message>
    <message>
        <source>The import of %1 stopped unexpectedly; run it again to go on.</source>
        <translation>Der Import von %1 wurde unerwartet beendet; starten Sie ihn erneut, um fortzufahren.</translation>
    </message>
</context>
<context>
    <name>vaulttray::LogindSleepMonitor</name>
    <message>
        <source>Finishing the current archive batch</source>
        <translation>Der aktuelle Archivstapel wird abgeschlossen</translation>
    </message>
</context>
<context>
    <name>vaulttray::NotificationPolicy</name>
    <message>
        <source>Sign in again to %1</source>
        <translation>Bei %1 erneut anmelden</translation>
    </message>
    <message>
        <source>%1 no longer accepts the sign-in vaulttray saved, so archiving this account has stopped. Everything archived so far stays.</source>
        <translation>%1 akzeptiert die von vaulttray gespeicherte Anmeldung nicht mehr, daher wurde die Archivierung dieses Kontos gestoppt. Alles bisher Archivierte bleibt erhalten.</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <source>vaulttray cannot archive %1</source>
        <translation>vaulttray kann %1 nicht archivieren</translation>
    </message>
    <message>
        <source>Archiving %1 stopped. %2</source>
        <translation>Die Archivierung von %1 wurde gestoppt. %2</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Details anzeigen</translation>
    </message>
    <message>
        <source>No connection for a while</source>
        <translation>Seit einer Weile keine Verbindung</translation>
    </message>
    <message>
        <source>vaulttray has not reached %1 since %2. It keeps trying by itself; nothing is lost.</source>
        <translation>vaulttray hat %1 seit %2 nicht erreicht. Es versucht es von selbst weiter; nichts geht verloren.</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>New mail archived</source>
        <translation>Neue Mail archiviert</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) archived from %1.</source>
        <translation>
            <numerusform>%n neue Nachricht aus %1 archiviert.</numerusform>
            <numerusform>%n neue Nachrichten aus %1 archiviert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vaulttray::RemoveAccountDialog</name>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Remove the account %1? vaulttray stops archiving it and forgets its stored password or sign-in. The mail archived so far stays searchable unless you also delete it.</source>
        <translation>Das Konto %1 entfernen? vaulttray archiviert es nicht mehr und vergisst das gespeicherte Passwort bzw. die Anmeldung. Die bisher archivierte Mail bleibt durchsuchbar, sofern Sie sie nicht ebenfalls löschen.</translation>
    </message>
    <message>
        <source>Also delete the archived mail</source>
        <translation>Auch die archivierte Mail löschen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>vaulttray::SearchResultsModel</name>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
</context>
<context>
    <name>vaulttray::SearchWindow</name>
    <message>
        <source>vaulttray — Archive</source>
        <translation>vaulttray — Archiv</translation>
    </message>
    <message>
        <source>Search words, from:, to:, subject:, after:2024-01-31, has:attachment, label:</source>
        <translation>Wörter suchen, from:, to:, subject:, after:2024-01-31, has:attachment, label:</translation>
    </message>
    <message>
        <source>Words must all appear. &quot;Quoted words&quot; must appear together.
from:NAME  to:NAME  subject:WORD  label:NAME  account:NAME
after:YYYY-MM-DD  before:YYYY-MM-DD  on:YYYY-MM-DD  has:attachment</source>
        <translation>Alle Wörter müssen vorkommen. &quot;Wörter in Anführungszeichen&quot; müssen zusammen vorkommen.
from:NAME  to:NAME  subject:WORT  label:NAME  account:NAME
after:JJJJ-MM-TT  before:JJJJ-MM-TT  on:JJJJ-MM-TT  has:attachment</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Alle Konten</translation>
    </message>
    <message>
        <source>Save as .eml…</source>
        <translation>Als .eml speichern …</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>Anhänge:</translation>
    </message>
    <message>
        <source>“%1” is not a date: write it as year-month-day, for example 2024-05-31.</source>
        <translation>„%1“ ist kein Datum: Schreiben Sie es als Jahr-Monat-Tag, zum Beispiel 2024-05-31.</translation>
    </message>
    <message>
        <source>“%1” needs a value right after the colon.</source>
        <translation>„%1“ braucht direkt nach dem Doppelpunkt einen Wert.</translation>
    </message>
    <message>
        <source>“%1” is not known; has:attachment is.</source>
        <translation>„%1“ ist unbekannt; has:attachment ist bekannt.</translation>
    </message>
    <message>
        <source>This message is no longer in the archive.</source>
        <translation>Diese Nachricht ist nicht mehr im Archiv.</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Von: %1</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>An: %1</translation>
    </message>
    <message>
        <source>Cc: %1</source>
        <translation>Cc: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Betreff: %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Datum: %1</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>Konto: %1</translation>
    </message>
    <message>
        <source>Labels: %1</source>
        <translation>Labels: %1</translation>
    </message>
    <message>
        <source>Deleted on the server; kept in the archive.</source>
        <translation>Auf dem Server gelöscht; im Archiv aufbewahrt.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>unbenannt</translation>
    </message>
    <message>
        <source>Save message as</source>
        <translation>Nachricht speichern unter</translation>
    </message>
    <message>
        <source>message.eml</source>
        <translation>nachricht.eml</translation>
    </message>
    <message>
        <source>E-mail message (*.eml)</source>
        <translation>E-Mail-Nachricht (*.eml)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>The message could not be saved to %1: %2</source>
        <translation>Die Nachricht konnte nicht unter %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>vaulttray::SettingsDialog</name>
    <message>
        <source>vaulttray — Settings</source>
        <translation>vaulttray — Einstellungen</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Pause on metered connections</source>
        <translation>Bei getakteten Verbindungen anhalten</translation>
    </message>
    <message>
        <source> h</source>
        <translation> Std.</translation>
    </message>
    <message>
        <source>Tell me when a sync archived new mail</source>
        <translation>Benachrichtigen, wenn eine Synchronisierung neue Mail archiviert hat</translation>
    </message>
    <message>
        <source>Start vaulttray when I log in</source>
        <translation>vaulttray starten, wenn ich mich anmelde</translation>
    </message>
    <message>
        <source>Show in file manager</source>
        <translation>Im Dateimanager zeigen</translation>
    </message>
    <message>
        <source>Archive new mail every</source>
        <translation>Neue Mail archivieren alle</translation>
    </message>
    <message>
        <source>Tell me when an account is unreachable for</source>
        <translation>Benachrichtigen, wenn ein Konto nicht erreichbar ist seit</translation>
    </message>
    <message>
        <source>Archive location</source>
        <translation>Speicherort des Archivs</translation>
    </message>
    <message>
        <source>A new interval takes effect the next time vaulttray starts.</source>
        <translation>Ein neues Intervall gilt ab dem nächsten Start von vaulttray.</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Start bei der Anmeldung</translation>
    </message>
    <message>
        <source>Starting at login could not be changed in %1.</source>
        <translation>Der Start bei der Anmeldung konnte in %1 nicht geändert werden.</translation>
    </message>
</context>
<context>
    <name>vaulttray::SignInAgainDialog</name>
    <message>
        <source>Sign in again to %1</source>
        <translation>Bei %1 erneut anmelden</translation>
    </message>
    <message>
        <source>Google no longer accepts the sign-in vaulttray saved for %1 (%2). This happens when the password was changed or vaulttray&apos;s access was removed in the Google account.</source>
        <translation>Google akzeptiert die von vaulttray gespeicherte Anmeldung für %1 (%2) nicht mehr. Das passiert, wenn das Passwort geändert oder der Zugriff von vaulttray im Google-Konto entfernt wurde.</translation>
    </message>
    <message>
        <source>The mail server no longer accepts the sign-in vaulttray saved for %1 (%2). Signing in again to this kind of account is done by removing it and adding it again; the archived mail stays.</source>
        <translation>Der Mailserver akzeptiert die von vaulttray gespeicherte Anmeldung für %1 (%2) nicht mehr. Bei dieser Art von Konto melden Sie sich erneut an, indem Sie es entfernen und wieder hinzufügen; die archivierte Mail bleibt erhalten.</translation>
    </message>
    <message>
        <source>The mail server %1 refused the password of %2 for the account %3. If the password was changed, enter the new one.</source>
        <translation>Der Mailserver %1 hat das Passwort von %2 für das Konto %3 abgelehnt. Wenn das Passwort geändert wurde, geben Sie das neue ein.</translation>
    </message>
    <message>
        <source>Until then this account is not archived. Everything archived so far stays, and the other accounts go on.</source>
        <translation>Bis dahin wird dieses Konto nicht archiviert. Alles bisher Archivierte bleibt erhalten, und die anderen Konten laufen weiter.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>Sign in with Google…</source>
        <translation>Mit Google anmelden …</translation>
    </message>
    <message>
        <source>Save the password</source>
        <translation>Passwort speichern</translation>
    </message>
    <message>
        <source>Finish signing in in your browser. If none opened, open this address:
%1</source>
        <translation>Schließen Sie die Anmeldung in Ihrem Browser ab. Falls sich keiner geöffnet hat, öffnen Sie diese Adresse:
%1</translation>
    </message>
    <message>
        <source>Signing in did not work: %1</source>
        <translation>Die Anmeldung hat nicht funktioniert: %1</translation>
    </message>
    <message>
        <source>Starting the sign-in…</source>
        <translation>Die Anmeldung wird gestartet …</translation>
    </message>
    <message>
        <source>Enter the new password first.</source>
        <translation>Geben Sie zuerst das neue Passwort ein.</translation>
    </message>
    <message>
        <source>The password could not be stored: %1</source>
        <translation>Das Passwort konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>vaulttray::StatusWindow</name>
    <message>
        <source>vaulttray — Status</source>
        <translation>vaulttray — Status</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Recent runs</source>
        <translation>Letzte Läufe</translation>
    </message>
</context>
<context>
    <name>vaulttray::TrayController</name>
    <message>
        <source>An import is running</source>
        <translation>Ein Import läuft</translation>
    </message>
    <message>
        <source>Wait until it has finished, then start the next one.</source>
        <translation>Warten Sie, bis er abgeschlossen ist, und starten Sie dann den nächsten.</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Import abgeschlossen</translation>
    </message>
    <message>
        <source>Import stopped</source>
        <translation>Import gestoppt</translation>
    </message>
    <message>
        <source>vaulttray</source>
        <translation>vaulttray</translation>
    </message>
    <message>
        <source>vaulttray is already running; its menu is in the system tray.</source>
        <translation>vaulttray läuft bereits; sein Menü finden Sie im Systembereich der Kontrollleiste.</translation>
    </message>
</context>
<context>
    <name>vaulttray::TrayIcon</name>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Pause for 1 hour</source>
        <translation>Für 1 Stunde anhalten</translation>
    </message>
    <message>
        <source>Pause until resumed</source>
        <translation>Bis zum Fortsetzen anhalten</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Open archive…</source>
        <translation>Archiv öffnen …</translation>
    </message>
    <message>
        <source>Status…</source>
        <translation>Status …</translation>
    </message>
    <message>
        <source>Accounts…</source>
        <translation>Konten …</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen …</translation>
    </message>
    <message>
        <source>Import mail</source>
        <translation>Mail importieren</translation>
    </message>
    <message>
        <source>An mbox file (also a Google Takeout export)…</source>
        <translation>Eine mbox-Datei (auch ein Google-Takeout-Export) …</translation>
    </message>
    <message>
        <source>A Maildir folder…</source>
        <translation>Ein Maildir-Ordner …</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Not in this version yet; use “vaulttray search” meanwhile.</source>
        <translation>In dieser Version noch nicht verfügbar; verwenden Sie bis dahin „vaulttray search“.</translation>
    </message>
    <message>
        <source>Not in this version yet; use “vaulttray account” meanwhile.</source>
        <translation>In dieser Version noch nicht verfügbar; verwenden Sie bis dahin „vaulttray account“.</translation>
    </message>
    <message>
        <source>Not in this version yet.</source>
        <translation>In dieser Version noch nicht verfügbar.</translation>
    </message>
    <message>
        <source>Not available.</source>
        <translation>Nicht verfügbar.</translation>
    </message>
    <message>
        <source>The archive cannot be used: %1</source>
        <translation>Das Archiv kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>The archive cannot be used</source>
        <translation>Das Archiv kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation>Noch keine Konten</translation>
    </message>
    <message>
        <source>Sign in again to %1…</source>
        <translation>Bei %1 erneut anmelden …</translation>
    </message>
</context>
</TS>
