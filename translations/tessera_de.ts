<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Tessera</source>
        <translation>Über Tessera</translation>
    </message>
    <message>
        <source>Tessera %1</source>
        <translation>Tessera %1</translation>
    </message>
    <message>
        <source>Runs each program you do not fully trust in its own appliance virtual machine, held to a contract you see before it starts.</source>
        <translation>Führt jedes Programm, dem Sie nicht ganz vertrauen, in einer eigenen Appliance-VM aus, gebunden an einen Vertrag, den Sie vor dem Start sehen.</translation>
    </message>
    <message>
        <source>Tessera is free software: you may share and change it under the GNU General Public License, version 3 or later (%1). It comes with no warranty.</source>
        <translation>Tessera ist freie Software: Sie dürfen sie unter der GNU General Public License, Version 3 oder später (%1), weitergeben und ändern. Sie kommt ohne jede Gewährleistung.</translation>
    </message>
    <message>
        <source>Runs with</source>
        <translation>Läuft mit</translation>
    </message>
    <message>
        <source>%1 %2 — %3</source>
        <translation>%1 %2 — %3</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>The full licence texts are in /usr/share/common-licenses on Debian.</source>
        <translation>Die vollständigen Lizenztexte liegen unter Debian in /usr/share/common-licenses.</translation>
    </message>
</context>
<context>
    <name>Accelerator</name>
    <message>
        <source>KVM (hardware virtualisation)</source>
        <translation>KVM (Hardware-Virtualisierung)</translation>
    </message>
    <message>
        <source>TCG (software emulation, slower)</source>
        <translation>TCG (Software-Emulation, langsamer)</translation>
    </message>
</context>
<context>
    <name>AgentChannel</name>
    <message>
        <source>The guest agent sent malformed data: %1</source>
        <translation>Der Gast-Agent hat fehlerhafte Daten gesendet: %1</translation>
    </message>
    <message>
        <source>The guest agent sent an invalid Hello.</source>
        <translation>Der Gast-Agent hat ein ungültiges Hello gesendet.</translation>
    </message>
    <message>
        <source>The guest agent speaks protocol version %1; this host speaks version %2.</source>
        <translation>Der Gast-Agent spricht Protokollversion %1; dieser Host spricht Version %2.</translation>
    </message>
    <message>
        <source>The guest agent sent a Hello that is not valid UTF-8.</source>
        <translation>Der Gast-Agent hat ein Hello gesendet, das kein gültiges UTF-8 ist.</translation>
    </message>
    <message>
        <source>The guest agent sent an invalid session state.</source>
        <translation>Der Gast-Agent hat einen ungültigen Sitzungszustand gesendet.</translation>
    </message>
    <message>
        <source>The guest agent sent an invalid Pong.</source>
        <translation>Der Gast-Agent hat ein ungültiges Pong gesendet.</translation>
    </message>
    <message>
        <source>The guest agent sent an invalid Exec result.</source>
        <translation>Der Gast-Agent hat ein ungültiges Exec-Ergebnis gesendet.</translation>
    </message>
    <message>
        <source>The guest agent sent %1 bytes of Exec output; the limit is %2.</source>
        <translation>Der Gast-Agent hat %1 Byte Exec-Ausgabe gesendet; die Grenze liegt bei %2.</translation>
    </message>
    <message>
        <source>The guest agent sent a message only the host may send (type %1).</source>
        <translation>Der Gast-Agent hat eine Nachricht gesendet, die nur der Host senden darf (Typ %1).</translation>
    </message>
    <message>
        <source>The guest agent sent an invalid clipboard result.</source>
        <translation>Der Gast-Agent hat ein ungültiges Zwischenablage-Ergebnis gesendet.</translation>
    </message>
</context>
<context>
    <name>AgentFrameDecoder</name>
    <message>
        <source>bad magic 0x%1</source>
        <translation>ungültige magische Zahl 0x%1</translation>
    </message>
    <message>
        <source>payload of %1 bytes exceeds the limit of %2</source>
        <translation>Nutzdaten von %1 Byte überschreiten die Grenze von %2</translation>
    </message>
    <message>
        <source>message type %1 has more than %2 fields</source>
        <translation>Nachrichtentyp %1 hat mehr als %2 Felder</translation>
    </message>
    <message>
        <source>message type %1: truncated field length</source>
        <translation>Nachrichtentyp %1: abgeschnittene Feldlänge</translation>
    </message>
    <message>
        <source>message type %1: field lengths exceed the payload length %2</source>
        <translation>Nachrichtentyp %1: Feldlängen überschreiten die Nutzdatenlänge %2</translation>
    </message>
</context>
<context>
    <name>ApplianceCard</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Contract rejected: %1</source>
        <translation>Vertrag abgelehnt: %1</translation>
    </message>
    <message numerus="yes">
        <source>Starting… %n s</source>
        <translation>
            <numerusform>Wird gestartet… %n s</numerusform>
            <numerusform>Wird gestartet… %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Launch</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Roll back…</source>
        <translation>Zurücksetzen…</translation>
    </message>
    <message>
        <source>Discard every change to this appliance&apos;s system and return to its clean state</source>
        <translation>Alle Änderungen am System dieser Appliance verwerfen und zum sauberen Ausgangszustand zurückkehren</translation>
    </message>
    <message>
        <source>Keep changes</source>
        <translation>Änderungen behalten</translation>
    </message>
    <message>
        <source>Changes to this appliance&apos;s system are kept between launches until you roll back</source>
        <translation>Änderungen am System dieser Appliance bleiben zwischen den Starts erhalten, bis Sie sie zurücksetzen</translation>
    </message>
    <message>
        <source>Every launch starts from the clean state; nothing the appliance changes in its system survives</source>
        <translation>Jeder Start beginnt im sauberen Zustand; nichts, was die Appliance an ihrem System ändert, bleibt erhalten</translation>
    </message>
    <message numerus="yes">
        <source>Broke its contract %n time(s): %1</source>
        <translation>
            <numerusform>Hat seinen Vertrag %n-mal gebrochen: %1</numerusform>
            <numerusform>Hat seinen Vertrag %n-mal gebrochen: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Recover…</source>
        <translation>Wiederherstellen…</translation>
    </message>
    <message>
        <source>After an incident: switch off at once, keep the system&apos;s changes in quarantine to inspect, start clean</source>
        <translation>Nach einem Vorfall: sofort ausschalten, die Systemänderungen zur Untersuchung in Quarantäne legen, sauber starten</translation>
    </message>
    <message>
        <source>History and recovery…</source>
        <translation>Verlauf und Wiederherstellung…</translation>
    </message>
    <message>
        <source>Imported. Without the Tessera guest agent it runs in one window showing its whole desktop (Show), without seamless windows; it counts as running once its display shows a picture.</source>
        <translation>Importiert. Ohne den Tessera-Gastagenten läuft sie in einem Fenster mit ihrem ganzen Desktop (Anzeigen), ohne nahtlose Fenster; sie gilt als laufend, sobald ihre Anzeige ein Bild zeigt.</translation>
    </message>
    <message>
        <source>Window warning: %1</source>
        <translation>Fensterwarnung: %1</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>Läuft auf</translation>
    </message>
    <message>
        <source>Stop the appliance to move it to another host</source>
        <translation>Halten Sie die Appliance an, um sie auf einen anderen Rechner zu verlegen</translation>
    </message>
    <message>
        <source>The computer this appliance runs on</source>
        <translation>Der Rechner, auf dem diese Appliance läuft</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
</context>
<context>
    <name>ApplianceColorSettings</name>
    <message>
        <source>Appliance colours</source>
        <translation>Appliance-Farben</translation>
    </message>
    <message>
        <source>Each appliance&apos;s windows are framed in its colour. Colours that are hard to tell apart are refused.</source>
        <translation>Die Fenster jeder Appliance sind in ihrer Farbe gerahmt. Farben, die schwer zu unterscheiden sind, werden abgelehnt.</translation>
    </message>
    <message>
        <source>Current colour of %1</source>
        <translation>Aktuelle Farbe von %1</translation>
    </message>
    <message>
        <source>Use %1 for %2</source>
        <translation>%1 für %2 verwenden</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
</context>
<context>
    <name>ApplianceImporter</name>
    <message>
        <source>“%1” is not a file. Choose an .ovf descriptor or an .ova archive.</source>
        <translation>„%1“ ist keine Datei. Wählen Sie eine .ovf-Beschreibung oder ein .ova-Archiv.</translation>
    </message>
    <message>
        <source>“%1” is too large to be an OVF descriptor.</source>
        <translation>„%1“ ist zu groß für eine OVF-Beschreibung.</translation>
    </message>
    <message>
        <source>Could not read “%1”: %2</source>
        <translation>„%1“ konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>“%1” is not a readable OVA (tar) archive: %2</source>
        <translation>„%1“ ist kein lesbares OVA-(tar-)Archiv: %2</translation>
    </message>
    <message>
        <source>“%1” holds more than one .ovf descriptor; an appliance has exactly one.</source>
        <translation>„%1“ enthält mehr als eine .ovf-Beschreibung; eine Appliance hat genau eine.</translation>
    </message>
    <message>
        <source>“%1” holds no usable .ovf descriptor.</source>
        <translation>„%1“ enthält keine brauchbare .ovf-Beschreibung.</translation>
    </message>
    <message>
        <source>The descriptor in “%1” is too large.</source>
        <translation>Die Beschreibung in „%1“ ist zu groß.</translation>
    </message>
    <message>
        <source>Could not read the descriptor in “%1”: %2</source>
        <translation>Die Beschreibung in „%1“ konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: the contract has a required section Tessera does not understand.</source>
        <translation>%1: Der Vertrag hat einen verpflichtenden Abschnitt, den Tessera nicht versteht.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>“%1” holds the member “%2”, whose name has a folder, an absolute path or “..”. Tessera refuses such archives; ask the publisher for a clean one.</source>
        <translation>„%1“ enthält den Eintrag „%2“, dessen Name einen Ordner, einen absoluten Pfad oder „..“ enthält. Tessera lehnt solche Archive ab; bitten Sie den Herausgeber um ein sauberes.</translation>
    </message>
    <message>
        <source>“%1” holds “%2”, which is a link or special file, not a plain file. Tessera refuses such archives; ask the publisher for a clean one.</source>
        <translation>„%1“ enthält „%2“, eine Verknüpfung oder Spezialdatei statt einer einfachen Datei. Tessera lehnt solche Archive ab; bitten Sie den Herausgeber um ein sauberes.</translation>
    </message>
    <message>
        <source>“%1” holds “%2” twice.</source>
        <translation>„%1“ enthält „%2“ zweimal.</translation>
    </message>
    <message>
        <source>“%1” holds “%2”, which its descriptor does not reference. Tessera refuses archives with unexpected content.</source>
        <translation>„%1“ enthält „%2“, das seine Beschreibung nicht nennt. Tessera lehnt Archive mit unerwartetem Inhalt ab.</translation>
    </message>
    <message>
        <source>“%1” does not hold “%2”, which its descriptor needs.</source>
        <translation>„%1“ enthält „%2“ nicht, das seine Beschreibung braucht.</translation>
    </message>
    <message>
        <source>Could not read the manifest in “%1”: %2</source>
        <translation>Das Manifest in „%1“ konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The package is %1 MiB, more than the %2 MiB Tessera imports.</source>
        <translation>Das Paket ist %1 MiB groß, mehr als die %2 MiB, die Tessera importiert.</translation>
    </message>
    <message>
        <source>The manifest names “%1”, which is not in the package.</source>
        <translation>Das Manifest nennt „%1“, das nicht im Paket ist.</translation>
    </message>
    <message>
        <source>“%1” cannot name an appliance: use 1 to 32 lower-case letters, digits and “-” (tessera-ctl import PATH --name NAME).</source>
        <translation>„%1“ taugt nicht als Name einer Appliance: Verwenden Sie 1 bis 32 Kleinbuchstaben, Ziffern und „-“ (tessera-ctl import PFAD --name NAME).</translation>
    </message>
    <message>
        <source>There is already an appliance called “%1”; nothing was changed. Import it under another name (--name).</source>
        <translation>Es gibt schon eine Appliance namens „%1“; nichts wurde verändert. Importieren Sie sie unter einem anderen Namen (--name).</translation>
    </message>
    <message>
        <source>Could not create “%1”.</source>
        <translation>„%1“ konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>qemu-img cannot read the disk as %1: %2</source>
        <translation>qemu-img kann die Platte nicht als %1 lesen: %2</translation>
    </message>
    <message>
        <source>The disk refers to another file (a backing file). Tessera imports self-contained disks only.</source>
        <translation>Die Platte verweist auf eine andere Datei (eine Basisdatei). Tessera importiert nur eigenständige Platten.</translation>
    </message>
    <message>
        <source>The disk keeps its data in another file (a qcow2 data file). Tessera imports self-contained disks only.</source>
        <translation>Die Platte hält ihre Daten in einer anderen Datei (einer qcow2-Datendatei). Tessera importiert nur eigenständige Platten.</translation>
    </message>
    <message>
        <source>The disk is split over other files (extents). Tessera imports self-contained disks only.</source>
        <translation>Die Platte ist auf andere Dateien verteilt (Extents). Tessera importiert nur eigenständige Platten.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Converting the disk took too long.</source>
        <translation>Das Umwandeln der Platte hat zu lange gedauert.</translation>
    </message>
    <message>
        <source>Converting the disk</source>
        <translation>Platte wird umgewandelt</translation>
    </message>
    <message>
        <source>qemu-img could not convert the disk: %1</source>
        <translation>qemu-img konnte die Platte nicht umwandeln: %1</translation>
    </message>
    <message>
        <source>Checking the contract</source>
        <translation>Vertrag wird geprüft</translation>
    </message>
    <message>
        <source>“%1” is being imported already.</source>
        <translation>„%1“ wird bereits importiert.</translation>
    </message>
    <message>
        <source>There is not enough free space in “%1” for this appliance (%2 MiB needed). Free some space and try again.</source>
        <translation>In „%1“ ist nicht genug Platz für diese Appliance (%2 MiB nötig). Schaffen Sie Platz und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Checking the manifest</source>
        <translation>Manifest wird geprüft</translation>
    </message>
    <message>
        <source>Could not copy the kernel and initrd.</source>
        <translation>Kernel und Initrd konnten nicht kopiert werden.</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>Wird abgeschlossen</translation>
    </message>
    <message>
        <source>Could not write the appliance&apos;s descriptor into “%1”.</source>
        <translation>Die Beschreibung der Appliance konnte nicht nach „%1“ geschrieben werden.</translation>
    </message>
    <message>
        <source>Could not move the imported appliance into place at “%1”.</source>
        <translation>Die importierte Appliance konnte nicht nach „%1“ verschoben werden.</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>“%1”, which the descriptor needs, is missing beside it or is not a plain file (%2).</source>
        <translation>„%1“, das der Deskriptor braucht, fehlt daneben oder ist keine einfache Datei (%2).</translation>
    </message>
    <message>
        <source>Could not read the manifest “%1”: %2</source>
        <translation>Das Manifest „%1“ konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Copying the package&apos;s files</source>
        <translation>Dateien des Pakets werden kopiert</translation>
    </message>
    <message>
        <source>Could not unpack “%1”: %2</source>
        <translation>„%1“ konnte nicht entpackt werden: %2</translation>
    </message>
    <message>
        <source>Could not copy “%1”: %2</source>
        <translation>„%1“ konnte nicht kopiert werden: %2</translation>
    </message>
</context>
<context>
    <name>ApplianceInfo</name>
    <message>
        <source>%1: the descriptor describes no virtual system.</source>
        <translation>%1: Der Deskriptor beschreibt kein virtuelles System.</translation>
    </message>
</context>
<context>
    <name>ApplianceListModel</name>
    <message>
        <source>There is no appliance called “%1”.</source>
        <translation>Es gibt keine Appliance namens „%1“.</translation>
    </message>
    <message>
        <source>There is no connection called “%1”. Add it under Settings → Connections first.</source>
        <translation>Es gibt keine Verbindung namens „%1“. Fügen Sie sie zuerst unter Einstellungen → Verbindungen hinzu.</translation>
    </message>
    <message>
        <source>Stop the appliance before moving it to another host.</source>
        <translation>Halten Sie die Appliance an, bevor Sie sie auf einen anderen Rechner verlegen.</translation>
    </message>
    <message>
        <source>%1 runs on %2. Stop it before removing this connection.</source>
        <translation>%1 läuft auf %2. Halten Sie sie an, bevor Sie diese Verbindung entfernen.</translation>
    </message>
</context>
<context>
    <name>ApplianceMonitor</name>
    <message>
        <source>%1 % of a core over the last %2 s</source>
        <translation>%1 % eines Kerns in den letzten %2 s</translation>
    </message>
    <message>
        <source>%1 refused at %2 (%3)</source>
        <translation>%1 abgewiesen um %2 (%3)</translation>
    </message>
    <message>
        <source>network</source>
        <translation>Netzwerk</translation>
    </message>
</context>
<context>
    <name>ApplianceSession</name>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Wird gestartet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Wird beendet</translation>
    </message>
    <message>
        <source>Rolling back</source>
        <translation>Wird zurückgesetzt</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>appliance state</comment>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 cannot be launched: its contract was rejected.
%2</source>
        <translation>%1 kann nicht gestartet werden: Der Vertrag wurde abgelehnt.
%2</translation>
    </message>
    <message>
        <source>Preparing fast starts</source>
        <translation>Schnellstart wird vorbereitet</translation>
    </message>
    <message>
        <source>Paused</source>
        <comment>appliance state</comment>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>The personal folder for %1 could not be made available inside %2, so the app does not see its files. Stop the appliance and launch it again; if it keeps failing, roll it back.</source>
        <translation>Der persönliche Ordner für %1 konnte in %2 nicht bereitgestellt werden, daher sieht die Anwendung ihre Dateien nicht. Halten Sie die Appliance an und starten Sie sie erneut; schlägt es weiter fehl, setzen Sie sie zurück.</translation>
    </message>
    <message>
        <source>Recovered from the shell</source>
        <translation>In der Oberfläche wiederhergestellt</translation>
    </message>
    <message>
        <source>over SSH</source>
        <translation>über SSH</translation>
    </message>
    <message>
        <source>over TLS</source>
        <translation>über TLS</translation>
    </message>
    <message>
        <source>on another computer</source>
        <translation>auf einem anderen Rechner</translation>
    </message>
    <message>
        <source>Your personal folders stay on this computer: on %1 this appliance gets none of them.</source>
        <translation>Ihre persönlichen Ordner bleiben auf diesem Computer: Auf %1 erhält diese Appliance keinen davon.</translation>
    </message>
    <message>
        <source>%1 · on %2</source>
        <translation>%1 · auf %2</translation>
    </message>
    <message>
        <source>Rolled back. The changes its system had are kept as a restore point.</source>
        <translation>Zurückgesetzt. Die Änderungen an ihrem System sind als Wiederherstellungspunkt aufbewahrt.</translation>
    </message>
    <message>
        <source>Rolled back: its system is in its clean state again.</source>
        <translation>Zurückgesetzt: Ihr System ist wieder im sauberen Zustand.</translation>
    </message>
    <message>
        <source>Recovered: what its system changed is in quarantine %1. It stays off; its next launch starts clean.</source>
        <translation>Wiederhergestellt: Was ihr System geändert hat, liegt in Quarantäne %1. Sie bleibt aus; ihr nächster Start beginnt sauber.</translation>
    </message>
</context>
<context>
    <name>ApplianceVm</name>
    <message>
        <source>Not connected to the hypervisor. Check the connection in Settings and try again.</source>
        <translation>Keine Verbindung zum Hypervisor. Überprüfen Sie die Verbindung in den Einstellungen und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The appliance “%1” has not been built yet. Run scripts/setup to build it.</source>
        <translation>Die Appliance „%1“ wurde noch nicht erstellt. Führen Sie scripts/setup aus, um sie zu erstellen.</translation>
    </message>
    <message>
        <source>The hypervisor refused the appliance&apos;s definition. See the details, and report it if it persists.</source>
        <translation>Der Hypervisor hat die Definition der Appliance abgelehnt. Sehen Sie sich die Details an und melden Sie den Fehler, falls er weiterhin auftritt.</translation>
    </message>
    <message>
        <source>The appliance could not be started. Check that QEMU is installed and enough memory is free, then try again.</source>
        <translation>Die Appliance konnte nicht gestartet werden. Überprüfen Sie, ob QEMU installiert und genügend Arbeitsspeicher frei ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The appliance did not accept the shutdown request; it will be switched off.</source>
        <translation>Die Appliance hat die Aufforderung zum Herunterfahren nicht angenommen; sie wird ausgeschaltet.</translation>
    </message>
    <message>
        <source>The appliance could not be switched off. Try again; if it keeps running, restart Tessera.</source>
        <translation>Die Appliance konnte nicht ausgeschaltet werden. Versuchen Sie es erneut; falls sie weiterläuft, starten Sie Tessera neu.</translation>
    </message>
    <message>
        <source>Stop the appliance before rolling it back.</source>
        <translation>Beenden Sie die Appliance, bevor Sie sie zurücksetzen.</translation>
    </message>
    <message>
        <source>%1 describes no virtual system.</source>
        <translation>%1 beschreibt kein virtuelles System.</translation>
    </message>
    <message>
        <source>The appliance&apos;s network gateway could not be started, so the appliance was not started. Check that tessera-gateway is installed next to tessera, then try again.</source>
        <translation>Der Netzwerk-Gateway der Appliance konnte nicht gestartet werden, daher wurde die Appliance nicht gestartet. Prüfen Sie, ob tessera-gateway neben tessera installiert ist, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The network filter for the appliance&apos;s contract could not be set up. Check that libvirt&apos;s network filter driver is running, then try again.</source>
        <translation>Der Netzwerkfilter für den Vertrag der Appliance konnte nicht eingerichtet werden. Prüfen Sie, ob der Netzwerkfiltertreiber von libvirt läuft, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The appliance could not be paused. Stop it instead.</source>
        <translation>Die Appliance konnte nicht angehalten werden. Beenden Sie sie stattdessen.</translation>
    </message>
    <message>
        <source>The appliance could not be resumed. Stop it and launch it again.</source>
        <translation>Die Appliance konnte nicht fortgesetzt werden. Beenden Sie sie und starten Sie sie erneut.</translation>
    </message>
    <message>
        <source>The shared folder %1 is not inside the personal store %2. Open Settings, check the store location, and start the appliance again.</source>
        <translation>Der freigegebene Ordner %1 liegt nicht im persönlichen Speicher %2. Öffnen Sie die Einstellungen, prüfen Sie den Speicherort und starten Sie die Appliance erneut.</translation>
    </message>
    <message>
        <source>Stop the appliance first; its restore points can change only while it is off.</source>
        <translation>Halten Sie die Appliance zuerst an; ihre Wiederherstellungspunkte können sich nur ändern, solange sie aus ist.</translation>
    </message>
    <message>
        <source>Restore points are kept only when the appliance keeps its changes. Switch it to “keep changes” first.</source>
        <translation>Wiederherstellungspunkte gibt es nur, wenn die Appliance ihre Änderungen behält. Stellen Sie sie zuerst auf „Änderungen behalten“.</translation>
    </message>
    <message>
        <source>Stop the appliance to take a restore point; it cannot be taken while the appliance runs.</source>
        <translation>Halten Sie die Appliance an, um einen Wiederherstellungspunkt anzulegen; während sie läuft, geht das nicht.</translation>
    </message>
    <message>
        <source>No restore point was taken: nothing changed since the last one.</source>
        <translation>Es wurde kein Wiederherstellungspunkt angelegt: seit dem letzten hat sich nichts geändert.</translation>
    </message>
    <message>
        <source>No restore point was taken: a contract breach was recorded while these changes were made. Check the breaches; take a point by hand if you trust this state.</source>
        <translation>Es wurde kein Wiederherstellungspunkt angelegt: während dieser Änderungen wurde ein Vertragsbruch festgestellt. Prüfen Sie die Vertragsbrüche; legen Sie selbst einen Punkt an, wenn Sie diesem Zustand vertrauen.</translation>
    </message>
    <message>
        <source>Restore points are used only when the appliance keeps its changes. Switch it to “keep changes” first.</source>
        <translation>Wiederherstellungspunkte werden nur verwendet, wenn die Appliance ihre Änderungen behält. Stellen Sie sie zuerst auf „Änderungen behalten“.</translation>
    </message>
    <message>
        <source>The appliance is busy starting or rolling back. Wait until it has finished, then recover it.</source>
        <translation>Die Appliance startet gerade oder wird zurückgesetzt. Warten Sie, bis das abgeschlossen ist, und stellen Sie sie dann wieder her.</translation>
    </message>
    <message>
        <source>Restore points are kept only for appliances on this computer; %1 runs on %2. Move it back to This computer to use them, or roll it back to its clean state.</source>
        <translation>Wiederherstellungspunkte gibt es nur für Appliances auf diesem Computer; %1 läuft auf %2. Verschieben Sie sie zurück auf „Dieser Computer“, um sie zu nutzen, oder setzen Sie sie auf ihren sauberen Zustand zurück.</translation>
    </message>
</context>
<context>
    <name>BreachEvent</name>
    <message>
        <source>%1 was changed although you never used this appliance; its contract expects changes only within %2 s of your input.</source>
        <translation>%1 wurde geändert, obwohl Sie diese Appliance nie benutzt haben; ihr Vertrag erwartet Änderungen nur innerhalb von %2 s nach Ihrer Eingabe.</translation>
    </message>
    <message>
        <source>%1 was changed %2 s after your last input; its contract expects changes only within %3 s of your input.</source>
        <translation>%1 wurde %2 s nach Ihrer letzten Eingabe geändert; ihr Vertrag erwartet Änderungen nur innerhalb von %3 s nach Ihrer Eingabe.</translation>
    </message>
    <message>
        <source>%1 was read although you never used this appliance; its contract expects reads only within %2 s of your input.</source>
        <translation>%1 wurde gelesen, obwohl Sie diese Appliance nie benutzt haben; ihr Vertrag erwartet Lesezugriffe nur innerhalb von %2 s nach Ihrer Eingabe.</translation>
    </message>
    <message>
        <source>%1 was read %2 s after your last input; its contract expects reads only within %3 s of your input.</source>
        <translation>%1 wurde %2 s nach Ihrer letzten Eingabe gelesen; ihr Vertrag erwartet Lesezugriffe nur innerhalb von %3 s nach Ihrer Eingabe.</translation>
    </message>
    <message>
        <source>%1 was written at %2 B/s; its contract allows %3 B/s.</source>
        <translation>In %1 wurde mit %2 B/s geschrieben; ihr Vertrag erlaubt %3 B/s.</translation>
    </message>
    <message>
        <source>A connection to %1 was refused: the contract does not allow it.</source>
        <translation>Eine Verbindung zu %1 wurde abgewiesen: Der Vertrag erlaubt sie nicht.</translation>
    </message>
    <message>
        <source>The appliance used %1 % of a CPU core; its contract allows %2 %.</source>
        <translation>Die Appliance hat %1 % eines Prozessorkerns genutzt; ihr Vertrag erlaubt %2 %.</translation>
    </message>
    <message>
        <source>%1 connections were refused in a short time: the appliance may be probing the network.</source>
        <translation>%1 Verbindungen wurden in kurzer Zeit abgewiesen: Die Appliance tastet womöglich das Netz ab.</translation>
    </message>
    <message>
        <source>The appliance opened %1 windows; its contract allows %2 at a time.</source>
        <translation>Die Appliance hat %1 Fenster geöffnet; ihr Vertrag erlaubt %2 gleichzeitig.</translation>
    </message>
    <message>
        <source>The window “%1” covered the whole screen, which the contract denies; it was not shown and was made smaller.</source>
        <translation>Das Fenster „%1“ bedeckte den ganzen Bildschirm, was der Vertrag verbietet; es wurde nicht angezeigt und verkleinert.</translation>
    </message>
    <message numerus="yes">
        <source>It happened %n more time(s) within %1 s.</source>
        <translation>
            <numerusform>Das geschah noch %n weiteres Mal innerhalb von %1 s.</numerusform>
            <numerusform>Das geschah noch %n weitere Male innerhalb von %1 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>And %n more refused destination(s) within %1 s.</source>
        <translation>
            <numerusform>Dazu %n weiteres abgewiesenes Ziel innerhalb von %1 s.</numerusform>
            <numerusform>Dazu %n weitere abgewiesene Ziele innerhalb von %1 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>And %n more store folder(s) within %1 s.</source>
        <translation>
            <numerusform>Dazu %n weiterer Ordner im persönlichen Datenspeicher innerhalb von %1 s.</numerusform>
            <numerusform>Dazu %n weitere Ordner im persönlichen Datenspeicher innerhalb von %1 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>And %n more mount(s) within %1 s.</source>
        <translation>
            <numerusform>Dazu %n weiterer eingebundener Ordner innerhalb von %1 s.</numerusform>
            <numerusform>Dazu %n weitere eingebundene Ordner innerhalb von %1 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>And %n more window(s) within %1 s.</source>
        <translation>
            <numerusform>Dazu %n weiteres Fenster innerhalb von %1 s.</numerusform>
            <numerusform>Dazu %n weitere Fenster innerhalb von %1 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>And %n more like it within %1 s.</source>
        <translation>
            <numerusform>Dazu %n weiterer dieser Art innerhalb von %1 s.</numerusform>
            <numerusform>Dazu %n weitere dieser Art innerhalb von %1 s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BreachLog</name>
    <message>
        <source>The breach could not be written to %1. Check that the disk is not full and the folder is writable.</source>
        <translation>Der Vertragsbruch konnte nicht in %1 gespeichert werden. Prüfen Sie, ob der Datenträger voll und der Ordner beschreibbar ist.</translation>
    </message>
</context>
<context>
    <name>BreachNotifier</name>
    <message>
        <source>%1 broke its contract</source>
        <translation>%1 hat seinen Vertrag gebrochen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Undo its file changes</source>
        <translation>Seine Dateiänderungen rückgängig machen</translation>
    </message>
    <message numerus="yes">
        <source>%1 broke its contract again: %n breach(es) since the last notice</source>
        <translation>
            <numerusform>%1 hat seinen Vertrag erneut gebrochen: %n Vertragsbruch seit der letzten Meldung</numerusform>
            <numerusform>%1 hat seinen Vertrag erneut gebrochen: %n Vertragsbrüche seit der letzten Meldung</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BreachesView</name>
    <message>
        <source>Contract breaches</source>
        <translation>Vertragsbrüche</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show the breaches of</source>
        <translation>Vertragsbrüche anzeigen von</translation>
    </message>
    <message>
        <source>All appliances</source>
        <translation>Alle Appliances</translation>
    </message>
    <message>
        <source>No appliance has broken its contract.</source>
        <translation>Keine Appliance hat ihren Vertrag gebrochen.</translation>
    </message>
    <message>
        <source>%1 has not broken its contract.</source>
        <translation>%1 hat seinen Vertrag nicht gebrochen.</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Hide the evidence</source>
        <translation>Belege ausblenden</translation>
    </message>
    <message numerus="yes">
        <source>Show the evidence (%n item(s))</source>
        <translation>
            <numerusform>Belege anzeigen (%n Eintrag)</numerusform>
            <numerusform>Belege anzeigen (%n Einträge)</numerusform>
        </translation>
    </message>
    <message>
        <source>Pause it</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop it</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Review file changes since then…</source>
        <translation>Dateiänderungen seitdem prüfen…</translation>
    </message>
    <message>
        <source>Recover…</source>
        <translation>Wiederherstellen…</translation>
    </message>
    <message>
        <source>Resume it</source>
        <translation>Fortsetzen</translation>
    </message>
</context>
<context>
    <name>ClipboardReply</name>
    <message>
        <source>The guest agent sent an invalid clipboard answer.</source>
        <translation>Der Gast-Agent hat eine ungültige Zwischenablage-Antwort gesendet.</translation>
    </message>
    <message>
        <source>Nothing is selected there. Select text in the window first, then press Ctrl+Shift+C.</source>
        <translation>Dort ist nichts ausgewählt. Wählen Sie zuerst Text im Fenster aus und drücken Sie dann Strg+Umschalt+C.</translation>
    </message>
    <message>
        <source>The selection holds %1 KiB of text; Tessera copies at most %2 KiB. Select less text and copy again.</source>
        <translation>Die Auswahl enthält %1 KiB Text; Tessera kopiert höchstens %2 KiB. Wählen Sie weniger Text aus und kopieren Sie erneut.</translation>
    </message>
    <message>
        <source>The selection holds more than %1 KiB of text; Tessera copies at most that. Select less text and copy again.</source>
        <translation>Die Auswahl enthält mehr als %1 KiB Text; Tessera kopiert höchstens so viel. Wählen Sie weniger Text aus und kopieren Sie erneut.</translation>
    </message>
    <message>
        <source>The selection is not valid UTF-8 text, so it was not copied.</source>
        <translation>Die Auswahl ist kein gültiger UTF-8-Text und wurde daher nicht kopiert.</translation>
    </message>
    <message>
        <source>The program holding the selection did not hand it over as text. Copy it again, or from another program.</source>
        <translation>Das Programm, das die Auswahl hält, hat sie nicht als Text übergeben. Kopieren Sie erneut oder aus einem anderen Programm.</translation>
    </message>
</context>
<context>
    <name>ConnectionList</name>
    <message>
        <source>Enter a libvirt URI, such as qemu+ssh://you@build-server/system.</source>
        <translation>Geben Sie eine libvirt-URI ein, etwa qemu+ssh://sie@build-server/system.</translation>
    </message>
    <message>
        <source>This is not a libvirt URI. Write it as qemu+ssh://you@build-server/system.</source>
        <translation>Das ist keine libvirt-URI. Schreiben Sie sie wie qemu+ssh://sie@build-server/system.</translation>
    </message>
    <message>
        <source>qemu+tcp sends everything unencrypted and, by default, without a login. Use qemu+ssh://you@host/system, or qemu+tls:// with certificates.</source>
        <translation>qemu+tcp überträgt alles unverschlüsselt und standardmäßig ohne Anmeldung. Verwenden Sie qemu+ssh://sie@host/system oder qemu+tls:// mit Zertifikaten.</translation>
    </message>
    <message>
        <source>Tessera&apos;s appliances are QEMU machines: use a qemu:// or qemu+ssh:// URI, not %1://.</source>
        <translation>Die Appliances von Tessera sind QEMU-Maschinen: Verwenden Sie eine qemu://- oder qemu+ssh://-URI, nicht %1://.</translation>
    </message>
    <message>
        <source>Name the host, as in qemu+ssh://you@build-server/system.</source>
        <translation>Nennen Sie den Host, wie in qemu+ssh://sie@build-server/system.</translation>
    </message>
    <message>
        <source>End the URI with /system (the host&apos;s libvirt daemon) or /session (your own user&apos;s).</source>
        <translation>Beenden Sie die URI mit /system (der libvirt-Dienst des Hosts) oder /session (der Ihres eigenen Benutzers).</translation>
    </message>
    <message>
        <source>Give the connection a name, such as the host&apos;s name.</source>
        <translation>Geben Sie der Verbindung einen Namen, etwa den Namen des Hosts.</translation>
    </message>
    <message>
        <source>Use a name of at most 64 characters.</source>
        <translation>Verwenden Sie einen Namen mit höchstens 64 Zeichen.</translation>
    </message>
    <message>
        <source>There is already a connection named %1. Choose another name.</source>
        <translation>Es gibt schon eine Verbindung namens %1. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Could not open %1 (%2). Check that libvirt and QEMU are installed (scripts/setup) or choose another connection in Settings.</source>
        <translation>%1 (%2) konnte nicht geöffnet werden. Prüfen Sie, ob libvirt und QEMU installiert sind (scripts/setup), oder wählen Sie in den Einstellungen eine andere Verbindung.</translation>
    </message>
    <message>
        <source>Could not reach %1 over SSH: %2 refused the connection. Check that the host is on and its SSH server runs, and that the port in the URI is right.</source>
        <translation>%1 war über SSH nicht erreichbar: %2 hat die Verbindung abgelehnt. Prüfen Sie, ob der Host eingeschaltet ist und sein SSH-Server läuft und ob der Port in der URI stimmt.</translation>
    </message>
    <message>
        <source>Could not reach %1 over SSH: the name %2 is unknown. Check the host name in the URI.</source>
        <translation>%1 war über SSH nicht erreichbar: Der Name %2 ist unbekannt. Prüfen Sie den Hostnamen in der URI.</translation>
    </message>
    <message>
        <source>Could not reach %1 over SSH: its host key is not known yet (or has changed). Run &quot;ssh %2&quot; once in a terminal, compare the key and accept it, then test again.</source>
        <translation>%1 war über SSH nicht erreichbar: Sein Hostschlüssel ist noch unbekannt (oder hat sich geändert). Führen Sie einmal „ssh %2“ in einem Terminal aus, vergleichen Sie den Schlüssel und nehmen Sie ihn an, dann testen Sie erneut.</translation>
    </message>
    <message>
        <source>Could not log in to %1 over SSH without a password. Add your key to the host (ssh-copy-id %2) or load it into your SSH agent, then test again.</source>
        <translation>Die Anmeldung an %1 über SSH ohne Passwort ist nicht gelungen. Hinterlegen Sie Ihren Schlüssel auf dem Host (ssh-copy-id %2) oder laden Sie ihn in Ihren SSH-Agenten, dann testen Sie erneut.</translation>
    </message>
    <message>
        <source>Could not reach %1 over SSH: the host does not answer. Check that it is on and reachable from this computer.</source>
        <translation>%1 war über SSH nicht erreichbar: Der Host antwortet nicht. Prüfen Sie, ob er eingeschaltet und von diesem Computer aus erreichbar ist.</translation>
    </message>
    <message>
        <source>%1 answers, but libvirt is not installed there. Install libvirt on the host (Debian: libvirt-daemon-system), then test again.</source>
        <translation>%1 antwortet, aber dort ist libvirt nicht installiert. Installieren Sie libvirt auf dem Host (Debian: libvirt-daemon-system), dann testen Sie erneut.</translation>
    </message>
    <message>
        <source>%1 answers, but its libvirt daemon does not run. Start it on the host (systemctl start libvirtd), then test again.</source>
        <translation>%1 antwortet, aber sein libvirt-Dienst läuft nicht. Starten Sie ihn auf dem Host (systemctl start libvirtd), dann testen Sie erneut.</translation>
    </message>
    <message>
        <source>%1 answers, but its libvirt daemon refused you. Add your user on the host to the libvirt group or connect as a user who may manage virtual machines.</source>
        <translation>%1 antwortet, aber sein libvirt-Dienst hat Sie abgewiesen. Nehmen Sie Ihren Benutzer auf dem Host in die Gruppe libvirt auf oder verbinden Sie sich als ein Benutzer, der virtuelle Maschinen verwalten darf.</translation>
    </message>
    <message>
        <source>Could not connect to %1 (%2). Check that the host is on, that you can log in without a password, and that libvirt runs there. The details say more.</source>
        <translation>Keine Verbindung zu %1 (%2). Prüfen Sie, ob der Host eingeschaltet ist, ob Sie sich ohne Passwort anmelden können und ob dort libvirt läuft. Die Details sagen mehr.</translation>
    </message>
    <message>
        <source>Could not reach %1 over SSH: the connection to %2 was refused or closed at once. Check that the host is on and its SSH server runs, and that the port in the URI is right.</source>
        <translation>%1 war über SSH nicht erreichbar: Die Verbindung zu %2 wurde abgelehnt oder sofort geschlossen. Prüfen Sie, ob der Host eingeschaltet ist und sein SSH-Server läuft und ob der Port in der URI stimmt.</translation>
    </message>
</context>
<context>
    <name>ConnectionListModel</name>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>%1 already uses this URI.</source>
        <translation>%1 verwendet diese URI bereits.</translation>
    </message>
    <message>
        <source>Not connected yet</source>
        <translation>Noch nicht verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Wird verbunden…</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Connected, but the virtual machines could not be listed: %1</source>
        <translation>Verbunden, aber die virtuellen Maschinen ließen sich nicht auflisten: %1</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message numerus="yes">
        <source>Connected to %1 · %n virtual machine(s)</source>
        <translation>
            <numerusform>Verbunden mit %1 · %n virtuelle Maschine</numerusform>
            <numerusform>Verbunden mit %1 · %n virtuelle Maschinen</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer&apos;s own connection cannot be removed.</source>
        <translation>Die Verbindung dieses Computers selbst kann nicht entfernt werden.</translation>
    </message>
</context>
<context>
    <name>ConnectionSettingsView</name>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Connection %1: %2</source>
        <translation>Verbindung %1: %2</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>Test connection %1</source>
        <translation>Verbindung %1 testen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove connection %1</source>
        <translation>Verbindung %1 entfernen</translation>
    </message>
    <message>
        <source>Name, e.g. build-server</source>
        <translation>Name, z. B. build-server</translation>
    </message>
    <message>
        <source>Name of the new connection</source>
        <translation>Name der neuen Verbindung</translation>
    </message>
    <message>
        <source>qemu+ssh://you@build-server/system</source>
        <translation>qemu+ssh://sie@build-server/system</translation>
    </message>
    <message>
        <source>URI of the new connection</source>
        <translation>URI der neuen Verbindung</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add connection</source>
        <translation>Verbindung hinzufügen</translation>
    </message>
    <message>
        <source>Other computers are reached over SSH with your key, without a password prompt. Each appliance runs where its card&apos;s “Runs on” says; a host an appliance runs on can be removed once it is stopped.</source>
        <translation>Andere Rechner werden über SSH mit Ihrem Schlüssel erreicht, ohne Passwortabfrage. Jede Appliance läuft dort, wo „Läuft auf“ auf ihrer Karte angibt; ein Rechner, auf dem eine Appliance läuft, kann entfernt werden, sobald sie angehalten ist.</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>%1 now asks for more</source>
        <translation>%1 fordert jetzt mehr an</translation>
    </message>
    <message>
        <source>Launch %1?</source>
        <translation>%1 starten?</translation>
    </message>
    <message>
        <source>The contract was rejected, so this appliance cannot be launched:
%1</source>
        <translation>Der Vertrag wurde abgelehnt, daher kann diese Appliance nicht gestartet werden:
%1</translation>
    </message>
    <message>
        <source>New since you last allowed it:</source>
        <translation>Neu seit Ihrer letzten Zustimmung:</translation>
    </message>
    <message>
        <source>Risk: %1</source>
        <translation>Risiko: %1</translation>
    </message>
    <message>
        <source>Allow and launch</source>
        <translation>Erlauben und starten</translation>
    </message>
    <message>
        <source>Launch once</source>
        <translation>Einmal starten</translation>
    </message>
    <message>
        <source>Launch now and ask again next time</source>
        <translation>Jetzt starten und beim nächsten Mal erneut fragen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Compare with %1</source>
        <translation>Mit %1 vergleichen</translation>
    </message>
    <message>
        <source>Runs on %1 %2.</source>
        <translation>Läuft auf %1 %2.</translation>
    </message>
</context>
<context>
    <name>ContractCommand</name>
    <message>
        <source>Usage: tessera-ctl contract check FILE...
       tessera-ctl contract show [--json] FILE
       tessera-ctl contract compare [--json] A B
</source>
        <translation>Aufruf: tessera-ctl contract check DATEI...
        tessera-ctl contract show [--json] DATEI
        tessera-ctl contract compare [--json] A B
</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>unbekannte Option %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: ok (%n system(s))</source>
        <translation>
            <numerusform>%1: ok (%n System)</numerusform>
            <numerusform>%1: ok (%n Systeme)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>system id (system name)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Cannot be launched: %1</source>
        <translation>Kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Not understood (ignored): %1</source>
        <translation>Nicht verstanden (ignoriert): %1</translation>
    </message>
    <message>
        <source>left allows less</source>
        <translation>der linke Vertrag erlaubt weniger</translation>
    </message>
    <message>
        <source>right allows less</source>
        <translation>der rechte Vertrag erlaubt weniger</translation>
    </message>
    <message>
        <source>each allows something the other does not</source>
        <translation>jeder erlaubt etwas, das der andere nicht erlaubt</translation>
    </message>
    <message>
        <source>enforced here: %1</source>
        <translation>hier durchgesetzt: %1</translation>
    </message>
</context>
<context>
    <name>ContractCompareView</name>
    <message>
        <source>%1 and %2 compared</source>
        <translation>%1 und %2 im Vergleich</translation>
    </message>
    <message>
        <source>Nothing declared</source>
        <translation>Nichts angegeben</translation>
    </message>
</context>
<context>
    <name>ContractComparison</name>
    <message>
        <source>network rules</source>
        <translation>Netzwerkregeln</translation>
    </message>
    <message>
        <source>outgoing network rate</source>
        <translation>ausgehende Netzwerk-Datenrate</translation>
    </message>
    <message>
        <source>incoming network rate</source>
        <translation>eingehende Netzwerk-Datenrate</translation>
    </message>
    <message>
        <source>access to your files</source>
        <translation>Zugriff auf Ihre Dateien</translation>
    </message>
    <message>
        <source>activity expectations</source>
        <translation>Aktivitätserwartungen</translation>
    </message>
    <message>
        <source>processors</source>
        <translation>Prozessoren</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>processor quota</source>
        <translation>Prozessorkontingent</translation>
    </message>
    <message>
        <source>disk read rate</source>
        <translation>Datenträger-Leserate</translation>
    </message>
    <message>
        <source>disk write rate</source>
        <translation>Datenträger-Schreibrate</translation>
    </message>
    <message>
        <source>disk reads per second</source>
        <translation>Datenträger-Lesezugriffe pro Sekunde</translation>
    </message>
    <message>
        <source>disk writes per second</source>
        <translation>Datenträger-Schreibzugriffe pro Sekunde</translation>
    </message>
    <message>
        <source>clipboard</source>
        <translation>Zwischenablage</translation>
    </message>
    <message>
        <source>number of windows</source>
        <translation>Anzahl der Fenster</translation>
    </message>
    <message>
        <source>full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>the system as a whole</source>
        <translation>das System als Ganzes</translation>
    </message>
</context>
<context>
    <name>ContractComparisonModel</name>
    <message>
        <source>Both allow the same.</source>
        <translation>Beide erlauben dasselbe.</translation>
    </message>
    <message>
        <source>%1 is tighter on %2.</source>
        <translation>%1 ist enger bei %2.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 is tighter on %2</source>
        <translation>%1 ist enger bei %2</translation>
    </message>
    <message>
        <source>each allows something the other does not on %1</source>
        <translation>jede erlaubt bei %1 etwas, das die andere nicht erlaubt</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>A descriptor has no virtual system to compare.</source>
        <translation>Eine Beschreibung enthält kein virtuelles System zum Vergleichen.</translation>
    </message>
    <message>
        <source>Both contracts allow the same.</source>
        <translation>Beide Verträge erlauben dasselbe.</translation>
    </message>
    <message>
        <source>%1&apos;s contract is tighter, on %2.</source>
        <translation>Der Vertrag von %1 ist enger, bei %2.</translation>
    </message>
    <message>
        <source>Neither contract is tighter overall: each allows something the other does not (%1).</source>
        <translation>Keiner der Verträge ist insgesamt enger: Jeder erlaubt etwas, das der andere nicht erlaubt (%1).</translation>
    </message>
</context>
<context>
    <name>ContractDiff</name>
    <message>
        <source>Limit on %1 removed (was %2)</source>
        <translation>Begrenzung aufgehoben: %1 (vorher %2)</translation>
    </message>
    <message>
        <source>%1 is now %2</source>
        <comment>a limit that was not there before, e.g. &apos;memory is now 2048&apos;</comment>
        <translation>%1: jetzt %2</translation>
    </message>
    <message>
        <source>Limit on %1 raised from %2 to %3</source>
        <translation>Begrenzung angehoben: %1, von %2 auf %3</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>Neu: %1</translation>
    </message>
    <message>
        <source>outgoing traffic</source>
        <translation>ausgehender Datenverkehr</translation>
    </message>
    <message>
        <source>incoming traffic</source>
        <translation>eingehender Datenverkehr</translation>
    </message>
    <message>
        <source>No longer promised: %1</source>
        <translation>Nicht mehr zugesichert: %1</translation>
    </message>
    <message>
        <source>processors</source>
        <translation>Prozessoren</translation>
    </message>
    <message>
        <source>memory (MiB)</source>
        <translation>Arbeitsspeicher (MiB)</translation>
    </message>
    <message>
        <source>processor quota (%)</source>
        <translation>Prozessorkontingent (%)</translation>
    </message>
    <message>
        <source>disk reads</source>
        <translation>Lesen vom Datenträger</translation>
    </message>
    <message>
        <source>disk writes</source>
        <translation>Schreiben auf den Datenträger</translation>
    </message>
    <message>
        <source>disk reads per second</source>
        <translation>Datenträger-Lesezugriffe pro Sekunde</translation>
    </message>
    <message>
        <source>disk writes per second</source>
        <translation>Datenträger-Schreibzugriffe pro Sekunde</translation>
    </message>
    <message>
        <source>windows</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Now sees your clipboard when you paste into it</source>
        <translation>Sieht jetzt Ihre Zwischenablage, wenn Sie etwas in die Appliance einfügen</translation>
    </message>
    <message>
        <source>Clipboard use is no longer limited</source>
        <translation>Die Nutzung der Zwischenablage ist nicht mehr eingeschränkt</translation>
    </message>
    <message>
        <source>May now cover the whole screen</source>
        <translation>Darf jetzt den gesamten Bildschirm ausfüllen</translation>
    </message>
    <message>
        <source>New system “%1” in this appliance</source>
        <translation>Neues System „%1“ in dieser Appliance</translation>
    </message>
</context>
<context>
    <name>ContractGrant</name>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Your files</source>
        <translation>Ihre Dateien</translation>
    </message>
    <message>
        <source>Activity</source>
        <comment>contract group: when the appliance may touch your files, relative to your typing and clicking</comment>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Resources</source>
        <comment>contract group: processor, memory and disk limits</comment>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <source>Display</source>
        <comment>contract group: windows, clipboard and full screen</comment>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source>Limit</source>
        <comment>risk level: the line states a restriction, not a permission</comment>
        <translation>Einschränkung</translation>
    </message>
    <message>
        <source>Low risk</source>
        <translation>Geringes Risiko</translation>
    </message>
    <message>
        <source>Medium risk</source>
        <translation>Mittleres Risiko</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>Hohes Risiko</translation>
    </message>
    <message>
        <source>Critical risk</source>
        <translation>Kritisches Risiko</translation>
    </message>
</context>
<context>
    <name>ContractParser</name>
    <message>
        <source>cannot open the descriptor: %1</source>
        <translation>Deskriptor kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>cannot read the descriptor: %1</source>
        <translation>Deskriptor kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the descriptor is larger than %1 MiB</source>
        <translation>der Deskriptor ist größer als %1 MiB</translation>
    </message>
    <message>
        <source>the file is empty; expected an OVF Envelope</source>
        <translation>die Datei ist leer; erwartet wurde ein OVF-Envelope</translation>
    </message>
    <message>
        <source>&lt;%1&gt; is not an OVF Envelope (namespace %2 or %3)</source>
        <translation>&lt;%1&gt; ist kein OVF-Envelope (Namensraum %2 oder %3)</translation>
    </message>
    <message>
        <source>&lt;%1&gt; must be inside a VirtualSystem or VirtualSystemCollection</source>
        <translation>&lt;%1&gt; muss innerhalb eines VirtualSystem oder einer VirtualSystemCollection stehen</translation>
    </message>
    <message>
        <source>the descriptor has no VirtualSystem</source>
        <translation>der Deskriptor enthält kein VirtualSystem</translation>
    </message>
    <message>
        <source>&lt;%1&gt; has no ovf:id</source>
        <translation>&lt;%1&gt; hat keine ovf:id</translation>
    </message>
    <message>
        <source>ovf:id “%1” is used more than once</source>
        <translation>ovf:id „%1“ wird mehrfach verwendet</translation>
    </message>
    <message>
        <source>a VirtualSystem cannot contain &lt;%1&gt;</source>
        <translation>ein VirtualSystem darf kein &lt;%1&gt; enthalten</translation>
    </message>
    <message>
        <source>VirtualSystemCollections are nested more than %1 deep</source>
        <translation>VirtualSystemCollections sind tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>ovf:id “%1” does not name a VirtualSystem in this descriptor</source>
        <translation>ovf:id „%1“ bezeichnet kein VirtualSystem in diesem Deskriptor</translation>
    </message>
    <message>
        <source>ovf:id “%1” names a VirtualSystemCollection; a rule must name a VirtualSystem</source>
        <translation>ovf:id „%1“ bezeichnet eine VirtualSystemCollection; eine Regel muss ein VirtualSystem bezeichnen</translation>
    </message>
    <message>
        <source>more than %1 network rules once collection contracts apply to each system</source>
        <translation>mehr als %1 Netzwerkregeln, sobald die Verträge der Sammlung auf jedes System angewendet werden</translation>
    </message>
    <message>
        <source>It requires a contract section of kind “%1”, which this version of Tessera does not understand.</source>
        <translation>Es erfordert einen Vertragsabschnitt vom Typ „%1“, den diese Version von Tessera nicht versteht.</translation>
    </message>
    <message>
        <source>system “%1” cannot be launched: required contract section “%2” is not understood</source>
        <translation>System „%1“ kann nicht gestartet werden: Der erforderliche Vertragsabschnitt „%2“ wird nicht verstanden</translation>
    </message>
    <message>
        <source>contract section “%1” is not understood and is ignored (it is not required)</source>
        <translation>Vertragsabschnitt „%1“ wird nicht verstanden und ignoriert (er ist nicht erforderlich)</translation>
    </message>
</context>
<context>
    <name>ContractSectionReader</name>
    <message>
        <source>ovf:required must be true or false, not “%1”</source>
        <translation>ovf:required muss true oder false sein, nicht „%1“</translation>
    </message>
    <message>
        <source>&lt;%1&gt; has no xsi:type naming its kind</source>
        <translation>&lt;%1&gt; hat kein xsi:type, das die Art angibt</translation>
    </message>
    <message>
        <source>a %1 section</source>
        <translation>einem Abschnitt vom Typ %1</translation>
    </message>
    <message>
        <source>unknown protocol “%1”: use tcp, udp, icmp or any</source>
        <translation>unbekanntes Protokoll „%1“: Verwenden Sie tcp, udp, icmp oder any</translation>
    </message>
    <message>
        <source>&lt;%1&gt; has both ovf:id and an address; give one</source>
        <translation>&lt;%1&gt; hat sowohl eine ovf:id als auch eine Adresse; geben Sie nur eines davon an</translation>
    </message>
    <message>
        <source>&lt;%1&gt; has an empty ovf:id</source>
        <translation>&lt;%1&gt; hat eine leere ovf:id</translation>
    </message>
    <message>
        <source>bad unit “%1” on &lt;%2&gt;: use KiB/s or MiB/s</source>
        <translation>ungültige Einheit „%1“ bei &lt;%2&gt;: Verwenden Sie KiB/s oder MiB/s</translation>
    </message>
    <message>
        <source>unknown attribute “%1” on &lt;%2&gt;</source>
        <translation>unbekanntes Attribut „%1“ bei &lt;%2&gt;</translation>
    </message>
    <message>
        <source>&lt;%1&gt; needs an average attribute</source>
        <translation>&lt;%1&gt; benötigt ein average-Attribut</translation>
    </message>
    <message>
        <source>&lt;%1&gt; takes attributes, not text</source>
        <translation>&lt;%1&gt; erwartet Attribute, keinen Text</translation>
    </message>
    <message>
        <source>unknown access “%1”: use read-only or read-write</source>
        <translation>unbekannter Zugriff „%1“: Verwenden Sie read-only oder read-write</translation>
    </message>
    <message>
        <source>unknown access “%1”: use read or write</source>
        <translation>unbekannter Zugriff „%1“: Verwenden Sie read oder write</translation>
    </message>
    <message>
        <source>bad unit “%1” on &lt;Memory&gt;: use MiB or GiB</source>
        <translation>ungültige Einheit „%1“ bei &lt;Memory&gt;: Verwenden Sie MiB oder GiB</translation>
    </message>
    <message>
        <source>&lt;Memory&gt; must be more than 0</source>
        <translation>&lt;Memory&gt; muss größer als 0 sein</translation>
    </message>
    <message>
        <source>&lt;CPUQuota&gt; must be more than 0 percent</source>
        <translation>&lt;CPUQuota&gt; muss größer als 0 Prozent sein</translation>
    </message>
    <message>
        <source>unknown element &lt;%1&gt; in %2</source>
        <translation>unbekanntes Element &lt;%1&gt; in %2</translation>
    </message>
    <message>
        <source>&lt;%1&gt; is given more than once here</source>
        <translation>&lt;%1&gt; ist hier mehrfach angegeben</translation>
    </message>
    <message>
        <source>&lt;%1&gt; lacks &lt;%2&gt;</source>
        <translation>in &lt;%1&gt; fehlt &lt;%2&gt;</translation>
    </message>
    <message>
        <source>“%1” is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>%1 is too large (at most %2)</source>
        <translation>%1 ist zu groß (höchstens %2)</translation>
    </message>
    <message>
        <source>&lt;%1&gt; must be a whole number, not “%2”</source>
        <translation>&lt;%1&gt; muss eine ganze Zahl sein, nicht „%2“</translation>
    </message>
    <message>
        <source>&lt;%1&gt; must be between 1 and %2</source>
        <translation>&lt;%1&gt; muss zwischen 1 und %2 liegen</translation>
    </message>
    <message>
        <source>&lt;%1&gt; must be %2, not “%3”</source>
        <translation>&lt;%1&gt; muss %2 sein, nicht „%3“</translation>
    </message>
    <message>
        <source> or </source>
        <comment>between alternatives</comment>
        <translation> oder </translation>
    </message>
</context>
<context>
    <name>ContractSummary</name>
    <message>
        <source>Its use of your files is not tied to your typing or clicking</source>
        <translation>Der Zugriff auf Ihre Dateien ist nicht an Ihr Tippen oder Klicken gebunden</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>ICMP (ping)</source>
        <translation>ICMP (Ping)</translation>
    </message>
    <message>
        <source>any protocol</source>
        <translation>ein beliebiges Protokoll</translation>
    </message>
    <message>
        <source>any port</source>
        <translation>einem beliebigen Port</translation>
    </message>
    <message>
        <source>port %1</source>
        <translation>Port %1</translation>
    </message>
    <message>
        <source>ports %1–%2</source>
        <translation>den Ports %1–%2</translation>
    </message>
    <message>
        <source>anywhere</source>
        <translation>beliebigen Adressen</translation>
    </message>
    <message>
        <source>the appliance system “%1”</source>
        <translation>dem Appliance-System „%1“</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>protocol then port, e.g. TCP port 80</comment>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Accepts %1 connections from %2</source>
        <comment>e.g. TCP port 80 / anywhere</comment>
        <translation>Nimmt Verbindungen über %1 von %2 an</translation>
    </message>
    <message>
        <source>Can send any traffic anywhere</source>
        <translation>Kann beliebigen Datenverkehr überallhin senden</translation>
    </message>
    <message>
        <source>Connects to %1 over %2</source>
        <comment>e.g. anywhere / TCP port 443</comment>
        <translation>Verbindet sich über %2 mit %1</translation>
    </message>
    <message>
        <source>Lets %1 reach %2 over %3</source>
        <comment>traffic between other systems of the same appliance</comment>
        <translation>Erlaubt Verbindungen von %1 zu %2 über %3</translation>
    </message>
    <message>
        <source>Can read and change your folder “%1”</source>
        <translation>Kann Ihren Ordner „%1“ lesen und ändern</translation>
    </message>
    <message>
        <source>Can read your folder “%1”</source>
        <translation>Kann Ihren Ordner „%1“ lesen</translation>
    </message>
    <message>
        <source>, reading at most %1</source>
        <translation>, beim Lesen höchstens %1</translation>
    </message>
    <message>
        <source>, writing at most %1</source>
        <translation>, beim Schreiben höchstens %1</translation>
    </message>
    <message>
        <source>Should change your files only within %1 s of your typing or clicking (otherwise reported)</source>
        <translation>Sollte Ihre Dateien nur innerhalb von %1 s nach Ihrem Tippen oder Klicken ändern (sonst wird dies gemeldet)</translation>
    </message>
    <message>
        <source>Should change “%1” only within %2 s of your typing or clicking (otherwise reported)</source>
        <translation>Sollte „%1“ nur innerhalb von %2 s nach Ihrem Tippen oder Klicken ändern (sonst wird dies gemeldet)</translation>
    </message>
    <message>
        <source>Should read your files only within %1 s of your typing or clicking (otherwise reported)</source>
        <translation>Sollte Ihre Dateien nur innerhalb von %1 s nach Ihrem Tippen oder Klicken lesen (sonst wird dies gemeldet)</translation>
    </message>
    <message>
        <source>Should read “%1” only within %2 s of your typing or clicking (otherwise reported)</source>
        <translation>Sollte „%1“ nur innerhalb von %2 s nach Ihrem Tippen oder Klicken lesen (sonst wird dies gemeldet)</translation>
    </message>
    <message>
        <source>Cannot use the network</source>
        <translation>Kann das Netzwerk nicht nutzen</translation>
    </message>
    <message>
        <source>Sends at most %1</source>
        <translation>Sendet höchstens %1</translation>
    </message>
    <message>
        <source>Receives at most %1</source>
        <translation>Empfängt höchstens %1</translation>
    </message>
    <message>
        <source>Cannot see any of your files</source>
        <translation>Kann keine Ihrer Dateien sehen</translation>
    </message>
    <message>
        <source>No resource limits: may use all processors, memory and disk bandwidth</source>
        <translation>Keine Ressourcenbegrenzungen: darf alle Prozessoren, den gesamten Arbeitsspeicher und die volle Datenträgerbandbreite nutzen</translation>
    </message>
    <message numerus="yes">
        <source>Uses at most %n processor(s)</source>
        <translation>
            <numerusform>Nutzt höchstens %n Prozessor</numerusform>
            <numerusform>Nutzt höchstens %n Prozessoren</numerusform>
        </translation>
    </message>
    <message>
        <source>Uses at most %1 MiB of memory</source>
        <translation>Nutzt höchstens %1 MiB Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Uses at most %1% of one processor core</source>
        <translation>Nutzt höchstens %1 % eines Prozessorkerns</translation>
    </message>
    <message>
        <source>Reads its disk at most at %1</source>
        <translation>Liest vom Datenträger mit höchstens %1</translation>
    </message>
    <message>
        <source>Writes its disk at most at %1</source>
        <translation>Schreibt auf den Datenträger mit höchstens %1</translation>
    </message>
    <message>
        <source>At most %1 disk reads per second</source>
        <translation>Höchstens %1 Lesezugriffe auf den Datenträger pro Sekunde</translation>
    </message>
    <message>
        <source>At most %1 disk writes per second</source>
        <translation>Höchstens %1 Schreibzugriffe auf den Datenträger pro Sekunde</translation>
    </message>
    <message>
        <source>Cannot use your clipboard</source>
        <translation>Kann Ihre Zwischenablage nicht nutzen</translation>
    </message>
    <message>
        <source>Sees your clipboard only when you paste into it</source>
        <translation>Sieht Ihre Zwischenablage nur, wenn Sie etwas in die Appliance einfügen</translation>
    </message>
    <message>
        <source>Clipboard use is not limited: it may see what you copy</source>
        <translation>Zwischenablage uneingeschränkt: Die Appliance kann sehen, was Sie kopieren</translation>
    </message>
    <message numerus="yes">
        <source>Opens at most %n window(s)</source>
        <translation>
            <numerusform>Öffnet höchstens %n Fenster</numerusform>
            <numerusform>Öffnet höchstens %n Fenster</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot cover the whole screen</source>
        <translation>Kann nicht den gesamten Bildschirm ausfüllen</translation>
    </message>
    <message>
        <source>May cover the whole screen, where it could imitate another program</source>
        <translation>Darf den gesamten Bildschirm ausfüllen und könnte dort ein anderes Programm nachahmen</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>Can read your files (%1) and send data anywhere on the internet</source>
        <translation>Kann Ihre Dateien (%1) lesen und Daten an beliebige Ziele im Internet senden</translation>
    </message>
    <message>
        <source>Can change your files (%1) and accepts connections from anywhere</source>
        <translation>Kann Ihre Dateien (%1) ändern und nimmt Verbindungen von beliebigen Adressen an</translation>
    </message>
    <message>
        <source>Cannot use the network or see your files</source>
        <translation>Kann weder das Netzwerk nutzen noch Ihre Dateien sehen</translation>
    </message>
    <message>
        <source>Can read and change your files (%1), read %2 and send data anywhere on the internet</source>
        <translation>Kann Ihre Dateien (%1) lesen und ändern, %2 lesen und Daten an beliebige Ziele im Internet senden</translation>
    </message>
    <message>
        <source>Can read and change your files (%1) and send data anywhere on the internet</source>
        <translation>Kann Ihre Dateien (%1) lesen und ändern und Daten an beliebige Ziele im Internet senden</translation>
    </message>
    <message>
        <source>No contract: it declares nothing, so it gets no network and none of your files</source>
        <translation>Kein Vertrag: Sie erklärt nichts und bekommt daher kein Netzwerk und keine Ihrer Dateien</translation>
    </message>
</context>
<context>
    <name>ContractXmlReader</name>
    <message>
        <source>unexpected end of file</source>
        <translation>unerwartetes Dateiende</translation>
    </message>
    <message>
        <source>document type declarations (DTDs) are not allowed in a descriptor</source>
        <translation>Dokumenttyp-Deklarationen (DTDs) sind in einem Deskriptor nicht erlaubt</translation>
    </message>
    <message>
        <source>entity reference “&amp;%1;” is not allowed in a descriptor</source>
        <translation>Entitätsreferenz „&amp;%1;“ ist in einem Deskriptor nicht erlaubt</translation>
    </message>
    <message>
        <source>unexpected text “%1” inside &lt;%2&gt;</source>
        <translation>unerwarteter Text „%1“ in &lt;%2&gt;</translation>
    </message>
    <message>
        <source>&lt;%1&gt; may not contain elements; found &lt;%2&gt;</source>
        <translation>&lt;%1&gt; darf keine Elemente enthalten; gefunden: &lt;%2&gt;</translation>
    </message>
</context>
<context>
    <name>CtlCommands</name>
    <message>
        <source>Usage: tessera-ctl %1 APPLIANCE</source>
        <translation>Aufruf: tessera-ctl %1 APPLIANCE</translation>
    </message>
    <message>
        <source>%1 is already running.</source>
        <translation>%1 läuft bereits.</translation>
    </message>
    <message>
        <source>%1 is running. Its SPICE display is at %2</source>
        <translation>%1 läuft. Die SPICE-Anzeige ist unter %2 erreichbar</translation>
    </message>
    <message>
        <source>%1 is already off.</source>
        <translation>%1 ist bereits ausgeschaltet.</translation>
    </message>
    <message>
        <source>%1 is off.</source>
        <translation>%1 ist ausgeschaltet.</translation>
    </message>
    <message>
        <source>%1 rolled back to its clean state in %2 ms.</source>
        <translation>%1 wurde in %2 ms auf den sauberen Ausgangszustand zurückgesetzt.</translation>
    </message>
    <message>
        <source>Unknown command “%1”. Run tessera-ctl --help for the list of commands.</source>
        <translation>Unbekannter Befehl „%1“. Führen Sie tessera-ctl --help aus, um die Liste der Befehle zu sehen.</translation>
    </message>
    <message>
        <source>No appliances are built yet. Run scripts/setup to build the sample appliances.</source>
        <translation>Es wurden noch keine Appliances erstellt. Führen Sie scripts/setup aus, um die Beispiel-Appliances zu erstellen.</translation>
    </message>
    <message>
        <source>There is no built appliance called “%1”. Run tessera-ctl list to see the appliances.</source>
        <translation>Es gibt keine erstellte Appliance namens „%1“. Führen Sie tessera-ctl list aus, um die Appliances anzuzeigen.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>Usage: tessera-ctl mode APPLIANCE [fresh|keep]</source>
        <translation>Aufruf: tessera-ctl mode APPLIANCE [fresh|keep]</translation>
    </message>
    <message>
        <source>%1 keeps its changes across launches until rolled back.</source>
        <translation>%1 behält seine Änderungen über Starts hinweg, bis sie zurückgesetzt werden.</translation>
    </message>
    <message>
        <source>%1 starts from its clean state at every launch.</source>
        <translation>%1 startet bei jedem Start aus seinem sauberen Zustand.</translation>
    </message>
    <message>
        <source>The appliance “%1” cannot be used: its contract is rejected.
%2</source>
        <translation>Die Appliance „%1“ kann nicht benutzt werden: Ihr Vertrag wird abgelehnt.
%2</translation>
    </message>
</context>
<context>
    <name>EnforcementOracle</name>
    <message>
        <source>Enforced here</source>
        <translation>Hier durchgesetzt</translation>
    </message>
    <message>
        <source>Monitored here, not enforced</source>
        <translation>Hier nur überwacht, nicht durchgesetzt</translation>
    </message>
    <message>
        <source>Declared only: not enforced here yet</source>
        <translation>Nur angegeben: hier noch nicht durchgesetzt</translation>
    </message>
    <message>
        <source>Cannot be held on this host, so not granted: the appliance runs without it</source>
        <translation>Auf diesem Rechner nicht durchsetzbar, daher nicht gewährt: die Appliance läuft ohne</translation>
    </message>
</context>
<context>
    <name>EventsCommand</name>
    <message>
        <source>Unknown argument “%1”. Usage: tessera-ctl events [--follow] [--json] [APPLIANCE]</source>
        <translation>Unbekanntes Argument „%1“. Aufruf: tessera-ctl events [--follow] [--json] [APPLIANCE]</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more)</source>
        <translation>
            <numerusform>(und %n weiterer)</numerusform>
            <numerusform>(und %n weitere)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GuestIcon</name>
    <message>
        <source>The guest agent sent an invalid window icon.</source>
        <translation>Der Gast-Agent hat ein ungültiges Fenstersymbol gesendet.</translation>
    </message>
</context>
<context>
    <name>GuestWindow</name>
    <message>
        <source>[%1] %2</source>
        <translation>[%1] %2</translation>
    </message>
    <message numerus="yes">
        <source>Starting %1… %n s</source>
        <translation>
            <numerusform>%1 wird gestartet… %n s</numerusform>
            <numerusform>%1 wird gestartet… %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Tessera user guide</source>
        <translation>Tessera – Benutzerhandbuch</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Usage: tessera-ctl import PATH.ova|PATH.ovf [--name NAME]</source>
        <translation>Aufruf: tessera-ctl import PFAD.ova|PFAD.ovf [--name NAME]</translation>
    </message>
    <message>
        <source>Not imported: the appliance&apos;s contract is rejected.</source>
        <translation>Nicht importiert: Der Vertrag der Appliance wird abgelehnt.</translation>
    </message>
    <message>
        <source>Imported “%1” into %2.</source>
        <translation>„%1“ nach %2 importiert.</translation>
    </message>
    <message>
        <source>If the appliance has no Tessera guest agent, it runs in one window showing its whole desktop, without seamless windows.</source>
        <translation>Hat die Appliance keinen Tessera-Gastagenten, läuft sie in einem Fenster mit ihrem ganzen Desktop, ohne nahtlose Fenster.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import appliance</source>
        <translation>Appliance importieren</translation>
    </message>
    <message>
        <source>Choose an appliance to import</source>
        <translation>Zu importierende Appliance wählen</translation>
    </message>
    <message>
        <source>Appliances (*.ova *.ovf)</source>
        <translation>Appliances (*.ova *.ovf)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Name of the imported appliance</source>
        <translation>Name der importierten Appliance</translation>
    </message>
    <message>
        <source>Not imported: the contract is rejected.
%1</source>
        <translation>Nicht importiert: Der Vertrag wird abgelehnt.
%1</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Nicht importiert: %1</translation>
    </message>
    <message>
        <source>The contract is rejected, so this appliance cannot be imported:
%1</source>
        <translation>Der Vertrag wird abgelehnt, deshalb kann diese Appliance nicht importiert werden:
%1</translation>
    </message>
    <message>
        <source>Risk: %1</source>
        <translation>Risiko: %1</translation>
    </message>
    <message>
        <source>Imported appliances may not have the Tessera guest agent. Without it the appliance still runs, in one window showing its whole desktop, but without seamless windows.</source>
        <translation>Importierte Appliances haben womöglich keinen Tessera-Gastagenten. Ohne ihn läuft die Appliance trotzdem, in einem Fenster mit ihrem ganzen Desktop, aber ohne nahtlose Fenster.</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Importfortschritt</translation>
    </message>
    <message>
        <source>Imported as “%1”.</source>
        <translation>Als „%1“ importiert.</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Ausschalten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Enter the full path of an .ova or .ovf file, such as /home/you/Downloads/app.ova.</source>
        <translation>Geben Sie den vollständigen Pfad einer .ova- oder .ovf-Datei ein, etwa /home/sie/Downloads/app.ova.</translation>
    </message>
    <message>
        <source>Package:</source>
        <translation>Paket:</translation>
    </message>
    <message>
        <source>Type or paste the path of an .ova or .ovf file</source>
        <translation>Pfad einer .ova- oder .ovf-Datei eingeben oder einfügen</translation>
    </message>
    <message>
        <source>Path of the package to import</source>
        <translation>Pfad des zu importierenden Pakets</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
</context>
<context>
    <name>ImportStaging</name>
    <message>
        <source>Nothing is being copied.</source>
        <translation>Es wird gerade nichts kopiert.</translation>
    </message>
    <message>
        <source>The package holds more than the %1 MiB Tessera imports.</source>
        <translation>Das Paket enthält mehr als die %1 MiB, die Tessera importiert.</translation>
    </message>
    <message>
        <source>Could not write “%1”: %2</source>
        <translation>„%1“ konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Could not read “%1”: %2</source>
        <translation>„%1“ konnte nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>InboundPortMap</name>
    <message>
        <source>No free port on this computer could be set aside for the appliance&apos;s incoming connections. Close programs you do not need, then start the appliance again.</source>
        <translation>Auf diesem Computer konnte kein freier Port für die eingehenden Verbindungen der Appliance reserviert werden. Schließen Sie Programme, die Sie nicht brauchen, und starten Sie die Appliance erneut.</translation>
    </message>
    <message>
        <source>Could not record which ports the appliance&apos;s incoming connections use. Check that your data folder is writable.</source>
        <translation>Es konnte nicht gespeichert werden, welche Ports die eingehenden Verbindungen der Appliance nutzen. Prüfen Sie, ob Ihr Datenordner beschreibbar ist.</translation>
    </message>
    <message>
        <source>Port %1 of the appliance is at 127.0.0.1:%2 here.</source>
        <translation>Port %1 der Appliance ist hier unter 127.0.0.1:%2 erreichbar.</translation>
    </message>
</context>
<context>
    <name>IncidentCommand</name>
    <message>
        <source>%1 has no quarantine “%2”. Run tessera-ctl quarantine %1 to list them.</source>
        <translation>%1 hat keine Quarantäne „%2“. Mit tessera-ctl quarantine %1 werden sie aufgelistet.</translation>
    </message>
    <message>
        <source>Usage: tessera-ctl recover APPLIANCE [REASON]</source>
        <translation>Aufruf: tessera-ctl recover APPLIANCE [GRUND]</translation>
    </message>
    <message>
        <source>There is no built appliance called “%1”. Run tessera-ctl list to see the appliances.</source>
        <translation>Es gibt keine erstellte Appliance namens „%1“. Führen Sie tessera-ctl list aus, um die Appliances anzuzeigen.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>See what they changed with: tessera-ctl quarantine %1 %2</source>
        <translation>Was sie geändert haben, zeigt: tessera-ctl quarantine %1 %2</translation>
    </message>
    <message>
        <source>recovered from the command line</source>
        <translation>über die Kommandozeile wiederhergestellt</translation>
    </message>
    <message>
        <source>Usage: tessera-ctl quarantine APPLIANCE [ID [--inspect]]</source>
        <translation>Aufruf: tessera-ctl quarantine APPLIANCE [ID [--inspect]]</translation>
    </message>
    <message>
        <source>%1 has no quarantined systems.</source>
        <translation>%1 hat keine Systeme in Quarantäne.</translation>
    </message>
    <message numerus="yes">
        <source>%n breach(es)</source>
        <translation>
            <numerusform>%n Vertragsbruch</numerusform>
            <numerusform>%n Vertragsbrüche</numerusform>
        </translation>
    </message>
    <message>
        <source>Inspector up in %1 s, compared in %2 s.</source>
        <translation>Prüf-VM nach %1 s bereit, Vergleich in %2 s.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s), %1 in persistence spots.</source>
        <translation>
            <numerusform>%n Änderung, %1 an Autostart-Stellen.</numerusform>
            <numerusform>%n Änderungen, %1 an Autostart-Stellen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The report is incomplete (cut short or damaged); inspect again with --inspect.</source>
        <translation>Der Bericht ist unvollständig (abgeschnitten oder beschädigt); untersuchen Sie erneut mit --inspect.</translation>
    </message>
    <message numerus="yes">
        <source>%n malformed line(s) of the report were left out.</source>
        <translation>
            <numerusform>%n fehlerhafte Zeile des Berichts wurde ausgelassen.</numerusform>
            <numerusform>%n fehlerhafte Zeilen des Berichts wurden ausgelassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The inspector needs the “%1” appliance, which is not built. Run scripts/setup.</source>
        <translation>Die Prüf-VM braucht die Appliance „%1“, die nicht gebaut ist. Führen Sie scripts/setup aus.</translation>
    </message>
    <message>
        <source>Usage: tessera-ctl salvage APPLIANCE ID PATH...</source>
        <translation>Aufruf: tessera-ctl salvage APPLIANCE ID PFAD…</translation>
    </message>
    <message>
        <source>salvaged: %1</source>
        <translation>gerettet: %1</translation>
    </message>
    <message>
        <source>not salvaged: %1 (%2)</source>
        <translation>nicht gerettet: %1 (%2)</translation>
    </message>
    <message>
        <source>Salvaged files are marked as coming from a quarantined system; treat them as untrusted.</source>
        <translation>Gerettete Dateien sind als Dateien aus einem System in Quarantäne markiert; behandeln Sie sie als nicht vertrauenswürdig.</translation>
    </message>
    <message>
        <source>Usage: tessera-ctl purge APPLIANCE ID</source>
        <translation>Aufruf: tessera-ctl purge APPLIANCE ID</translation>
    </message>
    <message>
        <source>Quarantine %1 of %2 deleted.</source>
        <translation>Quarantäne %1 von %2 gelöscht.</translation>
    </message>
    <message>
        <source>%1 was switched off and recovered in %2 ms: its system changes are in quarantine %3. It stays off; its next launch starts clean.</source>
        <translation>%1 wurde ausgeschaltet und in %2 ms wiederhergestellt: Ihre Systemänderungen liegen in Quarantäne %3. Sie bleibt aus; ihr nächster Start beginnt sauber.</translation>
    </message>
    <message>
        <source>Inspecting in the inspector VM (a cold boot; this takes a minute or two)…</source>
        <translation>Untersuchung in der Prüf-VM (Kaltstart; das dauert ein bis zwei Minuten)…</translation>
    </message>
    <message>
        <source>Starting the inspector VM (a cold boot; this takes a minute or two)…</source>
        <translation>Die Prüf-VM wird gestartet (Kaltstart; das dauert ein bis zwei Minuten)…</translation>
    </message>
</context>
<context>
    <name>InspectorJob</name>
    <message>
        <source>Not connected to the hypervisor. Check the connection in Settings and try again.</source>
        <translation>Keine Verbindung zum Hypervisor. Überprüfen Sie die Verbindung in den Einstellungen und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The quarantined system disk or its clean image is missing, so it cannot be inspected. Purge this quarantine.</source>
        <translation>Die Systemplatte in Quarantäne oder ihr sauberes Abbild fehlt, daher kann sie nicht untersucht werden. Löschen Sie diese Quarantäne.</translation>
    </message>
    <message>
        <source>Could not prepare the inspector&apos;s folder. Check that your data folder is writable.</source>
        <translation>Der Ordner der Prüf-VM konnte nicht vorbereitet werden. Prüfen Sie, ob Ihr Datenordner beschreibbar ist.</translation>
    </message>
    <message>
        <source>The hypervisor refused the inspector VM&apos;s definition. See the details, and report it if it persists.</source>
        <translation>Der Hypervisor hat die Definition der Prüf-VM abgelehnt. Sehen Sie sich die Details an und melden Sie den Fehler, wenn er bleibt.</translation>
    </message>
    <message>
        <source>The inspector VM could not be started. Check that enough memory is free, then try again.</source>
        <translation>Die Prüf-VM konnte nicht gestartet werden. Prüfen Sie, ob genug Arbeitsspeicher frei ist, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The inspector VM could not be switched off. Restart Tessera.</source>
        <translation>Die Prüf-VM konnte nicht ausgeschaltet werden. Starten Sie Tessera neu.</translation>
    </message>
</context>
<context>
    <name>LaunchModeFile</name>
    <message>
        <source>Could not save the appliance&apos;s launch mode. Check that your data folder is writable.</source>
        <translation>Der Startmodus der Appliance konnte nicht gespeichert werden. Prüfen Sie, ob Ihr Datenordner beschreibbar ist.</translation>
    </message>
</context>
<context>
    <name>LibvirtConnection</name>
    <message>
        <source>Could not prepare Tessera&apos;s private hypervisor folder. Check that your data folder is writable.</source>
        <translation>Der private Hypervisor-Ordner von Tessera konnte nicht vorbereitet werden. Überprüfen Sie, ob Ihr Datenordner beschreibbar ist.</translation>
    </message>
    <message>
        <source>Could not connect to the hypervisor at %1. Check that libvirt and QEMU are installed (scripts/setup) or choose another connection in Settings.</source>
        <translation>Verbindung zum Hypervisor unter %1 fehlgeschlagen. Überprüfen Sie, ob libvirt und QEMU installiert sind (scripts/setup), oder wählen Sie in den Einstellungen eine andere Verbindung.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Tessera</source>
        <translation>Tessera</translation>
    </message>
    <message>
        <source>Appliances</source>
        <translation>Ihre Appliances</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connecting to the hypervisor. The first start checks what QEMU can do and may take a minute.</source>
        <translation>Verbindung zum Hypervisor wird hergestellt. Beim ersten Start wird geprüft, was QEMU kann; das kann eine Minute dauern.</translation>
    </message>
    <message>
        <source>No appliances are built yet. Run scripts/setup to build the sample appliances.</source>
        <translation>Es wurden noch keine Appliances erstellt. Führen Sie scripts/setup aus, um die Beispiel-Appliances zu erstellen.</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>%1 broke its contract</source>
        <translation>%1 hat seinen Vertrag gebrochen</translation>
    </message>
    <message>
        <source>Pause it</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop it</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Undo its file changes since then</source>
        <translation>Seine Dateiänderungen seitdem rückgängig machen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Import appliance…</source>
        <translation>Appliance importieren…</translation>
    </message>
    <message>
        <source>Import an appliance from an OVF or OVA file</source>
        <translation>Eine Appliance aus einer OVF- oder OVA-Datei importieren</translation>
    </message>
    <message numerus="yes">
        <source>Show the %n contract breach(es)</source>
        <translation>
            <numerusform>Den %n Vertragsbruch anzeigen</numerusform>
            <numerusform>Die %n Vertragsbrüche anzeigen</numerusform>
        </translation>
    </message>
    <message>
        <source>Recover…</source>
        <translation>Wiederherstellen…</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Prüfen…</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) restored.</source>
        <translation>
            <numerusform>%n Datei wiederhergestellt.</numerusform>
            <numerusform>%n Dateien wiederhergestellt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) changed later by someone else kept as they are: review them to choose.</source>
        <translation>
            <numerusform>%n Datei, die später jemand anderes geändert hat, bleibt wie sie ist: prüfen Sie sie, um zu wählen.</numerusform>
            <numerusform>%n Dateien, die später jemand anderes geändert hat, bleiben wie sie sind: prüfen Sie sie, um zu wählen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recover %1?</source>
        <translation>%1 wiederherstellen?</translation>
    </message>
    <message>
        <source>Roll back %1?</source>
        <translation>%1 zurücksetzen?</translation>
    </message>
    <message>
        <source>Every change made inside %1&apos;s system since it was built is discarded.
Your personal files are not touched.</source>
        <translation>Jede Änderung im System von %1 seit seiner Erstellung wird verworfen.
Ihre persönlichen Dateien bleiben unberührt.</translation>
    </message>
    <message numerus="yes">
        <source>Breaches (%n)</source>
        <translation>
            <numerusform>Vertragsbrüche (%n)</numerusform>
            <numerusform>Vertragsbrüche (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Benutzerhandbuch</translation>
    </message>
    <message>
        <source>About Tessera</source>
        <translation>Über Tessera</translation>
    </message>
    <message>
        <source>Resume it</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>%1 is switched off at once. The changes made inside its system are moved into a quarantine, where you can see what they were and salvage files. It stays off; its next launch starts clean.
Your personal files are not touched.</source>
        <translation>%1 wird sofort ausgeschaltet. Die Änderungen in ihrem System kommen in eine Quarantäne, wo Sie sehen können, was sie waren, und Dateien retten können. Sie bleibt aus; ihr nächster Start beginnt sauber.
Ihre persönlichen Dateien bleiben unberührt.</translation>
    </message>
</context>
<context>
    <name>MountGrant</name>
    <message>
        <source>empty Store: name a folder of the personal store, such as Documents</source>
        <translation>leerer Store: Geben Sie einen Ordner des persönlichen Datenspeichers an, etwa Documents</translation>
    </message>
    <message>
        <source>Store “%1” is an absolute path; it must be a folder inside the personal store</source>
        <translation>Store „%1“ ist ein absoluter Pfad; erforderlich ist ein Ordner im persönlichen Datenspeicher</translation>
    </message>
    <message>
        <source>Store “%1” may not contain “%2”; it must stay inside the personal store</source>
        <translation>Store „%1“ darf „%2“ nicht enthalten; er muss innerhalb des persönlichen Datenspeichers bleiben</translation>
    </message>
    <message>
        <source>Store “%1” contains a control character</source>
        <translation>Store „%1“ enthält ein Steuerzeichen</translation>
    </message>
    <message>
        <source>Target “%1” must be an absolute path inside the appliance</source>
        <translation>Target „%1“ muss ein absoluter Pfad innerhalb der Appliance sein</translation>
    </message>
    <message>
        <source>Target “%1” may not contain “..”</source>
        <translation>Target „%1“ darf „..“ nicht enthalten</translation>
    </message>
</context>
<context>
    <name>NetworkAddress</name>
    <message>
        <source>“%1” is not an IPv4 address</source>
        <translation>„%1“ ist keine IPv4-Adresse</translation>
    </message>
    <message>
        <source>“%1” is not an IPv6 address</source>
        <translation>„%1“ ist keine IPv6-Adresse</translation>
    </message>
    <message>
        <source>“/%1” is not a prefix length (0–%2)</source>
        <translation>„/%1“ ist keine Präfixlänge (0–%2)</translation>
    </message>
    <message>
        <source>empty address: use any, an address, a prefix, a DNS name or ovf:id</source>
        <translation>leere Adresse: Verwenden Sie any, eine Adresse, ein Präfix, einen DNS-Namen oder ovf:id</translation>
    </message>
    <message>
        <source>“%1” is not a CIDR prefix</source>
        <translation>„%1“ ist kein CIDR-Präfix</translation>
    </message>
    <message>
        <source>“%1” is neither an address nor a DNS name</source>
        <translation>„%1“ ist weder eine Adresse noch ein DNS-Name</translation>
    </message>
    <message>
        <source>“%1” has bits set after the prefix; did you mean %2?</source>
        <translation>„%1“ hat gesetzte Bits nach dem Präfix; meinten Sie %2?</translation>
    </message>
</context>
<context>
    <name>OvaArchive</name>
    <message>
        <source>“%1” is larger than %2 bytes.</source>
        <translation>„%1“ ist größer als %2 Bytes.</translation>
    </message>
    <message>
        <source>the archive ends early or is damaged.</source>
        <translation>das Archiv endet zu früh oder ist beschädigt.</translation>
    </message>
    <message>
        <source>it is not a plain file.</source>
        <translation>es ist keine einfache Datei.</translation>
    </message>
    <message>
        <source>“%1” is not a plain file.</source>
        <translation>„%1“ ist keine einfache Datei.</translation>
    </message>
    <message>
        <source>the archive holds no “%1”.</source>
        <translation>das Archiv enthält kein „%1“.</translation>
    </message>
    <message>
        <source>“%1” is not a plain file, or appears twice.</source>
        <translation>„%1“ ist keine einfache Datei oder kommt zweimal vor.</translation>
    </message>
</context>
<context>
    <name>OverlayDisk</name>
    <message>
        <source>The appliance&apos;s base image is missing. Rebuild the appliances (scripts/setup) and try again.</source>
        <translation>Das Basis-Image der Appliance fehlt. Erstellen Sie die Appliances neu (scripts/setup) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Could not create the appliance&apos;s folder. Check that your data folder is writable.</source>
        <translation>Der Ordner der Appliance konnte nicht erstellt werden. Überprüfen Sie, ob Ihr Datenordner beschreibbar ist.</translation>
    </message>
    <message>
        <source>Could not replace the appliance&apos;s system changes. Check free disk space and permissions.</source>
        <translation>Die Systemänderungen der Appliance konnten nicht ersetzt werden. Überprüfen Sie den freien Speicherplatz und die Berechtigungen.</translation>
    </message>
    <message>
        <source>Could not create a clean system disk for the appliance. Check free disk space; if qemu-img is missing, run scripts/setup.</source>
        <translation>Für die Appliance konnte kein sauberer Systemdatenträger erstellt werden. Überprüfen Sie den freien Speicherplatz; falls qemu-img fehlt, führen Sie scripts/setup aus.</translation>
    </message>
</context>
<context>
    <name>OvfFolder</name>
    <message>
        <source>it is larger than %1 bytes.</source>
        <translation>es ist größer als %1 Bytes.</translation>
    </message>
    <message>
        <source>it is not a plain file.</source>
        <translation>es ist keine einfache Datei.</translation>
    </message>
    <message>
        <source>it is a link or special file, not a plain file.</source>
        <translation>es ist eine Verknüpfung oder Spezialdatei, keine einfache Datei.</translation>
    </message>
    <message>
        <source>it changed while it was being opened.</source>
        <translation>es hat sich beim Öffnen geändert.</translation>
    </message>
</context>
<context>
    <name>OvfManifest</name>
    <message>
        <source>manifest line %1 is not “SHA256(file)= digest”.</source>
        <translation>Manifestzeile %1 hat nicht die Form „SHA256(Datei)= Prüfsumme“.</translation>
    </message>
    <message>
        <source>manifest line %1 has a digest of the wrong length, or names a file twice.</source>
        <translation>Manifestzeile %1 hat eine Prüfsumme falscher Länge oder nennt eine Datei zweimal.</translation>
    </message>
    <message>
        <source>“%1” does not match the package&apos;s manifest: it was changed or damaged on the way.</source>
        <translation>„%1“ passt nicht zum Manifest des Pakets: Es wurde unterwegs verändert oder beschädigt.</translation>
    </message>
    <message>
        <source>The manifest has no checksum for “%1”.</source>
        <translation>Das Manifest hat keine Prüfsumme für „%1“.</translation>
    </message>
</context>
<context>
    <name>OvfPackage</name>
    <message>
        <source>line %1: the file reference “%2” is not a plain file name beside the descriptor.</source>
        <translation>Zeile %1: Der Dateiverweis „%2“ ist kein einfacher Dateiname neben der Beschreibung.</translation>
    </message>
    <message>
        <source>line %1: the file “%2” is referenced twice, or there are too many files.</source>
        <translation>Zeile %1: Auf die Datei „%2“ wird zweimal verwiesen, oder es sind zu viele Dateien.</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>The descriptor holds %n virtual systems; an appliance is exactly one.</source>
        <translation>
            <numerusform>Die Beschreibung enthält %n virtuelles System; eine Appliance ist genau eines.</numerusform>
            <numerusform>Die Beschreibung enthält %n virtuelle Systeme; eine Appliance ist genau eines.</numerusform>
        </translation>
    </message>
    <message>
        <source>The descriptor names no disk (DiskSection with a fileRef): there is nothing to boot.</source>
        <translation>Die Beschreibung nennt keine Platte (DiskSection mit fileRef): Es gibt nichts zu starten.</translation>
    </message>
    <message>
        <source>The disk “%1” refers to the file “%2”, which References does not list.</source>
        <translation>Die Platte „%1“ verweist auf die Datei „%2“, die References nicht aufführt.</translation>
    </message>
    <message>
        <source>The disk file “%1” has a format Tessera cannot read (%2).</source>
        <translation>Die Plattendatei „%1“ hat ein Format, das Tessera nicht lesen kann (%2).</translation>
    </message>
</context>
<context>
    <name>PersistenceSpots</name>
    <message>
        <source>Autostart entry: runs when a session starts</source>
        <translation>Autostart-Eintrag: läuft beim Start einer Sitzung</translation>
    </message>
    <message>
        <source>Shell start-up file: runs when a shell starts</source>
        <translation>Shell-Startdatei: läuft beim Start einer Shell</translation>
    </message>
    <message>
        <source>Scheduled task (cron)</source>
        <translation>Geplante Aufgabe (cron)</translation>
    </message>
    <message>
        <source>Service definition (systemd or init script)</source>
        <translation>Dienstdefinition (systemd oder Init-Skript)</translation>
    </message>
    <message>
        <source>Runs at system start (rc.local)</source>
        <translation>Läuft beim Systemstart (rc.local)</translation>
    </message>
    <message>
        <source>Loaded into every program or run on device events</source>
        <translation>Wird in jedes Programm geladen oder bei Geräteereignissen ausgeführt</translation>
    </message>
</context>
<context>
    <name>PersonalStore</name>
    <message>
        <source>“%1” is not a folder of the personal store. Correct the contract&apos;s Store value.</source>
        <translation>„%1“ ist kein Ordner des persönlichen Speichers. Korrigieren Sie den Store-Wert des Vertrags.</translation>
    </message>
    <message>
        <source>Tessera could not create the personal store at %1. Make sure its parent folder exists and is writable, or choose another store location in Settings.</source>
        <translation>Tessera konnte den persönlichen Speicher unter %1 nicht anlegen. Stellen Sie sicher, dass der übergeordnete Ordner existiert und beschreibbar ist, oder wählen Sie in den Einstellungen einen anderen Speicherort.</translation>
    </message>
    <message>
        <source>Tessera could not open the personal store at %1 (%2). Check its permissions, or choose another store location in Settings.</source>
        <translation>Tessera konnte den persönlichen Speicher unter %1 nicht öffnen (%2). Prüfen Sie seine Zugriffsrechte oder wählen Sie in den Einstellungen einen anderen Speicherort.</translation>
    </message>
    <message>
        <source>Tessera could not create the folder “%1” in the personal store (%2). Check that %3 is writable, or choose another store location in Settings.</source>
        <translation>Tessera konnte den Ordner „%1“ im persönlichen Speicher nicht anlegen (%2). Prüfen Sie, ob %3 beschreibbar ist, oder wählen Sie in den Einstellungen einen anderen Speicherort.</translation>
    </message>
    <message>
        <source>“%1” in the personal store is a symbolic link; Tessera never shares anything through a link, as it could lead outside the store. Replace it with a real folder, then start the appliance again.</source>
        <translation>„%1“ im persönlichen Speicher ist ein symbolischer Link; Tessera gibt nie etwas über einen Link frei, da er aus dem Speicher hinausführen könnte. Ersetzen Sie ihn durch einen echten Ordner und starten Sie die Appliance dann erneut.</translation>
    </message>
    <message>
        <source>“%1” in the personal store is a file, not a folder. Rename it, then start the appliance again.</source>
        <translation>„%1“ im persönlichen Speicher ist eine Datei, kein Ordner. Benennen Sie sie um und starten Sie die Appliance dann erneut.</translation>
    </message>
    <message>
        <source>Tessera could not open the folder “%1” in the personal store (%2). Check its permissions.</source>
        <translation>Tessera konnte den Ordner „%1“ im persönlichen Speicher nicht öffnen (%2). Prüfen Sie seine Zugriffsrechte.</translation>
    </message>
</context>
<context>
    <name>PointsCommand</name>
    <message>
        <source>clean shutdown</source>
        <translation>sauber heruntergefahren</translation>
    </message>
    <message>
        <source>before a roll back</source>
        <translation>vor einem Zurücksetzen</translation>
    </message>
    <message>
        <source>on demand</source>
        <translation>auf Anforderung</translation>
    </message>
    <message>
        <source>Usage: tessera-ctl points APPLIANCE</source>
        <translation>Aufruf: tessera-ctl points APPLIANCE</translation>
    </message>
    <message>
        <source>Usage: tessera-ctl point APPLIANCE [NAME]</source>
        <translation>Aufruf: tessera-ctl point APPLIANCE [NAME]</translation>
    </message>
    <message>
        <source>Usage: tessera-ctl %1 APPLIANCE POINT</source>
        <translation>Aufruf: tessera-ctl %1 APPLIANCE PUNKT</translation>
    </message>
    <message>
        <source>Restore point %1 of %2 taken.</source>
        <translation>Wiederherstellungspunkt %1 von %2 angelegt.</translation>
    </message>
    <message>
        <source>%1 rolled back to its base in %2 ms.</source>
        <translation>%1 wurde in %2 ms auf den Grundzustand zurückgesetzt.</translation>
    </message>
    <message>
        <source>%1 rolled back to restore point %2 in %3 ms.</source>
        <translation>%1 wurde in %3 ms auf Wiederherstellungspunkt %2 zurückgesetzt.</translation>
    </message>
    <message>
        <source>Restore point %1 is pinned: it is never merged away.</source>
        <translation>Wiederherstellungspunkt %1 ist angeheftet: er wird nie zusammengeführt.</translation>
    </message>
    <message>
        <source>Restore point %1 is no longer pinned.</source>
        <translation>Wiederherstellungspunkt %1 ist nicht mehr angeheftet.</translation>
    </message>
    <message>
        <source>%1 has no restore points. They are taken in “keep changes” mode at each clean shutdown, or with tessera-ctl point.</source>
        <translation>%1 hat keine Wiederherstellungspunkte. Sie werden im Modus „Änderungen behalten“ bei jedem sauberen Herunterfahren angelegt, oder mit tessera-ctl point.</translation>
    </message>
    <message>
        <source>no breach</source>
        <translation>kein Vertragsbruch</translation>
    </message>
    <message>
        <source>breach recorded</source>
        <translation>Vertragsbruch festgestellt</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>angeheftet</translation>
    </message>
    <message>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>on base</source>
        <translation>auf dem Grundzustand</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>auf %1</translation>
    </message>
    <message>
        <source>Unpinned points kept: %1.</source>
        <translation>Behaltene nicht angeheftete Punkte: %1.</translation>
    </message>
    <message>
        <source>%1 has no restore point “%2”. Run tessera-ctl points %1 to list them.</source>
        <translation>%1 hat keinen Wiederherstellungspunkt „%2“. Mit tessera-ctl points %1 werden sie aufgelistet.</translation>
    </message>
    <message>
        <source>Several restore points of %1 are called “%2”. Use the number from tessera-ctl points %1.</source>
        <translation>Mehrere Wiederherstellungspunkte von %1 heißen „%2“. Verwenden Sie die Nummer aus tessera-ctl points %1.</translation>
    </message>
</context>
<context>
    <name>PortRange</name>
    <message>
        <source>empty port number</source>
        <translation>leere Portnummer</translation>
    </message>
    <message>
        <source>port %1 is out of range (1–65535)</source>
        <translation>Port %1 liegt außerhalb des gültigen Bereichs (1–65535)</translation>
    </message>
    <message>
        <source>“%1” is not a port: use any, a number 1–65535 or a range A-B</source>
        <translation>„%1“ ist kein Port: Verwenden Sie any, eine Zahl von 1–65535 oder einen Bereich A-B</translation>
    </message>
    <message>
        <source>port range %1 is backwards</source>
        <translation>Portbereich %1 ist vertauscht (Anfang größer als Ende)</translation>
    </message>
</context>
<context>
    <name>PrivateDirectory</name>
    <message>
        <source>Could not open “%1”: %2</source>
        <translation>„%1“ konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>“%1” can be changed by another user, so Tessera keeps no private files in “%2”. Make it belong to you or root and not writable by others, or choose another folder.</source>
        <translation>„%1“ kann von einem anderen Benutzer verändert werden, deshalb legt Tessera in „%2“ keine privaten Dateien ab. Machen Sie es zu Ihrem oder root gehörend und für andere nicht beschreibbar, oder wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>“%1” is not an absolute path.</source>
        <translation>„%1“ ist kein absoluter Pfad.</translation>
    </message>
    <message>
        <source>“%1” does not name a folder.</source>
        <translation>„%1“ bezeichnet keinen Ordner.</translation>
    </message>
    <message>
        <source>Could not create the folder “%1”: %2</source>
        <translation>Der Ordner „%1“ konnte nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>“%1” is a symbolic link, so Tessera does not use it: whoever made it chooses where Tessera&apos;s files go. Remove it and try again.</source>
        <translation>„%1“ ist eine symbolische Verknüpfung, deshalb verwendet Tessera es nicht: Wer sie angelegt hat, bestimmt, wohin Tesseras Dateien gehen. Entfernen Sie sie und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Could not open the folder “%1”: %2</source>
        <translation>Der Ordner „%1“ konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>“%1” belongs to another user, so Tessera does not use it: that user could read or replace what Tessera puts there. Remove it (as its owner or root) and try again.</source>
        <translation>„%1“ gehört einem anderen Benutzer, deshalb verwendet Tessera es nicht: Dieser Benutzer könnte lesen oder ersetzen, was Tessera dort ablegt. Entfernen Sie es (als Eigentümer oder root) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Other users may write to “%1”, so Tessera does not use it: they could have put links there. Remove it and try again.</source>
        <translation>Andere Benutzer dürfen in „%1“ schreiben, deshalb verwendet Tessera es nicht: Sie könnten dort Verknüpfungen abgelegt haben. Entfernen Sie es und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Could not make “%1” private: %2</source>
        <translation>„%1“ konnte nicht privat gemacht werden: %2</translation>
    </message>
    <message>
        <source>“%1” does not name a file.</source>
        <translation>„%1“ bezeichnet keine Datei.</translation>
    </message>
    <message>
        <source>Could not create “%1”: %2</source>
        <translation>„%1“ konnte nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Could not write “%1”: %2</source>
        <translation>„%1“ konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>“%1” is a symbolic link, so Tessera does not read it.</source>
        <translation>„%1“ ist eine symbolische Verknüpfung, deshalb liest Tessera es nicht.</translation>
    </message>
    <message>
        <source>Could not read “%1”: %2</source>
        <translation>„%1“ konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>“%1” is not a plain file, so Tessera does not read it.</source>
        <translation>„%1“ ist keine einfache Datei, deshalb liest Tessera es nicht.</translation>
    </message>
    <message>
        <source>“%1” belongs to another user or others may change it, so Tessera does not read it.</source>
        <translation>„%1“ gehört einem anderen Benutzer oder andere dürfen es ändern, deshalb liest Tessera es nicht.</translation>
    </message>
    <message>
        <source>“%1” is larger than %2 bytes.</source>
        <translation>„%1“ ist größer als %2 Bytes.</translation>
    </message>
</context>
<context>
    <name>QuarantineDialog</name>
    <message>
        <source>Quarantined system of %1</source>
        <translation>System von %1 in Quarantäne</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) salvaged into %1.</source>
        <translation>
            <numerusform>%n Datei nach %1 gerettet.</numerusform>
            <numerusform>%n Dateien nach %1 gerettet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not salvaged: %1</source>
        <translation>Nicht gerettet: %1</translation>
    </message>
    <message>
        <source>Reading the quarantined system in a separate inspector VM…</source>
        <translation>Das System in Quarantäne wird in einer eigenen Prüf-VM gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s); %1 in places where programs start themselves (listed first).</source>
        <translation>
            <numerusform>%n Änderung; %1 an Stellen, von denen aus Programme sich selbst starten (zuerst aufgeführt).</numerusform>
            <numerusform>%n Änderungen; %1 an Stellen, von denen aus Programme sich selbst starten (zuerst aufgeführt).</numerusform>
        </translation>
    </message>
    <message>
        <source>Salvage %1</source>
        <translation>%1 retten</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>starts itself</source>
        <translation>startet sich selbst</translation>
    </message>
    <message>
        <source>Inspect again</source>
        <translation>Erneut untersuchen</translation>
    </message>
    <message>
        <source>Salvage selected</source>
        <translation>Ausgewählte retten</translation>
    </message>
    <message>
        <source>Copy the selected files into your personal store, folder Salvaged, marked as coming from a quarantined system</source>
        <translation>Die ausgewählten Dateien in Ihren persönlichen Datenspeicher kopieren, Ordner Salvaged, markiert als aus einem System in Quarantäne stammend</translation>
    </message>
    <message>
        <source>Purge…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Delete this quarantine?</source>
        <translation>Diese Quarantäne löschen?</translation>
    </message>
    <message>
        <source>The quarantined system of %1 is deleted for good. Files you salvaged stay in your personal store.</source>
        <translation>Das System von %1 in Quarantäne wird endgültig gelöscht. Gerettete Dateien bleiben in Ihrem persönlichen Datenspeicher.</translation>
    </message>
</context>
<context>
    <name>QuarantineInspection</name>
    <message>
        <source>There is no quarantine “%1” of %2. List the quarantines with “tessera-ctl quarantine %2”.</source>
        <translation>Es gibt keine Quarantäne „%1“ von %2. Die Quarantänen listet „tessera-ctl quarantine %2“ auf.</translation>
    </message>
    <message>
        <source>The inspector VM did not come up within %1 minutes. Check that the terminal appliance is built (scripts/setup) and try again.</source>
        <translation>Die Prüf-VM war nach %1 Minuten nicht bereit. Prüfen Sie, ob die Terminal-Appliance gebaut ist (scripts/setup), und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The inspector VM&apos;s agent is not answering. Close the inspection and try again.</source>
        <translation>Der Agent der Prüf-VM antwortet nicht. Schließen Sie die Untersuchung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The inspector VM stopped answering. Close the inspection and try again.</source>
        <translation>Die Prüf-VM antwortet nicht mehr. Schließen Sie die Untersuchung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The inspector could not open the quarantined disk (%1). The disk may be damaged; you can still purge the quarantine.</source>
        <translation>Die Prüf-VM konnte die Platte in Quarantäne nicht öffnen (%1). Die Platte ist womöglich beschädigt; Sie können die Quarantäne trotzdem löschen.</translation>
    </message>
    <message>
        <source>The inspector could not start comparing (%1). Close the inspection and try again.</source>
        <translation>Die Prüf-VM konnte den Vergleich nicht starten (%1). Schließen Sie die Untersuchung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The comparison did not finish in time. The quarantined disk may be very large or damaged; you can still purge it.</source>
        <translation>Der Vergleich wurde nicht rechtzeitig fertig. Die Platte in Quarantäne ist womöglich sehr groß oder beschädigt; Sie können sie trotzdem löschen.</translation>
    </message>
    <message>
        <source>The comparison failed (%1). The quarantined disk may be damaged; you can still purge it.</source>
        <translation>Der Vergleich ist fehlgeschlagen (%1). Die Platte in Quarantäne ist womöglich beschädigt; Sie können sie trotzdem löschen.</translation>
    </message>
    <message>
        <source>The inspector&apos;s report is missing or too large; it was not read. Close the inspection and try again.</source>
        <translation>Der Bericht der Prüf-VM fehlt oder ist zu groß; er wurde nicht gelesen. Schließen Sie die Untersuchung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The inspector&apos;s report could not be read. Close the inspection and try again.</source>
        <translation>Der Bericht der Prüf-VM konnte nicht gelesen werden. Schließen Sie die Untersuchung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Inspect the quarantine before salvaging files from it.</source>
        <translation>Untersuchen Sie die Quarantäne, bevor Sie Dateien daraus retten.</translation>
    </message>
    <message>
        <source>not a plain absolute path</source>
        <translation>kein einfacher absoluter Pfad</translation>
    </message>
    <message>
        <source>not a regular file in the quarantined system</source>
        <translation>keine normale Datei im System in Quarantäne</translation>
    </message>
    <message>
        <source>larger than %1 MiB</source>
        <translation>größer als %1 MiB</translation>
    </message>
    <message>
        <source>could not be read</source>
        <translation>konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>the inspector&apos;s copy was missing or too large</source>
        <translation>die Kopie der Prüf-VM fehlte oder war zu groß</translation>
    </message>
    <message>
        <source>could not be written to the personal store (%1)</source>
        <translation>konnte nicht in den persönlichen Datenspeicher geschrieben werden (%1)</translation>
    </message>
    <message>
        <source>These files were salvaged from a quarantined system of the appliance “%1” (quarantine %2).
That system was taken out of service after an incident: treat these files as untrusted. Open them only with an appliance, not on this computer directly.
</source>
        <translation>Diese Dateien wurden aus einem System der Appliance „%1“ in Quarantäne gerettet (Quarantäne %2).
Dieses System wurde nach einem Vorfall außer Betrieb genommen: Behandeln Sie diese Dateien als nicht vertrauenswürdig. Öffnen Sie sie nur mit einer Appliance, nicht direkt auf diesem Computer.
</translation>
    </message>
</context>
<context>
    <name>QuarantineModel</name>
    <message>
        <source>The inspector needs the “%1” appliance, which is not built. Run scripts/setup.</source>
        <translation>Die Prüf-VM braucht die Appliance „%1“, die nicht gebaut ist. Führen Sie scripts/setup aus.</translation>
    </message>
</context>
<context>
    <name>QuarantineStore</name>
    <message>
        <source>There is no quarantine “%1”. List the quarantines with “tessera-ctl quarantine APPLIANCE”.</source>
        <translation>Es gibt keine Quarantäne „%1“. Die Quarantänen listet „tessera-ctl quarantine APPLIANCE“ auf.</translation>
    </message>
    <message>
        <source>Could not delete the quarantine. Check the permissions of the appliance&apos;s folder and try again.</source>
        <translation>Die Quarantäne konnte nicht gelöscht werden. Prüfen Sie die Rechte am Ordner der Appliance und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>Rate</name>
    <message>
        <source>%1 MiB/s</source>
        <translation>%1 MiB/s</translation>
    </message>
    <message>
        <source>%1 KiB/s</source>
        <translation>%1 KiB/s</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Begrenzung</translation>
    </message>
    <message>
        <source>%1 (peak %2, burst %3)</source>
        <translation>%1 (Spitze %2, Burst %3)</translation>
    </message>
    <message>
        <source>%1 (peak %2)</source>
        <translation>%1 (Spitze %2)</translation>
    </message>
    <message>
        <source>%1 (burst %2)</source>
        <translation>%1 (Burst %2)</translation>
    </message>
</context>
<context>
    <name>ReadyState</name>
    <message>
        <source>Could not prepare the appliance&apos;s ready state. Check that your data folder is writable.</source>
        <translation>Der Bereitschaftszustand der Appliance konnte nicht vorbereitet werden. Prüfen Sie, ob Ihr Datenordner beschreibbar ist.</translation>
    </message>
    <message>
        <source>Could not keep the appliance&apos;s ready state. Check free disk space; the appliance starts from a cold boot until then.</source>
        <translation>Der Bereitschaftszustand der Appliance konnte nicht gespeichert werden. Prüfen Sie den freien Speicherplatz; bis dahin startet die Appliance mit einem Kaltstart.</translation>
    </message>
</context>
<context>
    <name>RecoveryJob</name>
    <message>
        <source>The appliance could not be switched off, so it was not recovered. Try again; if it keeps running, restart Tessera.</source>
        <translation>Die Appliance konnte nicht ausgeschaltet werden und wurde daher nicht wiederhergestellt. Versuchen Sie es erneut; läuft sie weiter, starten Sie Tessera neu.</translation>
    </message>
    <message>
        <source>The appliance has no system changes to quarantine: it is already clean. Start it as usual.</source>
        <translation>Die Appliance hat keine Systemänderungen, die in Quarantäne müssten: Sie ist schon sauber. Starten Sie sie wie gewohnt.</translation>
    </message>
    <message>
        <source>The appliance&apos;s clean image is missing, so it was not recovered. Rebuild the appliances (scripts/setup) and try again.</source>
        <translation>Das saubere Abbild der Appliance fehlt, daher wurde sie nicht wiederhergestellt. Bauen Sie die Appliances neu (scripts/setup) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Could not create the quarantine folder. Check that your data folder is writable and has free space.</source>
        <translation>Der Quarantäne-Ordner konnte nicht angelegt werden. Prüfen Sie, ob Ihr Datenordner beschreibbar ist und freien Platz hat.</translation>
    </message>
    <message>
        <source>Could not move the appliance&apos;s system changes into quarantine; nothing was changed. Check free disk space and permissions, then try again.</source>
        <translation>Die Systemänderungen der Appliance konnten nicht in Quarantäne verschoben werden; nichts wurde verändert. Prüfen Sie freien Plattenplatz und Rechte und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The appliance&apos;s system changes were moved aside but the quarantine could not be completed. Start the appliance again to finish it.</source>
        <translation>Die Systemänderungen der Appliance wurden beiseitegelegt, aber die Quarantäne konnte nicht abgeschlossen werden. Starten Sie die Appliance erneut, um sie abzuschließen.</translation>
    </message>
</context>
<context>
    <name>RecoveryPanel</name>
    <message>
        <source>Stop %1 first: its system cannot change while it runs.</source>
        <translation>Halten Sie %1 zuerst an: Sein System kann sich nicht ändern, während es läuft.</translation>
    </message>
    <message>
        <source>Restore points are kept only in “Keep changes” mode.</source>
        <translation>Wiederherstellungspunkte gibt es nur im Modus „Änderungen behalten“.</translation>
    </message>
    <message>
        <source>Enter a time as YYYY-MM-DD HH:MM.</source>
        <translation>Geben Sie eine Zeit als JJJJ-MM-TT HH:MM ein.</translation>
    </message>
    <message>
        <source>History and recovery of %1</source>
        <translation>Verlauf und Wiederherstellung von %1</translation>
    </message>
    <message>
        <source>%1 changed nothing in your personal files since then.</source>
        <translation>%1 hat seitdem nichts an Ihren persönlichen Dateien geändert.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) restored.</source>
        <translation>
            <numerusform>%n Datei wiederhergestellt.</numerusform>
            <numerusform>%n Dateien wiederhergestellt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) kept as they are.</source>
        <translation>
            <numerusform>%n Datei bleibt, wie sie ist.</numerusform>
            <numerusform>%n Dateien bleiben, wie sie sind.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete this quarantine?</source>
        <translation>Diese Quarantäne löschen?</translation>
    </message>
    <message>
        <source>Recover %1?</source>
        <translation>%1 wiederherstellen?</translation>
    </message>
    <message>
        <source>Roll back %1?</source>
        <translation>%1 zurücksetzen?</translation>
    </message>
    <message>
        <source>The quarantined system changes from %1 are deleted for good. Files you salvaged stay in your personal store.</source>
        <translation>Die Systemänderungen in Quarantäne vom %1 werden endgültig gelöscht. Gerettete Dateien bleiben in Ihrem persönlichen Speicher.</translation>
    </message>
    <message>
        <source>%1&apos;s system goes back to %2. The state it is in now is kept as a restore point, so you can come back to it.
Your personal files are not touched.</source>
        <translation>Das System von %1 kehrt zurück zu %2. Der jetzige Zustand wird als Wiederherstellungspunkt behalten, Sie können also zu ihm zurück.
Ihre persönlichen Dateien bleiben unberührt.</translation>
    </message>
    <message>
        <source>%1&apos;s system goes back to %2; every change made inside it is discarded.
Your personal files are not touched.</source>
        <translation>Das System von %1 kehrt zurück zu %2; jede Änderung darin wird verworfen.
Ihre persönlichen Dateien bleiben unberührt.</translation>
    </message>
    <message>
        <source>Name this restore point</source>
        <translation>Diesen Wiederherstellungspunkt benennen</translation>
    </message>
    <message>
        <source>e.g. before installing plugins</source>
        <translation>z. B. vor der Installation von Plugins</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Personal files</source>
        <translation>Persönliche Dateien</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Fresh every launch</source>
        <translation>Bei jedem Start frisch</translation>
    </message>
    <message>
        <source>Each launch starts from the clean state; nothing the appliance changes in its system survives.</source>
        <translation>Jeder Start beginnt im sauberen Zustand; nichts, was die Appliance an ihrem System ändert, bleibt erhalten.</translation>
    </message>
    <message>
        <source>Keep changes</source>
        <translation>Änderungen behalten</translation>
    </message>
    <message>
        <source>The system persists between launches, with restore points to roll back to.</source>
        <translation>Das System bleibt zwischen den Starts erhalten, mit Wiederherstellungspunkten zum Zurücksetzen.</translation>
    </message>
    <message>
        <source>Restore points</source>
        <translation>Wiederherstellungspunkte</translation>
    </message>
    <message>
        <source>Name (optional)</source>
        <translation>Name (optional)</translation>
    </message>
    <message>
        <source>Take a restore point now</source>
        <translation>Jetzt einen Wiederherstellungspunkt anlegen</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>no breach recorded</source>
        <translation>kein Vertragsbruch verzeichnet</translation>
    </message>
    <message>
        <source>a breach was recorded</source>
        <translation>ein Vertragsbruch wurde verzeichnet</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>angeheftet</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Anheften</translation>
    </message>
    <message>
        <source>Pinned points are never merged away</source>
        <translation>Angeheftete Punkte werden nie zusammengeführt</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Roll back to this point…</source>
        <translation>Auf diesen Punkt zurücksetzen…</translation>
    </message>
    <message>
        <source>the restore point of %1</source>
        <translation>den Wiederherstellungspunkt vom %1</translation>
    </message>
    <message>
        <source>Clean base (as built)</source>
        <translation>Saubere Basis (wie gebaut)</translation>
    </message>
    <message>
        <source>Roll back to the clean base…</source>
        <translation>Auf die saubere Basis zurücksetzen…</translation>
    </message>
    <message>
        <source>its clean base</source>
        <translation>seine saubere Basis</translation>
    </message>
    <message>
        <source>After an incident</source>
        <translation>Nach einem Vorfall</translation>
    </message>
    <message>
        <source>Recover after incident…</source>
        <translation>Nach einem Vorfall wiederherstellen…</translation>
    </message>
    <message>
        <source>Switching off and moving the system&apos;s changes into a quarantine…</source>
        <translation>Ausschalten und die Änderungen am System in Quarantäne verschieben…</translation>
    </message>
    <message>
        <source>No quarantined systems.</source>
        <translation>Keine Systeme in Quarantäne.</translation>
    </message>
    <message numerus="yes">
        <source>%n quarantined system(s):</source>
        <translation>
            <numerusform>%n System in Quarantäne:</numerusform>
            <numerusform>%n Systeme in Quarantäne:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of changes</source>
        <translation>%1 an Änderungen</translation>
    </message>
    <message numerus="yes">
        <source>%n breach(es)</source>
        <translation>
            <numerusform>%n Vertragsbruch</numerusform>
            <numerusform>%n Vertragsbrüche</numerusform>
        </translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>Purge…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>The history of your personal files is empty.</source>
        <translation>Der Verlauf Ihrer persönlichen Dateien ist leer.</translation>
    </message>
    <message numerus="yes">
        <source>The history of your personal files takes %1 for %n change(s), the oldest from %2.</source>
        <translation>
            <numerusform>Der Verlauf Ihrer persönlichen Dateien belegt %1 für %n Änderung, die älteste vom %2.</numerusform>
            <numerusform>Der Verlauf Ihrer persönlichen Dateien belegt %1 für %n Änderungen, die älteste vom %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changes older than %n day(s) are merged away when Tessera starts; the content a later undo needs is kept.</source>
        <translation>
            <numerusform>Änderungen, die älter als %n Tag sind, werden beim Start von Tessera zusammengeführt; was ein späteres Rückgängigmachen braucht, bleibt erhalten.</numerusform>
            <numerusform>Änderungen, die älter als %n Tage sind, werden beim Start von Tessera zusammengeführt; was ein späteres Rückgängigmachen braucht, bleibt erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>What %1 changed in your personal files</source>
        <translation>Was %1 an Ihren persönlichen Dateien geändert hat</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>Verlauf wird gelesen…</translation>
    </message>
    <message>
        <source>No changes recorded.</source>
        <translation>Keine Änderungen verzeichnet.</translation>
    </message>
    <message>
        <source>Click to undo what %1 changed since this change</source>
        <translation>Klicken, um rückgängig zu machen, was %1 seit dieser Änderung geändert hat</translation>
    </message>
    <message>
        <source>Undo what %1 changed since…</source>
        <translation>Rückgängig machen, was %1 geändert hat, seit…</translation>
    </message>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>JJJJ-MM-TT HH:MM</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Since the breach at %1</source>
        <translation>Seit dem Vertragsbruch um %1</translation>
    </message>
    <message>
        <source>conflict: changed later by %1</source>
        <translation>Konflikt: später geändert von %1</translation>
    </message>
    <message>
        <source>gets its earlier content back</source>
        <translation>erhält seinen früheren Inhalt zurück</translation>
    </message>
    <message>
        <source>is removed (%1 created it)</source>
        <translation>wird entfernt (%1 hat sie angelegt)</translation>
    </message>
    <message>
        <source>Keep the current version</source>
        <translation>Aktuelle Fassung behalten</translation>
    </message>
    <message>
        <source>Take the version from before (the current one is kept as a copy)</source>
        <translation>Frühere Fassung nehmen (die aktuelle bleibt als Kopie erhalten)</translation>
    </message>
    <message numerus="yes">
        <source>Undo %n file(s)</source>
        <translation>
            <numerusform>%n Datei zurücksetzen</numerusform>
            <numerusform>%n Dateien zurücksetzen</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes by others are kept. Nothing is overwritten without a copy.</source>
        <translation>Änderungen anderer bleiben erhalten. Nichts wird ohne Kopie überschrieben.</translation>
    </message>
    <message>
        <source>%1 is switched off at once. The changes made inside its system are moved into a quarantine, where you can see what they were and salvage files. It stays off; its next launch starts clean.
Your personal files are not touched.</source>
        <translation>%1 wird sofort ausgeschaltet. Die Änderungen in ihrem System kommen in eine Quarantäne, wo Sie sehen können, was sie waren, und Dateien retten können. Sie bleibt aus; ihr nächster Start beginnt sauber.
Ihre persönlichen Dateien bleiben unberührt.</translation>
    </message>
</context>
<context>
    <name>RemoteDisks</name>
    <message>
        <source>The appliance&apos;s base image on the host cannot be read. Test the connection in Settings and launch again.</source>
        <translation>Das Basisabbild der Appliance auf dem Host kann nicht gelesen werden. Testen Sie die Verbindung in den Einstellungen und starten Sie erneut.</translation>
    </message>
    <message>
        <source>The appliance&apos;s old system disk on the host could not be deleted, so it was not started. Check that it is not in use there, then try again.</source>
        <translation>Die alte Systemplatte der Appliance auf dem Host konnte nicht gelöscht werden, daher wurde sie nicht gestartet. Prüfen Sie, dass sie dort nicht benutzt wird, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The appliance&apos;s system disk could not be made on the host. Check that qemu-img is installed there and that %1 has free space.</source>
        <translation>Die Systemplatte der Appliance konnte auf dem Host nicht angelegt werden. Prüfen Sie, dass qemu-img dort installiert ist und %1 freien Platz hat.</translation>
    </message>
    <message>
        <source>The appliance&apos;s system disk on the host could not be deleted. Check that the appliance is off, then try again.</source>
        <translation>Die Systemplatte der Appliance auf dem Host konnte nicht gelöscht werden. Prüfen Sie, dass die Appliance aus ist, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The appliance&apos;s system changes could not be copied from the host into quarantine here; they are still on the host. Check the connection and free disk space, then recover again.</source>
        <translation>Die Systemänderungen der Appliance konnten nicht vom Host in die Quarantäne hier kopiert werden; sie liegen noch auf dem Host. Prüfen Sie die Verbindung und den freien Speicherplatz und stellen Sie dann erneut wieder her.</translation>
    </message>
    <message>
        <source>The appliance has no system changes on the host: it is already clean. Start it as usual.</source>
        <translation>Die Appliance hat auf dem Host keine Systemänderungen: Sie ist bereits sauber. Starten Sie sie wie gewohnt.</translation>
    </message>
</context>
<context>
    <name>RemoteLaunchJob</name>
    <message>
        <source>The appliance could not be started on the host. See the details; check that QEMU is installed there and enough memory is free, then try again.</source>
        <translation>Die Appliance konnte auf dem Host nicht gestartet werden. Sehen Sie sich die Details an; prüfen Sie, dass QEMU dort installiert und genug Arbeitsspeicher frei ist, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The host did not say where the appliance&apos;s display listens. Report this, with the host&apos;s libvirt version.</source>
        <translation>Der Host hat nicht mitgeteilt, wo die Anzeige der Appliance lauscht. Melden Sie das bitte mit der libvirt-Version des Hosts.</translation>
    </message>
    <message>
        <source>The appliance on the host could not be switched off, so it was not recovered. Check the connection in Settings and try again.</source>
        <translation>Die Appliance auf dem Host konnte nicht ausgeschaltet werden, daher wurde sie nicht wiederhergestellt. Prüfen Sie die Verbindung in den Einstellungen und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>RestorePointModel</name>
    <message>
        <source>Clean shutdown</source>
        <translation>Sauber heruntergefahren</translation>
    </message>
    <message>
        <source>Before a roll back</source>
        <translation>Vor einem Zurücksetzen</translation>
    </message>
    <message>
        <source>Taken on request</source>
        <translation>Auf Anforderung angelegt</translation>
    </message>
</context>
<context>
    <name>RestorePointStore</name>
    <message>
        <source>Could not save the restore point&apos;s details. Check free disk space and that your data folder is writable.</source>
        <translation>Die Angaben zum Wiederherstellungspunkt konnten nicht gespeichert werden. Prüfen Sie den freien Speicherplatz und ob Ihr Datenordner beschreibbar ist.</translation>
    </message>
    <message>
        <source>Could not create the folder for restore points. Check that your data folder is writable.</source>
        <translation>Der Ordner für Wiederherstellungspunkte konnte nicht angelegt werden. Prüfen Sie, ob Ihr Datenordner beschreibbar ist.</translation>
    </message>
    <message>
        <source>Could not start the restore point. Check free disk space and that your data folder is writable.</source>
        <translation>Der Wiederherstellungspunkt konnte nicht begonnen werden. Prüfen Sie den freien Speicherplatz und ob Ihr Datenordner beschreibbar ist.</translation>
    </message>
    <message>
        <source>Could not keep the appliance&apos;s changes as a restore point. Check that your data folder is writable.</source>
        <translation>Die Änderungen der Appliance konnten nicht als Wiederherstellungspunkt behalten werden. Prüfen Sie, ob Ihr Datenordner beschreibbar ist.</translation>
    </message>
    <message>
        <source>There is no restore point “%1”. List the restore points and choose one of them.</source>
        <translation>Es gibt keinen Wiederherstellungspunkt „%1“. Lassen Sie die Wiederherstellungspunkte auflisten und wählen Sie einen davon.</translation>
    </message>
    <message>
        <source>The restore point “%1” was merged away while the current changes were kept. Choose another restore point.</source>
        <translation>Der Wiederherstellungspunkt „%1“ wurde zusammengeführt, während die aktuellen Änderungen behalten wurden. Wählen Sie einen anderen Wiederherstellungspunkt.</translation>
    </message>
    <message>
        <source>Could not save how many restore points to keep. Check that your data folder is writable.</source>
        <translation>Es konnte nicht gespeichert werden, wie viele Wiederherstellungspunkte behalten werden. Prüfen Sie, ob Ihr Datenordner beschreibbar ist.</translation>
    </message>
    <message>
        <source>Could not start merging an old restore point. Check free disk space and that your data folder is writable.</source>
        <translation>Das Zusammenführen eines alten Wiederherstellungspunkts konnte nicht begonnen werden. Prüfen Sie den freien Speicherplatz und ob Ihr Datenordner beschreibbar ist.</translation>
    </message>
    <message>
        <source>Could not merge an old restore point. Check free disk space; the merge is finished at the next start.</source>
        <translation>Ein alter Wiederherstellungspunkt konnte nicht zusammengeführt werden. Prüfen Sie den freien Speicherplatz; das Zusammenführen wird beim nächsten Start abgeschlossen.</translation>
    </message>
    <message>
        <source>There are no kept changes yet to make a restore point of: start the appliance once in “Keep changes” mode, then take one.</source>
        <translation>Es gibt noch keine behaltenen Änderungen für einen Wiederherstellungspunkt: Starten Sie die Appliance einmal im Modus „Änderungen behalten“ und nehmen Sie dann einen auf.</translation>
    </message>
</context>
<context>
    <name>RuntimeDirectory</name>
    <message>
        <source>Could not create a folder for Tessera&apos;s sockets in /tmp: %1</source>
        <translation>In /tmp konnte kein Ordner für Tesseras Sockets angelegt werden: %1</translation>
    </message>
    <message>
        <source>Could not record the folder for Tessera&apos;s sockets in “%1”: %2</source>
        <translation>Der Ordner für Tesseras Sockets konnte nicht in „%1“ vermerkt werden: %2</translation>
    </message>
</context>
<context>
    <name>SeamlessSwitch</name>
    <message>
        <source>Separate windows</source>
        <translation>Getrennte Fenster</translation>
    </message>
    <message>
        <source>Each of its windows appears on your desktop with a coloured border.</source>
        <translation>Jedes ihrer Fenster erscheint mit farbigem Rahmen auf Ihrem Schreibtisch.</translation>
    </message>
    <message>
        <source>It appears as one window showing its whole screen.</source>
        <translation>Sie erscheint als ein Fenster mit ihrem ganzen Bildschirm.</translation>
    </message>
</context>
<context>
    <name>SeamlessWindowManager</name>
    <message>
        <source>[%1] %2</source>
        <comment>seamless window title: appliance, guest window title</comment>
        <translation>[%1] %2</translation>
    </message>
    <message>
        <source>Nothing copied from %1: its guest agent is not connected. Wait until the appliance has started, then copy again.</source>
        <translation>Nichts aus %1 kopiert: Ihr Gast-Agent ist nicht verbunden. Warten Sie, bis die Appliance gestartet ist, und kopieren Sie dann erneut.</translation>
    </message>
    <message>
        <source>Nothing copied from %1: its guest agent is too old for the clipboard. Rebuild the tools disk (scripts/build-appliances --agent) and restart the appliance.</source>
        <translation>Nichts aus %1 kopiert: Ihr Gast-Agent ist zu alt für die Zwischenablage. Bauen Sie den Werkzeugdatenträger neu (scripts/build-appliances --agent) und starten Sie die Appliance neu.</translation>
    </message>
    <message>
        <source>Nothing to paste into %1: copy text first with Ctrl+Shift+C in an appliance window.</source>
        <translation>Nichts zum Einfügen in %1: Kopieren Sie zuerst Text mit Strg+Umschalt+C in einem Appliance-Fenster.</translation>
    </message>
    <message>
        <source>Nothing pasted into %1: its guest agent is not connected. Wait until the appliance has started, then paste again.</source>
        <translation>Nichts in %1 eingefügt: Ihr Gast-Agent ist nicht verbunden. Warten Sie, bis die Appliance gestartet ist, und fügen Sie dann erneut ein.</translation>
    </message>
    <message>
        <source>Nothing pasted into %1: its guest agent is too old for the clipboard. Rebuild the tools disk (scripts/build-appliances --agent) and restart the appliance.</source>
        <translation>Nichts in %1 eingefügt: Ihr Gast-Agent ist zu alt für die Zwischenablage. Bauen Sie den Werkzeugdatenträger neu (scripts/build-appliances --agent) und starten Sie die Appliance neu.</translation>
    </message>
    <message>
        <source>Nothing copied from %1: the selection is empty.</source>
        <translation>Nichts aus %1 kopiert: Die Auswahl ist leer.</translation>
    </message>
    <message>
        <source>Copied from %1</source>
        <translation>Aus %1 kopiert</translation>
    </message>
    <message>
        <source>Nothing copied from %1: %2</source>
        <translation>Nichts aus %1 kopiert: %2</translation>
    </message>
    <message>
        <source>Nothing pasted into %1: the guest did not take the text. Paste again.</source>
        <translation>Nichts in %1 eingefügt: Der Gast hat den Text nicht angenommen. Fügen Sie erneut ein.</translation>
    </message>
    <message>
        <source>Pasted into %1 (copied from %2). Paste it there with the program&apos;s paste key, e.g. Shift+Insert in a terminal.</source>
        <translation>In %1 eingefügt (kopiert aus %2). Fügen Sie ihn dort mit der Einfüge-Taste des Programms ein, z. B. Umschalt+Einfg in einem Terminal.</translation>
    </message>
    <message>
        <source>%1 Its windows are closed until the appliance is restarted. If you did not expect this, stop the appliance and roll it back.</source>
        <translation>%1 Ihre Fenster bleiben geschlossen, bis die Appliance neu gestartet wird. Wenn Sie das nicht erwartet haben, halten Sie die Appliance an und setzen Sie sie zurück.</translation>
    </message>
    <message>
        <source>Nothing copied from %1: its contract allows no clipboard. Choose an appliance whose contract allows it for this job.</source>
        <translation>Nichts aus %1 kopiert: ihr Vertrag erlaubt keine Zwischenablage. Wählen Sie für diese Aufgabe eine Appliance, deren Vertrag sie erlaubt.</translation>
    </message>
    <message>
        <source>Nothing pasted into %1: its contract allows no clipboard. Choose an appliance whose contract allows it for this job.</source>
        <translation>Nichts in %1 eingefügt: ihr Vertrag erlaubt keine Zwischenablage. Wählen Sie für diese Aufgabe eine Appliance, deren Vertrag sie erlaubt.</translation>
    </message>
    <message>
        <source>The appliance placed a pop-up window without a frame over a window that is not its own (Tessera&apos;s, another appliance&apos;s or another program&apos;s); it is shown as a normal, framed window. If you did not expect this, stop the appliance and roll it back.</source>
        <translation>Die Appliance hat ein Pop-up-Fenster ohne Rahmen über ein Fenster gelegt, das nicht ihr eigenes ist (eines von Tessera, einer anderen Appliance oder eines anderen Programms); es wird als normales, umrahmtes Fenster angezeigt. Wenn Sie das nicht erwartet haben, halten Sie die Appliance an und setzen Sie sie zurück.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>libvirt URI:</source>
        <translation>libvirt-URI:</translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation>Standard (%1)</translation>
    </message>
    <message>
        <source>libvirt connection URI</source>
        <translation>libvirt-Verbindungs-URI</translation>
    </message>
    <message>
        <source>Accelerator:</source>
        <translation>Beschleuniger:</translation>
    </message>
    <message>
        <source>Automatic (KVM when it really works)</source>
        <translation>Automatisch (KVM, wenn es wirklich funktioniert)</translation>
    </message>
    <message>
        <source>KVM (hardware virtualisation)</source>
        <translation>KVM (Hardware-Virtualisierung)</translation>
    </message>
    <message>
        <source>TCG (software emulation, slower)</source>
        <translation>TCG (Software-Emulation, langsamer)</translation>
    </message>
    <message>
        <source>Accelerator</source>
        <translation>Beschleuniger</translation>
    </message>
    <message>
        <source>In use now: %1 on %2. Changes apply when Tessera starts again.</source>
        <translation>Derzeit verwendet: %1 auf %2. Änderungen gelten nach dem nächsten Start von Tessera.</translation>
    </message>
    <message>
        <source>Personal store</source>
        <translation>Persönlicher Speicher</translation>
    </message>
    <message>
        <source>Store folder:</source>
        <translation>Speicherordner:</translation>
    </message>
    <message>
        <source>Default (store in Tessera&apos;s data folder)</source>
        <translation>Standard (store im Datenordner von Tessera)</translation>
    </message>
    <message>
        <source>Personal store folder</source>
        <translation>Ordner des persönlichen Speichers</translation>
    </message>
    <message>
        <source>Enter a full path starting with /, such as /home/you/Tessera, or leave it empty for the default.</source>
        <translation>Geben Sie einen vollständigen Pfad ein, der mit / beginnt, etwa /home/sie/Tessera, oder lassen Sie das Feld für den Standard leer.</translation>
    </message>
    <message>
        <source>Appliances see only the folders of this store that their contract mounts. Changes apply when Tessera starts again.</source>
        <translation>Appliances sehen nur die Ordner dieses Speichers, die ihr Vertrag einbindet. Änderungen gelten beim nächsten Start von Tessera.</translation>
    </message>
    <message>
        <source>Leave empty for the default. Remote hosts go in the list below.</source>
        <translation>Leer lassen für den Standard. Entfernte Hosts kommen in die Liste darunter.</translation>
    </message>
</context>
<context>
    <name>SpiceConnection</name>
    <message>
        <source>The guest display closed the connection.</source>
        <translation>Die Gastanzeige hat die Verbindung geschlossen.</translation>
    </message>
    <message>
        <source>Could not connect to the guest display at %1.</source>
        <translation>Verbindung zur Gastanzeige unter %1 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The secure connection to the guest display failed.</source>
        <translation>Die sichere Verbindung zur Gastanzeige ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The guest display refused the connection (incompatible SPICE server).</source>
        <translation>Die Gastanzeige hat die Verbindung abgelehnt (inkompatibler SPICE-Server).</translation>
    </message>
    <message>
        <source>The guest display asked for a password, which Tessera does not use.</source>
        <translation>Die Gastanzeige hat ein Passwort verlangt, das Tessera nicht verwendet.</translation>
    </message>
    <message>
        <source>The connection to the guest display was lost.</source>
        <translation>Die Verbindung zur Gastanzeige wurde unterbrochen.</translation>
    </message>
    <message>
        <source>No guest display socket was given.</source>
        <translation>Es wurde kein Socket für die Gastanzeige angegeben.</translation>
    </message>
</context>
<context>
    <name>SshTunnel</name>
    <message>
        <source>Appliances run on another host only over ssh (qemu+ssh://user@host/system): its display and network travel through the ssh connection. Add the host with such a URI.</source>
        <translation>Appliances laufen auf einem anderen Host nur über ssh (qemu+ssh://benutzer@host/system): Anzeige und Netzwerk gehen durch die ssh-Verbindung. Fügen Sie den Host mit einer solchen URI hinzu.</translation>
    </message>
    <message>
        <source>The ssh connection to %1 that carries the appliance&apos;s display and network could not be set up. Check that you can log in with “ssh %2” without a password prompt and that the host&apos;s ssh server allows forwarding, then try again.</source>
        <translation>Die ssh-Verbindung zu %1, die Anzeige und Netzwerk der Appliance trägt, konnte nicht aufgebaut werden. Prüfen Sie, dass Sie sich mit „ssh %2“ ohne Passwortabfrage anmelden können und der ssh-Server des Hosts Weiterleitungen erlaubt, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The appliance&apos;s display could not be forwarded from %1 over ssh. Check that the host&apos;s ssh server allows forwarding (AllowStreamLocalForwarding), then launch it again.</source>
        <translation>Die Anzeige der Appliance konnte nicht von %1 über ssh weitergeleitet werden. Prüfen Sie, dass der ssh-Server des Hosts Weiterleitungen erlaubt (AllowStreamLocalForwarding), und starten Sie sie erneut.</translation>
    </message>
</context>
<context>
    <name>StoreCommand</name>
    <message>
        <source>created</source>
        <translation>angelegt</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>“%1” is not a time. Give an ISO 8601 time or an age such as 30m, 2h or 1d.</source>
        <translation>„%1“ ist keine Zeitangabe. Geben Sie eine Zeit nach ISO 8601 oder ein Alter wie 30m, 2h oder 1d an.</translation>
    </message>
    <message>
        <source>Usage: tessera-ctl history [APPLIANCE] [--since WHEN]</source>
        <translation>Aufruf: tessera-ctl history [APPLIANCE] [--since WANN]</translation>
    </message>
    <message>
        <source>The Tessera shell is running and keeping the store&apos;s history. Undo from its recovery panel, or quit it first.</source>
        <translation>Die Tessera-Oberfläche läuft und führt den Verlauf des Datenspeichers. Machen Sie es in ihrer Wiederherstellungsansicht rückgängig oder beenden Sie sie zuerst.</translation>
    </message>
    <message>
        <source>remove (it created it)</source>
        <translation>entfernen (sie hat die Datei angelegt)</translation>
    </message>
    <message>
        <source>restore the earlier content</source>
        <translation>früheren Inhalt wiederherstellen</translation>
    </message>
    <message>
        <source>would	%1	%2</source>
        <translation>würde	%1	%2</translation>
    </message>
    <message>
        <source>undo	%1	%2</source>
        <translation>rückgängig	%1	%2</translation>
    </message>
    <message>
        <source>%1 changed nothing in the store since %2.</source>
        <translation>%1 hat seit %2 nichts im Datenspeicher geändert.</translation>
    </message>
    <message numerus="yes">
        <source>Undone: %n file(s).</source>
        <translation>
            <numerusform>Rückgängig gemacht: %n Datei.</numerusform>
            <numerusform>Rückgängig gemacht: %n Dateien.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: tessera-ctl undo APPLIANCE --since WHEN [--dry-run] [--take-earlier PATH]... [--keep-current PATH]... [--overwrite-conflicts]
WHEN is an ISO 8601 time or an age such as 30m, 2h or 1d. A conflict (a file changed later by someone else)
keeps its current version unless --take-earlier names it (or --overwrite-conflicts, for all): then the
current version is kept as a copy &quot;name (kept YYYY-MM-DD HH.MM).ext&quot; beside it.</source>
        <translation>Aufruf: tessera-ctl undo APPLIANCE --since WANN [--dry-run] [--take-earlier PFAD]... [--keep-current PFAD]... [--overwrite-conflicts]
WANN ist eine Zeit nach ISO 8601 oder ein Alter wie 30m, 2h oder 1d. Ein Konflikt (eine Datei, die später jemand anderes
geändert hat) behält ihre aktuelle Fassung, außer --take-earlier nennt sie (oder --overwrite-conflicts, für alle): dann
bleibt die aktuelle Fassung als Kopie &quot;name (kept JJJJ-MM-TT HH.MM).ext&quot; daneben erhalten.</translation>
    </message>
    <message>
        <source>conflict	%1	changed later by %2: left as it is (--take-earlier %1 to restore it, keeping the current one as a copy)</source>
        <translation>Konflikt	%1	später von %2 geändert: bleibt, wie es ist (--take-earlier %1 stellt es wieder her und behält die aktuelle Fassung als Kopie)</translation>
    </message>
    <message>
        <source>the current one is kept as %1</source>
        <translation>die aktuelle Fassung bleibt als %1 erhalten</translation>
    </message>
    <message>
        <source>changed	%1	changed since the history was read: left as it is</source>
        <translation>geändert	%1	seit dem Lesen des Verlaufs geändert: so belassen</translation>
    </message>
</context>
<context>
    <name>StoreFiles</name>
    <message>
        <source>%1 is not a file of the personal store.</source>
        <translation>%1 ist keine Datei des persönlichen Datenspeichers.</translation>
    </message>
    <message>
        <source>%1 was not written: a folder on its way is a link or could not be created. Check the folder, then try again.</source>
        <translation>%1 wurde nicht geschrieben: Ein Ordner auf dem Weg dorthin ist ein Verweis oder konnte nicht angelegt werden. Prüfen Sie den Ordner und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 was not written: its folder is not writable, or its staging names are all taken. Check the folder, then try again.</source>
        <translation>%1 wurde nicht geschrieben: Der Ordner ist nicht beschreibbar, oder alle Namen für die Zwischendatei sind belegt. Prüfen Sie den Ordner und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 was not written. Check that the disk is not full.</source>
        <translation>%1 wurde nicht geschrieben. Prüfen Sie, ob der Datenträger voll ist.</translation>
    </message>
    <message>
        <source>%1 was not removed: a folder on its way is a link. Remove it by hand if you want it gone.</source>
        <translation>%1 wurde nicht entfernt: Ein Ordner auf dem Weg dorthin ist ein Verweis. Entfernen Sie die Datei von Hand, wenn sie weg soll.</translation>
    </message>
    <message>
        <source>%1 could not be removed. Check its permissions.</source>
        <translation>%1 konnte nicht entfernt werden. Prüfen Sie die Zugriffsrechte.</translation>
    </message>
</context>
<context>
    <name>StoreHistory</name>
    <message>
        <source>“%1” is not a time.</source>
        <translation>„%1“ ist keine Zeitangabe.</translation>
    </message>
</context>
<context>
    <name>StoreHistoryModel</name>
    <message>
        <source>you, on this computer</source>
        <translation>Sie, auf diesem Computer</translation>
    </message>
    <message>
        <source>unknown (changed while Tessera was not running, or by several appliances)</source>
        <translation>unbekannt (geändert, während Tessera nicht lief, oder von mehreren Appliances)</translation>
    </message>
    <message>
        <source>undo of %1</source>
        <translation>Rückgängigmachen von %1</translation>
    </message>
    <message>
        <source>created</source>
        <translation>angelegt</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
</context>
<context>
    <name>StoreJournal</name>
    <message>
        <source>The store&apos;s history folder %1 cannot be created. Check that the disk is not full and the folder is writable.</source>
        <translation>Der Verlaufsordner des Datenspeichers %1 kann nicht angelegt werden. Prüfen Sie, ob der Datenträger voll und der Ordner beschreibbar ist.</translation>
    </message>
    <message>
        <source>The store&apos;s history %1 cannot be read. Check its permissions.</source>
        <translation>Der Verlauf des Datenspeichers %1 kann nicht gelesen werden. Prüfen Sie seine Zugriffsrechte.</translation>
    </message>
    <message>
        <source>The store&apos;s history %1 cannot be written. Check that the disk is not full.</source>
        <translation>Der Verlauf des Datenspeichers %1 kann nicht geschrieben werden. Prüfen Sie, ob der Datenträger voll ist.</translation>
    </message>
    <message>
        <source>The store&apos;s history cannot keep a copy of %1. Check that the disk is not full.</source>
        <translation>Der Verlauf des Datenspeichers kann keine Kopie von %1 behalten. Prüfen Sie, ob der Datenträger voll ist.</translation>
    </message>
    <message>
        <source>Another Tessera shell is keeping the store&apos;s history. Quit it, then start this one again.</source>
        <translation>Eine andere Tessera-Oberfläche führt bereits den Verlauf des Datenspeichers. Beenden Sie sie und starten Sie diese erneut.</translation>
    </message>
    <message>
        <source>%1 exists already, so the current version of %2 cannot be kept under that name. Nothing was undone; preview the undo again.</source>
        <translation>%1 gibt es schon, daher kann die aktuelle Fassung von %2 nicht unter diesem Namen behalten werden. Nichts wurde rückgängig gemacht; sehen Sie sich die Vorschau erneut an.</translation>
    </message>
    <message>
        <source>%1 could not be restored: its earlier content is missing from the history.</source>
        <translation>%1 konnte nicht wiederhergestellt werden: Der frühere Inhalt fehlt im Verlauf.</translation>
    </message>
</context>
<context>
    <name>TesseraPaths</name>
    <message>
        <source>“%1” is not in Tessera&apos;s runtime folder “%2” any more. Restart Tessera.</source>
        <translation>„%1“ liegt nicht mehr in Tesseras Laufzeitordner „%2“. Starten Sie Tessera neu.</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Tessera</source>
        <translation>Tessera</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>(%n breach(es))</source>
        <translation>
            <numerusform>(%n Vertragsbruch)</numerusform>
            <numerusform>(%n Vertragsbrüche)</numerusform>
        </translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Ausschalten</translation>
    </message>
    <message>
        <source>No appliance is running.</source>
        <translation>Keine Appliance läuft.</translation>
    </message>
    <message numerus="yes">
        <source>%n contract breach(es) on record.</source>
        <translation>
            <numerusform>%n Vertragsbruch verzeichnet.</numerusform>
            <numerusform>%n Vertragsbrüche verzeichnet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show %n breach(es)…</source>
        <translation>
            <numerusform>%n Vertragsbruch zeigen…</numerusform>
            <numerusform>%n Vertragsbrüche zeigen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Show Tessera</source>
        <translation>Tessera zeigen</translation>
    </message>
    <message>
        <source>Quit Tessera</source>
        <translation>Tessera beenden</translation>
    </message>
</context>
<context>
    <name>TrustColorStore</name>
    <message>
        <source>That is not a colour.</source>
        <translation>Das ist keine Farbe.</translation>
    </message>
    <message>
        <source>This colour is too close to %1&apos;s; appliances must be easy to tell apart. Choose another one, or change %1&apos;s colour first.</source>
        <translation>Diese Farbe ist der von %1 zu ähnlich; Appliances müssen leicht zu unterscheiden sein. Wählen Sie eine andere oder ändern Sie zuerst die Farbe von %1.</translation>
    </message>
</context>
<context>
    <name>VolumeUpload</name>
    <message>
        <source>Could not make the storage pool %1 at %2 on the host. Check that the folder can be created there.</source>
        <translation>Der Speicherpool %1 konnte auf dem Host nicht unter %2 angelegt werden. Prüfen Sie, ob der Ordner dort angelegt werden kann.</translation>
    </message>
    <message>
        <source>Could not start the storage pool %1 on the host. Check that %2 exists there and is a folder.</source>
        <translation>Der Speicherpool %1 konnte auf dem Host nicht gestartet werden. Prüfen Sie, ob %2 dort existiert und ein Ordner ist.</translation>
    </message>
    <message>
        <source>Not connected to the host. Test the connection in Settings.</source>
        <translation>Keine Verbindung zum Host. Testen Sie die Verbindung in den Einstellungen.</translation>
    </message>
    <message>
        <source>Could not read %1. Build the appliance again (scripts/build-appliances).</source>
        <translation>%1 konnte nicht gelesen werden. Bauen Sie die Appliance neu (scripts/build-appliances).</translation>
    </message>
    <message>
        <source>Could not start copying %1 to the host. Check free space in %2 there.</source>
        <translation>Das Kopieren von %1 auf den Host konnte nicht beginnen. Prüfen Sie den freien Platz in %2 dort.</translation>
    </message>
    <message>
        <source>Could not read %1 while copying it to the host.</source>
        <translation>%1 konnte beim Kopieren auf den Host nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Copying %1 to the host broke off. Check the connection and free space on the host, then try again.</source>
        <translation>Das Kopieren von %1 auf den Host brach ab. Prüfen Sie die Verbindung und den freien Platz auf dem Host und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The host did not confirm the copy of %1. Try again.</source>
        <translation>Der Host hat die Kopie von %1 nicht bestätigt. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Copied %1, but could not mark the copy as complete on the host.</source>
        <translation>%1 wurde kopiert, aber die Kopie konnte auf dem Host nicht als vollständig markiert werden.</translation>
    </message>
</context>
<context>
    <name>WindowTracker</name>
    <message>
        <source>The guest agent sent an invalid window update; seamless windows stop until the appliance is restarted.</source>
        <translation>Der Gast-Agent hat eine ungültige Fensteraktualisierung gesendet; nahtlose Fenster sind bis zum Neustart der Appliance angehalten.</translation>
    </message>
    <message>
        <source>The appliance opened more than %1 windows; the rest are not shown. If you did not expect this, stop the appliance and roll it back.</source>
        <translation>Die Appliance hat mehr als %1 Fenster geöffnet; die übrigen werden nicht angezeigt. Wenn Sie das nicht erwartet haben, halten Sie die Appliance an und setzen Sie sie zurück.</translation>
    </message>
    <message>
        <source>The appliance tried to cover the screen with an undecorated window; it is shown as a normal, framed window. If you did not expect this, stop the appliance and roll it back.</source>
        <translation>Die Appliance wollte den Bildschirm mit einem rahmenlosen Fenster überdecken; es wird als normales, umrahmtes Fenster angezeigt. Wenn Sie das nicht erwartet haben, halten Sie die Appliance an und setzen Sie sie zurück.</translation>
    </message>
    <message>
        <source>The guest agent sent an invalid window removal; seamless windows stop until the appliance is restarted.</source>
        <translation>Der Gast-Agent hat eine ungültige Fensterentfernung gesendet; nahtlose Fenster sind bis zum Neustart der Appliance angehalten.</translation>
    </message>
    <message>
        <source>The guest agent sent an invalid window stack; seamless windows stop until the appliance is restarted.</source>
        <translation>Der Gast-Agent hat eine ungültige Fensterreihenfolge gesendet; nahtlose Fenster sind bis zum Neustart der Appliance angehalten.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>libvirt connection URI.</source>
        <translation>libvirt-Verbindungs-URI.</translation>
    </message>
    <message>
        <source>What to do.</source>
        <translation>Auszuführender Befehl.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>A desktop of isolated appliances.</source>
        <translation>Ein Desktop aus isolierten Appliances.</translation>
    </message>
    <message>
        <source>Accelerator: auto, tcg or kvm.</source>
        <translation>Beschleuniger: auto, tcg oder kvm.</translation>
    </message>
    <message>
        <source>Run on the other host NAME (added in the shell&apos;s Settings → Connections) instead of this computer.</source>
        <translation>Auf dem anderen Host NAME (in den Einstellungen der Oberfläche unter Verbindungen hinzugefügt) statt auf diesem Computer ausführen.</translation>
    </message>
    <message>
        <source>There is no host called “%1”. Add it in the shell&apos;s Settings → Connections, or give its URI with --uri.</source>
        <translation>Es gibt keinen Host namens „%1“. Fügen Sie ihn in den Einstellungen der Oberfläche unter Verbindungen hinzu oder geben Sie seine URI mit --uri an.</translation>
    </message>
    <message>
        <source>Also print what Tessera does on the way (its log).</source>
        <translation>Auch ausgeben, was Tessera dabei tut (sein Protokoll).</translation>
    </message>
    <message>
        <source>Manage Tessera appliances.

Commands:
  list                 list the appliances, their state and, while one
                       runs, its ports here (GUEST=127.0.0.1:HOST)
  start APPLIANCE      boot an appliance
  stop APPLIANCE       shut an appliance down
  rollback APPLIANCE [POINT]  discard the changes to an appliance&apos;s system
                       disk, or go back to a restore point (id, name or base)
  points APPLIANCE     list the restore points (keep-changes mode)
  point APPLIANCE [NAME]  take a restore point (appliance off)
  pin|unpin APPLIANCE POINT  keep a point from being merged away, or not
  mode APPLIANCE [fresh|keep]  show or set the launch mode: start clean
                       every time (fresh, the default) or keep changes
  events [--follow] [--json] [APPLIANCE]  contract breaches seen by
                       the shell, with their evidence
  history [APPLIANCE] [--since WHEN]  who changed what in your store
  undo APPLIANCE --since WHEN [--dry-run] [--take-earlier PATH]...
       [--keep-current PATH]... [--overwrite-conflicts]
                       undo what an appliance changed in your store
  recover APPLIANCE [REASON]  switch off at once, quarantine its system
                       changes, restore a clean system
  quarantine APPLIANCE [ID [--inspect]]  list quarantines, or what one
                       changed (read inside a helper VM)
  salvage APPLIANCE ID PATH...  copy files of a quarantined system into
                       the personal store (Salvaged/)
  purge APPLIANCE ID   delete a quarantine
  import PATH [--name NAME]  import an appliance from an .ova archive or
                       an .ovf descriptor (refused when its contract is)
  contract check FILE...            validate OVF descriptors
  contract show [--json] FILE       what an appliance may do
  contract compare [--json] A B     which contract is tighter</source>
        <translation>Tessera-Appliances verwalten.

Befehle:
  list                 Appliances, ihren Zustand und, solange eine läuft,
                       ihre Ports hier auflisten (GAST=127.0.0.1:HOST)
  start APPLIANCE      eine Appliance starten
  stop APPLIANCE       eine Appliance herunterfahren
  rollback APPLIANCE [PUNKT]  Änderungen an der Systemplatte verwerfen oder
                       zu einem Wiederherstellungspunkt zurückkehren (ID, Name oder base)
  points APPLIANCE     Wiederherstellungspunkte auflisten (Modus „Änderungen behalten“)
  point APPLIANCE [NAME]  einen Wiederherstellungspunkt anlegen (Appliance aus)
  pin|unpin APPLIANCE PUNKT  einen Punkt vor dem Zusammenführen schützen oder nicht
  mode APPLIANCE [fresh|keep]  Startmodus zeigen oder setzen: jedes Mal
                       sauber starten (fresh, Standard) oder Änderungen behalten
  events [--follow] [--json] [APPLIANCE]  Vertragsbrüche, die die Shell
                       gesehen hat, mit ihren Belegen
  history [APPLIANCE] [--since WANN]  wer was in Ihrem Datenspeicher geändert hat
  undo APPLIANCE --since WANN [--dry-run] [--take-earlier PFAD]...
       [--keep-current PFAD]... [--overwrite-conflicts]
                       rückgängig machen, was eine Appliance im Datenspeicher geändert hat
  recover APPLIANCE [GRUND]  sofort ausschalten, die Systemänderungen in
                       Quarantäne stellen, ein sauberes System herstellen
  quarantine APPLIANCE [ID [--inspect]]  Quarantänen auflisten oder zeigen,
                       was eine geändert hat (gelesen in einer Hilfs-VM)
  salvage APPLIANCE ID PFAD...  Dateien eines Systems in Quarantäne in den
                       persönlichen Datenspeicher kopieren (Salvaged/)
  purge APPLIANCE ID   eine Quarantäne löschen
  import PFAD [--name NAME]  eine Appliance aus einem .ova-Archiv oder einer
                       .ovf-Beschreibung importieren (abgelehnt, wenn ihr Vertrag es ist)
  contract check FILE...            OVF-Beschreibungen prüfen
  contract show [--json] FILE       was eine Appliance darf
  contract compare [--json] A B     welcher Vertrag enger ist</translation>
    </message>
</context>
</TS>
