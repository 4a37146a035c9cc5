/* Test hooks run as `tessera-agent --OPTION ...` inside the guest (the
 * appliances have no xprop/xdotool): a normal window with an icon, and the
 * two ways a program asks for attention. */
#ifndef TESSERA_AGENT_HOOKS_H
#define TESSERA_AGENT_HOOKS_H

/* --window X Y W H TITLE: maps a normal (managed) top-level window with
 * WM_NAME TITLE, class TesseraTest, WM_DELETE_WINDOW and a _NET_WM_ICON of
 * three images (16, 48 and 128 px; the 48 px one is left half orange
 * 0xffe67e22, right half blue 0xff1e90ff), prints its window id in decimal
 * and returns; a detached child keeps it until WM_DELETE_WINDOW or 300 s. */
int hook_window(char **argv);
/* --urgent ID 0|1: clears or sets the urgency flag of WM_HINTS (ICCCM). */
int hook_urgent(char **argv);
/* --attention ID 0|1: asks for _NET_WM_STATE_DEMANDS_ATTENTION (EWMH client
 * message to the root; the agent applies it as the window manager would). */
int hook_attention(char **argv);

#endif
