#!/usr/bin/python3
"""test-atspi.py: Samplan's window as an assistive technology sees it (TAP).

Starts the real samplan binary on a new database in a temporary folder, in
Swedish, and drives it through AT-SPI only (see atspi_util.py): the page
switcher, the page it shows, the names of the controls, the year button, the
database file, and a clean exit when the window is closed.

Needs a display and a session bus (the accessibility bus is started from it):

    dbus-run-session -- xvfb-run -a /usr/bin/python3 tests/test-atspi.py \\
        --app _build/src/samplan --schemas _build/data --localedir _build/po

Use Debian's /usr/bin/python3, which has pyatspi (python3-pyatspi).
--localedir is handed to the application as SAMPLAN_LOCALEDIR; a binary
that does not honour it finds its translations in its compiled-in LOCALEDIR
only (for _build: the installed prefix, after `meson install -C _build`).
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))

SQLITE_MAGIC = b"SQLite format 3\x00"
SAMPLAN_APPLICATION_ID = 0x53504C4E  # PRAGMA application_id, see HACKING.md
DEFAULT_PAGES = "Verksamhetsplan,Budget,Uppföljning,Projekt,Medlemmar"
YEAR_BUTTON_NAME = re.compile(r"^Planår\b")  # "Planår 2027"
ENGLISH_PAGES = ("Operational Plan", "Budget", "Follow-up", "Projects", "Members")


class Tap:
  """Prints a TAP stream: the plan, then one ok/not ok line per check."""

  def __init__(self, planned):
    self.planned = planned
    self.number = 0
    self.failed = 0
    self.on_first_failure = None  # called once, at the first failed check
    print(f"1..{planned}", flush=True)

  def diag(self, text):
    for line in str(text).splitlines() or [""]:
      print(f"# {line}", flush=True)

  def result(self, passed, description, diagnostics=None):
    self.number += 1
    if not passed:
      self.failed += 1
      if self.on_first_failure is not None:
        hook, self.on_first_failure = self.on_first_failure, None
        hook()
    print(f"{'ok' if passed else 'not ok'} {self.number} - {description}", flush=True)
    if diagnostics and (not passed or os.environ.get("TEST_VERBOSE")):
      self.diag(diagnostics)
    return passed

  def finish(self):
    """Marks the checks that never ran as failed; returns the exit status."""
    while self.number < self.planned:
      self.result(False, "not run: an earlier step aborted the test")
    return 1 if self.failed else 0


def bail_out(reason):
  print(f"Bail out! {reason}", flush=True)
  sys.exit(1)


def parse_args(argv):
  parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
  parser.add_argument("--app", default=os.environ.get("SAMPLAN_BIN"),
                      help="the samplan binary (default: $SAMPLAN_BIN)")
  parser.add_argument("--schemas", default=os.environ.get("GSETTINGS_SCHEMA_DIR"),
                      help="folder with gschemas.compiled (default: $GSETTINGS_SCHEMA_DIR)")
  parser.add_argument("--localedir", default=None,
                      help="folder with sv/LC_MESSAGES/samplan.mo, handed to the app "
                           "as SAMPLAN_LOCALEDIR")
  parser.add_argument("--data-dir", action="append", default=[],
                      help="a share/ folder to put first in XDG_DATA_DIRS (repeatable)")
  parser.add_argument("--pages", default=DEFAULT_PAGES,
                      help="the expected page names, comma-separated, in order "
                           f"(default: {DEFAULT_PAGES}); the last one is activated")
  parser.add_argument("--timeout", type=float, default=600.0,
                      help="seconds for the whole test (default: 600)")
  parser.add_argument("--startup-timeout", type=float, default=60.0,
                      help="seconds for the application to start and show its window "
                           "(default: 60)")
  parser.add_argument("--step-timeout", type=float, default=30.0,
                      help="seconds for one wait (default: 30)")
  parser.add_argument("--keep", action="store_true",
                      help="keep the temporary folder and print its path")
  return parser.parse_args(argv)


def preflight(args):
  """Refuses to start when the test cannot possibly run, saying why."""
  if not args.app:
    bail_out("no binary: pass --app PATH or set SAMPLAN_BIN")
  if not (os.path.isfile(args.app) and os.access(args.app, os.X_OK)):
    bail_out(f"{args.app} is not an executable file: build first")
  if args.schemas and not os.path.isfile(os.path.join(args.schemas, "gschemas.compiled")):
    bail_out(f"no gschemas.compiled in {args.schemas}")
  if args.localedir and not os.path.isfile(
          os.path.join(args.localedir, "sv", "LC_MESSAGES", "samplan.mo")):
    bail_out(f"no sv/LC_MESSAGES/samplan.mo in {args.localedir}: build the translations")
  if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
    bail_out("no session bus (DBUS_SESSION_BUS_ADDRESS): run under dbus-run-session")
  if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    bail_out("no display: run under xvfb-run")
  locales = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
  if not any(l.lower().replace("-", "") == "sv_se.utf8" for l in locales):
    bail_out("the locale sv_SE.UTF-8 is missing: run build-aux/dev test")


class WholeTestTimeout(Exception):
  pass


def on_alarm(signum, frame):
  raise WholeTestTimeout()


def dump_for_failure(au, app):
  """Writes the accessibility tree and the application's output to stderr."""
  if app.accessible is not None and app.running:
    print("# The accessibility tree at the first failure:", file=sys.stderr)
    try:
      au.dump_tree(app.accessible, file=sys.stderr, prefix="# ")
    except Exception as error:  # a dump must not hide the result
      print(f"# (no dump: {error})", file=sys.stderr)
  print("# The application's output so far:", file=sys.stderr)
  for line in app.log().splitlines():
    print(f"# {line}", file=sys.stderr)
  sys.stderr.flush()


def check_page_switch(au, tap, window, tabs, target, step, pages=()):
  """Checks 3 and 4: activate the page tab target, then see its tab
  selected and its page (the status page heading) showing."""
  tab = tabs[target]
  # Only the window's own pages: a page may have a tab row of its own.
  others = [t for n, t in tabs.items() if n != target and n in pages]

  def in_switcher(acc):
    return any(a.getRoleName() == "page tab" for a in au.ancestors(acc))

  def headings():
    return au.find_all(window, role="label", name=target,
                       predicate=lambda acc: not in_switcher(acc))

  shown_before = [h for h in headings() if au.is_showing(h)]
  try:
    action = au.activate(tab)
  except au.HarnessError as error:
    tap.result(False, f"activating “{target}” through AT-SPI selects its page tab", str(error))
    tap.result(False, f"the page “{target}” is shown after the activation, not before",
               "not run: the page tab could not be activated")
    return
  description = f"activating “{target}” through AT-SPI ({action!r}) selects its page tab"
  try:
    au.wait_until(lambda: au.is_selected(tab) and au.is_checked(tab)
                  and not any(au.is_selected(t) for t in others),
                  step, f"the page tab {target!r} to be the only one selected")
    tap.result(True, description, f"{au.describe(tab)} {au.state_names(tab)}")
  except au.Timeout as error:
    tap.result(False, description,
               f"{error}\n" + "\n".join(f"{au.describe(t)} {au.state_names(t)}"
                                        for t in tabs.values()))

  description = f"the page “{target}” is shown after the activation, not before"
  try:
    shown = au.wait_until(lambda: [h for h in headings() if au.is_showing(h)],
                          step, f"a showing heading {target!r} outside the switcher")
    tap.result(not shown_before, description,
               f"showing before: {[au.path_to(h) for h in shown_before]}\n"
               f"showing after: {[au.path_to(h) for h in shown]}")
  except au.Timeout as error:
    tap.result(False, description,
               f"{error}\nheadings: {[(au.path_to(h), au.extents(h)) for h in headings()]}")


# How long a page's controls may take to settle: each look walks the whole
# tree over D-Bus, which takes tens of seconds on a loaded machine (a CI run
# failed at 60 s under a load of 15 on two cores), and two looks must agree.
SETTLE_SECONDS = 300.0


def settle_controls(au, window, timeout, page):
  """Waits until the showing controls are there and the same for two looks
  in a row (a page is made when first shown, its rows come after it), and
  returns how many there are."""
  seen = []

  def settled():
    seen.append(len(au.find_all(window, showing_only=True,
                                predicate=lambda a: a.getRole() in au.INTERACTIVE_ROLES)))
    return len(seen) >= 2 and seen[-1] > 0 and seen[-1] == seen[-2]

  au.wait_until(settled, timeout, f"the controls of the page {page!r} to settle", interval=0.1)
  return seen[-1]


def run_checks(args, au, tap, tmp):
  """The checks, in order; an exception ends them (the rest count as failed)."""
  pages = [p.strip() for p in args.pages.split(",") if p.strip()]
  target = pages[-1]
  step = args.step_timeout
  # Once the page tabs are there the tree is filled: a static widget that is
  # still missing is a failure, not slowness, so look it up for less long.
  lookup = min(step, 10.0)
  db_path = os.path.join(tmp, "samplan-test.db")

  extra = {}
  if os.environ.get("DISPLAY"):
    # Stay on the X server we were given, even under a Wayland session.
    extra["GDK_BACKEND"] = os.environ.get("GDK_BACKEND", "x11")
  env = au.app_env(schema_dir=args.schemas, localedir=args.localedir, tmpdir=tmp,
                   data_dirs=args.data_dir, extra=extra)

  # The example association: a new empty file would open on the welcome page.
  created = subprocess.run([args.app, "--create-example", db_path], env=env,
                           capture_output=True, text=True, timeout=au.scaled(step))
  if created.returncode != 0:
    tap.result(False, "samplan --create-example writes the example to start from",
               created.stdout + created.stderr)
    return None

  app = None
  try:
    # 1. Starts and shows its window on the accessibility bus.
    try:
      app = au.launch([args.app, db_path], env, timeout=args.startup_timeout, log_dir=tmp)
      window = app.window(timeout=args.startup_timeout)
    except au.HarnessError as error:
      detail = str(error)
      if not os.environ.get("XDG_RUNTIME_DIR"):
        detail += ("\nXDG_RUNTIME_DIR is unset, so the accessibility bus listens on "
                   "~/.cache/at-spi/bus, shared by every session of this user: "
                   "concurrent runs collide. Give each run its own XDG_RUNTIME_DIR.")
      tap.result(False, "Samplan starts and its window appears on the accessibility bus", detail)
      return app
    tap.result(True, "Samplan starts and its window appears on the accessibility bus",
               f"pid {app.pid}, window {au.describe(window)}")
    tap.on_first_failure = lambda: dump_for_failure(au, app)

    # 2. The page switcher, in Swedish.
    def showing_tabs():
      return {au.name(tab): tab
              for tab in au.find_all(window, role="page tab", showing_only=True)}

    def all_pages_showing():
      found = showing_tabs()
      return found if set(pages) <= set(found) else None

    tabs = None
    try:
      tabs = au.wait_until(all_pages_showing, step, f"showing page tabs named {pages}")
      tap.result(True, f"the page switcher shows the pages {', '.join(pages)}",
                 "\n".join(f"{n}: {au.describe(t)} {au.state_names(t)}"
                           for n, t in tabs.items()))
    except au.Timeout as error:
      found = showing_tabs()
      detail = [str(error), f"showing page tabs: {sorted(found)}",
                f"missing: {[p for p in pages if p not in found]}"]
      if (set(ENGLISH_PAGES) - set(pages)) & set(found):
        detail.append("the window is in English: its translations were not found "
                      "(LOCALEDIR not installed, or SAMPLAN_LOCALEDIR not honoured)")
      tap.result(False, f"the page switcher shows the pages {', '.join(pages)}",
                 "\n".join(detail))

    # 3. and 4. Activating the last page's button through its action.
    if tabs is None:
      for description in (f"activating “{target}” through AT-SPI selects its page tab",
                          f"the page “{target}” is shown after the activation, not before"):
        tap.result(False, description, "not run: the page tabs were not all found")
    else:
      check_page_switch(au, tap, window, tabs, target, step, pages)

    # 5. Every showing control of every page has a name: visit each page
    # through its tab, as a screen reader user would.
    unnamed, checked = [], 0
    for page in pages:
      tab = tabs.get(page) if tabs else None
      if tab is not None:
        au.do_action(tab, ("click", "activate", "press"))
        au.wait_until(lambda: au.is_selected(tab) and au.is_checked(tab), step,
                      f"the page tab {page!r} to be selected")
      checked += settle_controls(au, window, max(step, SETTLE_SECONDS), page)
      unnamed += [(page, a, path) for a, path in au.unnamed_controls(window)]
    tap.result(not unnamed,
               f"every showing control of the {len(pages)} pages has an accessible name "
               f"({checked} checked)",
               "\n".join(f"no name on {page}: [{a.getRoleName()}] {a.name!r} at {path}"
                         for page, a, path in unnamed))

    # 5b. No control of any page, of the plan's tabs or of the dialogs the
    #     window opens has a bad name: an underscore, a type name, the same
    #     text twice (or none).
    bad, visited, seen = [], [], set()
    def note_bad(where, root):
      visited.append(where)
      settle_controls(au, root, max(step, SETTLE_SECONDS), where)
      for a, problem, path in au.badly_named_controls(root):
        text = f"[{a.getRoleName()}] {a.name!r} {problem} at {path}"
        if text not in seen:
          seen.add(text)
          bad.append(f"{where}: {text}")
    for page in pages:
      tab = tabs.get(page) if tabs else None
      if tab is None:
        continue
      au.do_action(tab, ("click", "activate", "press"))
      au.wait_until(lambda: au.is_selected(tab), step, f"the page tab {page!r} to be selected")
      if page == "Verksamhetsplan":
        for plan_tab in PLAN_TABS:
          try:
            button = au.find(window, name=plan_tab, showing_only=True, timeout=lookup,
                             predicate=lambda a: a.getRoleName() in ("toggle button", "page tab", "push button"))
            au.do_action(button, ("click", "activate", "press", "toggle"))
            note_bad(f"{page} › {plan_tab}", window)
          except au.HarnessError as error:
            bad.append(f"{page} › {plan_tab}: {error}")
      else:
        note_bad(page, window)
    for keys, title in DIALOGS:
      try:
        au.press_keys(keys)
        dialog = au.wait_until(lambda: find_other_window(au, app, window), step,
                               f"the dialog of {keys}")
        note_bad(title, dialog)
        au.press_keys("Escape")
        au.wait_until(lambda: find_other_window(au, app, window) is None, step,
                      f"the dialog of {keys} to close")
      except au.HarnessError as error:
        bad.append(f"{title}: {error}")
    tap.result(not bad,
               f"no control has a bad name in {len(visited)} pages, tabs and dialogs",
               "\n".join(bad + [f"visited: {', '.join(visited)}"]))

    # 6. A page's shortcut works wherever the focus is while the page is
    #    shown: after its tab is activated the focus is not in the page, and
    #    real Ctrl+F key events put it in the page's search field.
    projects = tabs.get("Projekt") if tabs else None
    search_name = "Sök projekt"
    try:
      if projects is None:
        raise au.HarnessError("no page tab “Projekt”")
      au.do_action(projects, ("click", "activate", "press"))
      search = au.find(window, role="entry", name=search_name, timeout=lookup)
      before = au.state_names(search)
      au.press_keys("ctrl+f")
      # What a user sees: the keys typed next land in the search field. (GTK
      # 4.18 moves the keyboard focus there but reports no object focused
      # over AT-SPI, so the field's text says it, not its states.)
      au.press_keys("r e s")
      typed = au.wait_until(lambda: au.get_text(search) == "res", timeout=step,
                            what=f"{au.describe(search)} to hold the typed “res”")
      tap.result("focused" not in before and typed,
                 "Ctrl+F on the Projekt page puts the focus in its search, wherever it was",
                 f"{au.describe(search)}: states before {before}, after {au.state_names(search)}, "
                 f"text {au.get_text(search)!r}")
      au.press_keys("ctrl+a BackSpace")
      au.wait_until(lambda: au.get_text(search) == "", timeout=step, what="the search field emptied again")
    except au.HarnessError as error:
      tap.result(False, "Ctrl+F on the Projekt page puts the focus in its search, wherever it was",
                 f"{error}\nentries: {[au.describe(t) for t in au.find_all(window, role='entry')]}")

    # 7. The year button, by its accessible name.
    try:
      year_button = au.find(window, role="push button", name=YEAR_BUTTON_NAME,
                            timeout=lookup)
      tap.result(re.fullmatch(r"Planår \d{4}", year_button.name) is not None,
                 "the year button is found by its accessible name “Planår <year>”",
                 f"{au.describe(year_button)}, description {year_button.description!r}, "
                 f"states {au.state_names(year_button)}")
    except au.Timeout as error:
      tap.result(False, "the year button is found by its accessible name “Planår <year>”",
                 f"{error}\npush buttons: "
                 f"{[au.name(b) for b in au.find_all(window, role='push button')]}")

    # 8. The popovers' controls are in the tree only while open: open each
    #    through AT-SPI and check their names too.
    popover_problems = []
    popover_seen = []
    for opener_name, role, count in ((YEAR_BUTTON_NAME, "spin button", 1),
                                     ("Huvudmeny", "menu item", 1)):
      try:
        opener = au.find(window, role="push button", name=opener_name, timeout=lookup)
        au.activate(opener)
        au.wait_for_state(opener, "expanded", timeout=step)
        controls = au.wait_for_all(window, role=role, showing_only=True,
                                   count=count, timeout=step)
        popover_seen += [au.describe(c) for c in controls]
        popover_problems += [f"no name: [{a.getRoleName()}] {a.name!r} at {path}"
                             for a, path in au.unnamed_controls(window)]
        au.activate(opener)
        au.wait_for_state(opener, "expanded", present=False, timeout=step)
      except au.HarnessError as error:
        popover_problems.append(str(error))
    tap.result(not popover_problems,
               "the controls of the year popover and the main menu have accessible names",
               "\n".join(popover_problems + [f"seen: {', '.join(popover_seen)}"]))

    # 9. The database file was created, as a Samplan database.
    def header():
      try:
        with open(db_path, "rb") as handle:
          data = handle.read(100)
      except OSError:
        return None
      return data if len(data) == 100 else None
    try:
      data = au.wait_until(header, step, f"a database header in {db_path}")
      app_id = int.from_bytes(data[68:72], "big")
      tap.result(data.startswith(SQLITE_MAGIC) and app_id == SAMPLAN_APPLICATION_ID,
                 "the database file was created, a SQLite file with Samplan's application_id",
                 f"size {os.path.getsize(db_path)}, magic {data[:16]!r}, "
                 f"application_id 0x{app_id:08x}")
    except au.Timeout as error:
      tap.result(False, "the database file was created, a SQLite file with Samplan's "
                        "application_id", str(error))

    # 10. Closing the window through AT-SPI ends the process cleanly.
    try:
      status = app.close_windows(timeout=step)
      tap.result(status == 0, "closing the window (action “window.close”) exits with status 0",
                 f"exit status {status}\n{app.log()}")
    except au.HarnessError as error:
      tap.result(False, "closing the window (action “window.close”) exits with status 0",
                 f"{error}\n{app.log()}")
  except (au.HarnessError, WholeTestTimeout) as error:
    if isinstance(error, WholeTestTimeout):
      tap.diag(f"the whole test ran out of its {au.scaled(args.timeout):g} s")
    else:
      tap.diag(f"aborted: {error}")
  return app


PLANNED = 11
PLAN_TABS = ("Avsnitt", "Mål", "Målgrupper", "Verksamhetsområden", "Styrelse")
DIALOGS = (("ctrl+e", "Exportera"),)


def find_other_window(au, app, window):
  """A showing window of the application other than its main window, or None."""
  try:
    application = window.getApplication()
    for i in range(application.childCount):
      other = application.getChildAtIndex(i)
      if other is not None and other != window and au.is_showing(other):
        return other
  except Exception:  # the tree changes while a window closes
    return None
  return None


def main(argv):
  args = parse_args(argv)
  preflight(args)
  sys.dont_write_bytecode = True  # no __pycache__ in the source tree
  sys.path.insert(0, HERE)
  import atspi_util as au  # after preflight: importing pyatspi needs the bus
  au.relax_fatal_criticals()

  tap = Tap(PLANNED)
  tmp = tempfile.mkdtemp(prefix="samplan-atspi-")
  signal.signal(signal.SIGALRM, on_alarm)
  signal.setitimer(signal.ITIMER_REAL, au.scaled(args.timeout))
  started = time.monotonic()
  app = None
  try:
    app = run_checks(args, au, tap, tmp)
  except WholeTestTimeout:
    tap.diag(f"the whole test ran out of its {au.scaled(args.timeout):g} s")
  finally:
    signal.setitimer(signal.ITIMER_REAL, 0)
  if tap.on_first_failure is not None and tap.number < tap.planned:
    tap.on_first_failure()  # aborted without a failed check yet
  if app is not None:
    status = app.stop()
    if status not in (0, -signal.SIGTERM):
      tap.diag(f"the application ended with status {status}")
  status = tap.finish()
  tap.diag(f"took {time.monotonic() - started:.1f} s")
  if args.keep:
    tap.diag(f"kept {tmp}")
  else:
    import shutil
    shutil.rmtree(tmp, ignore_errors=True)
  return status


if __name__ == "__main__":
  sys.exit(main(sys.argv[1:]))
