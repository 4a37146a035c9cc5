/* Powering the guest off on the host's Shutdown request. */
#ifndef TESSERA_AGENT_POWER_H
#define TESSERA_AGENT_POWER_H

/* sync(), then `systemctl poweroff`, falling back to `poweroff -f` and
 * finally reboot(2). Returns only if all of that failed. */
void power_off(void);

#endif
