<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en_US">
<context>
    <name>AccountConfig</name>
    <message>
        <source>the IMAP server&apos;s host name is missing (--host)</source>
        <translation>le nom d&apos;hôte du serveur IMAP manque (--host)</translation>
    </message>
    <message>
        <source>the port must be between 1 and %1 (--port)</source>
        <translation>le port doit être compris entre 1 et %1 (--port)</translation>
    </message>
    <message>
        <source>the IMAP user name is missing (--user)</source>
        <translation>le nom d&apos;utilisateur IMAP manque (--user)</translation>
    </message>
    <message>
        <source>plain IMAP would send your password unencrypted to %1; use imaps or starttls, or --allow-plaintext if you really mean it</source>
        <translation>l&apos;IMAP non chiffré enverrait votre mot de passe en clair à %1 ; utilisez imaps ou starttls, ou --allow-plaintext si c&apos;est vraiment voulu</translation>
    </message>
    <message>
        <source>the CA file %1 cannot be read</source>
        <translation>le fichier d&apos;autorité de certification %1 ne peut pas être lu</translation>
    </message>
    <message>
        <source>the CA file %1 holds no PEM certificate</source>
        <translation>le fichier d&apos;autorité de certification %1 ne contient aucun certificat PEM</translation>
    </message>
    <message>
        <source>the OAuth client file %1 cannot be read</source>
        <translation>le fichier client OAuth %1 ne peut pas être lu</translation>
    </message>
    <message>
        <source>the account needs a name</source>
        <translation>le compte doit avoir un nom</translation>
    </message>
    <message>
        <source>the account name is longer than %1 characters</source>
        <translation>le nom du compte dépasse %1 caractères</translation>
    </message>
    <message>
        <source>the account name may not contain &apos;/&apos;, line breaks, or start or end with a space</source>
        <translation>le nom du compte ne peut contenir ni « / » ni saut de ligne, ni commencer ou finir par une espace</translation>
    </message>
</context>
<context>
    <name>Archive</name>
    <message>
        <source>%1 is a file, but the archive needs it to be a folder</source>
        <translation>%1 est un fichier, mais l&apos;archive a besoin que ce soit un dossier</translation>
    </message>
    <message>
        <source>cannot create the archive folder %1</source>
        <translation>impossible de créer le dossier d&apos;archive %1</translation>
    </message>
    <message>
        <source>the archive folder %1 is read-only</source>
        <translation>le dossier d&apos;archive %1 est en lecture seule</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 is not a vaulttray archive (not an SQLite file); it was left untouched. Choose another archive path.</source>
        <translation>%1 n&apos;est pas une archive vaulttray (pas un fichier SQLite) ; il n&apos;a pas été modifié. Choisissez un autre chemin pour l&apos;archive.</translation>
    </message>
    <message>
        <source>the archive %1 is read-only</source>
        <translation>l&apos;archive %1 est en lecture seule</translation>
    </message>
    <message>
        <source>cannot create %1 to keep the damaged archive</source>
        <translation>impossible de créer %1 pour conserver l&apos;archive endommagée</translation>
    </message>
    <message>
        <source>cannot move %1 aside</source>
        <translation>impossible de mettre %1 de côté</translation>
    </message>
    <message>
        <source>cannot move the damaged archive %1 aside</source>
        <translation>impossible de mettre de côté l&apos;archive endommagée %1</translation>
    </message>
    <message>
        <source>%1 was written by a newer vaulttray (schema %2; this version knows up to %3). It was left untouched; update vaulttray.</source>
        <translation>%1 a été écrit par un vaulttray plus récent (schéma %2 ; cette version connaît jusqu&apos;au %3). Il n&apos;a pas été modifié ; mettez vaulttray à jour.</translation>
    </message>
    <message>
        <source>The archive %1 is damaged (%2). It was moved to %3 and kept; a new archive will be created and filled again by the next sync.</source>
        <translation>L&apos;archive %1 est endommagée (%2). Elle a été déplacée vers %3 et conservée ; une nouvelle archive sera créée et remplie de nouveau à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>cannot create the archive %1: %2</source>
        <translation>impossible de créer l&apos;archive %1 : %2</translation>
    </message>
</context>
<context>
    <name>ArchiveReadAccess</name>
    <message>
        <source>There is no archive at %1 yet: add an account and let it sync first.</source>
        <translation>Il n&apos;y a pas encore d&apos;archive dans %1 : ajoutez un compte et laissez-le d&apos;abord se synchroniser.</translation>
    </message>
</context>
<context>
    <name>AutostartCommand</name>
    <message>
        <source>Start at login was not changed: %1
</source>
        <translation>Le démarrage à l&apos;ouverture de session n&apos;a pas été modifié : %1
</translation>
    </message>
    <message>
        <source>The entry was written, but the desktop still reads it as %1: %2
</source>
        <translation>L&apos;entrée a été écrite, mais le bureau la lit toujours comme %1 : %2
</translation>
    </message>
    <message>
        <source>vaulttray will start when you log in (%1).
</source>
        <translation>vaulttray démarrera à l&apos;ouverture de votre session (%1).
</translation>
    </message>
    <message>
        <source>vaulttray will not start when you log in.
</source>
        <translation>vaulttray ne démarrera pas à l&apos;ouverture de votre session.
</translation>
    </message>
</context>
<context>
    <name>ClientCommand</name>
    <message>
        <source>Password for %1 at %2: </source>
        <translation>Mot de passe de %1 sur %2 : </translation>
    </message>
    <message>
        <source>the keychain did not answer</source>
        <translation>le trousseau n&apos;a pas répondu</translation>
    </message>
    <message>
        <source>No usable keychain, so nothing was stored (%1). Start a Secret Service such as gnome-keyring, or allow a private file readable only by you: vaulttray secrets allow-private-file</source>
        <translation>Aucun trousseau utilisable, rien n&apos;a donc été enregistré (%1). Démarrez un Secret Service comme gnome-keyring, ou autorisez un fichier privé lisible par vous seul : vaulttray secrets allow-private-file</translation>
    </message>
    <message>
        <source>No password given: pipe it in with --password-stdin, or run the command in a terminal to be asked for it.
</source>
        <translation>Aucun mot de passe fourni : transmettez-le avec --password-stdin, ou lancez la commande dans un terminal pour qu&apos;il vous soit demandé.
</translation>
    </message>
    <message>
        <source>The password is empty; nothing was added.
</source>
        <translation>Le mot de passe est vide ; rien n&apos;a été ajouté.
</translation>
    </message>
    <message>
        <source>The password could not be stored, so the account was not added: %1
</source>
        <translation>Le mot de passe n&apos;a pas pu être enregistré, le compte n&apos;a donc pas été ajouté : %1
</translation>
    </message>
    <message>
        <source>Could not remove a stored secret of %1: %2
</source>
        <translation>Impossible de supprimer un secret enregistré de %1 : %2
</translation>
    </message>
    <message>
        <source>Sign in with your browser. If it does not open, visit:
  %1
</source>
        <translation>Connectez-vous dans votre navigateur. S&apos;il ne s&apos;ouvre pas, rendez-vous sur :
  %1
</translation>
    </message>
    <message>
        <source>an account named &quot;%1&quot; already exists
</source>
        <translation>un compte nommé « %1 » existe déjà
</translation>
    </message>
    <message>
        <source>Signed in as %1.
</source>
        <translation>Connecté en tant que %1.
</translation>
    </message>
    <message>
        <source>vaulttray is not running for %1.
</source>
        <translation>vaulttray n&apos;est pas en cours d&apos;exécution pour %1.
</translation>
    </message>
    <message>
        <source>vaulttray is not running for %1, so there is nothing to pause or resume.
</source>
        <translation>vaulttray n&apos;est pas en cours d&apos;exécution pour %1 : il n&apos;y a donc rien à suspendre ni à reprendre.
</translation>
    </message>
    <message>
        <source>no account named &quot;%1&quot;
</source>
        <translation>aucun compte nommé « %1 »
</translation>
    </message>
    <message>
        <source>%1 signs in with a password: remove the account and add it again with the new one
</source>
        <translation>%1 se connecte avec un mot de passe : supprimez le compte et ajoutez-le de nouveau avec le nouveau mot de passe
</translation>
    </message>
    <message>
        <source>Signed in again as %1.
</source>
        <translation>De nouveau connecté en tant que %1.
</translation>
    </message>
    <message>
        <source>When no keychain is usable, passwords and tokens will be kept in a file in %1 that only you can read. It is not encrypted.
</source>
        <translation>Lorsqu&apos;aucun trousseau n&apos;est utilisable, les mots de passe et les jetons seront conservés dans un fichier de %1 que vous seul pouvez lire. Il n&apos;est pas chiffré.
</translation>
    </message>
    <message>
        <source>Passwords and tokens will only ever be kept in the system keychain.
</source>
        <translation>Les mots de passe et les jetons ne seront conservés que dans le trousseau du système.
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
Commandes :
  account list [--json]
  account add-imap NAME --host HOST --port PORT --security imaps|starttls|plain --user USER
                   [--password-stdin | --oauth CLIENT_FILE] [--ca-file PEM] [--allow-plaintext]
  account add-gmail NAME --client-file CLIENT_FILE [--quota UNITS_PER_SECOND]
  account remove NAME [--delete-archived-mail]
  account signin NAME       se reconnecter (Gmail) après le refus des identifiants par le fournisseur
  sync [--once] [NAME]      synchroniser maintenant (--once : attendre la fin et sortir avec son résultat)
  import mbox PATH [--account NAME] [--mboxo]
  import maildir PATH [--account NAME]
                            archiver du courrier local (un fichier mbox, un export Google Takeout, un Maildir) ;
                            sans --account, dans le compte « local » ; relancer pour reprendre
  status [--json]
  search QUERY... [--json] [--limit N]
                            mots, &quot;expressions&quot;, from: to: subject: has:attachment after:YYYY-MM-DD
                            before:YYYY-MM-DD account:NAME label:NAME
  export-eml ID [--output FILE]
                            les octets exacts d&apos;un message (ID donné par search) vers stdout ou un nouveau FILE
  pause [--for DURATION]    suspendre la synchronisation un moment (p. ex. 30m, 1h, 2h30m) ou jusqu&apos;à resume
  resume | quit             (ces trois commandes s&apos;adressent au vaulttray en cours d&apos;exécution)
  secrets allow-private-file | keychain-only
                            où les mots de passe et les jetons peuvent être gardés sans trousseau utilisable
  autostart on|off|status   démarrer vaulttray à l&apos;ouverture de votre session
Si vaulttray est en cours d&apos;exécution, les commandes lui sont transmises ; sinon elles s&apos;exécutent seules puis se terminent.
Les mots de passe sont lus depuis l&apos;entrée standard ou une invite, jamais depuis la ligne de commande.
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
Codes de sortie :
  0  succès
  2  erreur d&apos;utilisation
  3  problème de réseau ou de serveur (vaulttray réessaie de lui-même)
  4  le fournisseur a refusé les identifiants : reconnectez-vous
  5  mauvaise configuration : fichier client, autorisations ou paramètres du compte
  6  problème local : archive, disque ou permissions
  130  import arrêté par Ctrl+C après enregistrement de ce qui a été lu
</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Afficher cette aide.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Afficher la version.</translation>
    </message>
    <message>
        <source>Run the archiver without a tray icon.</source>
        <translation>Exécuter l&apos;archiveur sans icône dans la zone de notification.</translation>
    </message>
    <message>
        <source>Use the archive at &lt;path&gt; (also $VAULTTRAY_ARCHIVE).</source>
        <translation>Utiliser l&apos;archive située dans &lt;path&gt; (aussi $VAULTTRAY_ARCHIVE).</translation>
    </message>
    <message>
        <source>Answer in JSON (account list, status).</source>
        <translation>Répondre en JSON (account list, status).</translation>
    </message>
    <message>
        <source>sync: wait for the run to finish and exit with its outcome.</source>
        <translation>sync : attendre la fin de l&apos;exécution et sortir avec son résultat.</translation>
    </message>
    <message>
        <source>IMAP server host.</source>
        <translation>Hôte du serveur IMAP.</translation>
    </message>
    <message>
        <source>IMAP server port.</source>
        <translation>Port du serveur IMAP.</translation>
    </message>
    <message>
        <source>imaps, starttls or plain.</source>
        <translation>imaps, starttls ou plain.</translation>
    </message>
    <message>
        <source>IMAP user name.</source>
        <translation>Nom d&apos;utilisateur IMAP.</translation>
    </message>
    <message>
        <source>Read the IMAP password from stdin.</source>
        <translation>Lire le mot de passe IMAP depuis l&apos;entrée standard.</translation>
    </message>
    <message>
        <source>Sign in to IMAP with OAuth (XOAUTH2) using this client file.</source>
        <translation>Se connecter à IMAP avec OAuth (XOAUTH2) au moyen de ce fichier client.</translation>
    </message>
    <message>
        <source>Also trust the CA certificate(s) in this PEM file.</source>
        <translation>Faire aussi confiance aux certificats d&apos;autorité de ce fichier PEM.</translation>
    </message>
    <message>
        <source>Allow unencrypted IMAP to a host that is not this machine.</source>
        <translation>Autoriser l&apos;IMAP non chiffré vers un hôte autre que cette machine.</translation>
    </message>
    <message>
        <source>The Google OAuth client file (client_secret.json).</source>
        <translation>Le fichier client OAuth de Google (client_secret.json).</translation>
    </message>
    <message>
        <source>Gmail quota units per second this account may use (default 250, Google&apos;s per-user limit; raise it only if your Google Cloud project has a higher one).</source>
        <translation>Unités de quota Gmail par seconde que ce compte peut utiliser (250 par défaut, la limite de Google par utilisateur ; ne l&apos;augmentez que si votre projet Google Cloud en a une plus élevée).</translation>
    </message>
    <message>
        <source>account remove: also delete the account&apos;s archived mail.</source>
        <translation>account remove : supprimer aussi le courrier archivé du compte.</translation>
    </message>
    <message>
        <source>import: the account to import into (default: local).</source>
        <translation>import : le compte dans lequel importer (par défaut : local).</translation>
    </message>
    <message>
        <source>import mbox: only &quot;&gt;From &quot; lines are quoted (mboxo); default: mboxrd.</source>
        <translation>import mbox : seules les lignes « &gt;From  » sont protégées (mboxo) ; par défaut : mboxrd.</translation>
    </message>
    <message>
        <source>search: show at most &lt;n&gt; results (default 50).</source>
        <translation>search : afficher au plus &lt;n&gt; résultats (50 par défaut).</translation>
    </message>
    <message>
        <source>export-eml: write to &lt;file&gt; (must not exist yet).</source>
        <translation>export-eml : écrire dans &lt;file&gt; (qui ne doit pas encore exister).</translation>
    </message>
    <message>
        <source>pause: how long, e.g. 30m, 1h, 2h30m (default: until resume).</source>
        <translation>pause : durée, p. ex. 30m, 1h, 2h30m (par défaut : jusqu&apos;à resume).</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; takes %n word(s) after it</source>
        <translation>
            <numerusform>« %1 » attend %n mot après lui</numerusform>
            <numerusform>« %1 » attend %n mots après lui</numerusform>
        </translation>
    </message>
    <message>
        <source>sync takes at most one account name</source>
        <translation>sync accepte au plus un nom de compte</translation>
    </message>
    <message>
        <source>search needs a QUERY</source>
        <translation>search a besoin d&apos;une QUERY</translation>
    </message>
    <message>
        <source>--limit needs a number from 1 to %1</source>
        <translation>--limit attend un nombre de 1 à %1</translation>
    </message>
    <message>
        <source>export-eml needs one message ID (a number, as vaulttray search shows it)</source>
        <translation>export-eml attend un identifiant de message (un nombre, tel que vaulttray search l&apos;affiche)</translation>
    </message>
    <message>
        <source>--for needs a duration such as 30m, 1h or 2h30m (at most 31 days)</source>
        <translation>--for attend une durée comme 30m, 1h ou 2h30m (31 jours au plus)</translation>
    </message>
    <message>
        <source>secrets takes allow-private-file or keychain-only</source>
        <translation>secrets attend allow-private-file ou keychain-only</translation>
    </message>
    <message>
        <source>autostart takes on, off or status</source>
        <translation>autostart attend on, off ou status</translation>
    </message>
    <message>
        <source>import takes mbox or maildir</source>
        <translation>import attend mbox ou maildir</translation>
    </message>
    <message>
        <source>import %1 needs exactly one PATH</source>
        <translation>import %1 attend exactement un PATH</translation>
    </message>
    <message>
        <source>--mboxo is for import mbox</source>
        <translation>--mboxo ne s&apos;applique qu&apos;à import mbox</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>Commande inconnue : %1</translation>
    </message>
    <message>
        <source>account %1 needs exactly one account NAME</source>
        <translation>account %1 attend exactement un nom de compte (NAME)</translation>
    </message>
    <message>
        <source>account add-gmail needs --client-file</source>
        <translation>account add-gmail a besoin de --client-file</translation>
    </message>
    <message>
        <source>--quota needs a number of units per second from 1 to %1</source>
        <translation>--quota attend un nombre d&apos;unités par seconde de 1 à %1</translation>
    </message>
    <message>
        <source>Unknown account command: %1</source>
        <translation>Commande de compte inconnue : %1</translation>
    </message>
    <message>
        <source>account add-imap needs --host, --port, --security and --user</source>
        <translation>account add-imap a besoin de --host, --port, --security et --user</translation>
    </message>
    <message>
        <source>--port must be a number</source>
        <translation>--port doit être un nombre</translation>
    </message>
    <message>
        <source>--security must be imaps, starttls or plain</source>
        <translation>--security doit valoir imaps, starttls ou plain</translation>
    </message>
    <message>
        <source>choose either --password-stdin or --oauth</source>
        <translation>choisissez soit --password-stdin, soit --oauth</translation>
    </message>
    <message>
        <source>vaulttray keeps a complete, durable, searchable archive of your mail.</source>
        <translation>vaulttray tient une archive complète, durable et consultable de votre courrier.</translation>
    </message>
    <message>
        <source>See Commands below; none starts the archiver.</source>
        <translation>Voir les commandes ci-dessous ; aucune ne démarre l&apos;archiveur.</translation>
    </message>
</context>
<context>
    <name>ConnectionTestText</name>
    <message numerus="yes">
        <source>Connected and signed in: %n folder(s).</source>
        <translation>
            <numerusform>Connecté : %n dossier.</numerusform>
            <numerusform>Connecté : %n dossiers.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not reach the server. Check the server name and port, and that this computer is online.</source>
        <translation>Impossible de joindre le serveur. Vérifiez le nom du serveur et le port, et que cet ordinateur est en ligne.</translation>
    </message>
    <message>
        <source>The server rejected the user name or password.</source>
        <translation>Le serveur a refusé le nom d&apos;utilisateur ou le mot de passe.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted. If the server uses a certificate of its own, choose its CA file.</source>
        <translation>Le certificat du serveur n&apos;est pas reconnu. Si le serveur utilise son propre certificat, choisissez son fichier d&apos;autorité (CA).</translation>
    </message>
    <message>
        <source>The server is not available right now. Try again later.</source>
        <translation>Le serveur n&apos;est pas disponible pour le moment. Réessayez plus tard.</translation>
    </message>
    <message>
        <source>The server cannot be used with these settings: %1</source>
        <translation>Le serveur ne peut pas être utilisé avec ces réglages : %1</translation>
    </message>
    <message>
        <source>The test did not complete: %1</source>
        <translation>Le test n&apos;a pas abouti : %1</translation>
    </message>
</context>
<context>
    <name>ControlChannel</name>
    <message>
        <source>another vaulttray already runs for this archive</source>
        <translation>un autre vaulttray fonctionne déjà pour cette archive</translation>
    </message>
    <message>
        <source>unknown request</source>
        <translation>requête inconnue</translation>
    </message>
    <message>
        <source>the running vaulttray did not answer</source>
        <translation>le vaulttray en cours d&apos;exécution n&apos;a pas répondu</translation>
    </message>
</context>
<context>
    <name>ExportEmlCommand</name>
    <message>
        <source>%1 exists already; nothing was written. Choose a new file name.
</source>
        <translation>%1 existe déjà ; rien n&apos;a été écrit. Choisissez un nouveau nom de fichier.
</translation>
    </message>
    <message>
        <source>No message with id %1 in the archive (vaulttray search shows the ids).
</source>
        <translation>Aucun message d&apos;identifiant %1 dans l&apos;archive (vaulttray search affiche les identifiants).
</translation>
    </message>
    <message>
        <source>Could not write the message to standard output.
</source>
        <translation>Impossible d&apos;écrire le message sur la sortie standard.
</translation>
    </message>
    <message>
        <source>Could not write %1: %2
</source>
        <translation>Impossible d&apos;écrire %1 : %2
</translation>
    </message>
    <message numerus="yes">
        <source>Wrote message %1 (%n byte(s)) to %2.
</source>
        <translation>
            <numerusform>Message %1 (%n octet) écrit dans %2.
</numerusform>
            <numerusform>Message %1 (%n octets) écrit dans %2.
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Importing %1 into &quot;%2&quot;...
</source>
        <translation>Import de %1 dans « %2 »...
</translation>
    </message>
    <message>
        <source>%1 was imported into &quot;%2&quot; before and has not changed since: nothing to do.
</source>
        <translation>%1 a déjà été importé dans « %2 » et n&apos;a pas changé depuis : rien à faire.
</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln message(s) from %1 into &quot;%2&quot;; %3 already archived (resumed where the last import stopped).
</source>
        <translation>
            <numerusform>%Ln message importé de %1 dans « %2 » ; %3 déjà archivés (repris là où le dernier import s&apos;était arrêté).
</numerusform>
            <numerusform>%Ln messages importés de %1 dans « %2 » ; %3 déjà archivés (repris là où le dernier import s&apos;était arrêté).
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln message(s) from %1 into &quot;%2&quot;; %3 already archived.
</source>
        <translation>
            <numerusform>%Ln message importé de %1 dans « %2 » ; %3 déjà archivés.
</numerusform>
            <numerusform>%Ln messages importés de %1 dans « %2 » ; %3 déjà archivés.
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln message(s) from %1 into &quot;%2&quot; (resumed where the last import stopped).
</source>
        <translation>
            <numerusform>%Ln message importé de %1 dans « %2 » (repris là où le dernier import s&apos;était arrêté).
</numerusform>
            <numerusform>%Ln messages importés de %1 dans « %2 » (repris là où le dernier import s&apos;était arrêté).
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln message(s) from %1 into &quot;%2&quot;.
</source>
        <translation>
            <numerusform>%Ln message importé de %1 dans « %2 ».
</numerusform>
            <numerusform>%Ln messages importés de %1 dans « %2 ».
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) cut short where the file ends: archived as found.
</source>
        <translation>
            <numerusform>%Ln message tronqué par la fin du fichier : archivé tel quel.
</numerusform>
            <numerusform>%Ln messages tronqués par la fin du fichier : archivés tels quels.
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) without any content skipped.
</source>
        <translation>
            <numerusform>%Ln message sans aucun contenu ignoré.
</numerusform>
            <numerusform>%Ln messages sans aucun contenu ignorés.
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) could not be read, so not archived:
</source>
        <translation>
            <numerusform>%Ln message n&apos;a pas pu être lu et n&apos;a donc pas été archivé :
</numerusform>
            <numerusform>%Ln messages n&apos;ont pas pu être lus et n&apos;ont donc pas été archivés :
</numerusform>
        </translation>
    </message>
    <message>
        <source>  and %1 more
</source>
        <translation>  et %1 de plus
</translation>
    </message>
    <message>
        <source>Make them readable and run the same command again: what is archived is skipped.
</source>
        <translation>Rendez-les lisibles et relancez la même commande : ce qui est archivé sera ignoré.
</translation>
    </message>
    <message>
        <source>Stopped. What was read is archived; run the same command again to finish.
</source>
        <translation>Arrêté. Ce qui a été lu est archivé ; relancez la même commande pour terminer.
</translation>
    </message>
    <message>
        <source>
What was read before is archived; run the same command again to finish.
</source>
        <translation>
Ce qui a été lu auparavant est archivé ; relancez la même commande pour terminer.
</translation>
    </message>
    <message>
        <source>no account named &quot;%1&quot; (vaulttray account list shows them; without --account the mail goes into the account &quot;%2&quot;)
</source>
        <translation>aucun compte nommé « %1 » (vaulttray account list les affiche ; sans --account, le courrier va dans le compte « %2 »)
</translation>
    </message>
    <message>
        <source>the account &quot;%1&quot; syncs with %2; name the account to import into with --account
</source>
        <translation>le compte « %1 » se synchronise avec %2 ; indiquez le compte dans lequel importer avec --account
</translation>
    </message>
    <message>
        <source>Added the account &quot;%1&quot; for mail that syncs with no provider.
</source>
        <translation>Le compte « %1 » a été ajouté pour le courrier sans fournisseur de synchronisation.
</translation>
    </message>
    <message numerus="yes">
        <source>  %1 of %Ln message(s) (%2%)
</source>
        <translation>
            <numerusform>  %1 sur %Ln message (%2 %)
</numerusform>
            <numerusform>  %1 sur %Ln messages (%2 %)
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %1 of about %Ln message(s) (%2%)
</source>
        <translation>
            <numerusform>  %1 sur environ %Ln message (%2 %)
</numerusform>
            <numerusform>  %1 sur environ %Ln messages (%2 %)
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LaunchAgentAutostart</name>
    <message>
        <source>could not create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <source>could not write %1: %2</source>
        <translation>impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>could not remove %1</source>
        <translation>impossible de supprimer %1</translation>
    </message>
</context>
<context>
    <name>MaildirSource</name>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 n&apos;existe pas</translation>
    </message>
    <message>
        <source>%1 is a file, not a Maildir folder (for an mbox file: vaulttray import mbox %1)</source>
        <translation>%1 est un fichier, pas un dossier Maildir (pour un fichier mbox : vaulttray import mbox %1)</translation>
    </message>
    <message>
        <source>cannot read %1: permission denied</source>
        <translation>impossible de lire %1 : permission refusée</translation>
    </message>
    <message>
        <source>%1 is not a Maildir: it has no cur/ and new/ folders</source>
        <translation>%1 n&apos;est pas un Maildir : les dossiers cur/ et new/ manquent</translation>
    </message>
</context>
<context>
    <name>MboxReader</name>
    <message>
        <source>it does not start with a &quot;From &quot; line</source>
        <translation>il ne commence pas par une ligne « From  »</translation>
    </message>
</context>
<context>
    <name>MboxSource</name>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 n&apos;existe pas</translation>
    </message>
    <message>
        <source>%1 is a folder, not an mbox file (for a Maildir: vaulttray import maildir %1)</source>
        <translation>%1 est un dossier, pas un fichier mbox (pour un Maildir : vaulttray import maildir %1)</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 is not an mbox file: %2</source>
        <translation>%1 n&apos;est pas un fichier mbox : %2</translation>
    </message>
    <message>
        <source>%1, message at byte %2</source>
        <translation>%1, message à l&apos;octet %2</translation>
    </message>
</context>
<context>
    <name>RunKeyAutostart</name>
    <message>
        <source>could not change the registry key %1</source>
        <translation>impossible de modifier la clé de registre %1</translation>
    </message>
</context>
<context>
    <name>SearchCommand</name>
    <message>
        <source>%1: not a date such as 2024-05-31.</source>
        <translation>%1 : ce n&apos;est pas une date comme 2024-05-31.</translation>
    </message>
    <message>
        <source>%1 needs something after the colon.</source>
        <translation>%1 attend quelque chose après les deux-points.</translation>
    </message>
    <message>
        <source>%1: only has:attachment is known.</source>
        <translation>%1 : seul has:attachment est connu.</translation>
    </message>
    <message>
        <source>Nothing to search for.
</source>
        <translation>Rien à rechercher.
</translation>
    </message>
    <message>
        <source>No message matches.
</source>
        <translation>Aucun message ne correspond.
</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <source>Up to date (last archived %1)</source>
        <translation>À jour (dernier archivage %1)</translation>
    </message>
    <message>
        <source>Not archived yet</source>
        <translation>Pas encore archivé</translation>
    </message>
    <message numerus="yes">
        <source>Archiving: %1 of %Ln message(s)</source>
        <translation>
            <numerusform>Archivage : %1 sur %Ln message</numerusform>
            <numerusform>Archivage : %1 sur %Ln messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Archiving: %n message(s) so far</source>
        <translation>
            <numerusform>Archivage : %n message jusqu&apos;ici</numerusform>
            <numerusform>Archivage : %n messages jusqu&apos;ici</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the network</source>
        <translation>En attente du réseau</translation>
    </message>
    <message>
        <source>Waiting: the network needs a sign-in page first</source>
        <translation>En attente : le réseau exige d&apos;abord une page de connexion</translation>
    </message>
    <message>
        <source>Waiting for the computer to wake up</source>
        <translation>En attente du réveil de l&apos;ordinateur</translation>
    </message>
    <message>
        <source>Waiting: paused on a metered connection</source>
        <translation>En attente : suspendu sur une connexion limitée</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Will try again soon</source>
        <translation>Nouvel essai sous peu</translation>
    </message>
    <message>
        <source>Needs you to sign in again</source>
        <translation>Vous devez vous reconnecter</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Arrêté : %1</translation>
    </message>
    <message>
        <source>The mail server could not be reached. This usually fixes itself.</source>
        <translation>Le serveur de messagerie n&apos;a pas pu être joint. Cela se règle généralement tout seul.</translation>
    </message>
    <message>
        <source>The mail server had a temporary problem. It will be tried again.</source>
        <translation>Le serveur de messagerie a eu un problème passager. Un nouvel essai sera fait.</translation>
    </message>
    <message>
        <source>The mail server no longer accepts the saved sign-in.</source>
        <translation>Le serveur de messagerie n&apos;accepte plus la connexion enregistrée.</translation>
    </message>
    <message>
        <source>The account&apos;s settings do not work with this server. Check them in Accounts.</source>
        <translation>Les paramètres du compte ne fonctionnent pas avec ce serveur. Vérifiez-les dans Comptes.</translation>
    </message>
    <message>
        <source>The archive on this computer could not be written (is the disk full?).</source>
        <translation>L&apos;archive n&apos;a pas pu être écrite sur cet ordinateur (le disque est-il plein ?).</translation>
    </message>
    <message>
        <source>Some messages could not be read; they were kept as they are.</source>
        <translation>Certains messages n&apos;ont pas pu être lus ; ils ont été conservés tels quels.</translation>
    </message>
    <message>
        <source>The run was stopped before it finished.</source>
        <translation>L&apos;exécution a été arrêtée avant la fin.</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n nouveau message</numerusform>
            <numerusform>%n nouveaux messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped before it finished</source>
        <translation>Arrêté avant la fin</translation>
    </message>
    <message>
        <source>Interrupted (the app was closed)</source>
        <translation>Interrompu (l&apos;application a été fermée)</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
</context>
<context>
    <name>TrayText</name>
    <message>
        <source>%1: waiting for the network</source>
        <translation>%1 : en attente du réseau</translation>
    </message>
    <message>
        <source>%1: waiting: the network wants a sign-in page first</source>
        <translation>%1 : en attente : le réseau exige d&apos;abord une page de connexion</translation>
    </message>
    <message>
        <source>%1: waiting for the computer to wake</source>
        <translation>%1 : en attente du réveil de l&apos;ordinateur</translation>
    </message>
    <message>
        <source>%1: paused on a metered connection</source>
        <translation>%1 : suspendu sur une connexion limitée</translation>
    </message>
    <message>
        <source>%1: paused</source>
        <translation>%1 : suspendu</translation>
    </message>
    <message>
        <source>%1: waiting</source>
        <translation>%1 : en attente</translation>
    </message>
    <message>
        <source>%1: archiving… %2 of %3</source>
        <translation>%1 : archivage… %2 sur %3</translation>
    </message>
    <message numerus="yes">
        <source>%1: archiving… %n message(s) so far</source>
        <translation>
            <numerusform>%1 : archivage… %n message jusqu&apos;ici</numerusform>
            <numerusform>%1 : archivage… %n messages jusqu&apos;ici</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: archiving…</source>
        <translation>%1 : archivage…</translation>
    </message>
    <message>
        <source>%1: needs you to sign in again</source>
        <translation>%1 : vous devez vous reconnecter</translation>
    </message>
    <message>
        <source>%1: stopped. %2</source>
        <translation>%1 : arrêté. %2</translation>
    </message>
    <message>
        <source>%1: will try again at %2</source>
        <translation>%1 : nouvel essai à %2</translation>
    </message>
    <message>
        <source>%1: will try again soon</source>
        <translation>%1 : nouvel essai sous peu</translation>
    </message>
    <message>
        <source>%1: not archived yet</source>
        <translation>%1 : pas encore archivé</translation>
    </message>
    <message>
        <source>%1: up to date · last archived %2</source>
        <translation>%1 : à jour · dernier archivage %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: up to date · %n message(s) · last archived %2</source>
        <translation>
            <numerusform>%1 : à jour · %n message · dernier archivage %2</numerusform>
            <numerusform>%1 : à jour · %n messages · dernier archivage %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused until %1</source>
        <translation>Suspendu jusqu&apos;à %1</translation>
    </message>
    <message>
        <source>Paused until you resume</source>
        <translation>Suspendu jusqu&apos;à ce que vous repreniez</translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation>Aucun compte pour l&apos;instant</translation>
    </message>
</context>
<context>
    <name>XdgAutostart</name>
    <message>
        <source>could not remove %1</source>
        <translation>impossible de supprimer %1</translation>
    </message>
    <message>
        <source>could not create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <source>could not write %1: %2</source>
        <translation>impossible d&apos;écrire %1 : %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>vaulttray is already running for %1.
</source>
        <translation>vaulttray est déjà en cours d&apos;exécution pour %1.
</translation>
    </message>
</context>
<context>
    <name>vaulttray::AccountActions</name>
    <message>
        <source>An account named %1 exists already. Choose another name.</source>
        <translation>Un compte nommé %1 existe déjà. Choisissez un autre nom.</translation>
    </message>
    <message>
        <source>The password could not be stored, so the account was not added: %1</source>
        <translation>Le mot de passe n&apos;a pas pu être enregistré, le compte n&apos;a donc pas été ajouté : %1</translation>
    </message>
</context>
<context>
    <name>vaulttray::AccountListPage</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Add Gmail…</source>
        <translation>Ajouter Gmail…</translation>
    </message>
    <message>
        <source>Add IMAP…</source>
        <translation>Ajouter IMAP…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Supprimer…</translation>
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
        <translation>vaulttray — Comptes</translation>
    </message>
</context>
<context>
    <name>vaulttray::ArchiveQueryWorker</name>
    <message>
        <source>The message is not in the archive.</source>
        <translation>Le message n&apos;est pas dans l&apos;archive.</translation>
    </message>
</context>
<context>
    <name>vaulttray::AuthorizationCodeFlow</name>
    <message>
        <source>vaulttray sign-in</source>
        <translation>Connexion à vaulttray</translation>
    </message>
    <message>
        <source>This sign-in is already over; you can close this window.</source>
        <translation>Cette connexion est déjà terminée ; vous pouvez fermer cette fenêtre.</translation>
    </message>
    <message>
        <source>This answer does not belong to the sign-in vaulttray started, so it was refused and nothing was changed. Start the sign-in again from vaulttray.</source>
        <translation>Cette réponse n&apos;appartient pas à la connexion lancée par vaulttray : elle a donc été refusée et rien n&apos;a été modifié. Relancez la connexion depuis vaulttray.</translation>
    </message>
    <message>
        <source>Access was not granted; vaulttray changed nothing. You can close this window.</source>
        <translation>L&apos;accès n&apos;a pas été accordé ; vaulttray n&apos;a rien modifié. Vous pouvez fermer cette fenêtre.</translation>
    </message>
    <message>
        <source>The sign-in failed (%1). You can close this window.</source>
        <translation>La connexion a échoué (%1). Vous pouvez fermer cette fenêtre.</translation>
    </message>
    <message>
        <source>The sign-in answer was incomplete. Start again from vaulttray.</source>
        <translation>La réponse de connexion était incomplète. Recommencez depuis vaulttray.</translation>
    </message>
    <message>
        <source>vaulttray received the authorization and is finishing the sign-in. You can close this window.</source>
        <translation>vaulttray a reçu l&apos;autorisation et termine la connexion. Vous pouvez fermer cette fenêtre.</translation>
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
        <translation>ce n&apos;est pas une commande pour l&apos;instance en cours d&apos;exécution
</translation>
    </message>
    <message>
        <source>No accounts yet.
</source>
        <translation>Aucun compte pour l&apos;instant.
</translation>
    </message>
    <message>
        <source>a Gmail account is added by signing in: vaulttray account add-gmail</source>
        <translation>un compte Gmail s&apos;ajoute en se connectant : vaulttray account add-gmail</translation>
    </message>
    <message>
        <source>an account named &quot;%1&quot; already exists</source>
        <translation>un compte nommé « %1 » existe déjà</translation>
    </message>
    <message>
        <source>Added account &quot;%1&quot;.
</source>
        <translation>Compte « %1 » ajouté.
</translation>
    </message>
    <message>
        <source>no account named &quot;%1&quot;</source>
        <translation>aucun compte nommé « %1 »</translation>
    </message>
    <message>
        <source>Removed account &quot;%1&quot; and deleted its archived mail.
</source>
        <translation>Compte « %1 » supprimé, ainsi que son courrier archivé.
</translation>
    </message>
    <message>
        <source>Removed account &quot;%1&quot;; its archived mail stays searchable.
</source>
        <translation>Compte « %1 » supprimé ; son courrier archivé reste consultable.
</translation>
    </message>
    <message>
        <source>No accounts to sync.
</source>
        <translation>Aucun compte à synchroniser.
</translation>
    </message>
    <message>
        <source>Sync started.
</source>
        <translation>Synchronisation lancée.
</translation>
    </message>
    <message>
        <source>%1: archived
</source>
        <translation>%1 : archivé
</translation>
    </message>
    <message>
        <source>waiting: %1</source>
        <translation>en attente : %1</translation>
    </message>
    <message>
        <source>Archive: %1
</source>
        <translation>Archive : %1
</translation>
    </message>
    <message>
        <source>Paused.
</source>
        <translation>Suspendu.
</translation>
    </message>
    <message>
        <source>the archiver is not running
</source>
        <translation>l&apos;archiveur n&apos;est pas en cours d&apos;exécution
</translation>
    </message>
    <message>
        <source>Paused until you resume (vaulttray resume).
</source>
        <translation>Suspendu jusqu&apos;à ce que vous repreniez (vaulttray resume).
</translation>
    </message>
    <message>
        <source>Paused until %1.
</source>
        <translation>Suspendu jusqu&apos;à %1.
</translation>
    </message>
    <message>
        <source>Resumed.
</source>
        <translation>Repris.
</translation>
    </message>
    <message>
        <source>Not paused; nothing to resume.
</source>
        <translation>Pas suspendu ; rien à reprendre.
</translation>
    </message>
    <message>
        <source>vaulttray is quitting.
</source>
        <translation>vaulttray se termine.
</translation>
    </message>
</context>
<context>
    <name>vaulttray::GmailAccountForm</name>
    <message>
        <source>vaulttray reads Gmail through your own Google Cloud OAuth client. Choose its client file (client_secret.json, of the &quot;Desktop app&quot; kind), then sign in with Google in your browser. vaulttray asks only to read your mail.</source>
        <translation>vaulttray lit Gmail par votre propre client OAuth Google Cloud. Choisissez son fichier client (client_secret.json, de type « Application de bureau »), puis connectez-vous à Google dans votre navigateur. vaulttray demande seulement à lire votre courrier.</translation>
    </message>
    <message>
        <source>A name for the account, e.g. personal</source>
        <translation>Un nom pour le compte, par ex. perso</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Account name:</source>
        <translation>Nom du compte :</translation>
    </message>
    <message>
        <source>Client file:</source>
        <translation>Fichier client :</translation>
    </message>
    <message>
        <source>Sign in with Google…</source>
        <translation>Se connecter avec Google…</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Choose the Google client file</source>
        <translation>Choisir le fichier client Google</translation>
    </message>
    <message>
        <source>Client files (*.json);;All files (*)</source>
        <translation>Fichiers client (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Check the name: %1</source>
        <translation>Vérifiez le nom : %1</translation>
    </message>
    <message>
        <source>An account named %1 exists already. Choose another name.</source>
        <translation>Un compte nommé %1 existe déjà. Choisissez un autre nom.</translation>
    </message>
    <message>
        <source>Choose the client file first.</source>
        <translation>Choisissez d&apos;abord le fichier client.</translation>
    </message>
    <message>
        <source>This client file cannot be used: %1</source>
        <translation>Ce fichier client ne peut pas être utilisé : %1</translation>
    </message>
    <message>
        <source>Finish signing in in your browser. If none opened, open this address:
%1</source>
        <translation>Terminez la connexion dans votre navigateur. S&apos;il ne s&apos;est pas ouvert, ouvrez cette adresse :
%1</translation>
    </message>
    <message>
        <source>Signing in did not work: %1</source>
        <translation>La connexion n&apos;a pas abouti : %1</translation>
    </message>
    <message>
        <source>Signed in as %1. Adding the account…</source>
        <translation>Connecté en tant que %1. Ajout du compte…</translation>
    </message>
    <message>
        <source>Starting the sign-in…</source>
        <translation>Démarrage de la connexion…</translation>
    </message>
</context>
<context>
    <name>vaulttray::GmailSignInTask</name>
    <message>
        <source>Gmail did not say which account signed in</source>
        <translation>Gmail n&apos;a pas indiqué quel compte s&apos;est connecté</translation>
    </message>
</context>
<context>
    <name>vaulttray::ImapAccountForm</name>
    <message>
        <source>A name for the account, e.g. work</source>
        <translation>Un nom pour le compte, par ex. travail</translation>
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
        <translation>Aucune (seulement vers cet ordinateur)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>OAuth (XOAUTH2) with a client file</source>
        <translation>OAuth (XOAUTH2) avec un fichier client</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Only for a server with a certificate of its own</source>
        <translation>Seulement pour un serveur avec son propre certificat</translation>
    </message>
    <message>
        <source>Account name:</source>
        <translation>Nom du compte :</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Serveur :</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Sécurité :</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nom d&apos;utilisateur :</translation>
    </message>
    <message>
        <source>Sign in with:</source>
        <translation>Se connecter avec :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>OAuth client file:</source>
        <translation>Fichier client OAuth :</translation>
    </message>
    <message>
        <source>Choose the OAuth client file</source>
        <translation>Choisir le fichier client OAuth</translation>
    </message>
    <message>
        <source>Client files (*.json);;All files (*)</source>
        <translation>Fichiers client (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>CA file (optional):</source>
        <translation>Fichier CA (facultatif) :</translation>
    </message>
    <message>
        <source>Choose the server&apos;s CA file</source>
        <translation>Choisir le fichier CA du serveur</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificats (*.pem *.crt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Ajouter le compte</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>An OAuth account is checked by its first sync.</source>
        <translation>Un compte OAuth est vérifié par sa première synchronisation.</translation>
    </message>
    <message>
        <source>Check the settings: %1</source>
        <translation>Vérifiez les réglages : %1</translation>
    </message>
    <message>
        <source>This client file cannot be used: %1</source>
        <translation>Ce fichier client ne peut pas être utilisé : %1</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Saisissez le mot de passe.</translation>
    </message>
    <message>
        <source>Check the name: %1</source>
        <translation>Vérifiez le nom : %1</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
</context>
<context>
    <name>vaulttray::ImportJob</name>
    <message>
        <source>import cancelled</source>
        <translation>import annulé</translation>
    </message>
    <message>
        <source>cannot read the archive: %1</source>
        <translation>impossible de lire l&apos;archive : %1</translation>
    </message>
    <message>
        <source>archive write failed: %1</source>
        <translation>l&apos;écriture dans l&apos;archive a échoué : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) could not be read</source>
        <translation>
            <numerusform>%n message n&apos;a pas pu être lu</numerusform>
            <numerusform>%n messages n&apos;ont pas pu être lus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vaulttray::ImportLauncher</name>
    <message>
        <source>Import an mbox file</source>
        <translation>Importer un fichier mbox</translation>
    </message>
    <message>
        <source>Import a Maildir folder</source>
        <translation>Importer un dossier Maildir</translation>
    </message>
    <message>
        <source>The import of %1 stopped unexpectedly; run it again to go on.</source>
        <translation>L&apos;import de %1 s&apos;est arrêté de façon inattendue ; relancez-le pour continuer.</translation>
    </message>
</context>
<context>
    <name>vaulttray::LogindSleepMonitor</name>
    <message>
        <source>Finishing the current archive batch</source>
        <translation>Fin de l&apos;écriture du lot d&apos;archive en cours</translation>
    </message>
</context>
<context>
    <name>vaulttray::NotificationPolicy</name>
    <message>
        <source>Sign in again to %1</source>
        <translation>Se reconnecter à %1</translation>
    </message>
    <message>
        <source>%1 no longer accepts the sign-in vaulttray saved, so archiving this account has stopped. Everything archived so far stays.</source>
        <translation>%1 n&apos;accepte plus la connexion enregistrée par vaulttray : l&apos;archivage de ce compte est donc arrêté. Tout ce qui a déjà été archivé est conservé.</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Se reconnecter</translation>
    </message>
    <message>
        <source>vaulttray cannot archive %1</source>
        <translation>vaulttray ne peut pas archiver %1</translation>
    </message>
    <message>
        <source>Archiving %1 stopped. %2</source>
        <translation>L&apos;archivage de %1 est arrêté. %2</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Afficher les détails</translation>
    </message>
    <message>
        <source>No connection for a while</source>
        <translation>Pas de connexion depuis un moment</translation>
    </message>
    <message>
        <source>vaulttray has not reached %1 since %2. It keeps trying by itself; nothing is lost.</source>
        <translation>vaulttray n&apos;a pas pu joindre %1 depuis %2. Il continue d&apos;essayer de lui-même ; rien n&apos;est perdu.</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <source>New mail archived</source>
        <translation>Nouveau courrier archivé</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) archived from %1.</source>
        <translation>
            <numerusform>%n nouveau message archivé depuis %1.</numerusform>
            <numerusform>%n nouveaux messages archivés depuis %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vaulttray::RemoveAccountDialog</name>
    <message>
        <source>Remove %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <source>Remove the account %1? vaulttray stops archiving it and forgets its stored password or sign-in. The mail archived so far stays searchable unless you also delete it.</source>
        <translation>Supprimer le compte %1 ? vaulttray cesse de l&apos;archiver et oublie son mot de passe ou sa connexion enregistrés. Le courrier déjà archivé reste consultable, sauf si vous le supprimez aussi.</translation>
    </message>
    <message>
        <source>Also delete the archived mail</source>
        <translation>Supprimer aussi le courrier archivé</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>vaulttray::SearchResultsModel</name>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
</context>
<context>
    <name>vaulttray::SearchWindow</name>
    <message>
        <source>vaulttray — Archive</source>
        <translation>vaulttray — Archive</translation>
    </message>
    <message>
        <source>Search words, from:, to:, subject:, after:2024-01-31, has:attachment, label:</source>
        <translation>Rechercher des mots, from:, to:, subject:, after:2024-01-31, has:attachment, label:</translation>
    </message>
    <message>
        <source>Words must all appear. &quot;Quoted words&quot; must appear together.
from:NAME  to:NAME  subject:WORD  label:NAME  account:NAME
after:YYYY-MM-DD  before:YYYY-MM-DD  on:YYYY-MM-DD  has:attachment</source>
        <translation>Tous les mots doivent figurer. Les &quot;mots entre guillemets&quot; doivent figurer ensemble.
from:NOM  to:NOM  subject:MOT  label:NOM  account:NOM
after:AAAA-MM-JJ  before:AAAA-MM-JJ  on:AAAA-MM-JJ  has:attachment</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Tous les comptes</translation>
    </message>
    <message>
        <source>Save as .eml…</source>
        <translation>Enregistrer en .eml…</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>Pièces jointes :</translation>
    </message>
    <message>
        <source>“%1” is not a date: write it as year-month-day, for example 2024-05-31.</source>
        <translation>« %1 » n&apos;est pas une date : écrivez-la sous la forme année-mois-jour, par exemple 2024-05-31.</translation>
    </message>
    <message>
        <source>“%1” needs a value right after the colon.</source>
        <translation>« %1 » attend une valeur juste après les deux-points.</translation>
    </message>
    <message>
        <source>“%1” is not known; has:attachment is.</source>
        <translation>« %1 » est inconnu ; has:attachment est connu.</translation>
    </message>
    <message>
        <source>This message is no longer in the archive.</source>
        <translation>Ce message n&apos;est plus dans l&apos;archive.</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>De : %1</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>À : %1</translation>
    </message>
    <message>
        <source>Cc: %1</source>
        <translation>Cc : %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Objet : %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Date : %1</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>Compte : %1</translation>
    </message>
    <message>
        <source>Labels: %1</source>
        <translation>Libellés : %1</translation>
    </message>
    <message>
        <source>Deleted on the server; kept in the archive.</source>
        <translation>Supprimé sur le serveur ; conservé dans l&apos;archive.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>sans nom</translation>
    </message>
    <message>
        <source>Save message as</source>
        <translation>Enregistrer le message sous</translation>
    </message>
    <message>
        <source>message.eml</source>
        <translation>message.eml</translation>
    </message>
    <message>
        <source>E-mail message (*.eml)</source>
        <translation>Message électronique (*.eml)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>The message could not be saved to %1: %2</source>
        <translation>Le message n&apos;a pas pu être enregistré dans %1 : %2</translation>
    </message>
</context>
<context>
    <name>vaulttray::SettingsDialog</name>
    <message>
        <source>vaulttray — Settings</source>
        <translation>vaulttray — Paramètres</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Pause on metered connections</source>
        <translation>Suspendre sur les connexions limitées</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Tell me when a sync archived new mail</source>
        <translation>M&apos;avertir lorsqu&apos;une synchronisation a archivé du nouveau courrier</translation>
    </message>
    <message>
        <source>Start vaulttray when I log in</source>
        <translation>Démarrer vaulttray à l&apos;ouverture de ma session</translation>
    </message>
    <message>
        <source>Show in file manager</source>
        <translation>Afficher dans le gestionnaire de fichiers</translation>
    </message>
    <message>
        <source>Archive new mail every</source>
        <translation>Archiver le nouveau courrier toutes les</translation>
    </message>
    <message>
        <source>Tell me when an account is unreachable for</source>
        <translation>M&apos;avertir lorsqu&apos;un compte est injoignable depuis</translation>
    </message>
    <message>
        <source>Archive location</source>
        <translation>Emplacement de l&apos;archive</translation>
    </message>
    <message>
        <source>A new interval takes effect the next time vaulttray starts.</source>
        <translation>Un nouvel intervalle s&apos;applique au prochain démarrage de vaulttray.</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Démarrage à l&apos;ouverture de session</translation>
    </message>
    <message>
        <source>Starting at login could not be changed in %1.</source>
        <translation>Le démarrage à l&apos;ouverture de session n&apos;a pas pu être modifié dans %1.</translation>
    </message>
</context>
<context>
    <name>vaulttray::SignInAgainDialog</name>
    <message>
        <source>Sign in again to %1</source>
        <translation>Se reconnecter à %1</translation>
    </message>
    <message>
        <source>Google no longer accepts the sign-in vaulttray saved for %1 (%2). This happens when the password was changed or vaulttray&apos;s access was removed in the Google account.</source>
        <translation>Google n&apos;accepte plus la connexion enregistrée par vaulttray pour %1 (%2). Cela arrive lorsque le mot de passe a été changé ou que l&apos;accès de vaulttray a été retiré dans le compte Google.</translation>
    </message>
    <message>
        <source>The mail server no longer accepts the sign-in vaulttray saved for %1 (%2). Signing in again to this kind of account is done by removing it and adding it again; the archived mail stays.</source>
        <translation>Le serveur de messagerie n&apos;accepte plus la connexion enregistrée par vaulttray pour %1 (%2). Pour ce type de compte, on se reconnecte en le supprimant puis en l&apos;ajoutant de nouveau ; le courrier archivé est conservé.</translation>
    </message>
    <message>
        <source>The mail server %1 refused the password of %2 for the account %3. If the password was changed, enter the new one.</source>
        <translation>Le serveur de messagerie %1 a refusé le mot de passe de %2 pour le compte %3. Si le mot de passe a changé, saisissez le nouveau.</translation>
    </message>
    <message>
        <source>Until then this account is not archived. Everything archived so far stays, and the other accounts go on.</source>
        <translation>D&apos;ici là, ce compte n&apos;est pas archivé. Tout ce qui a déjà été archivé est conservé, et les autres comptes continuent.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <source>Sign in with Google…</source>
        <translation>Se connecter avec Google…</translation>
    </message>
    <message>
        <source>Save the password</source>
        <translation>Enregistrer le mot de passe</translation>
    </message>
    <message>
        <source>Finish signing in in your browser. If none opened, open this address:
%1</source>
        <translation>Terminez la connexion dans votre navigateur. S&apos;il ne s&apos;est pas ouvert, ouvrez cette adresse :
%1</translation>
    </message>
    <message>
        <source>Signing in did not work: %1</source>
        <translation>La connexion n&apos;a pas fonctionné : %1</translation>
    </message>
    <message>
        <source>Starting the sign-in…</source>
        <translation>Démarrage de la connexion…</translation>
    </message>
    <message>
        <source>Enter the new password first.</source>
        <translation>Saisissez d&apos;abord le nouveau mot de passe.</translation>
    </message>
    <message>
        <source>The password could not be stored: %1</source>
        <translation>Le mot de passe n&apos;a pas pu être enregistré : %1</translation>
    </message>
</context>
<context>
    <name>vaulttray::StatusWindow</name>
    <message>
        <source>vaulttray — Status</source>
        <translation>vaulttray — État</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Recent runs</source>
        <translation>Exécutions récentes</translation>
    </message>
</context>
<context>
    <name>vaulttray::TrayController</name>
    <message>
        <source>An import is running</source>
        <translation>Un import est en cours</translation>
    </message>
    <message>
        <source>Wait until it has finished, then start the next one.</source>
        <translation>Attendez qu&apos;il soit terminé, puis lancez le suivant.</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Import terminé</translation>
    </message>
    <message>
        <source>Import stopped</source>
        <translation>Import arrêté</translation>
    </message>
    <message>
        <source>vaulttray</source>
        <translation>vaulttray</translation>
    </message>
    <message>
        <source>vaulttray is already running; its menu is in the system tray.</source>
        <translation>vaulttray est déjà en cours d&apos;exécution ; son menu se trouve dans la zone de notification.</translation>
    </message>
</context>
<context>
    <name>vaulttray::TrayIcon</name>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <source>Pause for 1 hour</source>
        <translation>Suspendre pendant 1 heure</translation>
    </message>
    <message>
        <source>Pause until resumed</source>
        <translation>Suspendre jusqu&apos;à la reprise</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Open archive…</source>
        <translation>Ouvrir l&apos;archive…</translation>
    </message>
    <message>
        <source>Status…</source>
        <translation>État…</translation>
    </message>
    <message>
        <source>Accounts…</source>
        <translation>Comptes…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <source>Import mail</source>
        <translation>Importer du courrier</translation>
    </message>
    <message>
        <source>An mbox file (also a Google Takeout export)…</source>
        <translation>Un fichier mbox (ou un export Google Takeout)…</translation>
    </message>
    <message>
        <source>A Maildir folder…</source>
        <translation>Un dossier Maildir…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Not in this version yet; use “vaulttray search” meanwhile.</source>
        <translation>Pas encore dans cette version ; utilisez « vaulttray search » en attendant.</translation>
    </message>
    <message>
        <source>Not in this version yet; use “vaulttray account” meanwhile.</source>
        <translation>Pas encore dans cette version ; utilisez « vaulttray account » en attendant.</translation>
    </message>
    <message>
        <source>Not in this version yet.</source>
        <translation>Pas encore dans cette version.</translation>
    </message>
    <message>
        <source>Not available.</source>
        <translation>Non disponible.</translation>
    </message>
    <message>
        <source>The archive cannot be used: %1</source>
        <translation>L&apos;archive ne peut pas être utilisée : %1</translation>
    </message>
    <message>
        <source>The archive cannot be used</source>
        <translation>L&apos;archive ne peut pas être utilisée</translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation>Aucun compte pour l&apos;instant</translation>
    </message>
    <message>
        <source>Sign in again to %1…</source>
        <translation>Se reconnecter à %1…</translation>
    </message>
</context>
</TS>
