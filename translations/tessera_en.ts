<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Tessera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tessera %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs each program you do not fully trust in its own appliance virtual machine, held to a contract you see before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tessera is free software: you may share and change it under the GNU General Public License, version 3 or later (%1). It comes with no warranty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The full licence texts are in /usr/share/common-licenses on Debian.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Accelerator</name>
    <message>
        <source>KVM (hardware virtualisation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCG (software emulation, slower)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentChannel</name>
    <message>
        <source>The guest agent sent malformed data: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest agent sent an invalid Hello.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest agent speaks protocol version %1; this host speaks version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest agent sent a Hello that is not valid UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest agent sent an invalid session state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest agent sent an invalid Pong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest agent sent an invalid Exec result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest agent sent %1 bytes of Exec output; the limit is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest agent sent a message only the host may send (type %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest agent sent an invalid clipboard result.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentFrameDecoder</name>
    <message>
        <source>bad magic 0x%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payload of %1 bytes exceeds the limit of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message type %1 has more than %2 fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message type %1: truncated field length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message type %1: field lengths exceed the payload length %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplianceCard</name>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract rejected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Starting… %n s</source>
        <translation>
            <numerusform>Starting… %n s</numerusform>
            <numerusform>Starting… %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard every change to this appliance&apos;s system and return to its clean state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes to this appliance&apos;s system are kept between launches until you roll back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every launch starts from the clean state; nothing the appliance changes in its system survives</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Broke its contract %n time(s): %1</source>
        <translation>
            <numerusform>Broke its contract %n time: %1</numerusform>
            <numerusform>Broke its contract %n times: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Recover…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After an incident: switch off at once, keep the system&apos;s changes in quarantine to inspect, start clean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History and recovery…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported. Without the Tessera guest agent it runs in one window showing its whole desktop (Show), without seamless windows; it counts as running once its display shows a picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the appliance to move it to another host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The computer this appliance runs on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplianceColorSettings</name>
    <message>
        <source>Appliance colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each appliance&apos;s windows are framed in its colour. Colours that are hard to tell apart are refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current colour of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use %1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplianceImporter</name>
    <message>
        <source>“%1” is not a file. Choose an .ovf descriptor or an .ova archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is too large to be an OVF descriptor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a readable OVA (tar) archive: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” holds more than one .ovf descriptor; an appliance has exactly one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” holds no usable .ovf descriptor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The descriptor in “%1” is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the descriptor in “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the contract has a required section Tessera does not understand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” holds the member “%2”, whose name has a folder, an absolute path or “..”. Tessera refuses such archives; ask the publisher for a clean one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” holds “%2”, which is a link or special file, not a plain file. Tessera refuses such archives; ask the publisher for a clean one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” holds “%2” twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” holds “%2”, which its descriptor does not reference. Tessera refuses archives with unexpected content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” does not hold “%2”, which its descriptor needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the manifest in “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package is %1 MiB, more than the %2 MiB Tessera imports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manifest names “%1”, which is not in the package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot name an appliance: use 1 to 32 lower-case letters, digits and “-” (tessera-ctl import PATH --name NAME).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already an appliance called “%1”; nothing was changed. Import it under another name (--name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qemu-img cannot read the disk as %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk refers to another file (a backing file). Tessera imports self-contained disks only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk keeps its data in another file (a qcow2 data file). Tessera imports self-contained disks only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is split over other files (extents). Tessera imports self-contained disks only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Converting the disk took too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Converting the disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qemu-img could not convert the disk: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is being imported already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is not enough free space in “%1” for this appliance (%2 MiB needed). Free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not copy the kernel and initrd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the appliance&apos;s descriptor into “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not move the imported appliance into place at “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”, which the descriptor needs, is missing beside it or is not a plain file (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the manifest “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying the package&apos;s files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not unpack “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not copy “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplianceInfo</name>
    <message>
        <source>%1: the descriptor describes no virtual system.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplianceListModel</name>
    <message>
        <source>There is no appliance called “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no connection called “%1”. Add it under Settings → Connections first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the appliance before moving it to another host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 runs on %2. Stop it before removing this connection.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplianceMonitor</name>
    <message>
        <source>%1 % of a core over the last %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused at %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplianceSession</name>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolling back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>appliance state</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be launched: its contract was rejected.
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing fast starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <comment>appliance state</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The personal folder for %1 could not be made available inside %2, so the app does not see its files. Stop the appliance and launch it again; if it keeps failing, roll it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered from the shell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over SSH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on another computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your personal folders stay on this computer: on %1 this appliance gets none of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolled back. The changes its system had are kept as a restore point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolled back: its system is in its clean state again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered: what its system changed is in quarantine %1. It stays off; its next launch starts clean.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplianceVm</name>
    <message>
        <source>Not connected to the hypervisor. Check the connection in Settings and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appliance “%1” has not been built yet. Run scripts/setup to build it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hypervisor refused the appliance&apos;s definition. See the details, and report it if it persists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appliance could not be started. Check that QEMU is installed and enough memory is free, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appliance did not accept the shutdown request; it will be switched off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appliance could not be switched off. Try again; if it keeps running, restart Tessera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the appliance before rolling it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 describes no virtual system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appliance&apos;s network gateway could not be started, so the appliance was not started. Check that tessera-gateway is installed next to tessera, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network filter for the appliance&apos;s contract could not be set up. Check that libvirt&apos;s network filter driver is running, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appliance could not be paused. Stop it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appliance could not be resumed. Stop it and launch it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shared folder %1 is not inside the personal store %2. Open Settings, check the store location, and start the appliance again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the appliance first; its restore points can change only while it is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore points are kept only when the appliance keeps its changes. Switch it to “keep changes” first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the appliance to take a restore point; it cannot be taken while the appliance runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No restore point was taken: nothing changed since the last one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No restore point was taken: a contract breach was recorded while these changes were made. Check the breaches; take a point by hand if you trust this state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore points are used only when the appliance keeps its changes. Switch it to “keep changes” first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appliance is busy starting or rolling back. Wait until it has finished, then recover it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore points are kept only for appliances on this computer; %1 runs on %2. Move it back to This computer to use them, or roll it back to its clean state.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BreachEvent</name>
    <message>
        <source>%1 was changed although you never used this appliance; its contract expects changes only within %2 s of your input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was changed %2 s after your last input; its contract expects changes only within %3 s of your input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was read although you never used this appliance; its contract expects reads only within %2 s of your input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was read %2 s after your last input; its contract expects reads only within %3 s of your input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was written at %2 B/s; its contract allows %3 B/s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection to %1 was refused: the contract does not allow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appliance used %1 % of a CPU core; its contract allows %2 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 connections were refused in a short time: the appliance may be probing the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appliance opened %1 windows; its contract allows %2 at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window “%1” covered the whole screen, which the contract denies; it was not shown and was made smaller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>It happened %n more time(s) within %1 s.</source>
        <translation>
            <numerusform>It happened %n more time within %1 s.</numerusform>
            <numerusform>It happened %n more times within %1 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>And %n more refused destination(s) within %1 s.</source>
        <translation>
            <numerusform>And %n more refused destination within %1 s.</numerusform>
            <numerusform>And %n more refused destinations within %1 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>And %n more store folder(s) within %1 s.</source>
        <translation>
            <numerusform>And %n more store folder within %1 s.</numerusform>
            <numerusform>And %n more store folders within %1 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>And %n more mount(s) within %1 s.</source>
        <translation>
            <numerusform>And %n more mount within %1 s.</numerusform>
            <numerusform>And %n more mounts within %1 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>And %n more window(s) within %1 s.</source>
        <translation>
            <numerusform>And %n more window within %1 s.</numerusform>
            <numerusform>And %n more windows within %1 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>And %n more like it within %1 s.</source>
        <translation>
            <numerusform>And %n more like it within %1 s.</numerusform>
            <numerusform>And %n more like it within %1 s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BreachLog</name>
    <message>
        <source>The breach could not be written to %1. Check that the disk is not full and the folder is writable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BreachNotifier</name>
    <message>
        <source>%1 broke its contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo its file changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 broke its contract again: %n breach(es) since the last notice</source>
        <translation>
            <numerusform>%1 broke its contract again: %n breach since the last notice</numerusform>
            <numerusform>%1 broke its contract again: %n breaches since the last notice</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BreachesView</name>
    <message>
        <source>Contract breaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the breaches of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All appliances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No appliance has broken its contract.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has not broken its contract.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Show the evidence (%n item(s))</source>
        <translation>
            <numerusform>Show the evidence (%n item)</numerusform>
            <numerusform>Show the evidence (%n items)</numerusform>
        </translation>
    </message>
    <message>
        <source>Pause it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review file changes since then…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClipboardReply</name>
    <message>
        <source>The guest agent sent an invalid clipboard answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is selected there. Select text in the window first, then press Ctrl+Shift+C.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selection holds %1 KiB of text; Tessera copies at most %2 KiB. Select less text and copy again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selection holds more than %1 KiB of text; Tessera copies at most that. Select less text and copy again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selection is not valid UTF-8 text, so it was not copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program holding the selection did not hand it over as text. Copy it again, or from another program.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionList</name>
    <message>
        <source>Enter a libvirt URI, such as qemu+ssh://you@build-server/system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a libvirt URI. Write it as qemu+ssh://you@build-server/system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qemu+tcp sends everything unencrypted and, by default, without a login. Use qemu+ssh://you@host/system, or qemu+tls:// with certificates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tessera&apos;s appliances are QEMU machines: use a qemu:// or qemu+ssh:// URI, not %1://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the host, as in qemu+ssh://you@build-server/system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the URI with /system (the host&apos;s libvirt daemon) or /session (your own user&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the connection a name, such as the host&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a name of at most 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a connection named %1. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1 (%2). Check that libvirt and QEMU are installed (scripts/setup) or choose another connection in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach %1 over SSH: %2 refused the connection. Check that the host is on and its SSH server runs, and that the port in the URI is right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach %1 over SSH: the name %2 is unknown. Check the host name in the URI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach %1 over SSH: its host key is not known yet (or has changed). Run &quot;ssh %2&quot; once in a terminal, compare the key and accept it, then test again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not log in to %1 over SSH without a password. Add your key to the host (ssh-copy-id %2) or load it into your SSH agent, then test again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach %1 over SSH: the host does not answer. Check that it is on and reachable from this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers, but libvirt is not installed there. Install libvirt on the host (Debian: libvirt-daemon-system), then test again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers, but its libvirt daemon does not run. Start it on the host (systemctl start libvirtd), then test again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers, but its libvirt daemon refused you. Add your user on the host to the libvirt group or connect as a user who may manage virtual machines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to %1 (%2). Check that the host is on, that you can log in without a password, and that libvirt runs there. The details say more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach %1 over SSH: the connection to %2 was refused or closed at once. Check that the host is on and its SSH server runs, and that the port in the URI is right.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionListModel</name>
    <message>
        <source>This computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already uses this URI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected, but the virtual machines could not be listed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connected to %1 · %n virtual machine(s)</source>
        <translation>
            <numerusform>Connected to %1 · %n virtual machine</numerusform>
            <numerusform>Connected to %1 · %n virtual machines</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer&apos;s own connection cannot be removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionSettingsView</name>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove connection %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, e.g. build-server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qemu+ssh://you@build-server/system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URI of the new connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other computers are reached over SSH with your key, without a password prompt. Each appliance runs where its card&apos;s “Runs on” says; a host an appliance runs on can be removed once it is stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>%1 now asks for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contract was rejected, so this appliance cannot be launched:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New since you last allowed it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow and launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch now and ask again next time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs on %1 %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContractCommand</name>
    <message>
        <source>Usage: tessera-ctl contract check FILE...
       tessera-ctl contract show [--json] FILE
       tessera-ctl contract compare [--json] A B
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: ok (%n system(s))</source>
        <translation>
            <numerusform>%1: ok (%n system)</numerusform>
            <numerusform>%1: ok (%n systems)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>system id (system name)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be launched: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not understood (ignored): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left allows less</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right allows less</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each allows something the other does not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enforced here: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContractCompareView</name>
    <message>
        <source>%1 and %2 compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing declared</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContractComparison</name>
    <message>
        <source>network rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outgoing network rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incoming network rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access to your files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>activity expectations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>processors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>processor quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk read rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk write rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk reads per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk writes per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number of windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system as a whole</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContractComparisonModel</name>
    <message>
        <source>Both allow the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is tighter on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is tighter on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each allows something the other does not on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A descriptor has no virtual system to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both contracts allow the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s contract is tighter, on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neither contract is tighter overall: each allows something the other does not (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContractDiff</name>
    <message>
        <source>Limit on %1 removed (was %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now %2</source>
        <comment>a limit that was not there before, e.g. &apos;memory is now 2048&apos;</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit on %1 raised from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outgoing traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incoming traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer promised: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>processors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory (MiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>processor quota (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk reads per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk writes per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now sees your clipboard when you paste into it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clipboard use is no longer limited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May now cover the whole screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New system “%1” in this appliance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContractGrant</name>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <comment>contract group: when the appliance may touch your files, relative to your typing and clicking</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resources</source>
        <comment>contract group: processor, memory and disk limits</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display</source>
        <comment>contract group: windows, clipboard and full screen</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <comment>risk level: the line states a restriction, not a permission</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical risk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContractParser</name>
    <message>
        <source>cannot open the descriptor: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the descriptor: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the descriptor is larger than %1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty; expected an OVF Envelope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;%1&gt; is not an OVF Envelope (namespace %2 or %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;%1&gt; must be inside a VirtualSystem or VirtualSystemCollection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the descriptor has no VirtualSystem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;%1&gt; has no ovf:id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ovf:id “%1” is used more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a VirtualSystem cannot contain &lt;%1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VirtualSystemCollections are nested more than %1 deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ovf:id “%1” does not name a VirtualSystem in this descriptor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ovf:id “%1” names a VirtualSystemCollection; a rule must name a VirtualSystem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1 network rules once collection contracts apply to each system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It requires a contract section of kind “%1”, which this version of Tessera does not understand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system “%1” cannot be launched: required contract section “%2” is not understood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contract section “%1” is not understood and is ignored (it is not required)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContractSectionReader</name>
    <message>
        <source>ovf:required must be true or false, not “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;%1&gt; has no xsi:type naming its kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a %1 section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown protocol “%1”: use tcp, udp, icmp or any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;%1&gt; has both ovf:id and an address; give one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;%1&gt; has an empty ovf:id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad unit “%1” on &lt;%2&gt;: use KiB/s or MiB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown attribute “%1” on &lt;%2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;%1&gt; needs an average attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;%1&gt; takes attributes, not text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown access “%1”: use read-only or read-write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown access “%1”: use read or write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad unit “%1” on &lt;Memory&gt;: use MiB or GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;Memory&gt; must be more than 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;CPUQuota&gt; must be more than 0 percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown element &lt;%1&gt; in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;%1&gt; is given more than once here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;%1&gt; lacks &lt;%2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large (at most %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;%1&gt; must be a whole number, not “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;%1&gt; must be between 1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;%1&gt; must be %2, not “%3”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <comment>between alternatives</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContractSummary</name>
    <message>
        <source>Its use of your files is not tied to your typing or clicking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICMP (ping)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ports %1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the appliance system “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>protocol then port, e.g. TCP port 80</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepts %1 connections from %2</source>
        <comment>e.g. TCP port 80 / anywhere</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can send any traffic anywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connects to %1 over %2</source>
        <comment>e.g. anywhere / TCP port 443</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lets %1 reach %2 over %3</source>
        <comment>traffic between other systems of the same appliance</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can read and change your folder “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can read your folder “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, reading at most %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, writing at most %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Should change your files only within %1 s of your typing or clicking (otherwise reported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Should change “%1” only within %2 s of your typing or clicking (otherwise reported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Should read your files only within %1 s of your typing or clicking (otherwise reported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Should read “%1” only within %2 s of your typing or clicking (otherwise reported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends at most %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receives at most %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot see any of your files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No resource limits: may use all processors, memory and disk bandwidth</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Uses at most %n processor(s)</source>
        <translation>
            <numerusform>Uses at most %n processor</numerusform>
            <numerusform>Uses at most %n processors</numerusform>
        </translation>
    </message>
    <message>
        <source>Uses at most %1 MiB of memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uses at most %1% of one processor core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads its disk at most at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes its disk at most at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 disk reads per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 disk writes per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use your clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sees your clipboard only when you paste into it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clipboard use is not limited: it may see what you copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Opens at most %n window(s)</source>
        <translation>
            <numerusform>Opens at most %n window</numerusform>
            <numerusform>Opens at most %n windows</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot cover the whole screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May cover the whole screen, where it could imitate another program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can read your files (%1) and send data anywhere on the internet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can change your files (%1) and accepts connections from anywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the network or see your files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can read and change your files (%1), read %2 and send data anywhere on the internet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can read and change your files (%1) and send data anywhere on the internet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contract: it declares nothing, so it gets no network and none of your files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContractXmlReader</name>
    <message>
        <source>unexpected end of file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document type declarations (DTDs) are not allowed in a descriptor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entity reference “&amp;%1;” is not allowed in a descriptor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected text “%1” inside &lt;%2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;%1&gt; may not contain elements; found &lt;%2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CtlCommands</name>
    <message>
        <source>Usage: tessera-ctl %1 APPLIANCE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is running. Its SPICE display is at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rolled back to its clean state in %2 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command “%1”. Run tessera-ctl --help for the list of commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No appliances are built yet. Run scripts/setup to build the sample appliances.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no built appliance called “%1”. Run tessera-ctl list to see the appliances.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: tessera-ctl mode APPLIANCE [fresh|keep]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 keeps its changes across launches until rolled back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 starts from its clean state at every launch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appliance “%1” cannot be used: its contract is rejected.
%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnforcementOracle</name>
    <message>
        <source>Enforced here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitored here, not enforced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declared only: not enforced here yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be held on this host, so not granted: the appliance runs without it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventsCommand</name>
    <message>
        <source>Unknown argument “%1”. Usage: tessera-ctl events [--follow] [--json] [APPLIANCE]</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(and %n more)</source>
        <translation>
            <numerusform>(and %n more)</numerusform>
            <numerusform>(and %n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GuestIcon</name>
    <message>
        <source>The guest agent sent an invalid window icon.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuestWindow</name>
    <message>
        <source>[%1] %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Starting %1… %n s</source>
        <translation>
            <numerusform>Starting %1… %n s</numerusform>
            <numerusform>Starting %1… %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Tessera user guide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Usage: tessera-ctl import PATH.ova|PATH.ovf [--name NAME]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported: the appliance&apos;s contract is rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported “%1” into %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the appliance has no Tessera guest agent, it runs in one window showing its whole desktop, without seamless windows.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import appliance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an appliance to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appliances (*.ova *.ovf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the imported appliance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported: the contract is rejected.
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contract is rejected, so this appliance cannot be imported:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported appliances may not have the Tessera guest agent. Without it the appliance still runs, in one window showing its whole desktop, but without seamless windows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported as “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the full path of an .ova or .ovf file, such as /home/you/Downloads/app.ova.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type or paste the path of an .ova or .ovf file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path of the package to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportStaging</name>
    <message>
        <source>Nothing is being copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package holds more than the %1 MiB Tessera imports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InboundPortMap</name>
    <message>
        <source>No free port on this computer could be set aside for the appliance&apos;s incoming connections. Close programs you do not need, then start the appliance again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not record which ports the appliance&apos;s incoming connections use. Check that your data folder is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 of the appliance is at 127.0.0.1:%2 here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentCommand</name>
    <message>
        <source>%1 has no quarantine “%2”. Run tessera-ctl quarantine %1 to list them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: tessera-ctl recover APPLIANCE [REASON]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no built appliance called “%1”. Run tessera-ctl list to see the appliances.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See what they changed with: tessera-ctl quarantine %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recovered from the command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: tessera-ctl quarantine APPLIANCE [ID [--inspect]]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no quarantined systems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n breach(es)</source>
        <translation>
            <numerusform>%n breach</numerusform>
            <numerusform>%n breaches</numerusform>
        </translation>
    </message>
    <message>
        <source>Inspector up in %1 s, compared in %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s), %1 in persistence spots.</source>
        <translation>
            <numerusform>%n change, %1 in persistence spots.</numerusform>
            <numerusform>%n changes, %1 in persistence spots.</numerusform>
        </translation>
    </message>
    <message>
        <source>The report is incomplete (cut short or damaged); inspect again with --inspect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n malformed line(s) of the report were left out.</source>
        <translation>
            <numerusform>%n malformed line of the report were left out.</numerusform>
            <numerusform>%n malformed lines of the report were left out.</numerusform>
        </translation>
    </message>
    <message>
        <source>The inspector needs the “%1” appliance, which is not built. Run scripts/setup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: tessera-ctl salvage APPLIANCE ID PATH...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>salvaged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not salvaged: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salvaged files are marked as coming from a quarantined system; treat them as untrusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: tessera-ctl purge APPLIANCE ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarantine %1 of %2 deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was switched off and recovered in %2 ms: its system changes are in quarantine %3. It stays off; its next launch starts clean.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspecting in the inspector VM (a cold boot; this takes a minute or two)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the inspector VM (a cold boot; this takes a minute or two)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectorJob</name>
    <message>
        <source>Not connected to the hypervisor. Check the connection in Settings and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quarantined system disk or its clean image is missing, so it cannot be inspected. Purge this quarantine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not prepare the inspector&apos;s folder. Check that your data folder is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hypervisor refused the inspector VM&apos;s definition. See the details, and report it if it persists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inspector VM could not be started. Check that enough memory is free, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inspector VM could not be switched off. Restart Tessera.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LaunchModeFile</name>
    <message>
        <source>Could not save the appliance&apos;s launch mode. Check that your data folder is writable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibvirtConnection</name>
    <message>
        <source>Could not prepare Tessera&apos;s private hypervisor folder. Check that your data folder is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to the hypervisor at %1. Check that libvirt and QEMU are installed (scripts/setup) or choose another connection in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Tessera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appliances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the hypervisor. The first start checks what QEMU can do and may take a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No appliances are built yet. Run scripts/setup to build the sample appliances.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 broke its contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo its file changes since then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import appliance…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import an appliance from an OVF or OVA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Show the %n contract breach(es)</source>
        <translation>
            <numerusform>Show the %n contract breach</numerusform>
            <numerusform>Show the %n contract breaches</numerusform>
        </translation>
    </message>
    <message>
        <source>Recover…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) restored.</source>
        <translation>
            <numerusform>%n file restored.</numerusform>
            <numerusform>%n files restored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) changed later by someone else kept as they are: review them to choose.</source>
        <translation>
            <numerusform>%n file changed later by someone else kept as it is: review it to choose.</numerusform>
            <numerusform>%n files changed later by someone else kept as they are: review them to choose.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recover %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every change made inside %1&apos;s system since it was built is discarded.
Your personal files are not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Breaches (%n)</source>
        <translation>
            <numerusform>Breaches (%n)</numerusform>
            <numerusform>Breaches (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Tessera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is switched off at once. The changes made inside its system are moved into a quarantine, where you can see what they were and salvage files. It stays off; its next launch starts clean.
Your personal files are not touched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MountGrant</name>
    <message>
        <source>empty Store: name a folder of the personal store, such as Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store “%1” is an absolute path; it must be a folder inside the personal store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store “%1” may not contain “%2”; it must stay inside the personal store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store “%1” contains a control character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target “%1” must be an absolute path inside the appliance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target “%1” may not contain “..”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkAddress</name>
    <message>
        <source>“%1” is not an IPv4 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an IPv6 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“/%1” is not a prefix length (0–%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty address: use any, an address, a prefix, a DNS name or ovf:id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a CIDR prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is neither an address nor a DNS name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has bits set after the prefix; did you mean %2?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OvaArchive</name>
    <message>
        <source>“%1” is larger than %2 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the archive ends early or is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a plain file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a plain file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the archive holds no “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a plain file, or appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverlayDisk</name>
    <message>
        <source>The appliance&apos;s base image is missing. Rebuild the appliances (scripts/setup) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the appliance&apos;s folder. Check that your data folder is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not replace the appliance&apos;s system changes. Check free disk space and permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create a clean system disk for the appliance. Check free disk space; if qemu-img is missing, run scripts/setup.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OvfFolder</name>
    <message>
        <source>it is larger than %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a plain file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a link or special file, not a plain file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it changed while it was being opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OvfManifest</name>
    <message>
        <source>manifest line %1 is not “SHA256(file)= digest”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manifest line %1 has a digest of the wrong length, or names a file twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” does not match the package&apos;s manifest: it was changed or damaged on the way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manifest has no checksum for “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OvfPackage</name>
    <message>
        <source>line %1: the file reference “%2” is not a plain file name beside the descriptor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: the file “%2” is referenced twice, or there are too many files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The descriptor holds %n virtual systems; an appliance is exactly one.</source>
        <translation>
            <numerusform>The descriptor holds %n virtual system; an appliance is exactly one.</numerusform>
            <numerusform>The descriptor holds %n virtual systems; an appliance is exactly one.</numerusform>
        </translation>
    </message>
    <message>
        <source>The descriptor names no disk (DiskSection with a fileRef): there is nothing to boot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk “%1” refers to the file “%2”, which References does not list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk file “%1” has a format Tessera cannot read (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersistenceSpots</name>
    <message>
        <source>Autostart entry: runs when a session starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shell start-up file: runs when a shell starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled task (cron)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service definition (systemd or init script)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs at system start (rc.local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded into every program or run on device events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonalStore</name>
    <message>
        <source>“%1” is not a folder of the personal store. Correct the contract&apos;s Store value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tessera could not create the personal store at %1. Make sure its parent folder exists and is writable, or choose another store location in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tessera could not open the personal store at %1 (%2). Check its permissions, or choose another store location in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tessera could not create the folder “%1” in the personal store (%2). Check that %3 is writable, or choose another store location in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” in the personal store is a symbolic link; Tessera never shares anything through a link, as it could lead outside the store. Replace it with a real folder, then start the appliance again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” in the personal store is a file, not a folder. Rename it, then start the appliance again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tessera could not open the folder “%1” in the personal store (%2). Check its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PointsCommand</name>
    <message>
        <source>clean shutdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before a roll back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on demand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: tessera-ctl points APPLIANCE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: tessera-ctl point APPLIANCE [NAME]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: tessera-ctl %1 APPLIANCE POINT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore point %1 of %2 taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rolled back to its base in %2 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rolled back to restore point %2 in %3 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore point %1 is pinned: it is never merged away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore point %1 is no longer pinned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no restore points. They are taken in “keep changes” mode at each clean shutdown, or with tessera-ctl point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>breach recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpinned points kept: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no restore point “%2”. Run tessera-ctl points %1 to list them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several restore points of %1 are called “%2”. Use the number from tessera-ctl points %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRange</name>
    <message>
        <source>empty port number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port %1 is out of range (1–65535)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a port: use any, a number 1–65535 or a range A-B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port range %1 is backwards</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivateDirectory</name>
    <message>
        <source>Could not open “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” can be changed by another user, so Tessera keeps no private files in “%2”. Make it belong to you or root and not writable by others, or choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an absolute path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” does not name a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the folder “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is a symbolic link, so Tessera does not use it: whoever made it chooses where Tessera&apos;s files go. Remove it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the folder “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” belongs to another user, so Tessera does not use it: that user could read or replace what Tessera puts there. Remove it (as its owner or root) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other users may write to “%1”, so Tessera does not use it: they could have put links there. Remove it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not make “%1” private: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” does not name a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is a symbolic link, so Tessera does not read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a plain file, so Tessera does not read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” belongs to another user or others may change it, so Tessera does not read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is larger than %2 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuarantineDialog</name>
    <message>
        <source>Quarantined system of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) salvaged into %1.</source>
        <translation>
            <numerusform>%n file salvaged into %1.</numerusform>
            <numerusform>%n files salvaged into %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not salvaged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the quarantined system in a separate inspector VM…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s); %1 in places where programs start themselves (listed first).</source>
        <translation>
            <numerusform>%n change; %1 in places where programs start themselves (listed first).</numerusform>
            <numerusform>%n changes; %1 in places where programs start themselves (listed first).</numerusform>
        </translation>
    </message>
    <message>
        <source>Salvage %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starts itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salvage selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected files into your personal store, folder Salvaged, marked as coming from a quarantined system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this quarantine?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quarantined system of %1 is deleted for good. Files you salvaged stay in your personal store.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuarantineInspection</name>
    <message>
        <source>There is no quarantine “%1” of %2. List the quarantines with “tessera-ctl quarantine %2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inspector VM did not come up within %1 minutes. Check that the terminal appliance is built (scripts/setup) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inspector VM&apos;s agent is not answering. Close the inspection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inspector VM stopped answering. Close the inspection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inspector could not open the quarantined disk (%1). The disk may be damaged; you can still purge the quarantine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inspector could not start comparing (%1). Close the inspection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comparison did not finish in time. The quarantined disk may be very large or damaged; you can still purge it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comparison failed (%1). The quarantined disk may be damaged; you can still purge it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inspector&apos;s report is missing or too large; it was not read. Close the inspection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inspector&apos;s report could not be read. Close the inspection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect the quarantine before salvaging files from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a plain absolute path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a regular file in the quarantined system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>larger than %1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the inspector&apos;s copy was missing or too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not be written to the personal store (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These files were salvaged from a quarantined system of the appliance “%1” (quarantine %2).
That system was taken out of service after an incident: treat these files as untrusted. Open them only with an appliance, not on this computer directly.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuarantineModel</name>
    <message>
        <source>The inspector needs the “%1” appliance, which is not built. Run scripts/setup.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuarantineStore</name>
    <message>
        <source>There is no quarantine “%1”. List the quarantines with “tessera-ctl quarantine APPLIANCE”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete the quarantine. Check the permissions of the appliance&apos;s folder and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rate</name>
    <message>
        <source>%1 MiB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KiB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (peak %2, burst %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (peak %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (burst %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadyState</name>
    <message>
        <source>Could not prepare the appliance&apos;s ready state. Check that your data folder is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not keep the appliance&apos;s ready state. Check free disk space; the appliance starts from a cold boot until then.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryJob</name>
    <message>
        <source>The appliance could not be switched off, so it was not recovered. Try again; if it keeps running, restart Tessera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appliance has no system changes to quarantine: it is already clean. Start it as usual.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appliance&apos;s clean image is missing, so it was not recovered. Rebuild the appliances (scripts/setup) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the quarantine folder. Check that your data folder is writable and has free space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not move the appliance&apos;s system changes into quarantine; nothing was changed. Check free disk space and permissions, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appliance&apos;s system changes were moved aside but the quarantine could not be completed. Start the appliance again to finish it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryPanel</name>
    <message>
        <source>Stop %1 first: its system cannot change while it runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore points are kept only in “Keep changes” mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a time as YYYY-MM-DD HH:MM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History and recovery of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed nothing in your personal files since then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) restored.</source>
        <translation>
            <numerusform>%n file restored.</numerusform>
            <numerusform>%n files restored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) kept as they are.</source>
        <translation>
            <numerusform>%n file kept as it is.</numerusform>
            <numerusform>%n files kept as they are.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete this quarantine?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quarantined system changes from %1 are deleted for good. Files you salvaged stay in your personal store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s system goes back to %2. The state it is in now is kept as a restore point, so you can come back to it.
Your personal files are not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s system goes back to %2; every change made inside it is discarded.
Your personal files are not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name this restore point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. before installing plugins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fresh every launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each launch starts from the clean state; nothing the appliance changes in its system survives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system persists between launches, with restore points to roll back to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take a restore point now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no breach recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a breach was recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned points are never merged away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back to this point…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the restore point of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean base (as built)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back to the clean base…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its clean base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After an incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover after incident…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switching off and moving the system&apos;s changes into a quarantine…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No quarantined systems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n quarantined system(s):</source>
        <translation>
            <numerusform>%n quarantined system:</numerusform>
            <numerusform>%n quarantined systems:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n breach(es)</source>
        <translation>
            <numerusform>%n breach</numerusform>
            <numerusform>%n breaches</numerusform>
        </translation>
    </message>
    <message>
        <source>Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history of your personal files is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The history of your personal files takes %1 for %n change(s), the oldest from %2.</source>
        <translation>
            <numerusform>The history of your personal files takes %1 for %n change, the oldest from %2.</numerusform>
            <numerusform>The history of your personal files takes %1 for %n changes, the oldest from %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changes older than %n day(s) are merged away when Tessera starts; the content a later undo needs is kept.</source>
        <translation>
            <numerusform>Changes older than %n day are merged away when Tessera starts; the content a later undo needs is kept.</numerusform>
            <numerusform>Changes older than %n days are merged away when Tessera starts; the content a later undo needs is kept.</numerusform>
        </translation>
    </message>
    <message>
        <source>What %1 changed in your personal files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to undo what %1 changed since this change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo what %1 changed since…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since the breach at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conflict: changed later by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gets its earlier content back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is removed (%1 created it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the current version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the version from before (the current one is kept as a copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Undo %n file(s)</source>
        <translation>
            <numerusform>Undo %n file</numerusform>
            <numerusform>Undo %n files</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes by others are kept. Nothing is overwritten without a copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is switched off at once. The changes made inside its system are moved into a quarantine, where you can see what they were and salvage files. It stays off; its next launch starts clean.
Your personal files are not touched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoteDisks</name>
    <message>
        <source>The appliance&apos;s base image on the host cannot be read. Test the connection in Settings and launch again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appliance&apos;s old system disk on the host could not be deleted, so it was not started. Check that it is not in use there, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appliance&apos;s system disk could not be made on the host. Check that qemu-img is installed there and that %1 has free space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appliance&apos;s system disk on the host could not be deleted. Check that the appliance is off, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appliance&apos;s system changes could not be copied from the host into quarantine here; they are still on the host. Check the connection and free disk space, then recover again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appliance has no system changes on the host: it is already clean. Start it as usual.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoteLaunchJob</name>
    <message>
        <source>The appliance could not be started on the host. See the details; check that QEMU is installed there and enough memory is free, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host did not say where the appliance&apos;s display listens. Report this, with the host&apos;s libvirt version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appliance on the host could not be switched off, so it was not recovered. Check the connection in Settings and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestorePointModel</name>
    <message>
        <source>Clean shutdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before a roll back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken on request</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestorePointStore</name>
    <message>
        <source>Could not save the restore point&apos;s details. Check free disk space and that your data folder is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the folder for restore points. Check that your data folder is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start the restore point. Check free disk space and that your data folder is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not keep the appliance&apos;s changes as a restore point. Check that your data folder is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no restore point “%1”. List the restore points and choose one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore point “%1” was merged away while the current changes were kept. Choose another restore point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save how many restore points to keep. Check that your data folder is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start merging an old restore point. Check free disk space and that your data folder is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not merge an old restore point. Check free disk space; the merge is finished at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no kept changes yet to make a restore point of: start the appliance once in “Keep changes” mode, then take one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuntimeDirectory</name>
    <message>
        <source>Could not create a folder for Tessera&apos;s sockets in /tmp: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not record the folder for Tessera&apos;s sockets in “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeamlessSwitch</name>
    <message>
        <source>Separate windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each of its windows appears on your desktop with a coloured border.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It appears as one window showing its whole screen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeamlessWindowManager</name>
    <message>
        <source>[%1] %2</source>
        <comment>seamless window title: appliance, guest window title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing copied from %1: its guest agent is not connected. Wait until the appliance has started, then copy again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing copied from %1: its guest agent is too old for the clipboard. Rebuild the tools disk (scripts/build-appliances --agent) and restart the appliance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to paste into %1: copy text first with Ctrl+Shift+C in an appliance window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing pasted into %1: its guest agent is not connected. Wait until the appliance has started, then paste again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing pasted into %1: its guest agent is too old for the clipboard. Rebuild the tools disk (scripts/build-appliances --agent) and restart the appliance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing copied from %1: the selection is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing copied from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing pasted into %1: the guest did not take the text. Paste again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasted into %1 (copied from %2). Paste it there with the program&apos;s paste key, e.g. Shift+Insert in a terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Its windows are closed until the appliance is restarted. If you did not expect this, stop the appliance and roll it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing copied from %1: its contract allows no clipboard. Choose an appliance whose contract allows it for this job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing pasted into %1: its contract allows no clipboard. Choose an appliance whose contract allows it for this job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appliance placed a pop-up window without a frame over a window that is not its own (Tessera&apos;s, another appliance&apos;s or another program&apos;s); it is shown as a normal, framed window. If you did not expect this, stop the appliance and roll it back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libvirt URI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libvirt connection URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (KVM when it really works)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KVM (hardware virtualisation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCG (software emulation, slower)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use now: %1 on %2. Changes apply when Tessera starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default (store in Tessera&apos;s data folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal store folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a full path starting with /, such as /home/you/Tessera, or leave it empty for the default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appliances see only the folders of this store that their contract mounts. Changes apply when Tessera starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty for the default. Remote hosts go in the list below.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpiceConnection</name>
    <message>
        <source>The guest display closed the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to the guest display at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to the guest display failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest display refused the connection (incompatible SPICE server).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest display asked for a password, which Tessera does not use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the guest display was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No guest display socket was given.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SshTunnel</name>
    <message>
        <source>Appliances run on another host only over ssh (qemu+ssh://user@host/system): its display and network travel through the ssh connection. Add the host with such a URI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ssh connection to %1 that carries the appliance&apos;s display and network could not be set up. Check that you can log in with “ssh %2” without a password prompt and that the host&apos;s ssh server allows forwarding, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appliance&apos;s display could not be forwarded from %1 over ssh. Check that the host&apos;s ssh server allows forwarding (AllowStreamLocalForwarding), then launch it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreCommand</name>
    <message>
        <source>created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a time. Give an ISO 8601 time or an age such as 30m, 2h or 1d.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: tessera-ctl history [APPLIANCE] [--since WHEN]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Tessera shell is running and keeping the store&apos;s history. Undo from its recovery panel, or quit it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove (it created it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restore the earlier content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>would	%1	%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undo	%1	%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed nothing in the store since %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Undone: %n file(s).</source>
        <translation>
            <numerusform>Undone: %n file.</numerusform>
            <numerusform>Undone: %n files.</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: tessera-ctl undo APPLIANCE --since WHEN [--dry-run] [--take-earlier PATH]... [--keep-current PATH]... [--overwrite-conflicts]
WHEN is an ISO 8601 time or an age such as 30m, 2h or 1d. A conflict (a file changed later by someone else)
keeps its current version unless --take-earlier names it (or --overwrite-conflicts, for all): then the
current version is kept as a copy &quot;name (kept YYYY-MM-DD HH.MM).ext&quot; beside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conflict	%1	changed later by %2: left as it is (--take-earlier %1 to restore it, keeping the current one as a copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the current one is kept as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed	%1	changed since the history was read: left as it is</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreFiles</name>
    <message>
        <source>%1 is not a file of the personal store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not written: a folder on its way is a link or could not be created. Check the folder, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not written: its folder is not writable, or its staging names are all taken. Check the folder, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not written. Check that the disk is not full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not removed: a folder on its way is a link. Remove it by hand if you want it gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be removed. Check its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreHistory</name>
    <message>
        <source>“%1” is not a time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreHistoryModel</name>
    <message>
        <source>you, on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown (changed while Tessera was not running, or by several appliances)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undo of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreJournal</name>
    <message>
        <source>The store&apos;s history folder %1 cannot be created. Check that the disk is not full and the folder is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store&apos;s history %1 cannot be read. Check its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store&apos;s history %1 cannot be written. Check that the disk is not full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store&apos;s history cannot keep a copy of %1. Check that the disk is not full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Tessera shell is keeping the store&apos;s history. Quit it, then start this one again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists already, so the current version of %2 cannot be kept under that name. Nothing was undone; preview the undo again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be restored: its earlier content is missing from the history.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TesseraPaths</name>
    <message>
        <source>“%1” is not in Tessera&apos;s runtime folder “%2” any more. Restart Tessera.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Tessera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(%n breach(es))</source>
        <translation>
            <numerusform>(%n breach)</numerusform>
            <numerusform>(%n breaches)</numerusform>
        </translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No appliance is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n contract breach(es) on record.</source>
        <translation>
            <numerusform>%n contract breach on record.</numerusform>
            <numerusform>%n contract breaches on record.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show %n breach(es)…</source>
        <translation>
            <numerusform>Show %n breach…</numerusform>
            <numerusform>Show %n breaches…</numerusform>
        </translation>
    </message>
    <message>
        <source>Show Tessera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Tessera</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrustColorStore</name>
    <message>
        <source>That is not a colour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This colour is too close to %1&apos;s; appliances must be easy to tell apart. Choose another one, or change %1&apos;s colour first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VolumeUpload</name>
    <message>
        <source>Could not make the storage pool %1 at %2 on the host. Check that the folder can be created there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start the storage pool %1 on the host. Check that %2 exists there and is a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to the host. Test the connection in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1. Build the appliance again (scripts/build-appliances).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start copying %1 to the host. Check free space in %2 there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1 while copying it to the host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying %1 to the host broke off. Check the connection and free space on the host, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host did not confirm the copy of %1. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied %1, but could not mark the copy as complete on the host.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowTracker</name>
    <message>
        <source>The guest agent sent an invalid window update; seamless windows stop until the appliance is restarted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appliance opened more than %1 windows; the rest are not shown. If you did not expect this, stop the appliance and roll it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appliance tried to cover the screen with an undecorated window; it is shown as a normal, framed window. If you did not expect this, stop the appliance and roll it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest agent sent an invalid window removal; seamless windows stop until the appliance is restarted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest agent sent an invalid window stack; seamless windows stop until the appliance is restarted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>libvirt connection URI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A desktop of isolated appliances.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerator: auto, tcg or kvm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run on the other host NAME (added in the shell&apos;s Settings → Connections) instead of this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no host called “%1”. Add it in the shell&apos;s Settings → Connections, or give its URI with --uri.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also print what Tessera does on the way (its log).</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
