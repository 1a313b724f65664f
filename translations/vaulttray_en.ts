<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>AccountConfig</name>
    <message>
        <source>the IMAP server&apos;s host name is missing (--host)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the port must be between 1 and %1 (--port)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the IMAP user name is missing (--user)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plain IMAP would send your password unencrypted to %1; use imaps or starttls, or --allow-plaintext if you really mean it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the CA file %1 cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the CA file %1 holds no PEM certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the OAuth client file %1 cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the account needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the account name is longer than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the account name may not contain &apos;/&apos;, line breaks, or start or end with a space</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Archive</name>
    <message>
        <source>%1 is a file, but the archive needs it to be a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the archive folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the archive folder %1 is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a vaulttray archive (not an SQLite file); it was left untouched. Choose another archive path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the archive %1 is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1 to keep the damaged archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot move %1 aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot move the damaged archive %1 aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was written by a newer vaulttray (schema %2; this version knows up to %3). It was left untouched; update vaulttray.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive %1 is damaged (%2). It was moved to %3 and kept; a new archive will be created and filled again by the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the archive %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArchiveReadAccess</name>
    <message>
        <source>There is no archive at %1 yet: add an account and let it sync first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AutostartCommand</name>
    <message>
        <source>Start at login was not changed: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry was written, but the desktop still reads it as %1: %2
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vaulttray will start when you log in (%1).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vaulttray will not start when you log in.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientCommand</name>
    <message>
        <source>Password for %1 at %2: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain did not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No usable keychain, so nothing was stored (%1). Start a Secret Service such as gnome-keyring, or allow a private file readable only by you: vaulttray secrets allow-private-file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password given: pipe it in with --password-stdin, or run the command in a terminal to be asked for it.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is empty; nothing was added.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be stored, so the account was not added: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove a stored secret of %1: %2
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with your browser. If it does not open, visit:
  %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an account named &quot;%1&quot; already exists
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vaulttray is not running for %1.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vaulttray is not running for %1, so there is nothing to pause or resume.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no account named &quot;%1&quot;
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 signs in with a password: remove the account and add it again with the new one
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in again as %1.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When no keychain is usable, passwords and tokens will be kept in a file in %1 that only you can read. It is not encrypted.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwords and tokens will only ever be kept in the system keychain.
</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the archiver without a tray icon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the archive at &lt;path&gt; (also $VAULTTRAY_ARCHIVE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer in JSON (account list, status).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync: wait for the run to finish and exit with its outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMAP server host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMAP server port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imaps, starttls or plain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMAP user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the IMAP password from stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to IMAP with OAuth (XOAUTH2) using this client file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also trust the CA certificate(s) in this PEM file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow unencrypted IMAP to a host that is not this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Google OAuth client file (client_secret.json).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gmail quota units per second this account may use (default 250, Google&apos;s per-user limit; raise it only if your Google Cloud project has a higher one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account remove: also delete the account&apos;s archived mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import: the account to import into (default: local).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import mbox: only &quot;&gt;From &quot; lines are quoted (mboxo); default: mboxrd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search: show at most &lt;n&gt; results (default 50).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export-eml: write to &lt;file&gt; (must not exist yet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pause: how long, e.g. 30m, 1h, 2h30m (default: until resume).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; takes %n word(s) after it</source>
        <translation>
            <numerusform>&quot;%1&quot; takes %n word after it</numerusform>
            <numerusform>&quot;%1&quot; takes %n words after it</numerusform>
        </translation>
    </message>
    <message>
        <source>sync takes at most one account name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search needs a QUERY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit needs a number from 1 to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export-eml needs one message ID (a number, as vaulttray search shows it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--for needs a duration such as 30m, 1h or 2h30m (at most 31 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secrets takes allow-private-file or keychain-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>autostart takes on, off or status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import takes mbox or maildir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import %1 needs exactly one PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--mboxo is for import mbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account %1 needs exactly one account NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account add-gmail needs --client-file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--quota needs a number of units per second from 1 to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown account command: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account add-imap needs --host, --port, --security and --user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--port must be a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--security must be imaps, starttls or plain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose either --password-stdin or --oauth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vaulttray keeps a complete, durable, searchable archive of your mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See Commands below; none starts the archiver.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionTestText</name>
    <message numerus="yes">
        <source>Connected and signed in: %n folder(s).</source>
        <translation>
            <numerusform>Connected and signed in: %n folder.</numerusform>
            <numerusform>Connected and signed in: %n folders.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not reach the server. Check the server name and port, and that this computer is online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server rejected the user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted. If the server uses a certificate of its own, choose its CA file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is not available right now. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be used with these settings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test did not complete: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ControlChannel</name>
    <message>
        <source>another vaulttray already runs for this archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the running vaulttray did not answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportEmlCommand</name>
    <message>
        <source>%1 exists already; nothing was written. Choose a new file name.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No message with id %1 in the archive (vaulttray search shows the ids).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the message to standard output.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2
</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrote message %1 (%n byte(s)) to %2.
</source>
        <translation>
            <numerusform>Wrote message %1 (%n byte) to %2.
</numerusform>
            <numerusform>Wrote message %1 (%n bytes) to %2.
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Importing %1 into &quot;%2&quot;...
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was imported into &quot;%2&quot; before and has not changed since: nothing to do.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln message(s) from %1 into &quot;%2&quot;; %3 already archived (resumed where the last import stopped).
</source>
        <translation>
            <numerusform>Imported %Ln message from %1 into &quot;%2&quot;; %3 already archived (resumed where the last import stopped).
</numerusform>
            <numerusform>Imported %Ln messages from %1 into &quot;%2&quot;; %3 already archived (resumed where the last import stopped).
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln message(s) from %1 into &quot;%2&quot;; %3 already archived.
</source>
        <translation>
            <numerusform>Imported %Ln message from %1 into &quot;%2&quot;; %3 already archived.
</numerusform>
            <numerusform>Imported %Ln messages from %1 into &quot;%2&quot;; %3 already archived.
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln message(s) from %1 into &quot;%2&quot; (resumed where the last import stopped).
</source>
        <translation>
            <numerusform>Imported %Ln message from %1 into &quot;%2&quot; (resumed where the last import stopped).
</numerusform>
            <numerusform>Imported %Ln messages from %1 into &quot;%2&quot; (resumed where the last import stopped).
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln message(s) from %1 into &quot;%2&quot;.
</source>
        <translation>
            <numerusform>Imported %Ln message from %1 into &quot;%2&quot;.
</numerusform>
            <numerusform>Imported %Ln messages from %1 into &quot;%2&quot;.
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) cut short where the file ends: archived as found.
</source>
        <translation>
            <numerusform>%Ln message cut short where the file ends: archived as found.
</numerusform>
            <numerusform>%Ln messages cut short where the file ends: archived as found.
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) without any content skipped.
</source>
        <translation>
            <numerusform>%Ln message without any content skipped.
</numerusform>
            <numerusform>%Ln messages without any content skipped.
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) could not be read, so not archived:
</source>
        <translation>
            <numerusform>%Ln message could not be read, so not archived:
</numerusform>
            <numerusform>%Ln messages could not be read, so not archived:
</numerusform>
        </translation>
    </message>
    <message>
        <source>  and %1 more
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make them readable and run the same command again: what is archived is skipped.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped. What was read is archived; run the same command again to finish.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
What was read before is archived; run the same command again to finish.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no account named &quot;%1&quot; (vaulttray account list shows them; without --account the mail goes into the account &quot;%2&quot;)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the account &quot;%1&quot; syncs with %2; name the account to import into with --account
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added the account &quot;%1&quot; for mail that syncs with no provider.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>  %1 of %Ln message(s) (%2%)
</source>
        <translation>
            <numerusform>  %1 of %Ln message (%2%)
</numerusform>
            <numerusform>  %1 of %Ln messages (%2%)
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %1 of about %Ln message(s) (%2%)
</source>
        <translation>
            <numerusform>  %1 of about %Ln message (%2%)
</numerusform>
            <numerusform>  %1 of about %Ln messages (%2%)
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LaunchAgentAutostart</name>
    <message>
        <source>could not create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not remove %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MaildirSource</name>
    <message>
        <source>%1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a file, not a Maildir folder (for an mbox file: vaulttray import mbox %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Maildir: it has no cur/ and new/ folders</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MboxReader</name>
    <message>
        <source>it does not start with a &quot;From &quot; line</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MboxSource</name>
    <message>
        <source>%1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder, not an mbox file (for a Maildir: vaulttray import maildir %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an mbox file: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, message at byte %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunKeyAutostart</name>
    <message>
        <source>could not change the registry key %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchCommand</name>
    <message>
        <source>%1: not a date such as 2024-05-31.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs something after the colon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: only has:attachment is known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to search for.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No message matches.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <source>Up to date (last archived %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not archived yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Archiving: %1 of %Ln message(s)</source>
        <translation>
            <numerusform>Archiving: %1 of %Ln message</numerusform>
            <numerusform>Archiving: %1 of %Ln messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Archiving: %n message(s) so far</source>
        <translation>
            <numerusform>Archiving: %n message so far</numerusform>
            <numerusform>Archiving: %n messages so far</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting: the network needs a sign-in page first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the computer to wake up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting: paused on a metered connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will try again soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs you to sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server could not be reached. This usually fixes itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server had a temporary problem. It will be tried again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server no longer accepts the saved sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account&apos;s settings do not work with this server. Check them in Accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive on this computer could not be written (is the disk full?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some messages could not be read; they were kept as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run was stopped before it finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n new message</numerusform>
            <numerusform>%n new messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped before it finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted (the app was closed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayText</name>
    <message>
        <source>%1: waiting for the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: waiting: the network wants a sign-in page first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: waiting for the computer to wake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: paused on a metered connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: archiving… %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: archiving… %n message(s) so far</source>
        <translation>
            <numerusform>%1: archiving… %n message so far</numerusform>
            <numerusform>%1: archiving… %n messages so far</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: archiving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: needs you to sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: stopped. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: will try again at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: will try again soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not archived yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: up to date · last archived %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: up to date · %n message(s) · last archived %2</source>
        <translation>
            <numerusform>%1: up to date · %n message · last archived %2</numerusform>
            <numerusform>%1: up to date · %n messages · last archived %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused until you resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>XdgAutostart</name>
    <message>
        <source>could not remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>vaulttray is already running for %1.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vaulttray::AccountActions</name>
    <message>
        <source>An account named %1 exists already. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be stored, so the account was not added: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vaulttray::AccountListPage</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Gmail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add IMAP…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gmail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMAP</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vaulttray::AccountsDialog</name>
    <message>
        <source>vaulttray — Accounts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vaulttray::ArchiveQueryWorker</name>
    <message>
        <source>The message is not in the archive.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vaulttray::AuthorizationCodeFlow</name>
    <message>
        <source>vaulttray sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sign-in is already over; you can close this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This answer does not belong to the sign-in vaulttray started, so it was refused and nothing was changed. Start the sign-in again from vaulttray.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access was not granted; vaulttray changed nothing. You can close this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in failed (%1). You can close this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in answer was incomplete. Start again from vaulttray.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vaulttray received the authorization and is finishing the sign-in. You can close this window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vaulttray::CommandService</name>
    <message numerus="yes">
        <source>%1	%2	%Ln message(s)</source>
        <translation>
            <numerusform>%1	%2	%Ln message</numerusform>
            <numerusform>%1	%2	%Ln messages</numerusform>
        </translation>
    </message>
    <message>
        <source>not a command for the running instance
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No accounts yet.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a Gmail account is added by signing in: vaulttray account add-gmail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an account named &quot;%1&quot; already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added account &quot;%1&quot;.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no account named &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed account &quot;%1&quot; and deleted its archived mail.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed account &quot;%1&quot;; its archived mail stays searchable.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No accounts to sync.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync started.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: archived
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the archiver is not running
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused until you resume (vaulttray resume).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused until %1.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not paused; nothing to resume.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vaulttray is quitting.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vaulttray::GmailAccountForm</name>
    <message>
        <source>vaulttray reads Gmail through your own Google Cloud OAuth client. Choose its client file (client_secret.json, of the &quot;Desktop app&quot; kind), then sign in with Google in your browser. vaulttray asks only to read your mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name for the account, e.g. personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with Google…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the Google client file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the name: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An account named %1 exists already. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the client file first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This client file cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish signing in in your browser. If none opened, open this address:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in did not work: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1. Adding the account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the sign-in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vaulttray::GmailSignInTask</name>
    <message>
        <source>Gmail did not say which account signed in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vaulttray::ImapAccountForm</name>
    <message>
        <source>A name for the account, e.g. work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imap.example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS (IMAPS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (only to this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAuth (XOAUTH2) with a client file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for a server with a certificate of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAuth client file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the OAuth client file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA file (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the server&apos;s CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An OAuth account is checked by its first sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the settings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This client file cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the name: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vaulttray::ImportJob</name>
    <message>
        <source>import cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the archive: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archive write failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) could not be read</source>
        <translation>
            <numerusform>%n message could not be read</numerusform>
            <numerusform>%n messages could not be read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vaulttray::ImportLauncher</name>
    <message>
        <source>Import an mbox file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a Maildir folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import of %1 stopped unexpectedly; run it again to go on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vaulttray::LogindSleepMonitor</name>
    <message>
        <source>Finishing the current archive batch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vaulttray::NotificationPolicy</name>
    <message>
        <source>Sign in again to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 no longer accepts the sign-in vaulttray saved, so archiving this account has stopped. Everything archived so far stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vaulttray cannot archive %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archiving %1 stopped. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection for a while</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vaulttray has not reached %1 since %2. It keeps trying by itself; nothing is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New mail archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) archived from %1.</source>
        <translation>
            <numerusform>%n new message archived from %1.</numerusform>
            <numerusform>%n new messages archived from %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vaulttray::RemoveAccountDialog</name>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the account %1? vaulttray stops archiving it and forgets its stored password or sign-in. The mail archived so far stays searchable unless you also delete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also delete the archived mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vaulttray::SearchResultsModel</name>
    <message>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vaulttray::SearchWindow</name>
    <message>
        <source>vaulttray — Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search words, from:, to:, subject:, after:2024-01-31, has:attachment, label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words must all appear. &quot;Quoted words&quot; must appear together.
from:NAME  to:NAME  subject:WORD  label:NAME  account:NAME
after:YYYY-MM-DD  before:YYYY-MM-DD  on:YYYY-MM-DD  has:attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as .eml…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a date: write it as year-month-day, for example 2024-05-31.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” needs a value right after the colon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not known; has:attachment is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message is no longer in the archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cc: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted on the server; kept in the archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save message as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message.eml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail message (*.eml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message could not be saved to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vaulttray::SettingsDialog</name>
    <message>
        <source>vaulttray — Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause on metered connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell me when a sync archived new mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start vaulttray when I log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in file manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive new mail every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell me when an account is unreachable for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new interval takes effect the next time vaulttray starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting at login could not be changed in %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vaulttray::SignInAgainDialog</name>
    <message>
        <source>Sign in again to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google no longer accepts the sign-in vaulttray saved for %1 (%2). This happens when the password was changed or vaulttray&apos;s access was removed in the Google account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server no longer accepts the sign-in vaulttray saved for %1 (%2). Signing in again to this kind of account is done by removing it and adding it again; the archived mail stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server %1 refused the password of %2 for the account %3. If the password was changed, enter the new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until then this account is not archived. Everything archived so far stays, and the other accounts go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with Google…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish signing in in your browser. If none opened, open this address:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in did not work: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the sign-in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the new password first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vaulttray::StatusWindow</name>
    <message>
        <source>vaulttray — Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent runs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vaulttray::TrayController</name>
    <message>
        <source>An import is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait until it has finished, then start the next one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vaulttray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vaulttray is already running; its menu is in the system tray.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vaulttray::TrayIcon</name>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause for 1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause until resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open archive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An mbox file (also a Google Takeout export)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Maildir folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in this version yet; use “vaulttray search” meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in this version yet; use “vaulttray account” meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in this version yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive cannot be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again to %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
