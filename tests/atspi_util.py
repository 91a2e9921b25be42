"""atspi_util: drive a GTK 4 application from a test through AT-SPI.

The application runs as a separate process; this module talks to it over the
accessibility bus with pyatspi (Debian's python3-pyatspi: run the tests with
/usr/bin/python3). Everything goes through what an assistive technology sees:
roles, names, states, actions, EditableText and Value, never mouse coordinates.

What GTK 4.8 exposes (and what the helpers here account for):

* Names: a widget without a name of its own gets its GObject type name
  ("GtkEntry", "GtkImage", "GtkMenuButton"...) as accessible name, so "has a
  name" must not stop at "non-empty": see is_placeholder_name().
* States: VISIBLE is set on every object in the tree and SHOWING only on the
  top-level windows. A widget hidden with gtk_widget_hide() leaves the tree,
  but a child-invisible one (a GtkStack or AdwViewStack page that is not the
  current one, the unused switcher of an AdwSqueezer, an unrevealed
  GtkRevealer) stays, marked VISIBLE. is_showing() approximates "on screen"
  from the window's SHOWING state and the extents of the object and its
  ancestors; see its documentation for the limits.
* Toggle buttons (including AdwViewSwitcher buttons, role "page tab") have no
  CHECKED state: the active one has PRESSED (and, for page tabs, SELECTED).
* Actions: buttons, toggle buttons, page tabs and menu items have "click";
  entries have "activate"; switches have "toggle"; a top-level window lists
  its GActions ("window.close", "win.<name>", ...). A GtkMenuButton is a
  "push button" without actions (EXPANDABLE, EXPANDED while open) whose one
  child, the real toggle button, has "click": activate() follows it.
* Text: Text.getText(0, -1) answers "" in GTK 4.8; get_text() asks for
  (0, characterCount) instead. A GtkSpinButton (role "spin button") has
  EditableText, Text and Value and no action: text set through EditableText
  is only committed by activating it or moving the focus, so change its
  number through set_value().
* Component.grabFocus() is not implemented (it raises).

Typical use::

  import atspi_util as au

  env = au.app_env(schema_dir=..., localedir=..., tmpdir=tmp)
  with au.launch([binary, db_path], env) as app:
    window = app.window()
    tab = au.find(window, role="page tab", name="Medlemmar")
    au.activate(tab)
    au.wait_for_state(tab, "selected")

Every wait is bounded and raises Timeout (an AssertionError) that says what
was awaited. Functions that take a role accept either a pyatspi role constant
(pyatspi.ROLE_PUSH_BUTTON) or its name ("push button", or "button" as
libatspi 2.56 calls it: both are accepted everywhere); those that take a
state accept a pyatspi state constant or its name ("selected").
"""

import os
import re
import signal
import subprocess
import sys
import tempfile
import time

import pyatspi
from gi.repository import GLib

__all__ = [
    "HarnessError", "Timeout", "App",
    "DEFAULT_TIMEOUT", "TIMEOUT_MULTIPLIER", "scaled", "INTERACTIVE_ROLES",
    "app_env", "launch", "wait_for_application", "wait_until", "relax_fatal_criticals",
    "walk", "find", "find_all", "wait_for_all", "children", "ancestors",
    "role_name", "name", "is_placeholder_name", "describe", "path_to",
    "states", "state_names", "has_state", "is_checked", "is_selected",
    "is_showing", "extents", "wait_for_state",
    "action_names", "do_action", "activate",
    "get_text", "set_text", "get_value", "set_value",
    "unnamed_controls", "dump_tree",
]

# Every bound below is given for an idle machine and multiplied by
# SAMPLAN_TEST_TIMEOUT_MULTIPLIER (build-aux/dev test --timeout-multiplier N)
# where it is waited for: a wait polls for a condition, never sleeps a time.
DEFAULT_TIMEOUT = 30.0
POLL_INTERVAL = 0.05


def _multiplier():
  try:
    return max(1.0, float(os.environ.get("SAMPLAN_TEST_TIMEOUT_MULTIPLIER", "1")))
  except ValueError:
    return 1.0


TIMEOUT_MULTIPLIER = _multiplier()


def scaled(seconds):
  """seconds times SAMPLAN_TEST_TIMEOUT_MULTIPLIER."""
  return seconds * TIMEOUT_MULTIPLIER

# The roles of the controls a user operates: each needs an accessible name.
# (GTK 4.8 gives toggle buttons and menu buttons the role "push button" and
# switches the role "check box"; the other roles are here for newer GTKs.)
INTERACTIVE_ROLES = frozenset(
    getattr(pyatspi, role) for role in (
        "ROLE_PUSH_BUTTON", "ROLE_TOGGLE_BUTTON", "ROLE_CHECK_BOX",
        "ROLE_RADIO_BUTTON", "ROLE_SPIN_BUTTON", "ROLE_SLIDER",
        "ROLE_TEXT", "ROLE_ENTRY", "ROLE_PASSWORD_TEXT", "ROLE_COMBO_BOX",
        "ROLE_LIST_ITEM", "ROLE_TREE_ITEM", "ROLE_PAGE_TAB", "ROLE_LINK",
        "ROLE_MENU_ITEM", "ROLE_CHECK_MENU_ITEM", "ROLE_RADIO_MENU_ITEM",
        "ROLE_SWITCH",
    ) if hasattr(pyatspi, role))

# The names GTK makes up from a type name when a widget has none of its own.
_PLACEHOLDER_NAME = re.compile(r"^(Gtk|Adw|Gdk)[A-Z][A-Za-z0-9]*$")

# Errors the accessibility bus raises while a tree changes under us or an
# application is busy: worth another try while polling.
_TRANSIENT_ERRORS = (GLib.GError, LookupError, RuntimeError)


class HarnessError(Exception):
  """The harness could not do what was asked (no such action, app died...)."""


class Timeout(HarnessError, AssertionError):
  """A bounded wait ran out."""


# ---------------------------------------------------------------------------
# Waiting


def wait_until(predicate, timeout=DEFAULT_TIMEOUT, what="a condition",
               interval=POLL_INTERVAL):
  """Call predicate() until it returns a true value, and return that value.

  AT-SPI errors raised by predicate() count as "not yet" (the tree fills
  and changes asynchronously); the last one is quoted if the wait times out.
  Raises Timeout after timeout seconds (times the multiplier).
  """
  timeout = scaled(timeout)
  deadline = time.monotonic() + timeout
  last_error = None
  while True:
    try:
      result = predicate()
      if result:
        return result
    except _TRANSIENT_ERRORS as error:
      last_error = error
    if time.monotonic() >= deadline:
      detail = f" (last error: {last_error})" if last_error else ""
      raise Timeout(f"timed out after {timeout:g} s waiting for {what}{detail}")
    time.sleep(interval)


# ---------------------------------------------------------------------------
# Roles, names, states


# Role names that libatspi renamed: 2.56 (Debian 13) calls "push button" "button".
_ROLE_ALIASES = {"push button": "button", "button": "push button"}


def _role_value(role):
  if role is None or not isinstance(role, str):
    return role
  wanted = role.strip().lower()
  for text in (wanted, _ROLE_ALIASES.get(wanted)):
    for value in pyatspi.Atspi.Role.__enum_values__.values():
      if text is not None and pyatspi.Atspi.role_get_name(value) == text:
        return value
  raise ValueError(f"unknown AT-SPI role {role!r}")


def _state_value(state):
  if not isinstance(state, str):
    return state
  wanted = state.strip().lower().replace("_", "-")
  for value in pyatspi.Atspi.StateType.__enum_values__.values():
    if pyatspi.stateToString(value) == wanted:
      return value
  raise ValueError(f"unknown AT-SPI state {state!r}")


def role_name(acc):
  """The role of acc as text: "push button", "page tab", "frame"..."""
  return acc.getRoleName()


def name(acc):
  """The accessible name of acc ("" when it has none)."""
  return acc.name or ""


def is_placeholder_name(text):
  """True if text is empty or a name GTK made up from a type name.

  GTK 4.8 names an accessible that has no label, labelled-by relation,
  tooltip or text content after its GObject type ("GtkEntry", "GtkImage"
  for an icon-only button, "GtkMenuButton"). Such a name tells a screen
  reader user nothing, so it counts as no name.
  """
  return not text or not text.strip() or bool(_PLACEHOLDER_NAME.match(text.strip()))


def labelled_by_name(acc):
  """The text of the objects acc is labelled by ("" when none).

  A screen reader computes a control's name from its labelled-by relation when
  the control has no name of its own (the accessible-name computation of
  ARIA). GTK 4.18 names the items of a menu built from a GMenuModel only that
  way: the item points to its label, which is not in the tree itself.
  """
  parts = []
  try:
    relations = acc.getRelationSet()
  except _TRANSIENT_ERRORS:
    return ""
  for relation in relations:
    if relation.getRelationType() != pyatspi.RELATION_LABELLED_BY:
      continue
    for i in range(relation.getNTargets()):
      target = relation.getTarget(i)
      text = target.name or ""
      if not text:
        try:
          text = target.queryText().getText(0, -1)
        except (NotImplementedError, *_TRANSIENT_ERRORS):
          text = ""
      if text and text.strip():
        parts.append(text.strip())
  return " ".join(parts)


def states(acc):
  """The set of pyatspi state constants of acc."""
  return set(acc.getState().getStates())


def state_names(acc):
  """The states of acc as sorted names ("focusable", "selected"...)."""
  return sorted(pyatspi.stateToString(s) for s in states(acc))


def has_state(acc, state):
  """True if acc has state (a pyatspi constant or a name like "pressed")."""
  return acc.getState().contains(_state_value(state))


def is_checked(acc):
  """True for a checked check box or a pressed toggle button.

  GTK 4.8 marks an active toggle button (and an AdwViewSwitcher button)
  PRESSED rather than CHECKED: both count.
  """
  current = states(acc)
  return pyatspi.STATE_CHECKED in current or pyatspi.STATE_PRESSED in current


def is_selected(acc):
  """True if acc is SELECTED (the current page tab, a selected row)."""
  return has_state(acc, pyatspi.STATE_SELECTED)


def extents(acc):
  """(x, y, width, height) of acc in window coordinates, or None without Component."""
  try:
    component = acc.queryComponent()
  except NotImplementedError:
    return None
  box = component.getExtents(pyatspi.WINDOW_COORDS)
  return (box.x, box.y, box.width, box.height)


def _has_area(acc):
  """False only for an object with Component and empty extents."""
  box = extents(acc)
  return box is None or (box[2] > 0 and box[3] > 0)


def _is_top_level(acc):
  parent = acc.parent
  return parent is not None and parent.getRole() == pyatspi.ROLE_APPLICATION


def is_showing(acc):
  """Whether acc is on screen, as far as GTK 4.8 lets us tell.

  True when acc is SHOWING itself (a window), or when it is VISIBLE, its
  top-level window is SHOWING, and neither acc nor any ancestor between it
  and the window has empty extents (objects without Component, such as the
  GtkStackPage wrappers, are passed through).

  Limits: GTK allocates no size to a page or revealer child that has never
  been shown, so these correctly count as not showing; but it keeps the last
  allocation of a page that was shown and then replaced, which therefore
  still counts as showing. To know which page is current, ask its switcher
  (is_selected() on the "page tab"), not is_showing() on the old page.
  """
  current = states(acc)
  if pyatspi.STATE_SHOWING in current:
    return True
  if pyatspi.STATE_VISIBLE not in current:
    return False
  node = acc
  while node is not None:
    if _is_top_level(node):
      return has_state(node, pyatspi.STATE_SHOWING)
    if node.getRole() == pyatspi.ROLE_APPLICATION:
      return False
    if not _has_area(node):
      return False
    node = node.parent
  return False


def wait_for_state(acc, state, present=True, timeout=DEFAULT_TIMEOUT):
  """Wait until acc has (or, with present=False, lacks) state."""
  value = _state_value(state)
  label = pyatspi.stateToString(value)
  return wait_until(lambda: has_state(acc, value) == present, timeout,
                    f"{describe(acc)} to {'get' if present else 'lose'} state {label}")


# ---------------------------------------------------------------------------
# The tree


def children(acc):
  """The children of acc that can be reached (None entries skipped)."""
  result = []
  for index in range(acc.childCount):
    child = acc.getChildAtIndex(index)
    if child is not None:
      result.append(child)
  return result


def ancestors(acc):
  """The ancestors of acc, nearest first, up to the application."""
  result = []
  node = acc.parent
  while node is not None:
    result.append(node)
    if node.getRole() == pyatspi.ROLE_APPLICATION:
      break
    node = node.parent
  return result


def walk(root, showing_only=False, max_depth=None):
  """Yield (accessible, depth) for root and its descendants, depth first.

  With showing_only, subtrees that are not showing (see is_showing()) are
  skipped. A subtree that vanishes while it is walked is skipped too.
  """
  def visible_here(acc, depth):
    if not showing_only:
      return True
    if depth == 0:
      return is_showing(acc) or acc.getRole() == pyatspi.ROLE_APPLICATION
    current = states(acc)
    if pyatspi.STATE_VISIBLE not in current:
      return False
    if _is_top_level(acc):
      return pyatspi.STATE_SHOWING in current
    return _has_area(acc)

  stack = [(root, 0)]
  while stack:
    acc, depth = stack.pop()
    try:
      if not visible_here(acc, depth):
        continue
      kids = children(acc) if max_depth is None or depth < max_depth else []
    except _TRANSIENT_ERRORS:
      continue
    yield acc, depth
    stack.extend((child, depth + 1) for child in reversed(kids))


def _name_matches(actual, wanted):
  if wanted is None:
    return True
  if callable(wanted):
    return bool(wanted(actual))
  if hasattr(wanted, "search"):
    return wanted.search(actual) is not None
  return actual == wanted


def find_all(root, role=None, name=None, predicate=None, showing_only=False):
  """Every descendant of root (root included) that matches, in tree order.

  role: a pyatspi role or a role name; name: an exact string, a compiled
  regular expression (searched), or a function of the name; predicate: a
  function of the accessible. None matches anything.
  """
  wanted_role = _role_value(role)
  found = []
  for acc, _ in walk(root, showing_only=showing_only):
    try:
      if wanted_role is not None and acc.getRole() != wanted_role:
        continue
      if not _name_matches(acc.name or "", name):
        continue
      if predicate is not None and not predicate(acc):
        continue
    except _TRANSIENT_ERRORS:
      continue
    found.append(acc)
  return found


def _criteria(role, name, predicate, showing_only):
  parts = []
  if role is not None:
    role_text = role if isinstance(role, str) else pyatspi.Atspi.role_get_name(role)
    parts.append(f"role {role_text!r}")
  if name is not None:
    parts.append(f"name {getattr(name, 'pattern', name)!r}")
  if predicate is not None:
    parts.append(f"predicate {getattr(predicate, '__name__', predicate)}")
  if showing_only:
    parts.append("showing")
  return ", ".join(parts) or "anything"


def wait_for_all(root, role=None, name=None, predicate=None, showing_only=False,
                 count=1, timeout=DEFAULT_TIMEOUT):
  """Poll find_all() until it finds at least count matches; return them."""
  def enough():
    hits = find_all(root, role, name, predicate, showing_only)
    return hits if len(hits) >= count else None

  criteria = _criteria(role, name, predicate, showing_only)
  return wait_until(enough, timeout,
                    f"{count} accessible(s) with {criteria} under {describe(root)}")


def find(root, role=None, name=None, predicate=None, showing_only=False,
         timeout=DEFAULT_TIMEOUT):
  """Wait for the first descendant of root that matches (see find_all())."""
  return wait_for_all(root, role, name, predicate, showing_only, 1, timeout)[0]


def describe(acc):
  """A short text for acc: "[push button] 'Huvudmeny'"."""
  try:
    return f"[{acc.getRoleName()}] {acc.name or ''!r}"
  except _TRANSIENT_ERRORS as error:
    return f"[defunct accessible: {error}]"


def path_to(acc):
  """The path from the window down to acc: "frame 'x' > panel > push button 'y'"."""
  steps = []
  for node in [acc] + ancestors(acc):
    if node.getRole() == pyatspi.ROLE_APPLICATION:
      break
    label = node.getRoleName()
    if node.name:
      label += f" {node.name!r}"
    steps.append(label)
  return " > ".join(reversed(steps))


def dump_tree(root, file=None, prefix="", showing_only=False, max_depth=None):
  """Print root's subtree, one line per object: role, name, states, actions."""
  file = file if file is not None else sys.stderr
  for acc, depth in walk(root, showing_only=showing_only, max_depth=max_depth):
    try:
      line = describe(acc)
      line += " (" + ",".join(state_names(acc)) + ")"
      actions = action_names(acc)
      if actions:
        line += " actions=" + ",".join(actions)
    except _TRANSIENT_ERRORS as error:
      line = f"[error: {error}]"
    print(f"{prefix}{'  ' * depth}{line}", file=file)
  file.flush()


# ---------------------------------------------------------------------------
# Actions, text and values


def action_names(acc):
  """The names of the actions acc offers ([] without the Action interface)."""
  try:
    action = acc.queryAction()
  except NotImplementedError:
    return []
  return [action.getName(i) for i in range(action.nActions)]


def do_action(acc, names=("click", "activate", "press", "toggle")):
  """Do the first of names (one name or several) that acc offers.

  Returns the name of the action done. Raises HarnessError when acc offers
  none of them (the message lists what it offers) or refuses it.
  """
  if isinstance(names, str):
    names = (names,)
  available = action_names(acc)
  for wanted in names:
    if wanted in available:
      if not acc.queryAction().doAction(available.index(wanted)):
        raise HarnessError(f"{describe(acc)} refused action {wanted!r}")
      return wanted
  raise HarnessError(f"{describe(acc)} offers none of the actions {list(names)}; "
                     f"it offers {available}")


def activate(acc, names=("click", "activate", "press", "toggle")):
  """Activate acc as a user would: do_action(), or through its only actionable child.

  GTK 4.8 exposes a GtkMenuButton as a "push button" without actions that
  holds the real toggle button; activate() clicks that child instead.
  Returns the name of the action done.
  """
  if isinstance(names, str):
    names = (names,)
  if any(n in action_names(acc) for n in names):
    return do_action(acc, names)
  candidates = [child for child in children(acc)
                if any(n in action_names(child) for n in names)]
  if len(candidates) == 1:
    return do_action(candidates[0], names)
  raise HarnessError(f"{describe(acc)} and its children offer none of the actions {list(names)} "
                     f"(its own: {action_names(acc)}; actionable children: {len(candidates)})")


def press_keys(keys):
  """Real key events through the X server (XTest, by xdotool), as a user
  typing would: keys is xdotool's notation, e.g. "ctrl+f" or "alt+3", several
  apart by spaces ("r e s"). They
  go to the window with the keyboard focus. (pyatspi's own
  generateKeyboardEvent does not reach GTK 4.8 windows under Xvfb.)"""
  try:
    subprocess.run(["xdotool", "key", "--clearmodifiers", *keys.split()], check=True,
                   capture_output=True, text=True, timeout=scaled(10))
  except FileNotFoundError as error:
    raise HarnessError("xdotool is missing: build-aux/dev installs it") from error
  except subprocess.CalledProcessError as error:
    raise HarnessError(f"xdotool key {keys}: {error.stderr}") from error

def get_text(acc):
  """The whole text of acc through the Text interface."""
  text = acc.queryText()
  return text.getText(0, text.characterCount)


def set_text(acc, value, timeout=DEFAULT_TIMEOUT):
  """Replace the text of an editable acc through EditableText and wait to read it back.

  For a spin button the new text is not committed until it is activated or
  loses focus: use set_value() to change its number.
  """
  try:
    editable = acc.queryEditableText()
  except NotImplementedError:
    raise HarnessError(f"{describe(acc)} has no EditableText interface") from None
  if not editable.setTextContents(value):
    raise HarnessError(f"{describe(acc)} refused the text {value!r}")
  wait_until(lambda: get_text(acc) == value, timeout,
             f"{describe(acc)} to read back the text {value!r}")


def get_value(acc):
  """The current number of acc (spin button, slider...) through Value."""
  return acc.queryValue().currentValue


def set_value(acc, value, timeout=DEFAULT_TIMEOUT):
  """Set the number of acc through Value and wait to read it back."""
  try:
    interface = acc.queryValue()
  except NotImplementedError:
    raise HarnessError(f"{describe(acc)} has no Value interface") from None
  interface.currentValue = float(value)
  wait_until(lambda: abs(get_value(acc) - float(value)) < 1e-9, timeout,
             f"{describe(acc)} to read back the value {value}")


# ---------------------------------------------------------------------------
# Accessible names of controls


def _is_drop_down_item(acc):
  """True for an item of a drop-down's list (an AdwComboRow's, a
  GtkDropDown's): it is in the drop-down's popover, which GTK 4.8 keeps
  "showing" once it was shown, even closed; the item is named by its text
  when the list is open."""
  return (acc.getRole() == pyatspi.ROLE_LIST_ITEM and
          any(a.getRole() == pyatspi.ROLE_COMBO_BOX for a in ancestors(acc)))


def unnamed_controls(root, roles=INTERACTIVE_ROLES, showing_only=True):
  """The controls under root without a real accessible name.

  Returns a list of (accessible, path_to(accessible)) for every object whose
  role is in roles, that is showing (unless showing_only is False, which
  checks the hidden pages too) and whose name is empty or a GTK placeholder
  (see is_placeholder_name()), with no labelled-by relation to a text either
  (see labelled_by_name()).
  """
  wanted = {_role_value(role) for role in roles}
  result = []
  for acc, _ in walk(root, showing_only=showing_only):
    try:
      if (acc.getRole() in wanted and not _is_drop_down_item(acc) and
          is_placeholder_name(acc.name) and
          is_placeholder_name(labelled_by_name(acc))):
        result.append((acc, path_to(acc)))
    except _TRANSIENT_ERRORS:
      continue
  return result


def name_problem(text):
  """What is wrong with an accessible name, or None.

  A name must not carry a mnemonic underscore ("_Lägg till avsnitt"), be a
  type name ("GtkButton", "AdwEntryRow", "SpEditRow") or say the same text
  twice ("Lägg till avsnitt Lägg till avsnitt", which GTK makes of a label
  and a tooltip that are the same).
  """
  text = (text or "").strip()
  if not text:
    return None
  if "_" in text:
    return "has a mnemonic underscore"
  if re.match(r"^(Gtk|Adw|Gdk|Sp)[A-Z][A-Za-z0-9]*$", text):
    return "is a type name"
  words = text.split()
  half = len(words) // 2
  if len(words) >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]:
    return "says the same text twice"
  return None


def badly_named_controls(root, roles=INTERACTIVE_ROLES, showing_only=True):
  """The controls under root without a real name or with a bad one.

  Returns a list of (accessible, problem, path_to(accessible)): no name
  (see unnamed_controls()), or a name with a problem (see name_problem()).
  """
  wanted = {_role_value(role) for role in roles}
  result = []
  for acc, _ in walk(root, showing_only=showing_only):
    try:
      if acc.getRole() not in wanted:
        continue
      if _is_drop_down_item(acc):
        continue
      if is_placeholder_name(acc.name) and is_placeholder_name(labelled_by_name(acc)):
        result.append((acc, "has no name", path_to(acc)))
        continue
      problem = name_problem(acc.name)
      if problem is not None:
        result.append((acc, problem, path_to(acc)))
    except _TRANSIENT_ERRORS:
      continue
  return result


# ---------------------------------------------------------------------------
# Launching and stopping the application


def relax_fatal_criticals():
  """Make GLib criticals non-fatal in this (the test's) process only.

  G_DEBUG=fatal-criticals is meant for the application under test, which
  inherits it. In the test process a critical can only come from libatspi,
  which has one in an error path when the accessibility bus does not answer;
  aborting there would cut the TAP stream short without a diagnosis.
  """
  GLib.log_set_always_fatal(GLib.LogLevelFlags.LEVEL_ERROR | GLib.LogLevelFlags.FLAG_RECURSION)


def app_env(schema_dir=None, localedir=None, tmpdir=None, data_dirs=None,
            language="sv", locale_name="sv_SE.UTF-8", base=None, extra=None):
  """The environment to start the application under test with.

  Starts from base (default os.environ) and:
  - removes GTK_A11Y and NO_AT_BRIDGE, which would hide it from AT-SPI;
  - sets LANGUAGE, LANG and LC_ALL for the language (Swedish by default);
  - sets GSETTINGS_SCHEMA_DIR to schema_dir and GSETTINGS_BACKEND to memory
    unless already set;
  - sets SAMPLAN_LOCALEDIR to localedir (for an application that honours it);
  - points XDG_DATA_HOME, XDG_CONFIG_HOME, XDG_CACHE_HOME and XDG_STATE_HOME
    into tmpdir, so that no file of the user is read or written;
  - prepends data_dirs (a list) to XDG_DATA_DIRS;
  - finally applies extra (a dict; a value of None removes the variable).
  """
  env = dict(os.environ if base is None else base)
  for hiding in ("GTK_A11Y", "NO_AT_BRIDGE"):
    env.pop(hiding, None)
  env["LANGUAGE"] = language
  env["LANG"] = locale_name
  env["LC_ALL"] = locale_name
  env.setdefault("GSETTINGS_BACKEND", "memory")
  if schema_dir:
    env["GSETTINGS_SCHEMA_DIR"] = os.path.abspath(schema_dir)
  if localedir:
    env["SAMPLAN_LOCALEDIR"] = os.path.abspath(localedir)
  if tmpdir:
    for variable, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                          ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state")):
      path = os.path.join(tmpdir, sub)
      os.makedirs(path, exist_ok=True)
      env[variable] = path
  if data_dirs:
    existing = env.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
    env["XDG_DATA_DIRS"] = ":".join([os.path.abspath(d) for d in data_dirs] + [existing])
  for variable, value in (extra or {}).items():
    if value is None:
      env.pop(variable, None)
    else:
      env[variable] = value
  return env


def _desktop_applications():
  desktop = pyatspi.Registry.getDesktop(0)
  return children(desktop)


def wait_for_application(pid=None, app_name=None, timeout=DEFAULT_TIMEOUT, alive=None):
  """Wait until an application appears on the AT-SPI desktop and return it.

  Matches by process id (pid) or, failing that, by application name.
  alive, a function returning False once the process has died, makes the
  wait fail at once instead of running out.
  """
  if pid is None and app_name is None:
    raise ValueError("give a pid or an app_name")

  def look():
    if alive is not None and not alive():
      raise HarnessError(f"the application (pid {pid}) exited before it appeared on "
                         "the accessibility bus")
    for application in _desktop_applications():
      try:
        if pid is not None and application.get_process_id() == pid:
          return application
        if pid is None and application.name == app_name:
          return application
      except _TRANSIENT_ERRORS:
        continue
    return None

  return wait_until(look, timeout,
                    f"the application {'pid %d' % pid if pid is not None else repr(app_name)} "
                    "on the AT-SPI desktop (is the accessibility bus running, and are "
                    "GTK_A11Y/NO_AT_BRIDGE unset?)")


class App:
  """A running application under test; use launch() to make one.

  Attributes: process (subprocess.Popen), pid, accessible (the AT-SPI
  application object), log_path (the file that receives its stdout and
  stderr). Usable as a context manager: leaving it stops the process.
  """

  def __init__(self, process, accessible, log_path):
    self.process = process
    self.pid = process.pid
    self.accessible = accessible
    self.log_path = log_path

  def __enter__(self):
    return self

  def __exit__(self, *exc_info):
    self.stop()
    return False

  @property
  def running(self):
    return self.process.poll() is None

  def windows(self):
    """The top-level windows (frames, dialogs) of the application."""
    return children(self.accessible)

  def window(self, name=None, timeout=DEFAULT_TIMEOUT):
    """Wait for a SHOWING top-level window (with that name, if given)."""
    def look():
      if not self.running:
        raise HarnessError(f"the application exited with status {self.process.returncode}")
      for win in self.windows():
        if _name_matches(win.name or "", name) and has_state(win, pyatspi.STATE_SHOWING):
          return win
      return None
    return wait_until(look, timeout,
                      f"a showing window{'' if name is None else ' named %r' % name} "
                      f"of {describe(self.accessible)}")

  def log(self):
    """What the application wrote to stdout and stderr so far."""
    try:
      with open(self.log_path, encoding="utf-8", errors="replace") as handle:
        return handle.read()
    except OSError:
      return ""

  def close_windows(self, timeout=DEFAULT_TIMEOUT):
    """Close every window through its "window.close" action, as a user would,
    and wait for the process to exit. Returns its exit status.
    Raises Timeout if it does not exit in time (it is left running).
    """
    for win in self.windows():
      try:
        if "window.close" in action_names(win):
          do_action(win, "window.close")
      except _TRANSIENT_ERRORS:
        continue
    try:
      return self.process.wait(scaled(timeout))
    except subprocess.TimeoutExpired:
      raise Timeout(f"timed out after {scaled(timeout):g} s waiting for the application "
                    "to exit after its windows were closed") from None

  def stop(self, timeout=5.0):
    """Stop the process: SIGTERM, then SIGKILL after timeout seconds.

    Returns the exit status (negative for a signal, as in subprocess).
    """
    if self.process.poll() is None:
      self.process.send_signal(signal.SIGTERM)
      try:
        self.process.wait(scaled(timeout))
      except subprocess.TimeoutExpired:
        self.process.kill()
        self.process.wait(scaled(timeout))
    return self.process.returncode


def launch(argv, env=None, timeout=60.0, log_dir=None):
  """Start argv (binary and arguments) and wait until it is on the AT-SPI desktop.

  The process's stdout and stderr go to a log file in log_dir (App.log();
  with log_dir None, in the system's temporary folder, left for the caller to
  remove), so that a test's own stdout stays clean for TAP. Raises HarnessError if the process
  exits first and Timeout if it does not appear in time; in both cases the
  process is stopped and the exception text ends with its log.
  """
  log_handle = tempfile.NamedTemporaryFile(mode="w+b", prefix="app-", suffix=".log",
                                           dir=log_dir, delete=False)
  try:
    process = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL,
                               stdout=log_handle, stderr=subprocess.STDOUT)
  finally:
    log_handle.close()
  try:
    accessible = wait_for_application(pid=process.pid, timeout=timeout,
                                      alive=lambda: process.poll() is None)
  except HarnessError as error:
    app = App(process, None, log_handle.name)
    status = app.stop()
    raise type(error)(f"{error}; exit status {status}; its output:\n{app.log()}") from None
  return App(process, accessible, log_handle.name)
