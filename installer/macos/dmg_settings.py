"""dmgbuild settings for Tessera's disk image: the app and a link to Applications, side by side.

    dmgbuild -s installer/macos/dmg_settings.py -D app=dist/Tessera.app \
             -D icon=build/icons/Tessera.icns "Tessera" dist/Tessera.dmg

dmgbuild runs this file with ``defines`` (the -D values) in scope. sign_and_notarize.sh calls it
after signing the app, so the image carries the signed app.
"""

import os.path

defines = globals().get("defines", {})  # set by dmgbuild

application = defines.get("app", "dist/Tessera.app")
appname = os.path.basename(application)

# Compressed with LZFSE (macOS 10.11 and later; Tessera needs 11). UDZO for older readers.
format = defines.get("format", "ULFO")  # dmgbuild's setting name
filesystem = "HFS+"
size = None  # dmgbuild measures the contents

files = [application]
symlinks = {"Applications": "/Applications"}
hide_extensions = [appname]

icon = defines.get("icon") if defines.get("icon") and os.path.exists(defines["icon"]) else None
badge_icon = None

# The window: the app on the left, Applications on the right, an arrow between them.
background = "builtin-arrow"
window_rect = ((200, 120), (640, 360))
default_view = "icon-view"
show_status_bar = False
show_tab_view = False
show_toolbar = False
show_pathbar = False
show_sidebar = False
icon_size = 128
text_size = 13
icon_locations = {appname: (160, 170), "Applications": (480, 170)}
arrange_by = None
include_icon_view_settings = "auto"
include_list_view_settings = "auto"
