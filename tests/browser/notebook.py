"""A notebook in JupyterLab as a student meets it: open it, run all cells, look for trouble, photograph it."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

# The notebook's toolbar names its kernel ("No Kernel" until one has started) and shows the
# kernel's status, which already reads "idle" before the kernel starts. Cells may run only
# when both are right: a Run All before that asks which kernel to start.
_KERNEL_READY = """() => {
  const name = document.querySelector(".jp-NotebookPanel .jp-Toolbar-kernelName")?.textContent.trim();
  const status = document.querySelector(".jp-NotebookPanel .jp-Notebook-ExecutionIndicator")?.dataset.status;
  return Boolean(name) && name !== "No Kernel" && status === "idle";
}"""
# The text ipywidgets shows in place of a widget that failed, or has not yet, rendered.
WIDGET_TROUBLE = ("Error displaying widget", "Loading widget")
# What ipywidgets shows instead of a widget whose view failed to render (a red box).
_BROKEN_WIDGET = ".jupyter-widgets-error-widget"

# Every code cell has run (its prompt shows a number) or one failed, and the kernel is idle.
# (After a failed cell, Run All leaves the cells below it unrun.) A dialog stops the wait too:
# nothing runs while it is open.
_SETTLED = """() => {
  if (document.querySelector(".jp-Dialog")) return true;
  const indicator = document.querySelector(".jp-NotebookPanel .jp-Notebook-ExecutionIndicator");
  const prompts = [...document.querySelectorAll(".jp-NotebookPanel .jp-CodeCell .jp-InputPrompt")]
    .map(prompt => prompt.textContent.trim());
  const failed = document.querySelector(".jp-NotebookPanel [data-mime-type='application/vnd.jupyter.stderr']");
  const idle = indicator !== null && indicator.dataset.status === "idle";
  return idle && !prompts.includes("[*]:") && (failed !== null || prompts.every(p => /^\\[\\d+\\]:$/.test(p)));
}"""

_UNRUN_CELLS = """() => [...document.querySelectorAll(".jp-NotebookPanel .jp-CodeCell")]
  .map((cell, index) => [index, cell.querySelector(".jp-InputPrompt").textContent.trim(),
                         cell.querySelector(".jp-InputArea-editor").textContent.slice(0, 80)])
  .filter(([index, prompt]) => !/^\\[\\d+\\]:$/.test(prompt))
  .map(([index, prompt, source]) => `code cell ${index} (${prompt}): ${source}`)"""


def open_notebook(page: Page, lab_url: str, name: str) -> None:
    """Open ``name`` in JupyterLab and wait until its kernel has started and is idle.

    Each notebook gets a workspace of its own, so JupyterLab does not reopen the tabs
    that the previous test left in the default workspace.
    """
    workspace = quote(Path(name).stem, safe="")
    page.goto(f"{lab_url}lab/workspaces/{workspace}/tree/{quote(name)}")
    page.wait_for_function(_KERNEL_READY, timeout=120_000, polling=100)


def run_all_cells(page: Page, timeout_ms: float) -> None:
    """Run > Run All Cells from the menu bar, as a student would, and wait until every cell has run."""
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    page.wait_for_function(_SETTLED, timeout=timeout_ms, polling=250)


def unrun_cells(page: Page) -> list[str]:
    """Code cells without an execution count: they never ran."""
    return page.evaluate(_UNRUN_CELLS)


def error_outputs(page: Page) -> list[str]:
    """The text of every error and stderr output (tracebacks, warnings) the student would see."""
    stderr = page.locator(".jp-NotebookPanel [data-mime-type='application/vnd.jupyter.stderr']")
    return [text[:1500] for text in stderr.all_inner_texts()]


def widget_trouble(page: Page, wait_ms: float) -> list[str]:
    """Widgets that failed to render, or are still loading after ``wait_ms``: ipywidgets' own messages."""
    script = f"() => !{list(WIDGET_TROUBLE)!r}.some(text => document.body.innerText.includes(text))"
    try:
        page.wait_for_function(script, timeout=wait_ms, polling=250)
    except PlaywrightTimeout:
        pass
    body = page.locator("body").inner_text()
    trouble = [text for text in WIDGET_TROUBLE if text in body]
    for broken in page.locator(_BROKEN_WIDGET).all():
        broken.click()  # the red box shows the JavaScript error only when clicked
        trouble.append("widget failed to render: " + broken.inner_text()[:500])
    return trouble


def error_toasts(page: Page) -> list[str]:
    """JupyterLab's error notifications and any open dialog (kernel died, cannot save, ...)."""
    toasts = page.locator(".jp-Notification-Toast-error, .Toastify__toast--error, .jp-Dialog")
    return toasts.all_inner_texts()


def shut_down_kernels(page: Page, lab_url: str) -> None:
    """End every kernel session on the server, so kernels of finished notebooks free their memory.

    The request goes through the page's browser context, which holds JupyterLab's XSRF cookie.
    """
    xsrf = next((cookie["value"] for cookie in page.context.cookies() if cookie["name"] == "_xsrf"), "")
    for session in page.request.get(f"{lab_url}api/sessions").json():
        page.request.delete(f"{lab_url}api/sessions/{session['id']}", headers={"X-XSRFToken": xsrf})


def screenshot_whole_notebook(page: Page, path: Path, max_height: int = 30_000) -> None:
    """Save the whole notebook, top to bottom, at the page's width.

    JupyterLab scrolls the notebook inside the page, so the page is made as tall as the
    notebook for the picture and given its size back afterwards.
    """
    size = page.viewport_size
    scroller = page.locator(".jp-NotebookPanel .jp-WindowedPanel-outer").first
    hidden = scroller.evaluate("node => node.scrollHeight - node.clientHeight")
    page.set_viewport_size({"width": size["width"], "height": min(size["height"] + hidden, max_height)})
    try:
        scroller.evaluate("node => node.scrollTo({top: 0})")
        path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=path)
    finally:
        page.set_viewport_size(size)


_CHARTS = ".jp-OutputArea-output img"


def screenshot_charts(page: Page, folder: Path, stem: str) -> None:
    """Save each chart (each image in a cell's output) as ``{stem}-chart-N.png``, to look for clipped labels."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, image in enumerate(page.locator(_CHARTS).all(), 1):
        image.scroll_into_view_if_needed()
        image.screenshot(path=folder / f"{stem}-chart-{number}.png")


def charts_too_wide(page: Page) -> list[str]:
    """Charts wider than their cell's output area: their right edge, and its labels, would be cut off."""
    found = page.locator(_CHARTS).evaluate_all("""images => images.map((image, index) => {
        const cell = image.closest(".jp-OutputArea-output").getBoundingClientRect();
        const shown = image.getBoundingClientRect();
        return {index, overflow: Math.round(shown.right - cell.right)};
    })""")
    return [f"chart {chart['index'] + 1} sticks out of its cell by {chart['overflow']} px" for chart in found
            if chart["overflow"] > 1]
