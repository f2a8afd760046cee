"""What axe cannot see, as checks on a live page.

Each check is an async function `(page, url) -> list of problems` run by
`harness.run_pages`. They measure the page the way a person experiences it:
real Tab key presses, real viewport widths, computed styles and layout boxes.
The JavaScript below runs in the page; it reads, never changes, the theme.
"""

from __future__ import annotations

from typing import Any

from .harness import TOOLS_PATH

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# Shared helpers, defined once per evaluate call.
_JS_HELPERS = r"""
const describe = (el) => {
  if (!el || el.nodeType !== 1) return String(el);
  let s = el.tagName.toLowerCase();
  if (el.id) s += '#' + el.id;
  if (el.classList.length) s += '.' + [...el.classList].join('.');
  const text = (el.innerText || el.getAttribute('href') || '').trim().replace(/\s+/g, ' ');
  if (text) s += ` "${text.slice(0, 40)}"`;
  return s;
};
const isHiddenByDesign = (el) => {
  // .visually-hidden and the off-screen skip link: hidden on purpose, for screen readers.
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
    const cs = getComputedStyle(node);
    if (cs.display === 'none' || cs.visibility === 'hidden') return true;
    const r = node.getBoundingClientRect();
    if (cs.position === 'absolute' && r.width <= 1 && r.height <= 1) return true;
    if (cs.position === 'absolute' && r.bottom <= 0) return true;
  }
  return false;
};
const scrollsOnItsOwn = (el) => {
  for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
    const cs = getComputedStyle(node);
    if (['auto', 'scroll'].includes(cs.overflowX)) return true;
  }
  return false;
};
const clipping = () => {
  const found = [];
  for (const el of document.body.querySelectorAll('*')) {
    const cs = getComputedStyle(el);
    const clipsX = ['hidden', 'clip'].includes(cs.overflowX);
    const clipsY = ['hidden', 'clip'].includes(cs.overflowY);
    if (!clipsX && !clipsY) continue;
    if (isHiddenByDesign(el) || !el.innerText || !el.innerText.trim()) continue;
    if (clipsX && el.scrollWidth > el.clientWidth + 1)
      found.push(`${describe(el)} cuts off its content: ` +
        `${el.scrollWidth}px wide in ${el.clientWidth}px`);
    if (clipsY && el.scrollHeight > el.clientHeight + 1)
      found.push(`${describe(el)} cuts off its content: ` +
        `${el.scrollHeight}px tall in ${el.clientHeight}px`);
  }
  return found;
};
const sideways = () => {
  const doc = document.documentElement;
  const width = doc.clientWidth;
  const found = [];
  if (doc.scrollWidth > width + 1) {
    found.push(
      `the page scrolls sideways: ${doc.scrollWidth}px of content in a ${width}px viewport`);
    const wide = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 1) continue;
      if (isHiddenByDesign(el) || scrollsOnItsOwn(el)) continue;
      if (el.parentElement && wide.includes(el.parentElement)) { wide.push(el); continue; }
      wide.push(el);
      found.push(`${describe(el)} reaches ${Math.round(r.right)}px`);
    }
  }
  return found;
};
const textRects = () => {
  const rects = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.data.trim()) continue;
    const parent = node.parentElement;
    if (!parent || isHiddenByDesign(parent)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width < 1 || r.height < 1) continue;
      rects.push({el: parent, node, top: r.top, bottom: r.bottom, left: r.left, right: r.right});
    }
  }
  return rects;
};
const overlaps = () => {
  const rects = textRects().sort((a, b) => a.top - b.top);
  const found = [];
  const slack = 2;
  for (let i = 0; i < rects.length; i++) {
    const a = rects[i];
    for (let j = i + 1; j < rects.length; j++) {
      const b = rects[j];
      if (b.top >= a.bottom - slack) break;
      if (a.node === b.node) continue;
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > slack && y > slack)
        found.push(`text of ${describe(a.el)} overlaps text of ${describe(b.el)}`);
    }
  }
  return [...new Set(found)];
};
"""


def _js(body: str) -> str:
    return "() => {" + _JS_HELPERS + body + "}"


REFLOW_JS = _js("return [...sideways(), ...clipping()];")
TEXT_SPACING_JS = _js("return [...sideways(), ...clipping(), ...overlaps()];")


async def axe_results(page: Any, url: str) -> dict[str, Any]:
    """Load the page, inject axe-core from the site's origin, run the project's rule set."""
    await page.goto(url)
    await page.add_script_tag(url=TOOLS_PATH + "axe.min.js")
    result: dict[str, Any] = await page.evaluate(
        """(tags) => axe.run(document, {
            runOnly: {type: 'tag', values: tags},
            resultTypes: ['violations', 'incomplete'],
        }).then(r => ({
            violations: r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200)})),
            })),
            incomplete: r.incomplete.map(v => ({id: v.id, nodes: v.nodes.length})),
            version: axe.version,
        }))""",
        AXE_TAGS,
    )
    return result


async def reflow(page: Any, url: str) -> list[str]:
    """WCAG 1.4.10 (and 1.4.4 at 200% zoom): no sideways scrolling, nothing cut off."""
    await page.goto(url)
    problems: list[str] = await page.evaluate(REFLOW_JS)
    return problems


async def text_spacing(page: Any, url: str) -> list[str]:
    """WCAG 1.4.12: with the test's spacing applied, no text overlaps, is cut off or overflows."""
    await page.goto(url)
    await page.add_style_tag(url=TOOLS_PATH + "text-spacing.css")
    problems: list[str] = await page.evaluate(TEXT_SPACING_JS)
    return problems


_FOCUSABLE = (
    "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), "
    "select:not([disabled]), textarea:not([disabled]), summary, "
    "[tabindex]:not([tabindex='-1'])"
)
_STYLE_PROPS = [
    "outlineStyle",
    "outlineWidth",
    "outlineColor",
    "outlineOffset",
    "boxShadow",
    "backgroundColor",
    "color",
    "textDecorationLine",
    "textDecorationThickness",
    "borderTopColor",
    "borderBottomColor",
    "borderBottomWidth",
]

_MARK_FOCUSABLE_JS = (
    "(props) => {"
    + _JS_HELPERS
    + f"""
  const items = [];
  for (const el of document.querySelectorAll("{_FOCUSABLE}")) {{
    if (isHiddenByDesign(el) && !el.matches('a[href^="#"]')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    el.dataset.a11yIndex = String(items.length);
    const cs = getComputedStyle(el);
    items.push({{what: describe(el), style: Object.fromEntries(props.map(p => [p, cs[p]]))}});
  }}
  return items;
}}"""
)

_ACTIVE_JS = (
    "(props) => {"
    + _JS_HELPERS
    + """
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const cs = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  const inView = r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  return {
    index: el.dataset.a11yIndex ?? null,
    what: describe(el),
    style: Object.fromEntries(props.map(p => [p, cs[p]])),
    inView,
    obscuredBy: top && !(el.contains(top) || top.contains(el)) ? describe(top) : null,
    width: r.width, height: r.height,
    href: el.getAttribute('href'),
  };
}"""
)


def focus_change_visible(before: dict[str, str], after: dict[str, str]) -> bool:
    """True when focusing changed a style that shows on screen."""
    changed = {key for key in before if before[key] != after.get(key)}
    if not changed:
        return False
    outline_only = changed <= {"outlineStyle", "outlineWidth", "outlineColor", "outlineOffset"}
    if outline_only:  # an outline counts only when it is drawn and not transparent
        return (
            after["outlineStyle"] not in ("none", "hidden")
            and after["outlineWidth"] not in ("0px", "")
            and "rgba(0, 0, 0, 0)" not in after["outlineColor"]
        )
    if changed == {"boxShadow"}:
        return after["boxShadow"] != "none"
    return True


async def keyboard_focus(page: Any, url: str) -> list[str]:
    """Tab through the whole page: the skip link comes first and works; every
    interactive element is reached and shows a visible focus indicator that is
    not hidden behind other content (WCAG 2.1.1, 2.4.1, 2.4.3, 2.4.7, 2.4.11)."""
    await page.goto(url)
    await page.evaluate(_MARK_FOCUSABLE_JS, _STYLE_PROPS)
    await page.keyboard.press("Tab")
    first = await page.evaluate(_ACTIVE_JS, _STYLE_PROPS)
    if first is None:
        return ["Tab reaches nothing on the page"]
    problems = await _skip_link_problems(page, first, url)
    # Start over for the focus indicators: the skip link check moved focus.
    await page.goto(url)
    items: list[dict[str, Any]] = await page.evaluate(_MARK_FOCUSABLE_JS, _STYLE_PROPS)
    reached: set[str] = set()
    for _ in range(len(items) + 3):
        await page.keyboard.press("Tab")
        active = await page.evaluate(_ACTIVE_JS, _STYLE_PROPS)
        if active is None:
            break  # past the last element, focus went back to the document
        index = active["index"]
        if index in reached:
            break  # back at an element seen before: the cycle is complete
        if index is None:
            problems.append(f"Tab reached {active['what']}, which is not a known focusable")
            continue
        reached.add(index)
        before = items[int(index)]["style"]
        if not focus_change_visible(before, active["style"]):
            problems.append(f"no visible focus indicator on {active['what']}")
        if not active["inView"]:
            problems.append(f"{active['what']} is focused outside the viewport")
        elif active["obscuredBy"]:
            problems.append(f"{active['what']} is hidden by {active['obscuredBy']} when focused")
    missed = [items[i]["what"] for i in range(len(items)) if str(i) not in reached]
    if missed:
        problems.append(f"Tab never reaches: {', '.join(missed[:5])}")
    return problems


async def _skip_link_problems(page: Any, active: dict[str, Any], url: str) -> list[str]:
    href = active.get("href") or ""
    if not href.startswith("#") or len(href) < 2:
        return [f"the first thing Tab reaches is {active['what']}, not a skip link"]
    problems = []
    if not active["inView"] or active["width"] < 1:
        problems.append("the skip link is not visible when it has focus")
    target = await page.evaluate(
        """(id) => { const t = document.getElementById(id);
            return t ? {inMain: !!t.closest('main') || !!t.querySelector('h1')} : null; }""",
        href[1:],
    )
    if target is None:
        return [*problems, f"the skip link points to {href}, which does not exist"]
    if not target["inMain"]:
        problems.append(f"the skip link target {href} is not the main content")
    await page.keyboard.press("Enter")
    focus = await page.evaluate(
        """(id) => { const t = document.getElementById(id), a = document.activeElement;
            const r = t.getBoundingClientRect();
            return {moved: t === a || t.contains(a), top: r.top, height: innerHeight}; }""",
        href[1:],
    )
    if not focus["moved"]:
        problems.append("Enter on the skip link does not move focus to the main content")
    if not (0 - 2 <= focus["top"] < focus["height"]):
        problems.append("after the skip link the main content is not scrolled into view")
    await page.keyboard.press("Tab")
    inside = await page.evaluate(
        "(id) => document.getElementById(id).contains(document.activeElement)", href[1:]
    )
    if not inside:
        problems.append("after the skip link, the next Tab does not stay in the main content")
    return problems


async def no_javascript(page: Any, url: str) -> list[str]:
    """With JavaScript off, the page's heading, summary, content and navigation show."""
    await page.goto(url)
    result: list[str] = await page.evaluate(
        _js(
            """
  const found = [];
  const visible = (el) => { const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && !isHiddenByDesign(el); };
  const h1 = document.querySelector('h1');
  if (!h1 || !visible(h1)) found.push('the main heading is not visible');
  const main = document.querySelector('main');
  if (!main || !visible(main) || main.innerText.trim().length < 40)
    found.push('the main content is not visible');
  const summary = document.querySelector('meta[name=description]');
  if (summary && main && !main.innerText.replace(/\\s+/g, ' ').includes(
      summary.content.replace(/\\s+/g, ' ').slice(0, 60)))
    found.push('the summary is not shown');
  for (const a of document.querySelectorAll('header a[href], nav a[href], footer a[href]'))
    if (!visible(a)) found.push(`the link ${describe(a)} is not visible`);
  return found;
"""
        )
    )
    return result


_MOTION_JS = _js(
    """
  const found = [];
  const ms = (value) => Math.max(0, ...value.split(',').map(v =>
      v.trim().endsWith('ms') ? parseFloat(v) : parseFloat(v) * 1000));
  for (const el of document.querySelectorAll('*')) {
    for (const pseudo of [null, '::before', '::after']) {
      const cs = getComputedStyle(el, pseudo);
      if (cs.animationName !== 'none' && ms(cs.animationDuration) > 10)
        found.push(`${describe(el)}${pseudo || ''} animates ` +
          `(${cs.animationName}, ${cs.animationDuration})`);
      if (cs.transitionProperty !== 'none' && ms(cs.transitionDuration) > 10)
        found.push(`${describe(el)}${pseudo || ''} has a transition of ${cs.transitionDuration}`);
    }
  }
  if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth')
    found.push('the page scrolls smoothly');
  const running = document.getAnimations().filter(a => a.playState === 'running');
  if (running.length) found.push(`${running.length} animation(s) are running`);
  // A probe: anything the theme might animate later must be stilled by its
  // prefers-reduced-motion rule, not only what exists today.
  const probe = document.createElement('div');
  probe.style.transition = 'opacity 2s';
  probe.style.animation = 'probe-spin 2s infinite';
  document.body.append(probe);
  const cs = getComputedStyle(probe);
  if (ms(cs.transitionDuration) > 10 || ms(cs.animationDuration) > 10)
    found.push(
      `the theme does not turn off motion: a new transition lasts ${cs.transitionDuration}`);
  probe.remove();
  return found;
"""
)


async def reduced_motion(page: Any, url: str) -> list[str]:
    """With prefers-reduced-motion: reduce, nothing moves (WCAG 2.3.3, and 2.2.2)."""
    await page.goto(url)
    problems: list[str] = await page.evaluate(_MOTION_JS)
    return problems
