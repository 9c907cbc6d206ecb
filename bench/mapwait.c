/* mapwait.c — start a program and time it until its first top-level window
 * is mapped (MapNotify on the root window, matched by _NET_WM_PID), then
 * report its resident memory after a short settle and stop it.
 *
 * Usage: mapwait [--settle-ms=N] PROGRAM [ARGS…]
 * Prints: "<ms to MapNotify> <VmRSS KiB> <RssAnon KiB>"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static long
window_pid (Display *dpy,
            Window   w)
{
  Atom pid_atom = XInternAtom (dpy, "_NET_WM_PID", True);
  Atom type;
  int format;
  unsigned long n, after;
  unsigned char *data = NULL;
  long pid = -1;

  if (pid_atom == None)
    return -1;
  if (XGetWindowProperty (dpy, w, pid_atom, 0, 1, False, XA_CARDINAL, &type, &format,
                          &n, &after, &data) == Success && data != NULL)
    {
      if (n == 1 && format == 32)
        pid = (long)*(unsigned long *)data;
      XFree (data);
    }
  return pid;
}

static long
rss_kib (pid_t pid)
{
  char path[64], line[256];
  FILE *f;
  long kib = -1;

  snprintf (path, sizeof path, "/proc/%d/status", (int)pid);
  if (!(f = fopen (path, "r")))
    return -1;
  while (fgets (line, sizeof line, f))
    if (sscanf (line, "VmRSS: %ld kB", &kib) == 1)
      break;
  fclose (f);
  return kib;
}

/* Anonymous memory (heap, stacks, private allocations): RssAnon. */
static long
anon_kib (pid_t pid)
{
  char path[64], line[256];
  FILE *f;
  long kib = -1;

  snprintf (path, sizeof path, "/proc/%d/status", (int)pid);
  if (!(f = fopen (path, "r")))
    return -1;
  while (fgets (line, sizeof line, f))
    if (sscanf (line, "RssAnon: %ld kB", &kib) == 1)
      break;
  fclose (f);
  return kib;
}

int
main (int   argc,
      char *argv[])
{
  int settle_ms = 500;
  int first = 1;
  Display *dpy;
  pid_t pid;
  double t0, mapped = -1;
  long rss, uss;
  int status;

  if (argc > 1 && strncmp (argv[1], "--settle-ms=", 12) == 0)
    {
      settle_ms = atoi (argv[1] + 12);
      first = 2;
    }
  if (first >= argc)
    {
      fprintf (stderr, "usage: %s [--settle-ms=N] PROGRAM [ARGS…]\n", argv[0]);
      return 2;
    }

  if (!(dpy = XOpenDisplay (NULL)))
    {
      fprintf (stderr, "mapwait: cannot open the display\n");
      return 1;
    }
  XSelectInput (dpy, DefaultRootWindow (dpy), SubstructureNotifyMask);
  XSync (dpy, False);

  t0 = now_ms ();
  pid = fork ();
  if (pid < 0)
    {
      perror ("fork");
      return 1;
    }
  if (pid == 0)
    {
      execvp (argv[first], argv + first);
      perror (argv[first]);
      _exit (127);
    }

  while (mapped < 0 && now_ms () - t0 < 30000)
    {
      struct pollfd pfd = { ConnectionNumber (dpy), POLLIN, 0 };

      if (waitpid (pid, &status, WNOHANG) == pid)
        {
          fprintf (stderr, "mapwait: %s exited before mapping a window\n", argv[first]);
          return 1;
        }
      if (XPending (dpy) == 0 && poll (&pfd, 1, 50) <= 0)
        continue;
      while (XPending (dpy) > 0)
        {
          XEvent ev;

          XNextEvent (dpy, &ev);
          if (ev.type == MapNotify && !ev.xmap.override_redirect && mapped < 0)
            {
              double t = now_ms ();
              long wpid = window_pid (dpy, ev.xmap.window);

              if (wpid == (long)pid || wpid < 0)
                mapped = t - t0;
            }
        }
    }

  if (mapped < 0)
    {
      fprintf (stderr, "mapwait: no window within 30 s\n");
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      return 1;
    }

  usleep (settle_ms * 1000);
  rss = rss_kib (pid);
  uss = anon_kib (pid);
  kill (pid, SIGTERM);
  if (waitpid (pid, &status, 0) < 0 && errno != ECHILD)
    perror ("waitpid");
  XCloseDisplay (dpy);

  printf ("%.1f %ld %ld\n", mapped, rss, uss);
  return 0;
}
