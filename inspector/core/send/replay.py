"""Device mode, live: a local page that sets up Jimo (Actions) and replays simulated commands.

The page does what the destination does in a browser (jimo.md A.5): the page setup the config
describes, ``initScript`` (``window.jimo = []``, ``window.segmentJimo``, the two globals),
then Jimo's real SDK script with the config's ``projectId``; then it pushes, event by event,
the commands the simulation shows, through ``segmentJimo.client()`` as the actions do,
calling ``jimoInit()`` where the simulation did and dispatching the
``jimo-segmentio-track:<name>`` events. Identify callbacks are real functions that push what
the simulation's callback pushed; the SDK calls them (with ``#simulate-sdk`` the page calls
them itself, so the queue can be compared with the simulation without the SDK).
``replay_routes`` serves the page from an aiohttp application (the capture server).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from inspector.core._js import js_stringify
from inspector.core.destinations import SDK_SCRIPT_URL, DestinationConfig, get_destination
from inspector.core.inspection import EventInspection, SubscriptionResult
from inspector.core.inspection._compiled import compile_config
from inspector.core.inspection._device import plan_device

__all__ = ["replay_steps", "replay_html", "replay_routes", "REPLAY_PATH"]

REPLAY_PATH = "/replay"


def _command(result: SubscriptionResult, index: int) -> Any:
    return result.commands[index].to_json()


def _result_steps(result: SubscriptionResult) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = []
    commands = result.commands
    init_at = result.jimo_init_at if result.jimo_init_called else None
    k = 0
    while k < len(commands):
        if init_at == k:
            steps.append({"init": True})
        callback = [
            _command(result, j) for j in range(k + 1, len(commands)) if commands[j].from_callback
        ]
        step: dict[str, Any] = {"push": _command(result, k)}
        if commands[k].name == "identify":
            step["callback"] = callback
        steps.append(step)
        k += 1
        if commands[k - 1].name == "identify":
            if init_at == k:
                steps.append({"init": True})
                init_at = None
            steps.append({"runCallback": True})
            k += len(callback)
    if init_at is not None and init_at >= len(commands):
        steps.append({"init": True})
    steps.extend({"dispatch": e.type} for e in result.dispatched_events)
    return steps


def replay_steps(
    inspections: Iterable[EventInspection], config: DestinationConfig
) -> list[dict[str, Any]]:
    """Per event (in order): ``{"index", "steps"}``, the steps in the browser's push order."""
    plan = plan_device(get_destination(config.destination), compile_config(config))
    out = []
    for inspection in inspections:
        steps: list[dict[str, Any]] = []
        for _action, indices in plan.plugins:
            for i in indices:
                steps.extend(_result_steps(inspection.results[i]))
        if steps:
            out.append({"index": inspection.index, "steps": steps})
    return out


def _script_json(value: Any) -> str:
    # Safe inside <script type="application/json">: no "</script>", no line separators.
    text = js_stringify(value)
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def replay_html(
    config: DestinationConfig,
    inspections: Iterable[EventInspection],
    *,
    sdk_url: str = SDK_SCRIPT_URL,
) -> str:
    """The page, self-contained (no other request than the SDK script)."""
    if config.destination != "actions-jimo":
        raise ValueError("the replay page is for Jimo (Actions), the device-mode destination")
    settings = config.settings
    setup = {
        "definesJimo": config.page.defines_jimo,
        "manualInit": bool(settings.get("manualInit") or False),
        "projectId": settings.get("projectId"),
        "sdkUrl": sdk_url,
    }
    events = replay_steps(inspections, config)
    return (
        _PAGE.replace("@SETUP@", _script_json(setup))
        .replace("@EVENTS@", _script_json(events))
        .replace("@COUNT@", str(len(events)))
    )


def replay_routes(page: Callable[[], str], path: str = REPLAY_PATH) -> list[Any]:
    """aiohttp routes serving ``page()`` at ``path`` (no caching; the page changes per call)."""
    from aiohttp import web

    async def handler(_request: web.Request) -> web.Response:
        return web.Response(
            text=page(),
            content_type="text/html",
            headers={"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"},
        )

    return [web.get(path, handler)]


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Jimo replay: @COUNT@ events</title>
<style>body{font:14px system-ui,sans-serif;margin:2em;max-width:60em}
pre{background:#f4f4f4;padding:1em;white-space:pre-wrap;word-break:break-all}</style>
<script id="replay-setup" type="application/json">@SETUP@</script>
<script id="replay-events" type="application/json">@EVENTS@</script>
<script>
(function () {
  var setup = JSON.parse(document.getElementById("replay-setup").textContent);
  if (setup.definesJimo) { window.jimo = []; }  // the page's own Jimo snippet
  if (!window.jimo) {  // the destination's initScript
    window.jimo = [];
    window.segmentJimo = {initialized: !setup.manualInit, client: function () {
      return window.jimo; }};
    window.JIMO_MANUAL_INIT = setup.manualInit;
    window.JIMO_PROJECT_ID = setup.projectId;
  }
  var script = document.createElement("script");
  script.async = true;
  script.src = setup.sdkUrl;
  script.onload = function () { note("sdk", "Jimo SDK loaded from " + setup.sdkUrl); };
  script.onerror = function () { note("sdk", "Jimo SDK not loaded (" + setup.sdkUrl +
    "): commands stay queued in window.jimo"); };
  document.head.appendChild(script);
  function note(id, text) {
    var el = document.getElementById(id);
    if (el) { el.textContent = text; } else { window.addEventListener("DOMContentLoaded",
      function () { note(id, text); }); }
  }
  window.jimoReplay = {setup: setup, pushed: 0};
})();
</script></head>
<body>
<h1>Jimo replay</h1>
<p id="sdk">Loading the Jimo SDK…</p>
<p id="status"></p>
<h2>window.jimo</h2>
<pre id="queue"></pre>
<script>
(function () {
  var events = JSON.parse(document.getElementById("replay-events").textContent);
  var simulateSdk = location.hash === "#simulate-sdk";
  var pending = null;
  function push(command) {
    window.segmentJimo.client().push(command);
    window.jimoReplay.pushed += 1;
  }
  function callbackFor(commands) {
    return function () { commands.forEach(push); };
  }
  events.forEach(function (event) {
    event.steps.forEach(function (step) {
      if (step.push) {
        var c = step.push, args = c[2].slice();
        if (step.callback) { pending = callbackFor(step.callback); args[1] = pending; }
        push([c[0], c[1], args]);
      } else if (step.init) {
        var sj = window.segmentJimo;
        if (sj && sj.initialized === false && window.jimoInit != null) {
          window.jimoInit(); sj.initialized = true;
        }
      } else if (step.runCallback) {
        if (simulateSdk && pending) { pending(); }
        pending = null;
      } else if (step.dispatch) {
        window.dispatchEvent(new CustomEvent(step.dispatch));
      }
    });
  });
  document.getElementById("status").textContent = events.length + " events replayed, " +
    window.jimoReplay.pushed + " commands pushed";
  function show() {
    var q = window.jimo;
    document.getElementById("queue").textContent = Array.isArray(q) ? JSON.stringify(q,
      function (k, v) { return typeof v === "function" ? "<callback>" : v; }, 1) :
      "(the Jimo SDK took over the queue)";
  }
  show();
  window.addEventListener("load", show);
})();
</script>
</body></html>
"""
