#include "inspectorscripts.h"

#include "persistencespots.h"

namespace {

// $1 clean serial, $2 delta serial, $3 outbox tag. Finds the disks by serial number, which
// does not depend on the order the guest kernel probes them in.
const char MountScript[] = R"SH(set -e
disk() { for d in /sys/block/vd*; do [ "$(cat "$d/serial" 2>/dev/null)" = "$1" ] && { echo "/dev/${d##*/}"; return 0; }; done; echo "no disk with serial $1" >&2; return 1; }
clean=$(disk "$1"); delta=$(disk "$2")
mkdir -p /mnt/clean /mnt/delta /mnt/outbox
mountpoint -q /mnt/outbox || mount -t 9p -o trans=virtio,version=9p2000.L,msize=262144,nosuid,nodev,noexec "$3" /mnt/outbox
mountpoint -q /mnt/clean || mount -t ext4 -o ro,noload,nosuid,nodev,noexec "$clean" /mnt/clean
mountpoint -q /mnt/delta || mount -t ext4 -o ro,nosuid,nodev,noexec "$delta" /mnt/delta
rm -f /mnt/outbox/report.txt /mnt/outbox/report.tmp /run/tessera-inspect.err /run/tessera-inspect.pid
)SH";

const char StartScript[] = R"SH(setsid -f sh -c 'echo $$ >/run/tessera-inspect.pid; exec perl -e "$0" /mnt/clean /mnt/delta /mnt/outbox/report.txt' "$0" </dev/null >/dev/null 2>/run/tessera-inspect.err)SH";

// $1 seconds.
const char WaitScript[] = R"SH(i=0
while [ "$i" -lt "$1" ]; do
  [ -e /mnt/outbox/report.txt ] && exit 0
  pid=$(cat /run/tessera-inspect.pid 2>/dev/null)
  if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null && [ ! -e /mnt/outbox/report.txt ]; then head -c 2000 /run/tessera-inspect.err; exit 4; fi
  sleep 1; i=$((i+1))
done
[ -e /mnt/outbox/report.txt ] && exit 0
exit 3
)SH";

// $1 guest path inside the delta, $2 slot, $3 size bound. Refuses links and anything not a
// regular file, copies at most the bound.
const char SalvageScript[] = R"SH(src="/mnt/delta$1"
[ -f "$src" ] && [ ! -L "$src" ] || exit 2
size=$(stat -c %s -- "$src")
[ "$size" -le "$3" ] || exit 3
mkdir -p /mnt/outbox/salvage
head -c "$3" -- "$src" >"/mnt/outbox/salvage/$2.tmp" && mv -f -- "/mnt/outbox/salvage/$2.tmp" "/mnt/outbox/salvage/$2" && sync
)SH";

// Walks both trees without following links (lstat) and writes one line a difference
// (DeltaReport's format). Names are escaped byte-wise: only 0x21-0x7e, no '\'.
// - A regular file whose type, permissions, owner, size, mtime and ctime are all unchanged is
//   taken as unchanged, unless it is in a persistence spot (PersistenceSpots::patterns(), put in
//   for the placeholder by compareProgram()): there every file is hashed
//   on both sides, since a root guest can replace one and keep its size and times (touch -r, or
//   the clock set back). A file too large to hash there is listed as changed, hash unknown.
// - Other changed regular files are hashed; same content with other times is no change.
// - Hashes come from sha256sum -z in batches (names end in NUL, unescaped): far fewer processes.
// - Persistence entries come first and have a cap of their own ($max, optional 4th argument);
//   the other entries fill what is left of $max. Either cut writes TRUNCATED.
const char CompareProgram[] = R"PL(use strict; use warnings;
my ($clean, $delta, $out, $max) = @ARGV;
$max = 20000 unless defined $max && $max =~ /^[1-9][0-9]{0,6}$/;
my @spots = (@SPOTS@);
my $hashmax = 268435456;
sub esc { my $s = shift; $s =~ s/([^\x21-\x7e]|\\)/sprintf("\\x%02x", ord($1))/ge; return $s; }
sub meta { my ($root, $rel) = @_; my @st = lstat($root . $rel) or return undef;
  my $t = -l _ ? 'l' : -f _ ? 'f' : -d _ ? 'd' : 'o';
  my $target = $t eq 'l' ? readlink($root . $rel) : undef;
  return [$t, $st[2] & 07777, $st[4], $st[5], $st[7], $st[9], $target, $st[10]]; }
sub walk { my ($root, $cb) = @_; my @stack = ('');
  while (@stack) { my $rel = pop @stack; my $dh;
    opendir($dh, $rel eq '' ? $root : $root . $rel) or next;
    my @names = grep { $_ ne '.' && $_ ne '..' } readdir($dh); closedir($dh);
    for my $n (@names) { my $r = "$rel/$n"; my $m = meta($root, $r) or next; $cb->($r, $m); push @stack, $r if $m->[0] eq 'd'; } } }
sub spot { my $r = shift; for my $p (@spots) { return 1 if $r =~ $p; } return 0; }
sub hashes { my %h; my @paths = grep { my @st = lstat($_); @st && -f _ && $st[7] <= $hashmax } @_;
  while (my @batch = splice(@paths, 0, 200)) {
    open(my $fh, '-|', 'sha256sum', '-z', '--', @batch) or next;
    local $/ = "\0";
    while (my $rec = <$fh>) { chomp $rec; $h{substr($rec, 66)} = $1 if $rec =~ /^([0-9a-f]{64}) [ *]/; }
    close($fh); }
  return \%h; }
my %c; walk($clean, sub { $c{$_[0]} = $_[1]; });
my (@persist, @plain, @pending); my ($np, $nq, $truncated) = (0, 0, 0);
sub room { my $r = shift; my $p = spot($r);
  if ($p ? $np >= $max : $nq >= $max) { $truncated = 1; return -1; }
  if ($p) { $np++; } else { $nq++; } return $p; }
sub line { my ($k, $r, $m, $h) = @_;
  my $target = defined $m->[6] && length $m->[6] ? esc($m->[6]) : '-';
  return join(' ', $k, $m->[0], sprintf('%04o', $m->[1]), $m->[4], $m->[5], $h, $target, esc($r)); }
sub add { my ($k, $r, $m, $h) = @_; my $p = room($r); return if $p < 0;
  push @{$p ? \@persist : \@plain}, line($k, $r, $m, $h); }
walk($delta, sub { my ($r, $m) = @_; my $o = delete $c{$r};
  if (!$o) { if ($m->[0] eq 'f') { my $p = room($r); push @pending, ['A', $r, $m, 0, $p] if $p >= 0; }
    else { add('A', $r, $m, '-'); } return; }
  my $same = $o->[0] eq $m->[0] && $o->[1] == $m->[1] && $o->[2] == $m->[2] && $o->[3] == $m->[3];
  if ($m->[0] eq 'd') { add('M', $r, $m, '-') unless $same; return; }
  if ($m->[0] eq 'l') { add('M', $r, $m, '-') unless $same && $o->[6] eq $m->[6]; return; }
  my $unchanged = $same && $o->[4] == $m->[4] && $o->[5] == $m->[5] && $o->[7] == $m->[7];
  if ($m->[0] eq 'f' && $o->[0] eq 'f') {
    return if $unchanged && !spot($r);
    my $p = room($r); push @pending, ['M', $r, $m, $same, $p] if $p >= 0; return; }
  add('M', $r, $m, '-') unless $unchanged; });
my $dh = hashes(map { $delta . $_->[1] } @pending);
my $ch = hashes(map { $clean . $_->[1] } grep { $_->[0] eq 'M' } @pending);
for my $e (@pending) { my ($k, $r, $m, $same, $p) = @$e; my $h = $dh->{$delta . $r} // '-';
  if ($k eq 'M' && $same && $h ne '-' && $h eq ($ch->{$clean . $r} // '-')) { if ($p) { $np--; } else { $nq--; } next; }
  push @{$p ? \@persist : \@plain}, line($k, $r, $m, $h); }
for my $r (keys %c) { add('R', $r, $c{$r}, '-'); }
@persist = sort @persist; @plain = sort @plain;
if (@persist + @plain > $max) { $truncated = 1; splice(@plain, $max - @persist); }
my @lines = (@persist, @plain);
open(my $fh, '>', "$out.tmp") or die "cannot write $out.tmp: $!";
print $fh "TESSERA-DELTA 1\n";
print $fh "$_\n" for @lines;
print $fh "TRUNCATED\n" if $truncated;
print $fh 'END ' . scalar(@lines) . "\n";
close($fh) or die "cannot write $out.tmp: $!";
rename("$out.tmp", $out) or die "cannot rename $out.tmp: $!";
)PL";

} // namespace

QStringList InspectorScripts::mount()
{
    return {QStringLiteral("/bin/sh"), QStringLiteral("-c"), QString::fromLatin1(MountScript), QStringLiteral("tessera-inspect"),
            cleanSerial(), deltaSerial(), outboxTag()};
}

QStringList InspectorScripts::startCompare()
{
    return {QStringLiteral("/bin/sh"), QStringLiteral("-c"), QString::fromLatin1(StartScript), compareProgram()};
}

QStringList InspectorScripts::waitForReport(int seconds)
{
    return {QStringLiteral("/bin/sh"), QStringLiteral("-c"), QString::fromLatin1(WaitScript), QStringLiteral("tessera-wait"),
            QString::number(seconds)};
}

QStringList InspectorScripts::salvage(const QByteArray &guestPath, int slot)
{
    return {QStringLiteral("/bin/sh"), QStringLiteral("-c"), QString::fromLatin1(SalvageScript), QStringLiteral("tessera-salvage"),
            QString::fromUtf8(guestPath), QString::number(slot), QString::number(MaxSalvageBytes)};
}

QString InspectorScripts::compareProgram()
{
    // The spots as Perl regular expressions: qr'' interpolates nothing, and no pattern holds a quote.
    QStringList spots;
    for (const QString &pattern : PersistenceSpots::patterns()) {
        Q_ASSERT(!pattern.contains(QLatin1Char('\'')));
        spots.append(QStringLiteral("qr'%1's").arg(pattern)); // s: a newline in a name does not end '.*'
    }
    return QString::fromLatin1(CompareProgram).replace(QStringLiteral("@SPOTS@"), spots.join(QStringLiteral(", ")));
}
