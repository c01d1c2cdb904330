"""Drive a lesson's explorer widget through the explorer contract, with the keyboard only.

The contract every lesson's explorer follows: the explorer is the element with
class ``lessons-explorer``; its result is ``.lessons-explorer-output``; its ``Textarea`` is the
text box for the reader's own text; changing any control changes the output's text. Controls
are found by what they are in the page (a ``<select>``, a ``role=slider`` handle, a checkbox,
...), so the same code drives every lesson's explorer, including ones written later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from playwright.sync_api import Locator, expect

OUTPUT = ".lessons-explorer-output"
UPDATE_TIMEOUT_MS = 20_000
# What a student can operate. The output's own content is the result, not a control.
_CONTROL_SELECTOR = "select, textarea, input, button, [role='slider']"

# One sentence with a person, a place, money, a count, a day, and markup that must show as text.
TYPED_TEXT = "Ada Lovelace paid $12 for 3 <coffee> cups in Paris on Monday."

_DESCRIBE = """(control, index) => {
  // ipywidgets puts a zero-width space in empty labels and placeholders.
  const clean = text => (text ?? "").replace(/\\u200b/g, "").trim();
  control.dataset.lessonsControl = String(index);
  const widget = control.closest(".jupyter-widgets");
  const label = widget && widget.querySelector(":scope > .widget-label");
  const own = control.getAttribute("aria-label") || control.closest("label")?.textContent || control.textContent || control.placeholder || "";
  const toggle = control.closest(".widget-toggle-buttons") !== null || control.classList.contains("widget-toggle-button");
  const radioGroup = control.type === "radio" ? [...document.querySelectorAll(".widget-radio-box")].indexOf(control.closest(".widget-radio-box")) : -1;
  return {
    index,
    tag: control.tagName.toLowerCase(),
    type: control.type || "",
    role: control.getAttribute("role") || "",
    toggle,
    radioGroup,
    inOutput: control.closest(".lessons-explorer-output") !== null,
    disabled: control.disabled === true || control.getAttribute("aria-disabled") === "true",
    name: (clean(label?.textContent) || clean(own)).slice(0, 40),
  };
}"""

# Tab order: from the explorer's start, which controls does the Tab key reach?
_ACTIVE_CONTROL = """explorer => {
  const active = document.activeElement;
  if (!explorer.contains(active)) return null;
  return active.dataset.lessonsControl ?? "";
}"""


@dataclass(frozen=True)
class Control:
    """One control of an explorer: its locator, what kind of control it is, and its visible name."""

    locator: Locator
    kind: str
    name: str
    group: str  # controls that share one Tab stop (a radio group) share a group; others are alone

    def __str__(self) -> str:
        return f"{self.kind} {self.name!r}"


def _kind(described: dict) -> str:
    if described["tag"] == "select":
        return "select"
    if described["role"] == "slider":
        return "slider"
    if described["tag"] == "textarea":
        return "text box"
    if described["tag"] == "button":
        return "toggle" if described["toggle"] else "button"
    return {"checkbox": "checkbox", "radio": "radio", "number": "number"}.get(described["type"], "text field")


def controls(explorer: Locator) -> list[Control]:
    """The explorer's enabled controls, in page order."""
    found = []
    for index, element in enumerate(explorer.locator(_CONTROL_SELECTOR).all()):
        described = element.evaluate(_DESCRIBE, index)
        if described["disabled"] or described["inOutput"]:
            continue
        group = f"radio {described['radioGroup']}" if described["radioGroup"] >= 0 else f"control {index}"
        found.append(Control(element, _kind(described), described["name"], group))
    return found


# ipywidgets 8.1 links a description to <select>, <textarea> and <input> (label for=...), but
# not to a slider's handle, which a screen reader then announces as just "slider, 3".
_SLIDER_ADVICE = "ipywidgets sliders do not pass their description to the handle; use a Dropdown or BoundedIntText"


def unlabelled(found: list[Control]) -> list[str]:
    """Controls whose accessible name (what a screen reader announces) is empty."""
    missing = []
    for control in found:
        try:
            expect(control.locator).to_have_accessible_name(re.compile(r"\S"), timeout=1000)
        except AssertionError:
            missing.append(f"{control} ({_SLIDER_ADVICE})" if control.kind == "slider" else str(control))
    return missing


def unreachable_by_tab(explorer: Locator, found: list[Control]) -> list[str]:
    """Controls the Tab key never reaches when a keyboard user tabs through the explorer from its start."""
    page = explorer.page
    explorer.evaluate("node => { node.tabIndex = -1; node.focus(); }")
    reached = set()
    try:
        for _ in range(4 * len(found) + 10):
            page.keyboard.press("Tab")
            active = explorer.evaluate(_ACTIVE_CONTROL)
            if active is None:
                break
            reached.add(active)
    finally:
        explorer.evaluate("node => node.removeAttribute('tabindex')")
    reached_groups = {control.group for control in found if control.locator.get_attribute("data-lessons-control") in reached}
    return [str(control) for control in found if control.group not in reached_groups]


# ipywidgets gives every widget a 2 px margin, so a child with Layout(width="100%") is 4 px
# wider than its box, and the box (overflow: auto) scrolls sideways.
OVERFLOW_ADVICE = 'give full-width controls Layout(width="auto"), not "100%"'


def overflow_px(explorer: Locator) -> int:
    """How many pixels of the explorer stick out to the right of the space JupyterLab gives it."""
    return explorer.evaluate("node => node.scrollWidth - node.clientWidth")


def output_text(explorer: Locator) -> str:
    return explorer.locator(OUTPUT).inner_text()


def _operate(control: Control) -> bool:
    """Change the control's value with the keyboard, as a student without a mouse would.

    Returns False for controls that only act (a plain button) rather than hold a value.
    """
    element, page = control.locator, control.locator.page
    element.focus()
    expect(element).to_be_focused()
    if control.kind == "select":
        # JupyterLab takes ArrowUp/ArrowDown (and letters) for moving between cells while a
        # <select> has focus, so a keyboard user opens the list first (Alt+ArrowDown), or, in an
        # open list box, jumps with End/Home.
        last = element.evaluate("node => node.selectedIndex === node.options.length - 1")
        if element.evaluate("node => node.size > 1 || node.multiple"):
            page.keyboard.press("Home" if last else "End")
        else:
            page.keyboard.press("Alt+ArrowDown")
            page.keyboard.press("ArrowUp" if last else "ArrowDown")
            page.keyboard.press("Enter")
    elif control.kind == "slider":
        at_max = element.evaluate("node => node.getAttribute('aria-valuenow') === node.getAttribute('aria-valuemax')")
        page.keyboard.press("ArrowLeft" if at_max else "ArrowRight")
    elif control.kind in {"checkbox", "toggle"}:
        if control.kind == "toggle" and "mod-active" in (element.get_attribute("class") or ""):
            return False  # the selected option of a toggle group: choosing it again changes nothing
        page.keyboard.press("Space")
    elif control.kind == "radio":
        page.keyboard.press("ArrowRight")  # ArrowDown belongs to JupyterLab, as for a <select>
    elif control.kind == "number":
        page.keyboard.press("ArrowUp")
        page.keyboard.press("Tab")
    elif control.kind == "text box":
        page.keyboard.press("ControlOrMeta+A")
        page.keyboard.type(TYPED_TEXT)
        page.keyboard.press("Tab")
    else:
        return False
    return True


def operate_and_wait(explorer: Locator, control: Control, timeout_ms: float) -> str | None:
    """Operate one control and wait for the output's text to change; the new text, or None if not operated."""
    before = output_text(explorer)
    if not _operate(control):
        return None
    try:
        expect(explorer.locator(OUTPUT)).not_to_have_text(before, timeout=timeout_ms, use_inner_text=True)
    except AssertionError as error:
        raise AssertionError(f"operating the {control} did not change the explorer's output") from error
    return output_text(explorer)


def words_in_order(typed: str, shown: str) -> list[str]:
    """The words of ``typed`` that ``shown`` lacks, reading both left to right, ignoring case.

    Explorers may mark up the text (a label after a highlighted word, chips per token) or
    lower-case it, so the check is word by word, in order, rather than one exact substring.

    >>> words_in_order("Ada paid $12", "Ada PERSON paid $ 12 CD")
    []
    >>> words_in_order("Ada paid $12", "paid 12")
    ['Ada']
    """
    missing, position, shown = [], 0, shown.casefold()
    for word in re.findall(r"\w+", typed):
        found = shown.find(word.casefold(), position)
        if found < 0:
            missing.append(word)
        else:
            position = found + len(word)
    return missing


def problems_using(explorer: Locator, timeout_ms: float = UPDATE_TIMEOUT_MS) -> list[str]:
    """What goes wrong when a student uses this explorer with the keyboard (empty: nothing).

    ``timeout_ms`` is how long each control's change may take to show in the output.
    """
    explorer.scroll_into_view_if_needed()
    found = controls(explorer)
    kinds = [control.kind for control in found]
    problems = []
    if kinds.count("text box") != 1:
        problems.append(f"expected one text box (a Textarea), found these controls: {kinds}")
    if explorer.locator(OUTPUT).count() != 1:
        return problems + ["expected one output (class lessons-explorer-output)"]
    if overflow_px(explorer) > 0:
        problems.append(f"the explorer is {overflow_px(explorer)} px too wide for the notebook "
                        f"(a horizontal scroll bar): {OVERFLOW_ADVICE}")
    problems += [f"no accessible name: {control}" for control in unlabelled(found)]
    problems += [f"the Tab key does not reach: {control}" for control in unreachable_by_tab(explorer, found)]
    # The text box last: loading new text may reset the other controls.
    for control in sorted(found, key=lambda control: control.kind == "text box"):
        try:
            shown = operate_and_wait(explorer, control, timeout_ms)
        except AssertionError as error:
            problems.append(str(error))
            continue
        if control.kind == "text box":
            missing = words_in_order(TYPED_TEXT, shown)
            if missing:
                problems.append(f"the output does not show the typed text (missing {missing}):\n{shown[:500]}")
    return problems
