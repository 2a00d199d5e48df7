"""Serves the check's notebook page (build/page.js, page.css) from Debian's jupyter_server 1.23, as an extension app.

    /usr/bin/python3 musicoder_lab.py --port=N --ServerApp.token=T --ServerApp.root_dir=DIR

The page is /lab-check?path=NOTEBOOK[&kernel=none][&plotly=mime]: NOTEBOOK relative to root_dir; kernel=none opens
it without starting a kernel; plotly=mime registers the page's Plotly MIME renderer.

JupyterLab 4's services package (7.x) asks every server for two APIs that came with jupyter_server 2.0, where
1.23 answers 404: GET /api/me (its UserManager: the user's identity) and the websocket /api/events/subscribe (its
EventManager, retried with a back-off). Neither is needed to run a notebook; this extension answers both
(a fixed identity, an events socket that sends nothing) so the page runs without errors; with
--LabCheckApp.server2_apis=False it does not (docs/jupyterlab.md).
"""
import json
import os

from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.extension.application import ExtensionApp
from jupyter_server.extension.handler import ExtensionHandlerMixin
from jupyter_server.utils import url_path_join
from jupyter_server.base.zmqhandlers import WebSocketMixin
from tornado import web, websocket
from traitlets import Bool

HERE = os.path.dirname(os.path.abspath(__file__))

PAGE = """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="stylesheet" href="{static}page.css">
<script id="jupyter-config-data" type="application/json">{config}</script>
</head>
<body>
<script src="{static}page.js"></script>
</body>
</html>
"""


class PageHandler(ExtensionHandlerMixin, JupyterHandler):
    """The notebook page; its options go to the page config that JupyterLab's PageConfig reads."""

    @web.authenticated
    def get(self):
        path = self.get_argument("path")
        config = {
            "appName": "MusiCoder JupyterLab check",
            "baseUrl": self.base_url,
            "wsUrl": "",
            "token": self.settings["token"],
            "notebookPath": path,
            "startKernel": "false" if self.get_argument("kernel", "") == "none" else "true",
            "plotlyRenderer": self.get_argument("plotly", ""),
            "terminalsAvailable": "false",
        }
        # JSON inside <script>: no "</" may end the element early.
        text = json.dumps(config).replace("</", "<\\/")
        static = url_path_join(self.base_url, "static", self.name) + "/"
        self.write(PAGE.format(title=os.path.basename(path), static=static, config=text))


class IdentityHandler(JupyterHandler):
    """GET /api/me as jupyter_server 2 answers it, for one fixed user."""

    @web.authenticated
    def get(self):
        name = "MusiCoder check"
        identity = {"username": "musicoder-check", "name": name, "display_name": name, "initials": "MC",
                    "avatar_url": None, "color": None}
        self.finish(json.dumps({"identity": identity, "permissions": {}}))


class EventsSocket(WebSocketMixin, websocket.WebSocketHandler, JupyterHandler):
    """/api/events/subscribe: accepts an authenticated client and never sends (no event bus in 1.23)."""

    async def get(self, *args, **kwargs):
        if self.get_current_user() is None:
            raise web.HTTPError(403)
        return await super().get(*args, **kwargs)

    def on_message(self, message):
        pass


class LabCheckApp(ExtensionApp):
    name = "musicoder_lab"
    extension_url = "/lab-check"
    load_other_extensions = False
    static_paths = [os.path.join(HERE, "build")]
    server2_apis = Bool(True, help="Answer /api/me and /api/events/subscribe (jupyter_server 2 APIs).").tag(config=True)

    def initialize_handlers(self):
        self.handlers.append(("/lab-check", PageHandler))
        if self.server2_apis:
            self.handlers.append(("/api/me", IdentityHandler))
            self.handlers.append(("/api/events/subscribe", EventsSocket))


def _jupyter_server_extension_points():
    return [{"module": __name__, "app": LabCheckApp}]


if __name__ == "__main__":
    LabCheckApp.launch_instance()
